using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Workbook.Core.Tests.Cli;

/// <summary>What the test's own PDF reader found: page count, the page's MediaBox and the file as Latin-1 text.</summary>
internal sealed record PdfCheck(int PageCount, double[] MediaBox, string Text);

/// <summary>
/// A PDF reader for tests, written apart from the exporter's: it checks the file's frame (header,
/// end marker, that every cross-reference offset points at its object) and reads the page count
/// from the page tree and the MediaBox.
/// </summary>
internal static partial class PdfFile
{
    public static PdfCheck Check(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        Assert.StartsWith("%PDF-1.", text, StringComparison.Ordinal);
        Assert.EndsWith("%%EOF\n", text, StringComparison.Ordinal);

        var startXref = int.Parse(StartXref().Match(text).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.StartsWith("xref\n", text[startXref..], StringComparison.Ordinal);
        var lines = text[startXref..].Split('\n');
        var count = int.Parse(lines[1].Split(' ')[1], CultureInfo.InvariantCulture);
        for (var number = 1; number < count; number++)
        {
            var entry = lines[2 + number];
            Assert.EndsWith(" n ", entry, StringComparison.Ordinal);
            var offset = int.Parse(entry[..10], CultureInfo.InvariantCulture);
            Assert.StartsWith($"{number} 0 obj", text[offset..], StringComparison.Ordinal);
        }

        var pages = PageCount().Match(text);
        Assert.True(pages.Success, "no /Type /Pages with a /Count");
        var boxes = MediaBox().Matches(text);
        Assert.Single(boxes);
        var box = boxes[0].Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        return new PdfCheck(int.Parse(pages.Groups[1].Value, CultureInfo.InvariantCulture), box, text);
    }

    /// <summary>The path of a program on <c>PATH</c> (such as poppler's <c>pdfinfo</c> or <c>pdftoppm</c>), or <see langword="null"/>.</summary>
    public static string? Tool(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, name))
            .FirstOrDefault(File.Exists);

    /// <summary>The output of poppler's <c>pdfinfo</c>, or <see langword="null"/> when it is not installed.</summary>
    public static string? PdfInfo(string path)
    {
        var tool = Tool("pdfinfo");
        if (tool is null)
        {
            return null;
        }

        using var process = Process.Start(new ProcessStartInfo(tool, [path]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEnd();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0 && errors.Length == 0, $"pdfinfo failed ({process.ExitCode}): {errors}");
        return output;
    }

    [GeneratedRegex(@"startxref\n(\d+)\n%%EOF\n$")]
    private static partial Regex StartXref();

    [GeneratedRegex(@"/Type /Pages\s*/Count (\d+)")]
    private static partial Regex PageCount();

    [GeneratedRegex(@"/MediaBox \[([^\]]*)\]")]
    private static partial Regex MediaBox();
}

/// <summary>Reads the links of exported HTML and the entries of an episode archive.</summary>
internal static partial class ExportedHtml
{
    /// <summary>Every <c>href</c> and <c>src</c> that points at a local file, decoded, in page order.</summary>
    public static IReadOnlyList<string> LocalLinks(string html) =>
        Link().Matches(html)
            .Select(m => Uri.UnescapeDataString(WebUtility.HtmlDecode(m.Groups[1].Value)))
            .Where(l => !l.StartsWith('#') && !l.Contains(':', StringComparison.Ordinal))
            .ToList();

    /// <summary>Checks every entry against the file of the same name under <paramref name="outputDirectory"/> and its fixed time; returns the names in archive order.</summary>
    public static IReadOnlyList<string> CheckArchive(byte[] archive, string outputDirectory)
    {
        using var zip = new ZipArchive(new MemoryStream(archive), ZipArchiveMode.Read);
        foreach (var entry in zip.Entries)
        {
            Assert.Equal(new DateTime(2000, 1, 1, 0, 0, 0), entry.LastWriteTime.DateTime);
            using var content = new MemoryStream();
            using (var stream = entry.Open())
            {
                stream.CopyTo(content);
            }

            Assert.Equal(File.ReadAllBytes(Path.Combine(outputDirectory, entry.FullName)), content.ToArray());
        }

        return zip.Entries.Select(e => e.FullName).ToList();
    }

    [GeneratedRegex("(?:href|src)=\"([^\"]*)\"")]
    private static partial Regex Link();
}
