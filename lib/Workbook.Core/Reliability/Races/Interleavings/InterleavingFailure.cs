namespace Workbook.Core.Reliability.Races.Interleavings;

/// <summary>How one schedule went wrong.</summary>
public enum InterleavingFailure
{
    /// <summary>It did not: every thread finished and every check held.</summary>
    None,

    /// <summary>A thread's or the final check failed (a double checkout).</summary>
    InvariantViolated,

    /// <summary>Threads remain but none can run (all wait for a lock or a pulse).</summary>
    Deadlock,

    /// <summary>The run took more steps than the budget (a loop that never ends under this schedule).</summary>
    StepBudgetExceeded,

    /// <summary>A thread threw an exception.</summary>
    Exception,

    /// <summary>A thread awaited something that is not an explorer step (Task.Delay, Task.Yield): the run cannot be controlled.</summary>
    UncontrolledAwait,
}
