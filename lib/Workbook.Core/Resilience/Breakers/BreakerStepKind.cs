namespace Workbook.Core.Resilience.Breakers;

/// <summary>The kind of a <see cref="BreakerStep"/>.</summary>
public enum BreakerStepKind
{
    /// <summary>A call is offered to the breaker at the step's time.</summary>
    Call,

    /// <summary>Only the clock moves to the step's time; the breaker's state is read there.</summary>
    Advance,
}
