namespace Workbook.Core.Resilience.Breakers;

/// <summary>
/// What <see cref="ProductionBreaker.TryAcquire"/> hands out with a granted call; give it back to
/// <see cref="ProductionBreaker.RecordSuccess"/> or <see cref="ProductionBreaker.RecordFailure"/>.
/// </summary>
/// <remarks>
/// A value type, so acquiring one allocates nothing. It says whether the call is the half-open probe,
/// and which probe: the outcome of a probe that was superseded (it took longer than the break duration
/// and a new probe was let through) is ignored, so one late answer cannot close or re-open the breaker.
/// </remarks>
public readonly struct CallPermit
{
    internal CallPermit(long probeNumber) => ProbeNumber = probeNumber;

    /// <summary>True when this call is the half-open probe whose outcome decides the next state.</summary>
    public bool IsProbe => ProbeNumber != 0;

    /// <summary>0 for an ordinary call; otherwise the 1-based number of the probe.</summary>
    internal long ProbeNumber { get; }
}
