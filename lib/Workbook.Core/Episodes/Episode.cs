using System.Text.RegularExpressions;
using Workbook.Core.Charts;
using Workbook.Core.Exercises;

namespace Workbook.Core.Episodes;

/// <summary>
/// One episode of the workbook as a unit: its number, title and notebook, and the figures and
/// exercises it owns. Each episode room (<c>Episodes/Ep19Queueing/</c>, …) has one subclass, and
/// <see cref="EpisodeCatalog.All"/> lists them; that list is the only registration an episode needs.
/// </summary>
/// <remarks>
/// The notebook is <c>notebooks/epNN-slug.ipynb</c>, its reference answers
/// <c>notebooks/solutions/epNN-slug.solutions.csx</c> and its typical mistakes
/// <c>…mistakes.csx</c>; a test checks that those files exist and that every figure and exercise id
/// carries the episode's number. <see cref="FigureCatalog"/> and <see cref="ExerciseCatalog"/> read
/// their content from <see cref="EpisodeCatalog"/>.
/// </remarks>
public abstract partial class Episode
{
    /// <summary>Describes an episode.</summary>
    /// <param name="number">The episode number, 1 to 99.</param>
    /// <param name="slug">The notebook's name after <c>epNN-</c>, lowercase kebab-case, e.g. <c>queueing</c>.</param>
    /// <param name="title">The episode's title: the notebook's first heading after "Episode N — ".</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="number"/> is outside 1 to 99.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="slug"/> or <paramref name="title"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="slug"/> is not kebab-case, or <paramref name="title"/> is empty.</exception>
    protected Episode(int number, string slug, string title)
    {
        ArgumentNullException.ThrowIfNull(slug);
        ArgumentNullException.ThrowIfNull(title);
        Number = EpisodeItemId.ValidateEpisode(number, nameof(number));
        Slug = SlugPattern().IsMatch(slug)
            ? slug
            : throw new ArgumentException($"slug must be lowercase kebab-case words, like 'speed-of-light'; it was '{slug}'.", nameof(slug));
        Title = string.IsNullOrWhiteSpace(title) ? throw new ArgumentException("title must not be empty.", nameof(title)) : title;
    }

    /// <summary>The episode number, 1 to 99.</summary>
    public int Number { get; }

    /// <summary>The notebook's name after <c>epNN-</c>, for example <c>queueing</c>.</summary>
    public string Slug { get; }

    /// <summary>The episode's title.</summary>
    public string Title { get; }

    /// <summary>The prefix of the episode's ids and its export folder, for example <c>ep19</c>.</summary>
    public string Prefix => EpisodeItemId.FormatPrefix(Number);

    /// <summary>The notebook's file name in <c>notebooks/</c>, for example <c>ep19-queueing.ipynb</c>.</summary>
    public string NotebookFileName => $"{Prefix}-{Slug}.ipynb";

    /// <summary>The reference answers' file name in <c>notebooks/solutions/</c>.</summary>
    public string SolutionsFileName => $"{Prefix}-{Slug}.solutions.csx";

    /// <summary>The typical mistakes' file name in <c>notebooks/solutions/</c>.</summary>
    public string MistakesFileName => $"{Prefix}-{Slug}.mistakes.csx";

    /// <summary>The episode's figures, in the order the notebook shows them.</summary>
    public abstract IReadOnlyList<WorkbookFigure> Figures { get; }

    /// <summary>The episode's exercises, in the order the notebook presents them.</summary>
    public abstract IReadOnlyList<Exercise> Exercises { get; }

    /// <summary>"Episode 19 (ep19-queueing.ipynb)".</summary>
    public override string ToString() => $"Episode {Number} ({NotebookFileName})";

    [GeneratedRegex(@"^[a-z0-9]+(?:-[a-z0-9]+)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}
