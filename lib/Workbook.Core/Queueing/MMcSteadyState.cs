namespace Workbook.Core.Queueing;

/// <summary>
/// The steady state of a stable M/M/c queue (ρ &lt; 1): the probability of waiting, mean waits and
/// queue lengths, and the exact distributions of the waiting and response times.
/// </summary>
/// <remarks>
/// The probability of waiting is Erlang's C (<see cref="ErlangFormulas"/>); among those who wait the
/// wait is exponential with rate cμ − λ, so W_q = C·S / (c − A); W = W_q + S, and Little's law gives
/// the counts (<see cref="LittlesLaw"/>). Means hide the shape: use <see cref="WaitingTime"/> and
/// <see cref="ResponseTime"/> for percentiles.
/// </remarks>
public sealed record MMcSteadyState : MMcAnalysis
{
    internal MMcSteadyState(MMcQueue queue, double erlangB)
        : base(queue)
    {
        var c = queue.Servers;
        var a = queue.OfferedLoadErlangs;
        var s = queue.MeanServiceTimeSeconds;

        // Implementation note: c − A and c − 1 − A are formed from the integer c and the offered load
        // directly. Forming cμ − λ from the rounded rates instead would subtract two large, nearly
        // equal numbers when ρ is close to 1.
        var spareCapacityErlangs = c - a;
        var rateOffset = (c - 1.0) - a;

        ProbabilityOfWaiting = ErlangFormulas.ErlangCFromB(c, a, erlangB);
        MeanWaitSeconds = ProbabilityOfWaiting * s / spareCapacityErlangs;
        MeanResponseTimeSeconds = MeanWaitSeconds + s;
        MeanQueueLength = LittlesLaw.MeanQueueLength(queue.ArrivalRatePerSecond, MeanWaitSeconds);
        MeanNumberInSystem = LittlesLaw.MeanNumberInSystem(queue.ArrivalRatePerSecond, MeanResponseTimeSeconds);
        WaitingTime = new WaitingTimeDistribution(ProbabilityOfWaiting, s, spareCapacityErlangs);
        ResponseTime = new ResponseTimeDistribution(ProbabilityOfWaiting, s, spareCapacityErlangs, rateOffset, MeanWaitSeconds);
    }

    /// <inheritdoc/>
    public override bool IsStable => true;

    /// <summary>A one-line summary: the utilisation, the probability of waiting, the mean wait and response time.</summary>
    public override string Reason =>
        $"Stable: utilisation ρ = {QueueingText.Number(Utilisation)} < 1; an arrival waits with probability "
        + $"{QueueingText.Number(ProbabilityOfWaiting)}, {QueueingText.Duration(MeanWaitSeconds)} on average, "
        + $"and spends {QueueingText.Duration(MeanResponseTimeSeconds)} in the system.";

    /// <summary>C, Erlang's C: the probability that an arrival finds every server busy and waits.</summary>
    public double ProbabilityOfWaiting { get; }

    /// <summary>L_q = λW_q, the mean number of requests waiting (not yet in service).</summary>
    public double MeanQueueLength { get; }

    /// <summary>L = λW = L_q + A, the mean number of requests in the system, waiting or in service.</summary>
    public double MeanNumberInSystem { get; }

    /// <summary>W_q = C·S / (c − A), the mean wait in the queue before service starts, in seconds.</summary>
    public double MeanWaitSeconds { get; }

    /// <summary>W = W_q + S, the mean response (sojourn) time, in seconds.</summary>
    public double MeanResponseTimeSeconds { get; }

    /// <summary>The exact distribution of the wait in the queue: CDF, tail and percentiles.</summary>
    public WaitingTimeDistribution WaitingTime { get; }

    /// <summary>The exact distribution of the response time, wait plus service: CDF, tail and percentiles.</summary>
    public ResponseTimeDistribution ResponseTime { get; }
}
