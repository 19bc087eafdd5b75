using System.Globalization;

namespace Workbook.Core.Consensus;

/// <summary>Every node's log side by side (log index × node), each entry with its term and whether it is committed: the data of a log matrix.</summary>
/// <remarks>
/// "Committed" is the cluster's view: an entry is committed once some node has learned so (an
/// <see cref="EntryCommitted"/> in the trace). An entry at the same index with another term conflicts with
/// it and can only be overwritten (State Machine Safety, extended Raft paper, Figure 3).
/// </remarks>
public sealed class LogMatrix
{
    private LogMatrix(IReadOnlyList<int> nodeIds, IReadOnlyList<LogMatrixCell> cells)
    {
        NodeIds = nodeIds;
        Cells = cells;
        Length = cells.Count == 0 ? 0 : cells.Max(c => c.Index);
    }

    /// <summary>The nodes, ascending.</summary>
    public IReadOnlyList<int> NodeIds { get; }

    /// <summary>Every entry of every log, by node, then by index.</summary>
    public IReadOnlyList<LogMatrixCell> Cells { get; }

    /// <summary>The longest log's length.</summary>
    public long Length { get; }

    /// <summary>The distinct terms of the entries, ascending.</summary>
    public IReadOnlyList<long> Terms => [.. Cells.Select(c => c.Term).Distinct().Order()];

    /// <summary>The matrix of a running or stopped cluster now: each node's persisted log, committed as its trace says.</summary>
    /// <param name="cluster">The cluster.</param>
    /// <returns>The matrix.</returns>
    public static LogMatrix Of(RaftCluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var logs = cluster.Options.NodeIds.ToDictionary(id => id, id => (IReadOnlyList<LogEntry>)cluster.Persisted(id).Log);
        return Of(logs, cluster.Trace.OfType<EntryCommitted>().Select(c => c.Entry));
    }

    /// <summary>The matrix of given logs.</summary>
    /// <param name="logs">Each node's log, entry i at position i − 1.</param>
    /// <param name="committed">Entries known to be committed (repeats allowed).</param>
    /// <returns>The matrix.</returns>
    /// <exception cref="ArgumentException">An entry is not at the position its index says, or two committed entries share an index with different terms.</exception>
    public static LogMatrix Of(IReadOnlyDictionary<int, IReadOnlyList<LogEntry>> logs, IEnumerable<LogEntry> committed)
    {
        ArgumentNullException.ThrowIfNull(logs);
        ArgumentNullException.ThrowIfNull(committed);
        var committedTerm = new Dictionary<long, long>();
        foreach (var entry in committed)
        {
            if (committedTerm.TryGetValue(entry.Index, out var term) && term != entry.Term)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"{nameof(committed)} must hold one term per index; index {entry.Index} has terms {term} and {entry.Term}."),
                    nameof(committed));
            }

            committedTerm[entry.Index] = entry.Term;
        }

        var cells = new List<LogMatrixCell>();
        foreach (var (id, log) in logs.OrderBy(p => p.Key))
        {
            for (var i = 0; i < log.Count; i++)
            {
                var entry = log[i];
                if (entry.Index != i + 1)
                {
                    throw new ArgumentException(
                        string.Create(CultureInfo.InvariantCulture, $"{nameof(logs)} must hold entry i at position i − 1; node {id} has {entry} at position {i}."),
                        nameof(logs));
                }

                var isCommittedHere = committedTerm.TryGetValue(entry.Index, out var termThere);
                cells.Add(new LogMatrixCell(id, entry.Index, entry.Term, entry.IsNoOp, isCommittedHere && termThere == entry.Term, isCommittedHere && termThere != entry.Term));
            }
        }

        return new LogMatrix([.. logs.Keys.Order()], cells);
    }
}
