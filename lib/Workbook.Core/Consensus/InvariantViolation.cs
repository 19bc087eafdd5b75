using System.Globalization;
using System.Text;

namespace Workbook.Core.Consensus;

/// <summary>A safety invariant broken in a <see cref="RaftCluster"/> run: which one, where, and the history that shows it.</summary>
/// <remarks>
/// <see cref="History"/> is the run's trace up to the violating step, kept to the events of the nodes
/// involved (partition and network changes are kept whole). <see cref="MinimalScenario"/> is filled by
/// <see cref="RaftCluster.ShrinkViolation"/>: the fewest scenario steps with which the same seed still breaks it.
/// </remarks>
/// <param name="Invariant">The broken invariant.</param>
/// <param name="Seed">The run's seed.</param>
/// <param name="Tick">The tick of the violating step.</param>
/// <param name="Step">The number of the violating step (every delivery, node tick and action is a step, from 1).</param>
/// <param name="Description">What broke, naming the nodes, indexes and terms.</param>
/// <param name="NodeIds">The nodes involved.</param>
/// <param name="History">The trace prefix of the involved nodes, ending at the violating step.</param>
/// <param name="MinimalScenario">The shrunk scenario, or the run's own scenario when it was not shrunk.</param>
public sealed record InvariantViolation(
    RaftInvariant Invariant,
    long Seed,
    long Tick,
    long Step,
    string Description,
    IReadOnlyList<int> NodeIds,
    IReadOnlyList<ClusterEvent> History,
    IReadOnlyList<ScenarioStep> MinimalScenario)
{
    /// <summary>The report: the invariant, seed, tick and step, the description, then the last <paramref name="historyLines"/> events.</summary>
    /// <param name="historyLines">How many of the last history events to list; an integer &gt;= 0.</param>
    public string Report(int historyLines = 20)
    {
        Guard.NonNegative(historyLines, nameof(historyLines));
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Invariant} violated (seed {Seed}, tick {Tick}, step {Step}): {Description}");
        var shown = History.Skip(Math.Max(0, History.Count - historyLines)).ToList();
        if (shown.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nlast {shown.Count} of {History.Count} events of nodes {string.Join(", ", NodeIds)}:");
            foreach (var e in shown)
            {
                text.Append("\n  ").Append(e);
            }
        }

        return text.ToString();
    }

    /// <inheritdoc/>
    public override string ToString() => Report(0);
}
