using System.Diagnostics.CodeAnalysis;

namespace Workbook.Core.Reliability.Races.Interleavings;

/// <summary>The result of exploring many schedules: how many ran, how many failed, and the first failing one.</summary>
/// <remarks>
/// <see cref="FoundFailure"/> says whether <see cref="FirstFailure"/> and <see cref="FailingScheduleNumber"/> are valid.
/// A random exploration also names the failing schedule's own seed (<see cref="FailingSeed"/>), which
/// <see cref="InterleavingExplorer.RunSeed"/> replays; any failure replays from its <see cref="InterleavingRun.Choices"/>.
/// </remarks>
public sealed record ExplorationResult
{
    internal ExplorationResult(string strategy, int schedulesRun, int failingSchedules, bool isComplete, InterleavingRun? firstFailure, int failingScheduleNumber, long failingSeed)
    {
        Strategy = strategy;
        SchedulesRun = schedulesRun;
        FailingSchedules = failingSchedules;
        IsComplete = isComplete;
        FirstFailure = firstFailure;
        FailingScheduleNumber = failingScheduleNumber;
        FailingSeed = failingSeed;
    }

    /// <summary>"exhaustive" or "random, seed S".</summary>
    public string Strategy { get; }

    /// <summary>Schedules run.</summary>
    public int SchedulesRun { get; }

    /// <summary>Schedules that failed (all of them when the exploration did not stop at the first). A run that fails before its end counts once: its unexplored continuations are not enumerated.</summary>
    public int FailingSchedules { get; }

    /// <summary>Whether an exhaustive exploration ran every schedule (false for random ones and when a limit stopped it).</summary>
    public bool IsComplete { get; }

    /// <summary>Whether a schedule failed.</summary>
    [MemberNotNullWhen(true, nameof(FirstFailure))]
    public bool FoundFailure => FirstFailure is not null;

    /// <summary>The first failing schedule; null when none failed.</summary>
    public InterleavingRun? FirstFailure { get; }

    /// <summary>The first failing schedule's number, from 1; valid only when <see cref="FoundFailure"/>.</summary>
    public int FailingScheduleNumber { get; }

    /// <summary>The first failing schedule's own seed (random exploration only; −1 otherwise).</summary>
    public long FailingSeed { get; }

    /// <summary>One line: what ran and what was found.</summary>
    public string Summary => FoundFailure
        ? $"{Strategy}: schedule {FailingScheduleNumber:N0}{(FailingSeed >= 0 ? $" (seed {FailingSeed})" : "")} fails — {FirstFailure.Failure}: {FirstFailure.Message}"
        : $"{Strategy}: {SchedulesRun:N0} schedules{(IsComplete ? " (all of them)" : "")}, none failed";
}
