namespace Workbook.Core.Resilience.Breakers.Scenarios;

/// <summary>What a scenario step does: a call that succeeds or fails if it is let through, or no call (only the state is read).</summary>
public enum StepOutcome
{
    /// <summary>A call is offered; if it goes ahead, it succeeds.</summary>
    Success,

    /// <summary>A call is offered; if it goes ahead, it fails.</summary>
    Failure,

    /// <summary>No call: the clock moves to the step's time and the state is read.</summary>
    None,
}
