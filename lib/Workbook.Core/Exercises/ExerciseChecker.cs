using System.Globalization;
using System.Reflection;

namespace Workbook.Core.Exercises;

/// <summary>
/// Checks a learner's answer against an <see cref="Exercise"/>: calls it on every case, compares
/// with the reference, and explains the first difference.
/// </summary>
/// <remarks>
/// The answer runs on a separate background thread with a time bound. .NET cannot abort a thread,
/// so an answer that never returns is abandoned rather than stopped: the check reports
/// <see cref="CheckStatus.TimedOut"/> and the caller (a notebook kernel, the CLI) stays usable,
/// while the stuck thread keeps one core busy until its process ends. That is the honest limit of
/// running untrusted loops in-process, and the result message says so.
/// </remarks>
public static class ExerciseChecker
{
    /// <summary>How long an answer may take over all cases before it is abandoned.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Checks <paramref name="answer"/> against <paramref name="exercise"/>.</summary>
    /// <param name="exercise">The exercise to check against.</param>
    /// <param name="answer">The learner's function; <see langword="null"/> counts as not attempted.</param>
    /// <param name="timeout">Bound on the answer's total running time; default <see cref="DefaultTimeout"/>.</param>
    /// <returns>The result; this method does not throw for anything the answer does.</returns>
    public static CheckResult Check(Exercise exercise, Delegate? answer, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        var bound = timeout ?? DefaultTimeout;
        if (bound <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "timeout must be a positive duration.");
        }

        CheckResult Result(CheckStatus status, string message, FailingCase? failing = null, string? hint = null, int passed = 0) =>
            new(exercise.Id, exercise.Title, exercise.Track, status, message, failing, hint, passed, exercise.Cases.Count);

        if (answer is null)
        {
            return Result(CheckStatus.NotAttempted, "No answer was given.");
        }

        if (SignatureMismatch(exercise, answer) is { } mismatch)
        {
            return Result(CheckStatus.Failed, mismatch, hint: $"Keep the starter cell's signature: {exercise.Signature}");
        }

        var run = RunAll(answer, exercise.Cases, bound);
        for (var i = 0; i < run.Completed; i++)
        {
            var outcome = run.Outcomes[i];
            var input = FormatInput(exercise, exercise.Cases[i]);
            if (outcome.Exception is NotImplementedException)
            {
                return Result(CheckStatus.NotAttempted,
                    "Not attempted yet: replace `throw new NotImplementedException()` in the exercise cell with your answer, run that cell, then run this check again.");
            }

            if (outcome.Exception is { } thrown)
            {
                return Result(CheckStatus.Error,
                    $"Your code threw {thrown.GetType().Name}: {FirstLine(thrown.Message)}",
                    new FailingCase(i + 1, input, Format(Expected(exercise, i)), $"threw {thrown.GetType().Name}"),
                    exercise.Hints[0], i);
            }

            var expected = Expected(exercise, i);
            if (!Matches(expected, outcome.Value, exercise))
            {
                return Result(CheckStatus.Failed,
                    $"Case {i + 1} of {exercise.Cases.Count} differs from the reference.",
                    new FailingCase(i + 1, input, Format(expected), Format(outcome.Value)),
                    HintFor(exercise, exercise.Cases[i], expected, outcome.Value), i);
            }
        }

        if (run.Completed < exercise.Cases.Count)
        {
            var input = FormatInput(exercise, exercise.Cases[run.Completed]);
            return Result(CheckStatus.TimedOut,
                $"No answer within {bound.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s (case {input}); the call was abandoned. " +
                "Look for a loop that never ends. The kernel stays usable, but the stuck thread keeps a core busy until you restart it.",
                passed: run.Completed);
        }

