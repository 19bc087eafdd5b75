namespace Workbook.Core.Consensus.Kv;

/// <summary>A random client workload for <see cref="KvCluster.RunWorkload"/>: how many operations each client calls, on how many keys, and the pauses between them.</summary>
/// <remarks>
/// Each operation is a get (with probability <see cref="GetFraction"/>), else a put or an append (even odds), of a key drawn uniformly from
/// <c>k0</c>..; every written value is unique (<c>client.n</c>, appends as <c>[client.n]</c>), so a
/// write applied twice or lost shows in a later read.
/// </remarks>
public sealed record KvWorkload
{
    /// <summary>Creates and validates a workload.</summary>
    /// <param name="operationsPerClient">Operations each client calls, one at a time; an integer &gt;= 1.</param>
    /// <param name="keyCount">The number of keys; an integer &gt;= 1.</param>
    /// <param name="maxPauseTicks">The longest pause after a response before the next call (drawn uniformly from 1..this); an integer &gt;= 1.</param>
    /// <param name="getFraction">The chance an operation is a get; in [0, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its range.</exception>
    public KvWorkload(int operationsPerClient = 10, int keyCount = 2, int maxPauseTicks = 5, double getFraction = 0.4)
    {
        GetFraction = Guard.Probability(getFraction, nameof(getFraction));
        OperationsPerClient = Guard.Positive(operationsPerClient, nameof(operationsPerClient));
        KeyCount = Guard.Positive(keyCount, nameof(keyCount));
        MaxPauseTicks = Guard.Positive(maxPauseTicks, nameof(maxPauseTicks));
    }

    /// <summary>Operations each client calls.</summary>
    /// <value>The default is 10.</value>
    public int OperationsPerClient { get; }

    /// <summary>The number of keys.</summary>
    /// <value>The default is 2 (few keys: more contention, more to check).</value>
    public int KeyCount { get; }

    /// <summary>The longest pause between a response and the next call, in ticks.</summary>
    /// <value>The default is 5.</value>
    public int MaxPauseTicks { get; }

    /// <summary>The chance an operation is a get (the rest are puts and appends, even odds).</summary>
    /// <value>The default is 0.4.</value>
    public double GetFraction { get; }
}
