using Workbook.Core.Charts;
using Workbook.Core.Episodes;
using Workbook.Core.Exercises;
using Workbook.Core.Tests.Charts;
using Workbook.Cli.Notebooks;

namespace Workbook.Core.Tests.Episodes;

/// <summary>
/// An episode is one unit: its type in <see cref="EpisodeCatalog.All"/> is the only registration, and
/// the files and ids it implies exist and agree.
/// </summary>
public sealed class EpisodeCatalogTests
{
    public static TheoryData<int> Numbers()
    {
        var data = new TheoryData<int>();
        foreach (var episode in EpisodeCatalog.All)
        {
            data.Add(episode.Number);
        }

        return data;
    }

    [Fact]
    public void All_ListsTheEpisodesWhoseNotebooksShip_InAscendingOrder()
    {
        // Independent of the catalog: the episode numbers in the notebooks' file names (epNN-slug.ipynb).
        var shipped = Repository.EpisodeNotebooks()
            .Select(p => int.Parse(Path.GetFileName(p).AsSpan(2, 2), System.Globalization.CultureInfo.InvariantCulture))
            .Order()
            .ToList();

        Assert.NotEmpty(shipped);
        Assert.Equal(shipped, EpisodeCatalog.All.Select(e => e.Number));
    }

    [Fact]
    public void EveryEpisodeNotebook_BelongsToAnEpisodeInTheList()
    {
        var notebooks = Repository.EpisodeNotebooks().Select(Path.GetFileName).ToList();

        Assert.Equal(notebooks, EpisodeCatalog.All.Select(e => e.NotebookFileName));
    }

    [Theory]
    [MemberData(nameof(Numbers))]
    public void Episode_HasItsNotebookAndBothSolutionFiles(int number)
    {
        var episode = EpisodeCatalog.Get(number);

        Assert.True(File.Exists(Path.Combine(Repository.Notebooks, episode.NotebookFileName)), episode.NotebookFileName);
        Assert.True(File.Exists(Path.Combine(Repository.Notebooks, "solutions", episode.SolutionsFileName)), episode.SolutionsFileName);
        Assert.True(File.Exists(Path.Combine(Repository.Notebooks, "solutions", episode.MistakesFileName)), episode.MistakesFileName);
        Assert.Same(episode, EpisodeCatalog.ForNotebook(episode.NotebookFileName));
    }

    [Theory]
    [MemberData(nameof(Numbers))]
    public void Episode_TitleIsTheNotebooksFirstHeading(int number)
    {
        var episode = EpisodeCatalog.Get(number);
        var notebook = NotebookFile.Load(Path.Combine(Repository.Notebooks, episode.NotebookFileName));

        var heading = notebook.Cells.First(c => c.Kind == "markdown").Source.Split('\n')[0];

        Assert.Equal($"# Episode {number} — {episode.Title}", heading);
    }

    [Theory]
    [MemberData(nameof(Numbers))]
    public void Episode_FiguresAndExercisesCarryItsNumber_AndTheirIdsParse(int number)
    {
        var episode = EpisodeCatalog.Get(number);

        Assert.NotEmpty(episode.Exercises);
        Assert.All(episode.Figures, f => Assert.Equal(number, EpisodeItemId.Parse(f.Id).Episode));
        Assert.All(episode.Figures, f => Assert.Equal(number, f.Episode));
        Assert.All(episode.Exercises, x => Assert.Equal(number, EpisodeItemId.Parse(x.Id).Episode));
        Assert.All(episode.Exercises, x => Assert.Equal(number, x.Episode));
    }

    [Fact]
    public void FigureAndExerciseCatalogs_HoldExactlyTheEpisodesContent_InEpisodeOrder()
    {
        Assert.Equal(EpisodeCatalog.All.SelectMany(e => e.Figures), FigureCatalog.All);
        Assert.Equal(EpisodeCatalog.All.SelectMany(e => e.Exercises), ExerciseCatalog.All);
        Assert.All(EpisodeCatalog.All, e => Assert.Equal(e.Figures, FigureCatalog.ForEpisode(e.Number)));
        Assert.All(EpisodeCatalog.All, e => Assert.Equal(e.Exercises, ExerciseCatalog.ForEpisode(e.Number)));
    }

    [Fact]
    public void Get_And_ForNotebook_NameWhatExists_WhenNothingMatches()
    {
        var byNumber = Assert.Throws<KeyNotFoundException>(() => EpisodeCatalog.Get(2));
        var byNotebook = Assert.Throws<KeyNotFoundException>(() => EpisodeCatalog.ForNotebook("ep02-nothing.ipynb"));

        Assert.Equal("No episode has the number 2; episodes: 1, 13, 19, 20, 21, 22, 23.", byNumber.Message);
        Assert.StartsWith("No episode has the notebook 'ep02-nothing.ipynb'; notebooks: ep01-speed-of-light.ipynb, ", byNotebook.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_RejectsEpisodesOutOfOrderOrTwice()
    {
        var error = Assert.Throws<InvalidOperationException>(() => EpisodeCatalog.Check([new Fake(2), new Fake(1)]));
        Assert.Equal("Episodes must be listed once each, in ascending number; Episode 1 (ep01-fake.ipynb) follows Episode 2 (ep02-fake.ipynb).", error.Message);

        Assert.Throws<InvalidOperationException>(() => EpisodeCatalog.Check([new Fake(2), new Fake(2)]));
    }

    [Fact]
    public void Check_RejectsAFigureOfAnotherEpisode()
    {
        var error = Assert.Throws<InvalidOperationException>(() => EpisodeCatalog.Check([new Fake(1) { FigureList = [SampleFigures.Bars()] }]));

        Assert.Equal("Episode 1 (ep01-fake.ipynb) lists items of another episode; their ids must start with 'ep01.': ep02.sample-bars.", error.Message);
        Assert.Single(EpisodeCatalog.Check([new Fake(2) { FigureList = [SampleFigures.Bars()] }]));
    }

    [Theory]
    [InlineData(0, "fake", "t", "number")]
    [InlineData(100, "fake", "t", "number")]
    [InlineData(1, "Fake", "t", "slug")]
    [InlineData(1, "fake_name", "t", "slug")]
    [InlineData(1, "", "t", "slug")]
    [InlineData(1, "fake", " ", "title")]
    public void Constructor_RejectsBadInput_NamingTheParameter(int number, string slug, string title, string parameter)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => new Fake(number, slug, title));

        Assert.Equal(parameter, error.ParamName);
    }

    [Fact]
    public void FileNames_FollowTheEpisodePrefixAndSlug()
    {
        var episode = new Fake(7, "two-words");

        Assert.Equal("ep07", episode.Prefix);
        Assert.Equal("ep07-two-words.ipynb", episode.NotebookFileName);
        Assert.Equal("ep07-two-words.solutions.csx", episode.SolutionsFileName);
        Assert.Equal("ep07-two-words.mistakes.csx", episode.MistakesFileName);
    }

    private sealed class Fake(int number, string slug = "fake", string title = "A fake episode") : Episode(number, slug, title)
    {
        public IReadOnlyList<WorkbookFigure> FigureList { get; init; } = [];

        public override IReadOnlyList<WorkbookFigure> Figures => FigureList;

        public override IReadOnlyList<Exercise> Exercises => [];
    }
}
