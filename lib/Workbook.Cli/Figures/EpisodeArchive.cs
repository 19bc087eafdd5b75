using System.IO.Compression;

namespace Workbook.Cli.Figures;

/// <summary>Writes an episode's exported files into one zip archive that is byte-identical from run to run.</summary>
/// <remarks>
/// Entries keep the export folder's layout (<c>plotly-&lt;version&gt;.min.js</c> at the top,
/// <c>epNN/…</c> below it), so the pages inside still find plotly.js once unpacked. Every entry has
/// the same fixed time, <see cref="EntryTime"/>, and entries are sorted by name (ordinal), so the
/// archive depends only on the files' names and bytes.
/// </remarks>
internal static class EpisodeArchive
{
    /// <summary>The modification time written on every entry: 2000-01-01 00:00.</summary>
    internal static readonly DateTimeOffset EntryTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Builds the archive.</summary>
    /// <param name="outputDirectory">The export folder; entry names are paths relative to it.</param>
    /// <param name="files">The files to pack, anywhere under <paramref name="outputDirectory"/>.</param>
    /// <returns>The archive's bytes.</returns>
    internal static byte[] Build(string outputDirectory, IEnumerable<string> files)
    {
        var root = Path.GetFullPath(outputDirectory);
        var entries = files
            .Select(f => (Path: f, Name: Path.GetRelativePath(root, Path.GetFullPath(f)).Replace(Path.DirectorySeparatorChar, '/')))
            .DistinctBy(e => e.Name, StringComparer.Ordinal)
            .OrderBy(e => e.Name, StringComparer.Ordinal)
            .ToList();
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, name) in entries)
            {
                var entry = archive.CreateEntry(name, CompressionLevel.Optimal);
                entry.LastWriteTime = EntryTime;
                using var target = entry.Open();
                using var source = File.OpenRead(path);
                source.CopyTo(target);
            }
        }

        return buffer.ToArray();
    }
}
