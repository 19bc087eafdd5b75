using System.Reflection;
using Workbook.Core.Episodes;

namespace Workbook.Core.Exercises;

/// <summary>
/// One exercise: what the learner writes (a function with a given signature), the cases it is
/// checked on, the reference solution that defines the right answers, and typical mistakes.
/// </summary>
/// <remarks>
/// Exercises are plain data checked by <see cref="ExerciseChecker"/>; nothing here depends on a
/// notebook host, so the same definitions serve notebooks, the command line and the tests.
/// The expected value of every case is computed by <see cref="Reference"/> at check time, never
/// written down by hand, so a case cannot drift from the library it teaches.
/// </remarks>
public sealed class Exercise
{
    private readonly EpisodeItemId parsedId = null!;

    /// <summary>Stable id, <c>epNN.kebab-name</c> (for example <c>ep01.fiber-one-way</c>), parsed by <see cref="EpisodeItemId"/>.</summary>
    /// <exception cref="ArgumentException">The id is not of the form <see cref="EpisodeItemId.AllowedForm"/>.</exception>
    public required string Id
    {
        get;
        init
        {
            parsedId = EpisodeItemId.Parse(value, nameof(Id));
            field = value;
        }
    }

    /// <summary>A short title shown in check results and progress tables.</summary>
    public required string Title { get; init; }

    /// <summary>Who the exercise is written for.</summary>
    public required Track Track { get; init; }

    /// <summary>The C# signature the learner implements, as shown in the starter cell.</summary>
    public required string Signature { get; init; }

    /// <summary>The reference solution; its parameter names label the cases.</summary>
    public required Delegate Reference { get; init; }

    /// <summary>The argument lists the answer is called with, in order; may be empty only when a <see cref="Trial"/> checks the answer (a factory replayed through scenarios).</summary>
    public required IReadOnlyList<object?[]> Cases { get; init; }

    /// <summary>Hints, from gentle to explicit; the first is shown when no known mistake matches.</summary>
    public required IReadOnlyList<string> Hints { get; init; }

    /// <summary>Typical wrong answers; each must fail at least one case.</summary>
    public IReadOnlyList<KnownMistake> KnownMistakes { get; init; } = [];

    /// <summary>
    /// An optional trial run after every case matched: the answer inside the real system, checked for behaviour
    /// (it receives the answer with the reference's signature). Null for exercises checked by cases alone.
    /// </summary>
    public Func<Delegate, TrialOutcome>? Trial { get; init; }

    /// <summary>How long the answer may take over all cases and the trial; null for <see cref="ExerciseChecker.DefaultTimeout"/>.</summary>
    public TimeSpan? TimeLimit { get; init; }

    /// <summary>Relative tolerance for floating-point answers (default 1e-6).</summary>
    public double RelativeTolerance { get; init; } = 1e-6;

    /// <summary>Absolute tolerance for floating-point answers near zero (default 1e-9).</summary>
    public double AbsoluteTolerance { get; init; } = 1e-9;

    /// <summary>The episode number, read from the id.</summary>
    public int Episode => parsedId.Episode;

    /// <summary>The parameters of <see cref="Reference"/>, which every answer must accept.</summary>
    public IReadOnlyList<ParameterInfo> Parameters => Reference.Method.GetParameters();

    /// <summary>Checks the definition itself: cases, hints, case arity, reference and mistakes (the id is checked when it is set).</summary>
    /// <exception cref="InvalidOperationException">The definition is inconsistent; the message says how.</exception>
    public void Validate()
    {
        if ((Cases.Count == 0 && Trial is null) || Hints.Count == 0)
        {
            throw new InvalidOperationException($"Exercise '{Id}' needs at least one hint, and at least one case unless a trial checks it.");
        }

        var arity = Parameters.Count;
        var badCase = Cases.FirstOrDefault(c => c.Length != arity);
        if (badCase is not null)
        {
            throw new InvalidOperationException(
                $"Exercise '{Id}': a case has {badCase.Length} arguments but the reference takes {arity}.");
        }

        if (TimeLimit is { } limit && limit <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"Exercise '{Id}': TimeLimit must be a positive duration; got {limit}.");
        }

        var reference = ExerciseChecker.Check(this, Reference);
        if (reference.Status != CheckStatus.Passed)
        {
            throw new InvalidOperationException($"Exercise '{Id}': the reference does not pass its own check: {reference}");
        }

        foreach (var mistake in KnownMistakes)
        {
            var result = ExerciseChecker.Check(this, mistake.Answer);
            if (result.Status != CheckStatus.Failed)
            {
                throw new InvalidOperationException(
                    $"Exercise '{Id}': the known mistake '{mistake.Name}' is not caught (status {result.Status.ToDisplay()}).");
            }
        }
    }
}
