using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Workbook.Core.Episodes;

/// <summary>
/// The stable id of something an episode owns, a figure or an exercise: <c>epNN.name</c>, for
/// example <c>ep19.erlang-c</c>. This is the one place that parses such ids.
/// </summary>
/// <remarks>
/// <c>NN</c> is the episode number with two digits, <c>01</c> to <c>99</c>; <c>name</c> is one or
/// more lowercase words of letters and digits joined by single hyphens. Figures, exercises, the
/// notebooks' starter and check cells and the command line all read ids through
/// <see cref="Parse"/> or <see cref="TryParse"/>, so they cannot disagree about what an id is.
/// </remarks>
/// <example><c>EpisodeItemId.Parse("ep19.erlang-c")</c> has <see cref="Episode"/> 19 and <see cref="Name"/> "erlang-c".</example>
public sealed partial record EpisodeItemId
{
    /// <summary>The lowest episode number an id can spell.</summary>
    public const int MinEpisode = 1;

    /// <summary>The highest episode number an id can spell with its two digits.</summary>
    public const int MaxEpisode = 99;

    /// <summary>The allowed form, as error messages state it.</summary>
    public const string AllowedForm =
        "'epNN.' followed by lowercase kebab-case words, where NN is the episode number 01 to 99 (like 'ep19.erlang-c')";

    private EpisodeItemId(int episode, string name)
    {
        Episode = episode;
        Name = name;
    }

    /// <summary>The episode number, <see cref="MinEpisode"/> to <see cref="MaxEpisode"/>.</summary>
    public int Episode { get; }

    /// <summary>The part after the dot, for example <c>erlang-c</c>.</summary>
    public string Name { get; }

    /// <summary>The episode prefix, for example <c>ep19</c>.</summary>
    public string Prefix => FormatPrefix(Episode);

    /// <summary>The id as written, for example <c>ep19.erlang-c</c>.</summary>
    public override string ToString() => Prefix + "." + Name;

    /// <summary>Parses an id.</summary>
    /// <param name="id">The text to parse, such as <c>ep19.erlang-c</c>.</param>
    /// <param name="paramName">The parameter name the exception names (the caller's own, e.g. <c>Id</c>).</param>
    /// <returns>The parsed id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not of the form <see cref="AllowedForm"/>.</exception>
    public static EpisodeItemId Parse(string id, string paramName = "id")
    {
        ArgumentNullException.ThrowIfNull(id, paramName);
        return TryParse(id, out var parsed)
            ? parsed
            : throw new ArgumentException($"{paramName} must be {AllowedForm}; it was '{id}'.", paramName);
    }

    /// <summary>Parses an id, or says that it is not one.</summary>
    /// <param name="id">The text to parse; null or malformed text gives false.</param>
    /// <param name="parsed">The parsed id when the result is true.</param>
    /// <returns>True when <paramref name="id"/> is of the form <see cref="AllowedForm"/>.</returns>
    public static bool TryParse([NotNullWhen(true)] string? id, [NotNullWhen(true)] out EpisodeItemId? parsed)
    {
        parsed = null;
        var match = id is null ? Match.Empty : Pattern().Match(id);
        if (!match.Success)
        {
            return false;
        }

        var episode = int.Parse(match.Groups["episode"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
        if (episode < MinEpisode)
        {
            return false;
        }

        parsed = new EpisodeItemId(episode, match.Groups["name"].Value);
        return true;
    }

    /// <summary>Writes an episode number as an id prefix and export folder name, for example <c>ep01</c>.</summary>
    /// <param name="episode">The episode number, <see cref="MinEpisode"/> to <see cref="MaxEpisode"/>.</param>
    /// <param name="paramName">The parameter name the exception names.</param>
    /// <returns><c>ep</c> followed by the number with two digits.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="episode"/> is outside 1 to 99.</exception>
    public static string FormatPrefix(int episode, string paramName = "episode") =>
        "ep" + ValidateEpisode(episode, paramName).ToString("00", CultureInfo.InvariantCulture);

    /// <summary>Accepts an episode number from <see cref="MinEpisode"/> to <see cref="MaxEpisode"/>.</summary>
    /// <param name="episode">The number to check.</param>
    /// <param name="paramName">The parameter name the exception names.</param>
    /// <returns><paramref name="episode"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="episode"/> is outside 1 to 99.</exception>
    public static int ValidateEpisode(int episode, string paramName) =>
        episode is >= MinEpisode and <= MaxEpisode
            ? episode
            : throw new ArgumentOutOfRangeException(
                paramName, episode, $"{paramName} must be between {MinEpisode} and {MaxEpisode}; it was {episode}.");

    [GeneratedRegex(@"^ep(?<episode>[0-9]{2})\.(?<name>[a-z0-9]+(?:-[a-z0-9]+)*)\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
