namespace Workbook.Core.Queueing;

/// <summary>What a <see cref="CapacityTarget"/> limits.</summary>
public enum CapacityMetric
{
    /// <summary>A percentile of the response time (wait plus service), in seconds.</summary>
    ResponseTimePercentile,

    /// <summary>A percentile of the wait in the queue before service starts, in seconds.</summary>
    WaitingTimePercentile,

    /// <summary>The mean response time W, in seconds.</summary>
    MeanResponseTime,

    /// <summary>The mean wait in the queue W_q, in seconds.</summary>
    MeanWait,

    /// <summary>The probability that an arrival has to wait, Erlang's C.</summary>
    ProbabilityOfWaiting,

    /// <summary>The utilisation ρ = A/c of each server.</summary>
    Utilisation,
}
