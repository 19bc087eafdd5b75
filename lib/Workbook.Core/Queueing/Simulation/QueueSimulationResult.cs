using System.Diagnostics.CodeAnalysis;
using Workbook.Core.Simulation;

namespace Workbook.Core.Queueing.Simulation;

/// <summary>
/// What a run of <see cref="QueueSimulator"/> measured: means with 95 % batch-means confidence
/// intervals, optional percentiles, and the load computed from the inputs, with warnings when the
/// numbers should not be read as a steady state.
/// </summary>
/// <remarks>
/// Times are in the unit of the inputs. Read <see cref="Warnings"/> first: an unstable queue can be
/// simulated, but its waits grow with the length of the run and their intervals mean nothing. The
/// measured numbers make good self-checks in a stable queue: the measured <see cref="Utilisation"/>
/// is close to <see cref="OfferedUtilisation"/>, the throughput to the arrival rate, and the mean
/// response time is the mean wait plus the mean service time.
/// </remarks>
public sealed record QueueSimulationResult
{
    /// <summary>The options the run used.</summary>
    public required QueueSimulationOptions Options { get; init; }

    /// <summary>λ, the long-run arrival rate of the arrival process.</summary>
    public required double ArrivalRate { get; init; }

    /// <summary>S, the mean of the service distribution.</summary>
    public required double MeanServiceTime { get; init; }

    /// <summary>A = λS, the offered load in erlangs, computed from the inputs: the mean number of busy servers it asks for.</summary>
    public double OfferedLoadErlangs => ArrivalRate * MeanServiceTime;

    /// <summary>
    /// ρ = A/c = λS/c, the utilisation the arrivals ask for, computed from the inputs (compare the
    /// measured <see cref="Utilisation"/>). Below 1 the queue is stable; at or above 1 it grows without bound.
    /// </summary>
    public required double OfferedUtilisation { get; init; }

    /// <summary>Whether <see cref="OfferedUtilisation"/> is below 1, so that a steady state exists.</summary>
    public bool IsStable => OfferedUtilisation < 1;

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

    /// <summary>Measured utilisation, the busy fraction of each server: total service time / (c × elapsed time).</summary>
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
    /// the batches are independent enough for the confidence intervals to be trusted; NaN when every
    /// batch has the same mean wait (no customer waited), where a correlation is undefined and the
    /// intervals have zero width anyway.
    /// </summary>
    public required double BatchLag1Autocorrelation { get; init; }

    /// <summary>Whether the run was given a <see cref="WaitTailRequest"/>, so that <see cref="WaitTail"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(WaitTail))]
    public bool HasWaitTail => WaitTail is not null;

    /// <summary>Whether the run kept every customer's times (<see cref="QueueSimulationOptions.KeepSamples"/>), so that <see cref="Waits"/> and <see cref="ResponseTimes"/> are set.</summary>
    [MemberNotNullWhen(true, nameof(Waits), nameof(ResponseTimes))]
    public bool HasSamples => Waits is not null && ResponseTimes is not null;

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
