using System.Collections.Immutable;
using System.Globalization;

namespace Workbook.Core.Consensus;

/// <summary>
/// Checks Raft's five safety properties (extended Raft paper, Figure 3) over a whole run, one observation
/// of the cluster at a time; <see cref="RaftCluster"/> calls it after every step.
/// </summary>
/// <remarks>
/// Election Safety and Log Matching are checked over the whole run, not only between the logs of one
/// instant: a term's leader is remembered, and the entry (and the term before it) first seen at each
/// (index, term) must be what every log ever holds there. By induction on the index that is Log Matching.
/// Committed entries are those covered by any node's commit index; each observation costs time in
/// proportion to what changed since the last one. A log compacted by a snapshot (<see cref="CompactedLog"/>)
/// is checked from its snapshot on: the snapshot's last entry must be the committed one, and what the
/// snapshot held is compared through the applied entries (State Machine Safety).
/// </remarks>
public sealed class RaftInvariants
{
    private readonly Dictionary<long, int> leaderOfTerm = [];
    private readonly Dictionary<int, (long Term, IReadOnlyList<LogEntry> Log)> leading = [];
    private readonly Dictionary<int, IReadOnlyList<LogEntry>> lastLog = [];
    private readonly Dictionary<(long Index, long Term), (LogEntry Entry, long PreviousTerm, int NodeId)> firstSeen = [];
    private readonly List<(LogEntry Entry, long Term, int NodeId)> committed = [];
    private readonly Dictionary<int, long> commitChecked = [];
    private readonly HashSet<(int NodeId, long Term)> leadersChecked = [];
    private readonly Dictionary<long, AppliedEntry> appliedAt = [];

    /// <summary>The number of observations checked so far.</summary>
    public long Observations { get; private set; }

    /// <summary>The first violation found; later observations are not checked.</summary>
    public InvariantCheck Result { get; private set; } = Holding;

    /// <summary>The highest index known to be committed so far.</summary>
    public long CommittedIndex => committed.Count;

    private static InvariantCheck Holding { get; } = new(null, "Election Safety, Leader Append-Only, Log Matching, Leader Completeness and State Machine Safety hold.", []);

    /// <summary>Checks one observation of the cluster, after whatever happened since the last one.</summary>
    /// <param name="nodes">Every node (running or crashed), each once.</param>
    /// <param name="applied">Entries applied since the last observation, in order; null for none.</param>
    /// <returns>Whether every invariant still holds, or the first violation (also kept in <see cref="Result"/>).</returns>
    public InvariantCheck Check(IReadOnlyList<RaftNodeSnapshot> nodes, IReadOnlyList<AppliedEntry>? applied = null)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        if (!Result.Holds)
        {
            return Result;
        }

