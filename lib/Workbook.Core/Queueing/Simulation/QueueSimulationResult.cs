using Workbook.Core.Simulation;

namespace Workbook.Core.Queueing.Simulation;

/// <summary>
/// What a run of <see cref="QueueSimulator"/> measured: means with 95 % batch-means confidence
/// intervals, optional percentiles, and the offered load computed from the inputs, with warnings
/// when the numbers should not be read as a steady state.
/// </summary>
/// <remarks>
/// <para>
/// Times are in the unit of the inputs (if service means are in milliseconds, waits are too). The
/// measured quantities obey the laws they should, which makes good self-checks: the mean response
/// time is the mean wait plus the mean service time, the utilisation is close to
/// <see cref="OfferedLoad"/>, and the throughput is close to the arrival rate, in a stable queue.
/// </para>
/// <para>
/// <b>Read <see cref="Warnings"/> first.</b> An unstable queue (ρ ≥ 1) can be simulated, but it
/// has no steady state: its waits grow with the length of the run, and a confidence interval around
/// them is meaningless.
/// </para>
/// </remarks>
public sealed record QueueSimulationResult
{
    /// <summary>The options the run used.</summary>
    public required QueueSimulationOptions Options { get; init; }

    /// <summary>λ, the long-run arrival rate of the arrival process.</summary>
    public required double ArrivalRate { get; init; }

    /// <summary>S, the mean of the service distribution.</summary>
    public required double MeanServiceTime { get; init; }

    /// <summary>
    /// ρ = λS / c, computed from the inputs, not measured: the fraction of capacity the arrivals ask
    /// for. Below 1 the queue is stable; at or above 1 it grows without bound.
    /// </summary>
    public required double OfferedLoad { get; init; }

    /// <summary>Whether <see cref="OfferedLoad"/> is below 1, so that a steady state exists.</summary>
    public bool IsStable => OfferedLoad < 1;

    /// <summary>
    /// Reasons not to take the numbers as steady-state values: an unstable queue, or batch means
    /// that are correlated (batches too short for the queue's memory). Empty when there are none.
    /// </summary>
    public required IReadOnlyList<string> Warnings { get; init; }

    /// <summary>W_q, the mean time from arrival to the start of service.</summary>
    public required Estimate MeanWait { get; init; }

    /// <summary>W = W_q + service, the mean time from arrival to departure.</summary>
    public required Estimate MeanResponseTime { get; init; }

    /// <summary>P(W_q &gt; 0), the fraction of customers who found every server busy.</summary>
    public required Estimate ProbabilityOfWaiting { get; init; }

    /// <summary>Measured utilisation: total service time / (c × elapsed time).</summary>
    public required Estimate Utilisation { get; init; }

    /// <summary>Measured throughput: customers served per unit of time.</summary>
    public required Estimate Throughput { get; init; }

    /// <summary>
    /// The measured span of simulated time: from the last warm-up arrival (time 0 without warm-up)
    /// to the last departure.
    /// </summary>
    public required double ElapsedTime { get; init; }

    /// <summary>
    /// The lag-1 autocorrelation of the batches' mean waits. Near 0 (within about ±2/√batches) when
    /// the batches are independent enough for the confidence intervals to be trusted.
    /// </summary>
    public required double BatchLag1Autocorrelation { get; init; }

    /// <summary>
    /// A percentile of the wait and an exceedance fraction, each with a batch-means interval; null
    /// unless the run was given a <see cref="WaitTailRequest"/>.
    /// </summary>
    public WaitTailEstimate? WaitTail { get; init; }

    /// <summary>Every measured customer's wait, for percentiles; null unless <see cref="QueueSimulationOptions.KeepSamples"/>.</summary>
    public EmpiricalDistribution? Waits { get; init; }

    /// <summary>Every measured customer's response time, for percentiles; null unless <see cref="QueueSimulationOptions.KeepSamples"/>.</summary>
    public EmpiricalDistribution? ResponseTimes { get; init; }
}
