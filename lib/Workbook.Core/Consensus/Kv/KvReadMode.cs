namespace Workbook.Core.Consensus.Kv;

/// <summary>How a <see cref="KvCluster"/> serves a get.</summary>
public enum KvReadMode
{
    /// <summary>Correct: a get is a log entry like a write, answered when it applies (linearizable).</summary>
    ThroughLog,

    /// <summary>
    /// A planted bug: a node that believes it is the leader answers a get at once from its own state,
    /// with no read index and no lease. A leader cut off from the majority serves stale values.
    /// </summary>
    LeaderLocalUnsafe,
}
