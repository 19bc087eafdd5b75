using Workbook.Core.Charts;
using Workbook.Core.Episodes.Ep01SpeedOfLight;
using Workbook.Core.Episodes.Ep13CircuitBreakers;
using Workbook.Core.Episodes.Ep19Queueing;
using Workbook.Core.Episodes.Ep20ConsistentHashing;
using Workbook.Core.Episodes.Ep21Raft;
using Workbook.Core.Episodes.Ep22BuildingBreakers;
using Workbook.Core.Episodes.Ep23SpotTheBug;
using Workbook.Core.Exercises;

namespace Workbook.Core.Episodes;

/// <summary>Every episode of the workbook, in episode order: the one list an episode is added to.</summary>
/// <remarks>
/// <see cref="FigureCatalog"/> and <see cref="ExerciseCatalog"/> gather their content from this list.
/// On first use it checks that numbers are unique and ascending and that every figure and exercise
/// carries its episode's number.
/// </remarks>
public static class EpisodeCatalog
{
    private static readonly Lazy<IReadOnlyList<Episode>> Checked = new(() => Check(
    [
        new Episode01(),
        new Episode13(),
        new Episode19(),
        new Episode20(),
        new Episode21(),
        new Episode22(),
        new Episode23(),
    ]));

    /// <summary>All episodes, in ascending number.</summary>
    /// <exception cref="InvalidOperationException">The list is inconsistent (thrown on first use); the message says how.</exception>
    public static IReadOnlyList<Episode> All => Checked.Value;

    /// <summary>The episode with the given number.</summary>
    /// <param name="number">The episode number.</param>
    /// <exception cref="KeyNotFoundException">No episode has that number; the message lists the numbers that exist.</exception>
    public static Episode Get(int number) =>
        All.FirstOrDefault(e => e.Number == number)
        ?? throw new KeyNotFoundException($"No episode has the number {number}; episodes: {string.Join(", ", All.Select(e => e.Number))}.");

    /// <summary>The episode whose notebook has the given file name, for example <c>ep19-queueing.ipynb</c>.</summary>
    /// <param name="notebookFileName">A file name without folder.</param>
    /// <exception cref="ArgumentNullException"><paramref name="notebookFileName"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">No episode has that notebook; the message lists the notebooks that exist.</exception>
    public static Episode ForNotebook(string notebookFileName)
    {
        ArgumentNullException.ThrowIfNull(notebookFileName);
        return All.FirstOrDefault(e => string.Equals(e.NotebookFileName, notebookFileName, StringComparison.Ordinal))
            ?? throw new KeyNotFoundException(
                $"No episode has the notebook '{notebookFileName}'; notebooks: {string.Join(", ", All.Select(e => e.NotebookFileName))}.");
    }

    /// <summary>Checks a list of episodes: ascending unique numbers, and content that carries each episode's number.</summary>
    /// <exception cref="InvalidOperationException">The list is inconsistent; the message names the episode and the item.</exception>
    internal static IReadOnlyList<Episode> Check(IReadOnlyList<Episode> episodes)
    {
        for (var i = 1; i < episodes.Count; i++)
        {
            if (episodes[i].Number <= episodes[i - 1].Number)
            {
                throw new InvalidOperationException(
                    $"Episodes must be listed once each, in ascending number; {episodes[i]} follows {episodes[i - 1]}.");
            }
        }

        foreach (var episode in episodes)
        {
            var strays = episode.Figures.Where(f => f.Episode != episode.Number).Select(f => f.Id)
                .Concat(episode.Exercises.Where(x => x.Episode != episode.Number).Select(x => x.Id))
                .ToList();
            if (strays.Count > 0)
            {
                throw new InvalidOperationException(
                    $"{episode} lists items of another episode; their ids must start with '{episode.Prefix}.': {string.Join(", ", strays)}.");
            }
        }

        return episodes.ToList().AsReadOnly();
    }
}
