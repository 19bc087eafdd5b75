namespace Workbook.Core.Queueing;

/// <summary>
/// The analysis of an M/M/c queue with utilisation ρ = A/c &gt;= 1: there is no steady state, so no
/// mean wait, queue length or percentile exists. It says why, and how many servers would be needed.
/// </summary>
/// <remarks>
/// When ρ &gt; 1 the backlog grows on average by λ − cμ requests per second and each newcomer waits
/// longer than the one before. At ρ = 1 exactly the drift is zero but nothing pulls the queue back:
/// its length wanders like a random walk and its expected wait still grows without bound.
/// Steady-state formulas evaluated anyway give negative or infinite numbers, which is why this type
/// carries none.
/// </remarks>
public sealed record MMcOverloaded : MMcAnalysis
{
    internal MMcOverloaded(MMcQueue queue)
        : base(queue)
    {
        var q = queue;
        BacklogGrowthPerSecond = Math.Max(0.0, q.ArrivalRatePerSecond - (q.Servers / q.MeanServiceTimeSeconds));

        var load = $"The offered load is A = λS = {QueueingText.Number(q.ArrivalRatePerSecond)}/s × "
            + $"{QueueingText.Duration(q.MeanServiceTimeSeconds)} = {QueueingText.Number(q.OfferedLoadErlangs)} erlangs, "
            + $"and {QueueingText.Count(q.Servers)} server{(q.Servers == 1 ? "" : "s")} can carry at most {QueueingText.Count(q.Servers)}";
        var verdict = q.OfferedLoadErlangs > q.Servers
            ? $"utilisation ρ = {QueueingText.Number(q.Utilisation)} > 1, so the backlog grows by about "
              + $"{QueueingText.Number(BacklogGrowthPerSecond)} requests per second and there is no steady state"
            : "utilisation ρ = 1 exactly, so the queue length drifts like a random walk with nothing pulling it "
              + "back, its mean wait is unbounded and there is no steady state";
        Reason = $"{load}: {verdict}. At least {QueueingText.Count(q.MinimumServersForStability)} servers "
            + "are needed for ρ < 1 (⌊A⌋ + 1), and more to keep waits short.";
    }

    /// <inheritdoc/>
    public override bool IsStable => false;

    /// <summary>
    /// λ − cμ, how many requests per second the backlog grows by on average; 0 when ρ = 1 exactly.
    /// </summary>
    public double BacklogGrowthPerSecond { get; }

    /// <summary>Why there is no steady state, with the numbers, and how many servers are needed.</summary>
    public override string Reason { get; }
}
