namespace Workbook.Core.Exercises;

/// <summary>
/// The outcome of an exercise's trial: the learner's function run inside the real system (for example,
/// a vote rule plugged into a simulated Raft cluster over many seeds), after it matched every case.
/// </summary>
/// <remarks>
/// Cases compare values; a trial checks behaviour that no single case shows (safety over many seeds, a
/// leader eventually elected). A failed trial names what was run (<see cref="Run"/>), what went wrong
/// (<see cref="Failure"/>), a kind shared by answers that fail the same way (<see cref="Kind"/>, matched
/// against the known mistakes' trials to pick a hint) and a short trace (<see cref="Details"/>).
/// </remarks>
public sealed record TrialOutcome
{
    private TrialOutcome(bool passed, string run, string? failure, string? kind, string? details, string? hint)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(run);
        Passed = passed;
        Run = run;
        Failure = failure;
        Kind = kind;
        Details = details;
        Hint = hint;
    }

    /// <summary>Whether the answer behaved correctly in every run of the trial.</summary>
    public bool Passed { get; }

    /// <summary>What was run: on success the whole trial ("20 scenarios × 50 seeds"), on failure the failing run ("scenario re-election, seed 17").</summary>
    public string Run { get; }

    /// <summary>On failure, what went wrong, in one sentence; null when <see cref="Passed"/>.</summary>
    public string? Failure { get; }

    /// <summary>On failure, a short name for the way it failed ("Election Safety"); null when <see cref="Passed"/>.</summary>
    public string? Kind { get; }

    /// <summary>On failure, a few lines that show it (a timeline); may be null.</summary>
    public string? Details { get; }

    /// <summary>On failure, a hint specific to the way it failed; may be null.</summary>
    public string? Hint { get; }

    /// <summary>A trial that passed.</summary>
    /// <param name="run">What was run.</param>
    /// <returns>The outcome.</returns>
    public static TrialOutcome Pass(string run) => new(true, run, null, null, null, null);

    /// <summary>A trial that failed.</summary>
    /// <param name="run">The failing run (scenario and seed).</param>
    /// <param name="kind">A short name for the way it failed.</param>
    /// <param name="failure">What went wrong, in one sentence.</param>
    /// <param name="details">A few lines that show it, or null.</param>
    /// <param name="hint">A hint for this way of failing, or null.</param>
    /// <returns>The outcome.</returns>
    public static TrialOutcome Fail(string run, string kind, string failure, string? details = null, string? hint = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(failure);
        return new(false, run, failure, kind, details, hint);
    }
}
