namespace Workbook.Core.Resilience.Breakers;

/// <summary>The outcomes a closed <see cref="ProductionBreaker"/> currently counts in its sampling window.</summary>
/// <param name="Successes">Successful calls in the window.</param>
/// <param name="Failures">Failed calls in the window.</param>
public readonly record struct BreakerHealth(int Successes, int Failures)
{
    /// <summary>Successes + failures, the number compared with the minimum throughput.</summary>
    public int Throughput => Successes + Failures;

    /// <summary>Failures / throughput, or 0 when the window is empty.</summary>
    public double FailureRate => Throughput == 0 ? 0 : Failures / (double)Throughput;
}
