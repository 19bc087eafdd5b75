using Plotly.NET;
using Workbook.Core.Episodes;

namespace Workbook.Core.Charts;

/// <summary>
/// One figure of the workbook (named so that it does not collide with <c>Plotly.NET.Figure</c> in
/// notebooks, which import both namespaces): a stable id, the episode it belongs to, its title and caption, and
/// the function that builds its chart.
/// </summary>
/// <param name="Id">
/// The stable id, <c>epNN.kebab-case-name</c> in lowercase, for example
/// <c>ep01.latency-vs-distance</c>. <c>NN</c> is <paramref name="Episode"/> written with two digits.
/// The id names the exported files and is what the notebook and the <c>figures --id</c> command use,
/// so it never changes once published.
/// </param>
/// <param name="Episode">The episode number, 1 to 99 (the id spells it with two digits).</param>
/// <param name="Title">The figure's title as a reader sees it; not empty.</param>
/// <param name="Caption">One or two sentences saying what the figure shows and where its numbers come from; not empty.</param>
/// <param name="AltText">
/// What a reader who cannot see the chart needs instead of it: the kind of chart, what each axis
/// measures, what the series are and the reading the title claims, in words and numbers; never a
/// colour as the only way to tell series apart. At least <see cref="MinAltTextLength"/> characters
/// and not the caption or title repeated. Exports write it to <c>&lt;id&gt;.txt</c>, the SVG's
/// <c>&lt;desc&gt;</c> and the HTML's description.
/// </param>
/// <param name="Build">
/// Builds the chart. It is called every time the figure is shown or exported, so it must be
/// deterministic: fixed seeds, no clock, no network.
/// </param>
/// <remarks>
/// A figure is defined once, in the library: the notebook displays it and the command line exports
/// it (HTML, PNG, SVG) through the same <see cref="Build"/>, so data and look agree everywhere. Each
/// episode lists its figures, its <see cref="Episode"/> hands them to <see cref="EpisodeCatalog"/>,
/// and <see cref="FigureCatalog"/> gathers them; ids are parsed by <see cref="EpisodeItemId"/>. The
/// record validates its arguments at construction and its properties are read-only, so a
/// <c>with</c> expression cannot skip the validation.
/// </remarks>
/// <example>
/// <code>
/// var figure = new WorkbookFigure(
///     Id: "ep01.latency-vs-distance",
///     Episode: 1,
///     Title: "Round-trip time grows with distance",
///     Caption: "Light in fibre needs about 1 ms per 100 km each way (illustrative).",
///     AltText: "Line chart of round-trip time in milliseconds against distance in kilometres: a straight line from 0 ms at 0 km to 100 ms at 10,000 km.",
///     Build: () => ChartStyle.Apply(chart, "Round-trip time vs distance", "distance (km)", "round-trip time (ms)"));
/// </code>
/// </example>
public sealed record WorkbookFigure(string Id, int Episode, string Title, string Caption, string AltText, Func<GenericChart> Build)
{
    /// <summary>The highest episode number an id can spell with its two digits (<see cref="EpisodeItemId.MaxEpisode"/>).</summary>
    public const int MaxEpisode = EpisodeItemId.MaxEpisode;

    /// <summary>The stable id, <c>epNN.kebab-case-name</c>.</summary>
    public string Id { get; } = ValidateId(Id, Episode);

    /// <summary>The episode number, 1 to <see cref="MaxEpisode"/>.</summary>
    public int Episode { get; } = ValidateEpisode(Episode);

    /// <summary>The figure's title as a reader sees it.</summary>
    public string Title { get; } = ValidateText(Title, nameof(Title));

    /// <summary>What the figure shows and where its numbers come from.</summary>
    public string Caption { get; } = ValidateText(Caption, nameof(Caption));

    /// <summary>The shortest alt text accepted, in characters: enough to name the chart kind, both axes and the finding.</summary>
    public const int MinAltTextLength = 80;

    /// <summary>The figure described in words for readers who cannot see it (screen readers, alt attributes, <c>&lt;desc&gt;</c>).</summary>
    public string AltText { get; } = ValidateAltText(AltText, Title, Caption);

    /// <summary>Builds the chart; deterministic, called on every display or export.</summary>
    public Func<GenericChart> Build { get; } = Build ?? throw new ArgumentNullException(nameof(Build));

    /// <summary>The episode folder name used by exports, <c>epNN</c>.</summary>
    public string EpisodeFolder => EpisodeFolderName(Episode);

    /// <summary>Formats an episode number as its folder name and id prefix, for example <c>ep01</c>.</summary>
    /// <param name="episode">The episode number, 1 to <see cref="MaxEpisode"/>.</param>
    /// <returns><c>ep</c> followed by the number with two digits.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="episode"/> is outside 1 to <see cref="MaxEpisode"/>.</exception>
    public static string EpisodeFolderName(int episode) => EpisodeItemId.FormatPrefix(episode, nameof(episode));

    private static int ValidateEpisode(int episode) => EpisodeItemId.ValidateEpisode(episode, nameof(Episode));

    private static string ValidateId(string id, int episode)
    {
        ArgumentNullException.ThrowIfNull(id, nameof(Id));
        ValidateEpisode(episode);
        var parsed = EpisodeItemId.Parse(id, nameof(Id));
        if (parsed.Episode != episode)
        {
            throw new ArgumentException(
                $"Id '{id}' names episode {parsed.Episode} but Episode is {episode}; the prefix must be '{EpisodeFolderName(episode)}.'.",
                nameof(Id));
        }

        return id;
    }

    private static string ValidateAltText(string altText, string title, string caption)
    {
        ValidateText(altText, nameof(AltText));
        if (altText.Trim().Length < MinAltTextLength)
        {
            throw new ArgumentException(
                $"AltText must describe the chart in at least {MinAltTextLength} characters (kind, axes, series, finding); it had {altText.Trim().Length}.",
                nameof(AltText));
        }

        return string.Equals(altText.Trim(), caption?.Trim(), StringComparison.Ordinal) || string.Equals(altText.Trim(), title?.Trim(), StringComparison.Ordinal)
            ? throw new ArgumentException("AltText must describe the chart itself, not repeat the caption or title.", nameof(AltText))
            : altText;
    }

    private static string ValidateText(string text, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(text, parameterName);
        return string.IsNullOrWhiteSpace(text)
            ? throw new ArgumentException($"{parameterName} must not be empty.", parameterName)
            : text;
    }
}
