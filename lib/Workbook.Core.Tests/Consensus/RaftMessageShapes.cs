using Workbook.Core.Consensus;

namespace Workbook.Core.Tests.Consensus;

/// <summary>Short constructors for hand-made messages and logs in tests.</summary>
internal static class RaftMessageShapes
{
    /// <summary>A log whose entry i has term terms[i − 1] and command "c{i}".</summary>
    public static LogEntry[] LogWithTerms(params long[] terms) =>
        [.. terms.Select((term, i) => new LogEntry(i + 1, term, $"c{i + 1}"))];

    /// <summary>A log made of runs: Count entries of Term for each pair, in order.</summary>
    public static LogEntry[] LogOfRuns(params (long Term, int Count)[] runs) =>
        LogWithTerms([.. runs.SelectMany(r => Enumerable.Repeat(r.Term, r.Count))]);

    public static AppendEntries Append(int from, int to, long term, long prevIndex, long prevTerm, long commit, params LogEntry[] entries) =>
        new(from, to, term, prevIndex, prevTerm, entries, commit);

    /// <summary>The same options with a fixed 5-tick election timeout, for the node a scenario wants to campaign first.</summary>
    public static RaftOptions WithShortTimeout(this RaftOptions o) =>
        new(o.NodeId, o.ClusterNodeIds, 5, 5, o.HeartbeatIntervalTicks, o.AppendNoOpOnElection);
}
