using System.Globalization;
using Workbook.Core.Numerics;

namespace Workbook.Core.Consensus;

/// <summary>
/// How long a quiet, connected majority may go without a leader before a correct cluster is to blame: the
/// bound B of the liveness check (<see cref="LivenessMonitor"/>), derived from the election timeout range and
/// the network delay.
/// </summary>
/// <remarks>
/// A leaderless stretch is a sequence of election rounds of at most R = Tmax + 2·dmax ticks (someone times
/// out within Tmax; its RequestVotes and the answers take dmax each). A round elects a leader when the first
/// node to time out can win (its log is at least as up to date as a majority's) and every other node times
/// out more than dmax later. With fresh uniform timeouts on [Tmin, Tmax] that has probability p, the worst
/// over the sizes of the connected majority. k rounds all fail with probability (1 − p)^k ≤ the miss
/// probability; one more round covers a node that rejoins with a higher term, and dmax ticks drain older
/// messages: B = dmax + (k + 1)·R. The model is stated, not proved for every interleaving; the benchmark and
/// the tests measure the longest stretch that correct runs need.
/// </remarks>
public sealed record LivenessBound
{
    private LivenessBound(int nodeCount, int minTicks, int maxTicks, int maxDelayTicks, double missProbability, double p, int worstMajority, int rounds)
    {
        (NodeCount, ElectionTimeoutMinTicks, ElectionTimeoutMaxTicks, MaxDelayTicks, MissProbability, RoundSuccessProbability, WorstMajority, Rounds) =
            (nodeCount, minTicks, maxTicks, maxDelayTicks, missProbability, p, worstMajority, rounds);
    }

    /// <summary>The cluster's size.</summary>
    public int NodeCount { get; }

    /// <summary>The shortest election timeout, Tmin, in ticks.</summary>
    public int ElectionTimeoutMinTicks { get; }

    /// <summary>The longest election timeout, Tmax, in ticks.</summary>
    public int ElectionTimeoutMaxTicks { get; }

    /// <summary>The longest message delay, dmax, in ticks.</summary>
    public int MaxDelayTicks { get; }

    /// <summary>The accepted chance that a correct cluster exceeds the bound in one stretch.</summary>
    public double MissProbability { get; }

    /// <summary>p: the model's lower bound on the chance that one round elects a leader (worst majority size).</summary>
    public double RoundSuccessProbability { get; }

    /// <summary>The size of the connected majority for which p is smallest.</summary>
    public int WorstMajority { get; }

    /// <summary>k: the rounds after which all have failed with probability at most <see cref="MissProbability"/>.</summary>
    public int Rounds { get; }

    /// <summary>R = Tmax + 2·dmax: the longest round, in ticks.</summary>
    public int RoundTicks => ElectionTimeoutMaxTicks + (2 * MaxDelayTicks);

    /// <summary>B = dmax + (k + 1)·R: the bound, in ticks.</summary>
    public int BoundTicks => checked(MaxDelayTicks + ((Rounds + 1) * RoundTicks));

    /// <summary>Derives the bound for a cluster and the longest delay of its quiet network.</summary>
    /// <param name="cluster">The cluster (its size and election timeout range).</param>
    /// <param name="maxDelayTicks">The longest message delay while the network is quiet; an integer &gt;= 1.</param>
    /// <param name="missProbability">The accepted chance of a false alarm per stretch; in (0, 0.5].</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its range, or no round can succeed (Tmax − Tmin ≤ dmax).</exception>
    public static LivenessBound For(RaftClusterOptions cluster, int maxDelayTicks, double missProbability = 1e-6)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        Guard.Positive(maxDelayTicks, nameof(maxDelayTicks));
        Guard.InRangeExclusiveInclusive(missProbability, 0, 0.5, nameof(missProbability));
        int n = cluster.NodeIds.Count, min = cluster.Node.ElectionTimeoutMinTicks, max = cluster.Node.ElectionTimeoutMaxTicks;
        int quorum = cluster.Node.Quorum;
        double worst = 1;
        int worstMajority = n;
        for (int m = quorum; m <= n; m++)
        {
            double p = n == 1 ? 1 : RoundSuccess(m, m - quorum + 1, min, max, maxDelayTicks);
            if (p < worst)
            {
                (worst, worstMajority) = (p, m);
            }
        }

        if (worst <= 0)
        {
            throw Guard.OutOfRange(
                nameof(maxDelayTicks),
                string.Create(CultureInfo.InvariantCulture, $"below the spread of election timeouts, {max} − {min} = {max - min} ticks (else no election round can be sure to succeed)"),
                maxDelayTicks.ToString(CultureInfo.InvariantCulture));
        }

        int rounds = worst >= 1 ? 1 : (int)Math.Ceiling(Math.Log(missProbability) / PreciseMath.Log1P(-worst));
        return new LivenessBound(n, min, max, maxDelayTicks, missProbability, worst, worstMajority, rounds);
    }

    /// <summary>
    /// The chance that, of m fresh uniform timeouts on [min, max], the smallest is unique by more than
    /// <paramref name="delay"/> ticks and belongs to one of the <paramref name="winners"/> nodes that can win.
    /// </summary>
    internal static double RoundSuccess(int m, int winners, int min, int max, int delay)
    {
        double values = max - min + 1;
        double gap = 0;
        for (int x = min; x <= max; x++)
        {
            // One node draws x; each of the other m − 1 draws more than x + delay.
            double later = Math.Max(0, max - (x + delay)) / values;
            gap += Math.Pow(later, m - 1) / values;
        }

        // gap is the chance for one given node; by symmetry the winner is any of the m with equal chance.
        return winners * gap;
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"B = dmax + (k + 1)·(Tmax + 2·dmax) = {MaxDelayTicks} + {Rounds + 1}·{RoundTicks} = {BoundTicks} ticks (p = {RoundSuccessProbability:G3} per round for a majority of {WorstMajority} of {NodeCount}; (1 − p)^{Rounds} ≤ {MissProbability:G2})");
}
