namespace Workbook.Core.Reliability.Races.Interleavings;

/// <summary>Limits of an exploration, validated at construction.</summary>
public sealed record ExplorationOptions
{
    /// <summary>Creates the options.</summary>
    /// <param name="stepBudget">Scheduling points one schedule may execute before it is reported as never ending; at least 1.</param>
    /// <param name="maxSchedules">Schedules to run at most; at least 1.</param>
    /// <param name="stopAtFirstFailure">Stop at the first failing schedule (false: count them all).</param>
    /// <exception cref="ArgumentOutOfRangeException">A limit is below 1.</exception>
    public ExplorationOptions(int stepBudget = 1_000, int maxSchedules = 1_000_000, bool stopAtFirstFailure = true)
    {
        StepBudget = Guard.Positive(stepBudget, nameof(stepBudget));
        MaxSchedules = Guard.Positive(maxSchedules, nameof(maxSchedules));
        StopAtFirstFailure = stopAtFirstFailure;
    }

    /// <value>The default is 1,000 steps.</value>
    public int StepBudget { get; }

    /// <value>The default is 1,000,000 schedules.</value>
    public int MaxSchedules { get; }

    /// <value>The default is true.</value>
    public bool StopAtFirstFailure { get; }
}
