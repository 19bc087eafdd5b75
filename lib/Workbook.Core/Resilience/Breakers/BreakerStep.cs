namespace Workbook.Core.Resilience.Breakers;

/// <summary>One timed step of a <see cref="BreakerScenario"/>: at a time, a call with an outcome, or a clock advance.</summary>
/// <remarks>
/// Times are whole milliseconds since the start of the scenario, so that C#, F#, Go and Rust read
/// the same instants with no rounding. A call completes at the instant it starts (no call overlaps
/// another), which is what a sequential driver on a fake clock does.
/// </remarks>
public sealed record BreakerStep
{
    private BreakerStep(long atMilliseconds, BreakerStepKind kind, CallOutcome outcome)
    {
        if (atMilliseconds < 0)
        {
            throw Guard.OutOfRange(nameof(atMilliseconds), "a whole number of milliseconds >= 0", atMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        AtMilliseconds = atMilliseconds;
        Kind = kind;
        Outcome = outcome;
    }

    /// <summary>The time of the step, in milliseconds since the start of the scenario.</summary>
    public long AtMilliseconds { get; }

    /// <summary>A call or a clock advance.</summary>
    public BreakerStepKind Kind { get; }

    /// <summary>The outcome of the call if it runs; <see cref="CallOutcome.Success"/> (unused) for an advance.</summary>
    public CallOutcome Outcome { get; }

    /// <summary>A call at <paramref name="atMilliseconds"/> that returns <paramref name="outcome"/> if it runs.</summary>
    /// <param name="atMilliseconds">Milliseconds since the start of the scenario; &gt;= 0.</param>
    /// <param name="outcome">What the call returns if the breaker lets it run.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="atMilliseconds"/> is negative.</exception>
    public static BreakerStep Call(long atMilliseconds, CallOutcome outcome) => new(atMilliseconds, BreakerStepKind.Call, outcome);

    /// <summary>The clock moves to <paramref name="atMilliseconds"/> and nothing else happens.</summary>
    /// <param name="atMilliseconds">Milliseconds since the start of the scenario; &gt;= 0.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="atMilliseconds"/> is negative.</exception>
    public static BreakerStep Advance(long atMilliseconds) => new(atMilliseconds, BreakerStepKind.Advance, CallOutcome.Success);
}
