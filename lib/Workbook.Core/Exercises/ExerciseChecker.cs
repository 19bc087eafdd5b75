using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;

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
        var bound = timeout ?? exercise.TimeLimit ?? DefaultTimeout;
        if (bound <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "timeout must be a positive duration.");
        }

        var total = exercise.Cases.Count + (exercise.Trial is null ? 0 : 1);
        CheckResult Result(CheckStatus status, string message, FailingCase? failing = null, string? hint = null, int passed = 0, string? details = null) =>
            new(exercise.Id, exercise.Title, exercise.Track, status, message, failing, hint, passed, total) { Details = details };

        if (answer is null)
        {
            return Result(CheckStatus.NotAttempted, "No answer was given.");
        }

        if (SignatureMismatch(exercise, answer) is { } mismatch)
        {
            return Result(CheckStatus.Failed, mismatch, hint: $"Keep the starter cell's signature: {exercise.Signature}");
        }

        var run = RunAll(exercise, answer, bound);
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

        var cases = exercise.Cases.Count;
        if (run.Completed < cases || (exercise.Trial is not null && run.Trial is null && run.TrialException is null))
        {
            var where = run.Completed < cases ? $"case {FormatInput(exercise, exercise.Cases[run.Completed])}" : cases == 0 ? "the trial" : "the trial, after every case matched";
            return Result(CheckStatus.TimedOut,
                $"No answer within {bound.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s ({where}); the call was abandoned. " +
                "Look for a loop that never ends. The kernel stays usable, but the stuck thread keeps a core busy until you restart it.",
                passed: run.Completed);
        }

        if (run.TrialException is NotImplementedException)
        {
            return Result(CheckStatus.NotAttempted,
                "Not attempted yet: replace every `throw new NotImplementedException()` in the exercise cell with your code, run that cell, then run this check again.");
        }

        if (run.TrialException is { } trialThrew)
        {
            var when = cases == 0 ? "Your code" : "Every case matched, but your code";
            return Result(CheckStatus.Error,
                $"{when} threw {trialThrew.GetType().Name} during the trial: {FirstLine(trialThrew.Message)}",
                hint: exercise.Hints[0], passed: cases);
        }

        if (run.Trial is { Passed: false } failed)
        {
            var before = cases == 0 ? "The trial failed" : $"All {cases} cases match the reference, but the trial failed";
            return Result(CheckStatus.Failed,
                $"{before}: {failed.Failure}",
                new FailingCase(cases + 1, failed.Run, "behaves as the reference does", failed.Failure!),
                TrialHintFor(exercise, failed), cases, failed.Details);
        }

        return run.Trial is { } passedTrial
            ? Result(CheckStatus.Passed, cases == 0 ? $"The trial passed ({passedTrial.Run})." : $"All {cases} cases match the reference, and the trial passed ({passedTrial.Run}).", passed: total)
            : Result(CheckStatus.Passed, $"All {cases} cases match the reference.", passed: total);
    }

    private sealed record Outcome(object? Value, Exception? Exception);

    private sealed record Run(Outcome[] Outcomes, int Completed, TrialOutcome? Trial, Exception? TrialException);

    private static Run RunAll(Exercise exercise, Delegate answer, TimeSpan bound)
    {
        var cases = exercise.Cases;
        var outcomes = new Outcome[cases.Count];
        var completed = 0;
        TrialOutcome? trial = null;
        Exception? trialException = null;
        var worker = new Thread(() =>
        {
            for (var i = 0; i < cases.Count; i++)
            {
                var outcome = Invoke(answer, cases[i]);
                outcomes[i] = outcome;
                Volatile.Write(ref completed, i + 1);
                if (outcome.Exception is not null || (exercise.Trial is not null && !Matches(Expected(exercise, i), outcome.Value, exercise)))
                {
                    return;
                }
            }

            if (exercise.Trial is not null)
            {
                var (outcome, thrown) = RunTrial(exercise.Trial, answer);
                Volatile.Write(ref trialException, thrown);
                Volatile.Write(ref trial, outcome);
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
        var thrownInTrial = Volatile.Read(ref trialException);
        var trialOutcome = Volatile.Read(ref trial);
        return new Run(outcomes.Take(done).ToArray(), done, trialOutcome, thrownInTrial);
    }

    private static (TrialOutcome? Outcome, Exception? Thrown) RunTrial(Func<Delegate, TrialOutcome> trial, Delegate answer)
    {
        try
        {
            return (trial(answer), null);
        }
        catch (TargetInvocationException invocation) when (invocation.InnerException is not null)
        {
            return (null, invocation.InnerException);
        }
#pragma warning disable CA1031 // Anything the learner's code throws is reported, never rethrown.
        catch (Exception other)
#pragma warning restore CA1031
        {
            return (null, other);
        }
    }

    // The known mistakes' own trials are deterministic, so each runs at most once per process.
    private static readonly ConditionalWeakTable<KnownMistake, TrialOutcome> MistakeTrials = [];

    private static string TrialHintFor(Exercise exercise, TrialOutcome failed)
    {
        foreach (var mistake in exercise.KnownMistakes)
        {
            var passesCases = exercise.Cases.Select((c, i) => (c, i))
                .All(x => Invoke(mistake.Answer, x.c) is { Exception: null } o && Matches(Expected(exercise, x.i), o.Value, exercise));
            if (!passesCases)
            {
                continue;
            }

            var outcome = MistakeTrials.GetValue(mistake, m => RunTrial(exercise.Trial!, m.Answer).Outcome ?? TrialOutcome.Pass("threw"));
            if (!outcome.Passed && outcome.Kind == failed.Kind)
            {
                return mistake.Hint;
            }
        }

        return failed.Hint ?? exercise.Hints[0];
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

        if (expected is System.Collections.IEnumerable e1 and not string && actual is System.Collections.IEnumerable a1 and not string)
        {
            var left = e1.Cast<object?>().ToList();
            var right = a1.Cast<object?>().ToList();
            return left.Count == right.Count && left.Zip(right).All(pair => Matches(pair.First, pair.Second, exercise));
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
        System.Collections.IEnumerable items => $"[{string.Join(", ", items.Cast<object?>().Select(Format))}]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ when IsRecordWithGeneratedText(value.GetType()) => FormatRecord(value),
        _ => value.ToString() ?? "",
    };

    // A record's generated ToString prints a list member as its type name; list the members' values instead.
    private static bool IsRecordWithGeneratedText(Type type) =>
        type.GetMethod("ToString", Type.EmptyTypes) is { } toString && toString.DeclaringType == type
        && toString.GetCustomAttribute<CompilerGeneratedAttribute>() is not null;

    private static string FormatRecord(object value)
    {
        var members = value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0)
            .Select(p => $"{p.Name} = {Format(p.GetValue(value))}");
        return $"{value.GetType().Name} {{ {string.Join(", ", members)} }}";
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }
}
