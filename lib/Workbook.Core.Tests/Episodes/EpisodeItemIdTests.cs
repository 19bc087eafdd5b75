using Workbook.Core.Episodes;

namespace Workbook.Core.Tests.Episodes;

/// <summary>The one parser of figure and exercise ids, <c>epNN.name</c>.</summary>
public sealed class EpisodeItemIdTests
{
    [Theory]
    [InlineData("ep19.erlang-c", 19, "erlang-c")]
    [InlineData("ep01.latency-vs-distance", 1, "latency-vs-distance")]
    [InlineData("ep99.x", 99, "x")]
    [InlineData("ep13.p99-2nd-try", 13, "p99-2nd-try")]
    public void Parse_GivesEpisodeAndName_AndWritesTheIdBack(string text, int episode, string name)
    {
        var id = EpisodeItemId.Parse(text);

        Assert.Equal(episode, id.Episode);
        Assert.Equal(name, id.Name);
        Assert.Equal(text[..4], id.Prefix);
        Assert.Equal(text, id.ToString());
        Assert.True(EpisodeItemId.TryParse(text, out var again));
        Assert.Equal(id, again);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ep1.latency")]
    [InlineData("ep001.latency")]
    [InlineData("ep100.latency")]
    [InlineData("ep00.latency")]
    [InlineData("Ep01.latency")]
    [InlineData("ep01.Latency")]
    [InlineData("ep01latency")]
    [InlineData("ep01.")]
    [InlineData("ep01.latency_vs_distance")]
    [InlineData("ep01.latency--distance")]
    [InlineData("ep01.-latency")]
    [InlineData("ep01.latency-")]
    [InlineData("ep01.latency vs distance")]
    [InlineData("ep01.latency\n")]
    [InlineData(" ep01.latency")]
    [InlineData("ep٠١.latency")] // Arabic-Indic digits are digits to \d, not to the id form
    public void Malformed_IsRejected_NamingTheParameterAndTheForm(string text)
    {
        Assert.False(EpisodeItemId.TryParse(text, out var parsed));
        Assert.Null(parsed);

        var error = Assert.Throws<ArgumentException>(() => EpisodeItemId.Parse(text, "figureId"));
        Assert.Equal("figureId", error.ParamName);
        Assert.StartsWith(
            $"figureId must be 'epNN.' followed by lowercase kebab-case words, where NN is the episode number 01 to 99 (like 'ep19.erlang-c'); it was '{text}'.",
            error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Null_IsRejected()
    {
        Assert.False(EpisodeItemId.TryParse(null, out _));
        Assert.Equal("id", Assert.Throws<ArgumentNullException>(() => EpisodeItemId.Parse(null!)).ParamName);
    }

    [Theory]
    [InlineData(1, "ep01")]
    [InlineData(9, "ep09")]
    [InlineData(42, "ep42")]
    [InlineData(99, "ep99")]
    public void FormatPrefix_PadsToTwoDigits(int episode, string prefix)
    {
        Assert.Equal(prefix, EpisodeItemId.FormatPrefix(episode));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(100)]
    [InlineData(int.MinValue)]
    public void EpisodeOutsideOneTo99_IsRejected_NamingTheParameter(int episode)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => EpisodeItemId.FormatPrefix(episode, "number"));

        Assert.Equal("number", error.ParamName);
        Assert.StartsWith($"number must be between 1 and 99; it was {episode}.", error.Message, StringComparison.Ordinal);
    }
}
