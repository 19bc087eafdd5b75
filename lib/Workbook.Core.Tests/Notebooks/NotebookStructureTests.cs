using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Workbook.Cli.Notebooks;
using Workbook.Core.Exercises;

namespace Workbook.Core.Tests.Notebooks;

/// <summary>The anatomy every committed notebook follows (WORKBOOK.md), checked without running it.</summary>
public partial class NotebookStructureTests
{
    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        foreach (var path in Repository.EpisodeNotebooks())
        {
            data.Add(Path.GetFileName(path));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void IsCommittedClean_ForTheCSharpKernel(string name)
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.Notebooks, name)))!;

        Assert.Equal(4, json["nbformat"]!.GetValue<int>());
        Assert.Equal(".net-csharp", json["metadata"]!["kernelspec"]!["name"]!.GetValue<string>());
        Assert.All(json["cells"]!.AsArray().OfType<JsonObject>().Where(c => c["cell_type"]!.GetValue<string>() == "code"),
            c => Assert.Empty(c["outputs"]!.AsArray()));
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void EveryCell_HasAUniqueNbformat45Id(string name)
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.Notebooks, name)))!;
        var ids = json["cells"]!.AsArray().OfType<JsonObject>().Select(c => c["id"]?.GetValue<string>()).ToList();

        Assert.True(json["nbformat_minor"]!.GetValue<int>() >= 5, "cell ids need nbformat 4.5 or later");
        Assert.All(ids, id => Assert.Matches("^[A-Za-z0-9_-]{1,64}$", id ?? ""));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void FirstCodeCell_ImportsTheSharedSetup_ThenOnlyTheEpisodesOwnUsings(string name)
    {
        var notebook = NotebookFile.Load(Path.Combine(Repository.Notebooks, name));
        var lines = notebook.Cells.First(c => c.IsCode).Source.Trim().Split('\n');

        Assert.Equal("#!import setup.dib", lines[0].Trim());
        Assert.All(lines.Skip(1), line => Assert.Matches(@"^using Workbook\.Core\.[A-Za-z.]+;$", line.Trim()));
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void EveryStarterCell_ThrowsNotImplemented_AndIsFollowedByItsCheckCell(string name)
    {
        var code = NotebookFile.Load(Path.Combine(Repository.Notebooks, name)).Cells.Where(c => c.IsCode).ToList();
        var starters = code.Select((c, i) => (Id: ExerciseBlocks.ExerciseIdOf(c.Source), Index: i)).Where(s => s.Id is not null).ToList();

        Assert.NotEmpty(starters);
        foreach (var (id, index) in starters)
        {
            Assert.Contains("throw new NotImplementedException();", code[index].Source, StringComparison.Ordinal);
            Assert.Matches($"^Check\\(\"{Regex.Escape(id!)}\", \\w+\\)$", code[index + 1].Source.Trim());
            Assert.NotNull(ExerciseCatalog.TryGet(id!));
        }
    }

    [Fact]
    public void SetupFile_LoadsExactlyThePackageVersionsOfDirectoryPackagesProps()
    {
        var props = XDocument.Load(Path.Combine(Repository.Root, "Directory.Packages.props"));
        var expected = props.Descendants("ItemGroup")
            .Where(g => ((string?)g.Attribute("Label"))?.StartsWith("Notebook packages", StringComparison.Ordinal) == true)
            .Elements("PackageVersion")
            .Select(p => $"{(string)p.Attribute("Include")!}, {(string)p.Attribute("Version")!}")
            .Order(StringComparer.Ordinal)
            .ToList();
        var setup = File.ReadAllText(Path.Combine(Repository.Notebooks, "setup.dib"));
        var loaded = NuGetDirective().Matches(setup).Select(m => m.Groups["package"].Value).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(8, expected.Count);
        Assert.Equal(expected, loaded);
    }

    [Fact]
    public void SetupFile_ReferencesTheLibraryWhereTheBuildPutsIt()
    {
        var setup = File.ReadAllText(Path.Combine(Repository.Notebooks, "setup.dib"));
        var reference = LibraryDirective().Match(setup);

        Assert.True(reference.Success);
        Assert.True(File.Exists(Path.GetFullPath(Path.Combine(Repository.Notebooks, reference.Groups["path"].Value))),
            $"{reference.Groups["path"].Value} does not exist relative to notebooks/ — did the build output move?");
    }

    [GeneratedRegex("^#r \"nuget: (?<package>[^\"]+)\"", RegexOptions.Multiline)]
    private static partial Regex NuGetDirective();

    [GeneratedRegex("^#r \"(?<path>[^\"]+Workbook\\.Core\\.dll)\"", RegexOptions.Multiline)]
    private static partial Regex LibraryDirective();
}
