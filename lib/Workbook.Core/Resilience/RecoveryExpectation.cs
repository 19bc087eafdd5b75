namespace Workbook.Core.Resilience;

/// <summary>Expected costs of half-open probing for one schedule, from <see cref="HalfOpenRecovery"/>.</summary>
/// <param name="MeanCloseTimeSeconds">E[T_J]: the mean time from opening to the successful probe that closes the breaker.</param>
/// <param name="MeanDetectionDelaySeconds">E[T_J − R]: how long, on average, the breaker stays open after the service has recovered.</param>
/// <param name="MeanProbesWhileBroken">The mean number of probes sent before the service recovered (load on a broken service).</param>
/// <param name="MeanFailedProbesAfterRecovery">The mean number of probes that failed after recovery (only when q &lt; 1).</param>
public sealed record RecoveryExpectation(
    double MeanCloseTimeSeconds,
    double MeanDetectionDelaySeconds,
    double MeanProbesWhileBroken,
    double MeanFailedProbesAfterRecovery);