        return Result(CheckStatus.Passed, $"All {exercise.Cases.Count} cases match the reference.", passed: exercise.Cases.Count);
    }

    private sealed record Outcome(object? Value, Exception? Exception);

    private sealed record Run(Outcome[] Outcomes, int Completed);

    private static Run RunAll(Delegate answer, IReadOnlyList<object?[]> cases, TimeSpan bound)
    {
        var outcomes = new Outcome[cases.Count];
        var completed = 0;
        var worker = new Thread(() =>
        {
            for (var i = 0; i < cases.Count; i++)
            {
                var outcome = Invoke(answer, cases[i]);
                outcomes[i] = outcome;
                Volatile.Write(ref completed, i + 1);
                if (outcome.Exception is not null)
                {
                    return;
                }
            }
        })
        {
            IsBackground = true,
            Name = "workbook-exercise-answer",
        };
        worker.Start();
        worker.Join(bound);

        // Only outcomes published before the deadline are read; a late write by an abandoned thread goes unread.
        var done = Volatile.Read(ref completed);
        return new Run(outcomes.Take(done).ToArray(), done);
    }

    private static Outcome Invoke(Delegate function, object?[] arguments)
    {
        try
        {
            return new Outcome(function.DynamicInvoke(arguments.ToArray()), null);
        }
        catch (TargetInvocationException invocation) when (invocation.InnerException is not null)
        {
            return new Outcome(null, invocation.InnerException);
        }
#pragma warning disable CA1031 // Anything the learner's code throws is reported, never rethrown.
        catch (Exception other)
#pragma warning restore CA1031
        {
            return new Outcome(null, other);
        }
    }

    private static object? Expected(Exercise exercise, int caseIndex) =>
        exercise.Reference.DynamicInvoke(exercise.Cases[caseIndex].ToArray());

    private static string? SignatureMismatch(Exercise exercise, Delegate answer)
    {
        var wanted = exercise.Parameters.Select(p => p.ParameterType).ToArray();
        var given = answer.Method.GetParameters().Select(p => p.ParameterType).ToArray();
        var returns = answer.Method.ReturnType;
        var wantedReturn = exercise.Reference.Method.ReturnType;
        if (wanted.SequenceEqual(given) && wantedReturn.IsAssignableFrom(returns))
        {
            return null;
        }

        var givenText = $"({string.Join(", ", given.Select(t => t.Name))}) → {returns.Name}";
        return $"The answer has the wrong shape: expected {exercise.Signature}, got a function {givenText}.";
    }

    private static string HintFor(Exercise exercise, object?[] arguments, object? expected, object? actual)
    {
        foreach (var mistake in exercise.KnownMistakes)
        {
            var mistaken = Invoke(mistake.Answer, arguments);
            if (mistaken.Exception is null && Matches(mistaken.Value, actual, exercise))
            {
                return mistake.Hint;
            }
        }

        return UnitSlipHint(expected, actual, exercise) ?? exercise.Hints[0];
    }

    // Implementation note: a factor of 1,000 (or 10^6, 100, 8) between an answer and the reference is
    // almost always a unit slip, not a wrong idea; saying so is more useful than the general hint.
    private static readonly (double Factor, string Said, string Likely)[] UnitSlips =
    [
        (1e3, "1,000 times", "seconds vs milliseconds, ms vs µs, or km vs m"),
        (1e-3, "1/1,000 of", "seconds vs milliseconds, ms vs µs, or km vs m"),
        (1e6, "a million times", "seconds vs microseconds"),
        (1e-6, "a millionth of", "seconds vs microseconds"),
        (100, "100 times", "a percentage where a fraction (0 to 1) is wanted"),
        (0.01, "1/100 of", "a fraction where a percentage is wanted"),
        (8, "8 times", "bits vs bytes"),
        (0.125, "1/8 of", "bits vs bytes"),
    ];

    private static string? UnitSlipHint(object? expected, object? actual, Exercise exercise)
    {
        if (expected is not (double or float) || AsDouble(actual) is not { } a || AsDouble(expected) is not { } e
            || e == 0 || !double.IsFinite(e) || !double.IsFinite(a))
        {
            return null;
        }

        foreach (var (factor, said, likely) in UnitSlips)
        {
            var scaled = e * factor;
            if (Math.Abs(a - scaled) <= exercise.RelativeTolerance * Math.Abs(scaled))
            {
                return $"Your answer is {said} the expected value: check the units ({likely}).";
            }
        }

        return null;
    }

    private static double? AsDouble(object? value) => value switch
    {
        double d => d,
        float f => f,
        int i => i,
        long l => l,
        _ => null,
    };

    /// <summary>Compares an answer with the expected value; floating point within the exercise's tolerances.</summary>
    internal static bool Matches(object? expected, object? actual, Exercise exercise)
    {
        if (expected is double or float && AsDouble(actual) is { } a && AsDouble(expected) is { } e)
        {
            if (double.IsNaN(e))
            {
                return double.IsNaN(a);
            }

            if (double.IsInfinity(e) || double.IsInfinity(a) || double.IsNaN(a))
            {
                return e.Equals(a);
            }

            return Math.Abs(a - e) <= Math.Max(exercise.AbsoluteTolerance, exercise.RelativeTolerance * Math.Abs(e));
        }

        return Equals(expected, actual);
    }

    private static string FormatInput(Exercise exercise, object?[] arguments) =>
        string.Join(", ", exercise.Parameters.Zip(arguments, (p, v) => $"{p.Name} = {Format(v)}"));

    /// <summary>Formats a value for display: numbers with six significant digits, invariant culture.</summary>
    internal static string Format(object? value) => value switch
    {
        null => "null",
        double d => d.ToString("G6", CultureInfo.InvariantCulture),
        float f => f.ToString("G6", CultureInfo.InvariantCulture),
        string s => $"\"{s}\"",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }
}
