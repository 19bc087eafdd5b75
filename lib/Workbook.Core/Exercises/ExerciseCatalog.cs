using Workbook.Core.Episodes;

namespace Workbook.Core.Exercises;

/// <summary>Every exercise of the workbook, by id and by episode.</summary>
/// <remarks>
/// Each episode keeps its exercises in its own room (<c>Episodes/EpNN…/EpisodeNNExercises.cs</c>) and
/// hands them over through its <see cref="Episode"/> type; this catalog only gathers them from
/// <see cref="EpisodeCatalog.All"/>, so an episode is added there, not here.
/// </remarks>
public static class ExerciseCatalog
{
    private static readonly Lazy<IReadOnlyList<Exercise>> all = new(() => [.. EpisodeCatalog.All.SelectMany(e => e.Exercises)]);

    /// <summary>All exercises, in episode order.</summary>
    public static IReadOnlyList<Exercise> All => all.Value;

    /// <summary>The exercise with the given id.</summary>
    /// <exception cref="KeyNotFoundException">No exercise has that id; the message lists the ids that exist.</exception>
    public static Exercise Get(string id) =>
        TryGet(id) ?? throw new KeyNotFoundException(
            $"No exercise has the id '{id}'. Known ids: {string.Join(", ", All.Select(e => e.Id))}.");

    /// <summary>The exercise with the given id, or <see langword="null"/>.</summary>
    public static Exercise? TryGet(string id) => All.FirstOrDefault(e => string.Equals(e.Id, id, StringComparison.Ordinal));

    /// <summary>The exercises of one episode, in the order the notebook presents them.</summary>
    public static IReadOnlyList<Exercise> ForEpisode(int episode) => All.Where(e => e.Episode == episode).ToArray();
}
