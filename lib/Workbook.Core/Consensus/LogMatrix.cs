using System.Globalization;

namespace Workbook.Core.Consensus;

/// <summary>Every node's log side by side (log index × node), each entry with its term and whether it is committed: the data of a log matrix.</summary>
/// <remarks>
/// "Committed" is the cluster's view: an entry is committed once some node has learned so (an
/// <see cref="EntryCommitted"/> in the trace). An entry at the same index with another term conflicts with
/// it and can only be overwritten (State Machine Safety, extended Raft paper, Figure 3). In a run that broke
/// safety two terms can be committed at one index: each such entry is both committed and conflicting.
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
    /// <param name="committed">Entries known to be committed (repeats allowed; two terms at one index only after a safety violation).</param>
    /// <returns>The matrix.</returns>
    /// <exception cref="ArgumentException">An entry is not at the position its index says.</exception>
    public static LogMatrix Of(IReadOnlyDictionary<int, IReadOnlyList<LogEntry>> logs, IEnumerable<LogEntry> committed)
    {
        ArgumentNullException.ThrowIfNull(logs);
        ArgumentNullException.ThrowIfNull(committed);
        // Implementation note: after a safety violation two terms can be committed at one index; each is marked
        // committed where it stands and conflicting against the other.
        var committedTerms = new Dictionary<long, HashSet<long>>();
        foreach (var entry in committed)
        {
            if (!committedTerms.TryGetValue(entry.Index, out var terms))
            {
                committedTerms[entry.Index] = terms = [];
            }

            terms.Add(entry.Term);
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

                var termsThere = committedTerms.GetValueOrDefault(entry.Index);
                cells.Add(new LogMatrixCell(id, entry.Index, entry.Term, entry.IsNoOp, termsThere?.Contains(entry.Term) == true, termsThere?.Any(t => t != entry.Term) == true));
            }
        }

        return new LogMatrix([.. logs.Keys.Order()], cells);
    }
}
