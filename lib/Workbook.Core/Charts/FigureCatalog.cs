using Workbook.Core.Episodes;

namespace Workbook.Core.Charts;

/// <summary>Every figure of the workbook, looked up by id or by episode.</summary>
/// <remarks>
/// <para>
/// The catalog gathers the figures of every episode in <see cref="EpisodeCatalog.All"/> once, on
/// first use, and checks that no two figures share an id. Notebooks show a figure with
/// <c>FigureCatalog.Get("ep01.latency-vs-distance").Build()</c>; the <c>figures</c> command exports
/// <see cref="ForEpisode"/> or <see cref="Get"/>.
/// </para>
/// <para>An episode's figures appear here once its <see cref="Episode"/> type is in <see cref="EpisodeCatalog.All"/>.</para>
/// </remarks>
public static class FigureCatalog
{
    private static readonly Lazy<IReadOnlyList<WorkbookFigure>> Gathered = new(() => Gather(EpisodeCatalog.All.Select(e => e.Figures)));

    /// <summary>All figures, ordered by episode and then as each episode lists them.</summary>
    /// <exception cref="InvalidOperationException">Two figures share an id (thrown on first use).</exception>
    public static IReadOnlyList<WorkbookFigure> All => Gathered.Value;

    /// <summary>Finds a figure by its id.</summary>
    /// <param name="id">A figure id such as <c>ep01.latency-vs-distance</c>.</param>
    /// <returns>The figure with that id.</returns>
    /// <exception cref="KeyNotFoundException">No figure has that id; the message lists the known ids.</exception>
    public static WorkbookFigure Get(string id) => Find(All, id);

    /// <summary>The figures of one episode, in the order the episode shows them.</summary>
    /// <param name="episode">The episode number, 1 to <see cref="WorkbookFigure.MaxEpisode"/>.</param>
    /// <returns>The episode's figures; empty when it has none.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="episode"/> is outside 1 to <see cref="WorkbookFigure.MaxEpisode"/>.</exception>
    public static IReadOnlyList<WorkbookFigure> ForEpisode(int episode) => OfEpisode(All, episode);

    /// <summary>Concatenates episode lists, ordered by episode, rejecting duplicate ids.</summary>
    internal static IReadOnlyList<WorkbookFigure> Gather(IEnumerable<IReadOnlyList<WorkbookFigure>> episodeLists)
    {
        var figures = episodeLists.SelectMany(list => list).OrderBy(f => f.Episode).ToList();
        var duplicates = figures.GroupBy(f => f.Id, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key)
            .ToList();
        if (duplicates.Count > 0)
        {
            throw new InvalidOperationException(
                $"Figure ids must be unique; these appear more than once: {string.Join(", ", duplicates)}.");
        }

        return figures.AsReadOnly();
    }

    /// <summary>The lookup behind <see cref="Get"/>, over any list of figures.</summary>
    internal static WorkbookFigure Find(IReadOnlyList<WorkbookFigure> figures, string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return figures.FirstOrDefault(f => string.Equals(f.Id, id, StringComparison.Ordinal))
            ?? throw new KeyNotFoundException($"No figure has the id '{id}'; known ids: {KnownIds(figures)}.");
    }

    /// <summary>The filter behind <see cref="ForEpisode"/>, over any list of figures.</summary>
    internal static IReadOnlyList<WorkbookFigure> OfEpisode(IReadOnlyList<WorkbookFigure> figures, int episode)
    {
        EpisodeItemId.ValidateEpisode(episode, nameof(episode));
        return figures.Where(f => f.Episode == episode).ToList().AsReadOnly();
    }

    /// <summary>The ids of <paramref name="figures"/> as one comma-separated line, or "(none)".</summary>
    internal static string KnownIds(IReadOnlyList<WorkbookFigure> figures) =>
        figures.Count == 0 ? "(none)" : string.Join(", ", figures.Select(f => f.Id));
}