        Observations++;
        Result = CheckElectionAndAppendOnly(nodes) ?? CheckLogMatching(nodes) ?? CheckCommitted(nodes) ?? CheckApplied(applied ?? []) ?? Holding;
        return Result;
    }

    /// <summary>Records a violation found outside an observation (a node refused to overwrite a committed entry).</summary>
    /// <param name="invariant">The invariant.</param>
    /// <param name="reason">What happened, in words.</param>
    /// <param name="nodeIds">The nodes involved.</param>
    /// <returns>The violation, now <see cref="Result"/> (unless an earlier one is kept).</returns>
    public InvariantCheck Report(RaftInvariant invariant, string reason, IReadOnlyList<int> nodeIds)
    {
        ArgumentNullException.ThrowIfNull(reason);
        ArgumentNullException.ThrowIfNull(nodeIds);
        if (Result.Holds)
        {
            Result = new InvariantCheck(invariant, reason, [.. nodeIds.Distinct().Order()]);
        }

        return Result;
    }

    private static InvariantCheck Broken(RaftInvariant invariant, FormattableString reason, params int[] nodeIds) =>
        new(invariant, reason.ToString(CultureInfo.InvariantCulture), [.. nodeIds.Distinct().Order()]);

    private InvariantCheck? CheckElectionAndAppendOnly(IReadOnlyList<RaftNodeSnapshot> nodes)
    {
        foreach (var node in nodes)
        {
            if (!node.IsRunning || node.Role != RaftRole.Leader)
            {
                leading.Remove(node.NodeId);
                continue;
            }

            if (leaderOfTerm.TryGetValue(node.Term, out var other) && other != node.NodeId)
            {
                return Broken(RaftInvariant.ElectionSafety, $"nodes {other} and {node.NodeId} were both elected leader of term {node.Term}.", other, node.NodeId);
            }

            leaderOfTerm[node.Term] = node.NodeId;
            if (leading.TryGetValue(node.NodeId, out var before) && before.Term == node.Term && !ReferenceEquals(before.Log, node.Log))
            {
                var index = FirstDifference(before.Log, node.Log);
                if (index <= before.Log.Count)
                {
                    var now = index <= node.Log.Count ? $"now holds {node.Log[(int)index - 1]}" : $"its log now ends at index {node.Log.Count}";
                    return Broken(
                        RaftInvariant.LeaderAppendOnly,
                        $"node {node.NodeId} leads term {node.Term} but changed its own log at index {index}: it held {before.Log[(int)index - 1]}, {now}.",
                        node.NodeId);
                }
            }

            leading[node.NodeId] = (node.Term, node.Log);
        }

        return null;
    }

    private InvariantCheck? CheckLogMatching(IReadOnlyList<RaftNodeSnapshot> nodes)
    {
        foreach (var node in nodes)
        {
            var log = node.Log;
            long from = 1;
            if (lastLog.TryGetValue(node.NodeId, out var previous))
            {
                if (ReferenceEquals(previous, log))
                {
                    continue;
                }

                from = FirstDifference(previous, log);
            }

            lastLog[node.NodeId] = log;
            var snapshotIndex = log.SnapshotIndex();
            for (long index = Math.Max(from, snapshotIndex + 1); index <= log.Count; index++)
            {
                var entry = log[(int)index - 1];
                var previousTerm = index - 1 == snapshotIndex ? log.TermAt(snapshotIndex) : log[(int)index - 2].Term;
                if (!firstSeen.TryGetValue((entry.Index, entry.Term), out var seen))
                {
                    firstSeen[(entry.Index, entry.Term)] = (entry, previousTerm, node.NodeId);
                }
                else if (!seen.Entry.Equals(entry) || seen.PreviousTerm != previousTerm)
                {
                    var how = seen.Entry.Equals(entry)
                        ? $"the entry before it has term {previousTerm} on node {node.NodeId} but term {seen.PreviousTerm} on node {seen.NodeId}"
                        : $"node {node.NodeId} holds {entry} where node {seen.NodeId} held {seen.Entry}";
                    return Broken(
                        RaftInvariant.LogMatching,
                        $"nodes {seen.NodeId} and {node.NodeId} hold an entry with index {entry.Index} and term {entry.Term}, but their logs differ up to it: {how}.",
                        seen.NodeId,
                        node.NodeId);
                }
            }
        }

        return null;
    }

    private InvariantCheck? CheckCommitted(IReadOnlyList<RaftNodeSnapshot> nodes)
    {
        int before = committed.Count;
        foreach (var node in nodes)
        {
            long done = Math.Min(commitChecked.GetValueOrDefault(node.NodeId), node.CommitIndex);
            long upTo = Math.Min(node.CommitIndex, node.Log.Count);
            var snapshotIndex = node.Log.SnapshotIndex();
            if (snapshotIndex > 0)
            {
                // A snapshot holds only committed entries: its last one must be the entry committed at its index.
                var snapshotTerm = node.Log.TermAt(snapshotIndex);
                if (snapshotIndex <= committed.Count && committed[(int)snapshotIndex - 1].Entry.Term != snapshotTerm)
                {
                    var first = committed[(int)snapshotIndex - 1];
                    return Broken(
                        RaftInvariant.StateMachineSafety,
                        $"node {node.NodeId}'s snapshot ends at index {snapshotIndex} in term {snapshotTerm}, but node {first.NodeId} committed {first.Entry} there.",
                        first.NodeId,
                        node.NodeId);
                }

                done = Math.Max(done, Math.Min(snapshotIndex, upTo));
            }

            for (long index = done + 1; index <= upTo; index++)
            {
                var entry = node.Log[(int)index - 1];
                if (index > committed.Count + 1)
                {
                    upTo = index - 1; // the entries before it were compacted before any observation saw them committed
                    break;
                }

                if (index > committed.Count)
                {
                    committed.Add((entry, node.Term, node.NodeId));
                }
                else if (!committed[(int)index - 1].Entry.Equals(entry))
                {
                    var first = committed[(int)index - 1];
                    return Broken(
                        RaftInvariant.StateMachineSafety,
                        $"node {node.NodeId} counts {entry} as committed at index {index}, but node {first.NodeId} committed {first.Entry} there.",
                        first.NodeId,
                        node.NodeId);
                }
            }

            commitChecked[node.NodeId] = Math.Max(done, upTo);
        }

        foreach (var node in nodes)
        {
            if (!node.IsRunning || node.Role != RaftRole.Leader)
            {
                continue;
            }

            // A leader seen for the first time is checked against every committed entry; after that, only new ones.
            int start = leadersChecked.Add((node.NodeId, node.Term)) ? 0 : before;
            var leaderSnapshot = node.Log.SnapshotIndex();
            for (int i = start; i < committed.Count; i++)
            {
                var (entry, term, by) = committed[i];
                if (term >= node.Term)
                {
                    continue;
                }

                if (entry.Index < leaderSnapshot || (entry.Index == leaderSnapshot && entry.Term == node.Log.TermAt(leaderSnapshot)))
                {
                    continue; // in the leader's snapshot (its contents are compared as applied entries)
                }

                var held = entry.Index <= node.Log.Count && entry.Index > leaderSnapshot ? node.Log[(int)entry.Index - 1] : null;
                if (!entry.Equals(held))
                {
                    var has = entry.Index <= leaderSnapshot ? $"its snapshot ends there in term {node.Log.TermAt(leaderSnapshot)}"
                        : held is null ? $"its log ends at index {node.Log.Count}" : $"it holds {held} there";
                    return Broken(
                        RaftInvariant.LeaderCompleteness,
                        $"{entry} was committed (node {by}, term {term}), but node {node.NodeId}, leader of the later term {node.Term}, lacks it: {has}.",
                        by,
                        node.NodeId);
                }
            }
        }

        return null;
    }

    private InvariantCheck? CheckApplied(IReadOnlyList<AppliedEntry> applied)
    {
        foreach (var item in applied)
        {
            if (appliedAt.TryGetValue(item.Entry.Index, out var first))
            {
                if (!first.Entry.Equals(item.Entry))
                {
                    return Broken(
                        RaftInvariant.StateMachineSafety,
                        $"node {item.NodeId} applied {item.Entry} at index {item.Entry.Index}, but node {first.NodeId} applied {first.Entry} there.",
                        first.NodeId,
                        item.NodeId);
                }
            }
            else
            {
                appliedAt[item.Entry.Index] = item;
            }
        }

        return null;
    }

    /// <summary>The first 1-based index at which two logs differ; one past the shorter log if one is a prefix of the other.</summary>
    /// <remarks>Compacted logs are compared after the later of their snapshots (entries in a snapshot are committed).</remarks>
    private static long FirstDifference(IReadOnlyList<LogEntry> a, IReadOnlyList<LogEntry> b)
    {
        var compactedThrough = Math.Max(a.SnapshotIndex(), b.SnapshotIndex());
        if (compactedThrough > 0)
        {
            long i = compactedThrough + 1;
            for (; i <= a.Count && i <= b.Count; i++)
            {
                var (p, q) = (a[(int)i - 1], b[(int)i - 1]);
                if (!ReferenceEquals(p, q) && !p.Equals(q))
                {
                    return i;
                }
            }

            return i;
        }

        if (a is ImmutableList<LogEntry> first && b is ImmutableList<LogEntry> second)
        {
            return FirstDifference(first, second);
        }

        using var x = a.GetEnumerator();
        using var y = b.GetEnumerator();
        long index = 1;
        while (x.MoveNext() && y.MoveNext())
        {
            if (!ReferenceEquals(x.Current, y.Current) && !x.Current.Equals(y.Current))
            {
                return index;
            }

            index++;
        }

        return index;
    }

    // Implementation note: the struct enumerators of ImmutableList walk its tree without boxing; logs are
    // ImmutableLists whenever they come from a RaftNode without a snapshot, and this runs at every change of a log.
    private static long FirstDifference(ImmutableList<LogEntry> a, ImmutableList<LogEntry> b)
    {
        using var x = a.GetEnumerator();
        using var y = b.GetEnumerator();
        long index = 1;
        while (x.MoveNext() && y.MoveNext())
        {
            if (!ReferenceEquals(x.Current, y.Current) && !x.Current.Equals(y.Current))
            {
                return index;
            }

            index++;
        }

        return index;
    }
}
