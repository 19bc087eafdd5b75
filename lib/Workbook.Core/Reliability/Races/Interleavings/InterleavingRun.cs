namespace Workbook.Core.Reliability.Races.Interleavings;

/// <summary>One schedule, run: how it ended, the trace, and the choices that replay it.</summary>
/// <param name="Failure">How it went wrong, or <see cref="InterleavingFailure.None"/>.</param>
/// <param name="Message">What went wrong in words; "every thread finished" when nothing did.</param>
/// <param name="Trace">One line per event, "t1 reads free.Count = 1".</param>
/// <param name="Choices">The thread index run at each scheduling decision (replay with <see cref="InterleavingExplorer.Replay"/>).</param>
/// <param name="Steps">Scheduling points executed.</param>
public sealed record InterleavingRun(InterleavingFailure Failure, string Message, IReadOnlyList<string> Trace, IReadOnlyList<int> Choices, int Steps)
{
    /// <summary>Whether the schedule went wrong.</summary>
    public bool Failed => Failure != InterleavingFailure.None;

    /// <summary>The trace as numbered lines, for printing.</summary>
    public string TraceText => string.Join(Environment.NewLine, Trace.Select((line, i) => $"{i + 1,3}. {line}"));

    /// <summary>The choices as text ("t1 t2 t2 t1").</summary>
    public string ScheduleText => string.Join(' ', Choices.Select(c => $"t{c + 1}"));
}
