using Workbook.Core.Charts;

namespace Workbook.Core.Tests.Charts;

public class FigureTests
{
    private const string Alt = SampleFigures.AltText;

    [Theory]
    [InlineData("ep01.latency-vs-distance", 1)]
    [InlineData("ep12.a", 12)]
    [InlineData("ep99.p99-tail-latency-2", 99)]
    public void Accepts_LowercaseKebabIdsWithMatchingEpisodePrefix(string id, int episode)
    {
        var figure = new WorkbookFigure(id, episode, "t", "c", Alt, () => SampleFigures.LatencyChart());

        Assert.Equal(id, figure.Id);
        Assert.Equal(episode, figure.Episode);
        Assert.Equal(id[..4], figure.EpisodeFolder);
    }

    [Theory]
    [InlineData("Ep01.latency")]
    [InlineData("ep01.Latency")]
    [InlineData("ep1.latency")]
    [InlineData("ep01latency")]
    [InlineData("ep01.latency_vs_distance")]
    [InlineData("ep01.latency--distance")]
    [InlineData("ep01.-latency")]
    [InlineData("ep01.latency-")]
    [InlineData("ep01.")]
    [InlineData("ep01.latency vs distance")]
    public void Rejects_IdsThatAreNotEpPrefixPlusKebabCase(string id)
    {
        var error = Assert.Throws<ArgumentException>(() => new WorkbookFigure(id, 1, "t", "c", Alt, () => SampleFigures.LatencyChart()));

        Assert.Equal("Id", error.ParamName);
        Assert.Contains("'epNN.' followed by lowercase kebab-case words", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_IdWhosePrefixNamesAnotherEpisode()
    {
        var error = Assert.Throws<ArgumentException>(() => new WorkbookFigure("ep02.latency", 1, "t", "c", Alt, () => SampleFigures.LatencyChart()));

        Assert.Contains("names episode 2 but Episode is 1; the prefix must be 'ep01.'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(100)]
    public void Rejects_EpisodeOutsideOneTo99(int episode)
    {
        BadInput.Rejects(() => new WorkbookFigure("ep00.x", episode, "t", "c", Alt, () => SampleFigures.LatencyChart()), "Episode", $"Episode must be between 1 and 99; it was {episode}.");
    }

    [Fact]
    public void Rejects_EmptyTitleOrCaptionAndMissingBuild()
    {
        Assert.Equal("Title", Assert.Throws<ArgumentException>(() => new WorkbookFigure("ep01.x", 1, " ", "c", Alt, () => SampleFigures.LatencyChart())).ParamName);
        Assert.Equal("Caption", Assert.Throws<ArgumentException>(() => new WorkbookFigure("ep01.x", 1, "t", "", Alt, () => SampleFigures.LatencyChart())).ParamName);
        Assert.Equal("Build", Assert.Throws<ArgumentNullException>(() => new WorkbookFigure("ep01.x", 1, "t", "c", Alt, null!)).ParamName);
    }

    [Fact]
    public void Rejects_AltTextThatIsEmptyShortOrARepeatedCaption()
    {
        BadInput.RejectsArgument(() => new WorkbookFigure("ep01.x", 1, "t", "c", "", () => SampleFigures.LatencyChart()), "AltText", "must not be empty");
        BadInput.RejectsArgument(() => new WorkbookFigure("ep01.x", 1, "t", "c", "A line chart.", () => SampleFigures.LatencyChart()), "AltText", $"at least {WorkbookFigure.MinAltTextLength} characters");
        BadInput.RejectsArgument(() => new WorkbookFigure("ep01.x", 1, "t", Alt, Alt, () => SampleFigures.LatencyChart()), "AltText", "not repeat the caption or title");
        Assert.Equal(Alt, new WorkbookFigure("ep01.x", 1, "t", "c", Alt, () => SampleFigures.LatencyChart()).AltText);
    }

    [Fact]
    public void EpisodeFolderName_PadsToTwoDigits()
    {
        Assert.Equal("ep01", WorkbookFigure.EpisodeFolderName(1));
        Assert.Equal("ep42", WorkbookFigure.EpisodeFolderName(42));
        Assert.Throws<ArgumentOutOfRangeException>(() => WorkbookFigure.EpisodeFolderName(0));
    }
}
