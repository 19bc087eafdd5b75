using Workbook.Core.Exercises;

namespace Workbook.Core.Tests.Exercises;

/// <summary>Exercises with a trial: the answer runs inside a system after it matched every case.</summary>
public class ExerciseTrialTests
{
    // The trial stands for "run the answer in a system": it calls the answer on inputs the cases do not
    // cover (1..100) and fails, naming the first input, when the answer is negative there.
    private static TrialOutcome NonNegativeOnOneToHundred(Delegate answer)
    {
        var f = (Func<int, int>)answer;
        for (var x = 1; x <= 100; x++)
        {
            var y = f(x);
            if (y < 0)
            {
                return TrialOutcome.Fail($"input {x}", "negative", $"returned {y} for input {x}", details: $"x = {x}\ny = {y}", hint: "trial hint");
            }
        }

        return TrialOutcome.Pass("inputs 1 to 100");
    }

    private static Exercise Absolute(params KnownMistake[] mistakes) => new()
    {
        Id = "ep99.absolute",
        Title = "Absolute value",
        Track = Track.Beginner,
        Signature = "int Absolute(int x)",
        Reference = (Func<int, int>)Math.Abs,
        Cases = [[0], [-3]],
        Hints = ["general hint"],
        Trial = NonNegativeOnOneToHundred,
        KnownMistakes = mistakes,
    };

    // Passes both cases (0 and −3) but is wrong from 50 up: only the trial sees it.
    private static readonly Func<int, int> WrongAboveFifty = x => x >= 50 ? -x : Math.Abs(x);

    [Fact]
    public void Reference_PassesCasesAndTrial_AndTheTrialCountsAsACase()
    {
        var exercise = Absolute();
        var result = ExerciseChecker.Check(exercise, exercise.Reference);

        Assert.Equal(CheckStatus.Passed, result.Status);
        Assert.Equal(3, result.CasesTotal);
        Assert.Equal(3, result.CasesPassed);
        Assert.Contains("trial passed (inputs 1 to 100)", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnswerThatPassesTheCases_ButFailsTheTrial_IsFailed_WithTheRunAndDetails()
    {
        var result = ExerciseChecker.Check(Absolute(), WrongAboveFifty);

        Assert.Equal(CheckStatus.Failed, result.Status);
        Assert.Equal(2, result.CasesPassed);
        Assert.Equal(3, result.FailingCase!.Number);
        Assert.Equal("input 50", result.FailingCase.Input);
        Assert.Equal("returned -50 for input 50", result.FailingCase.Actual);
        Assert.Equal("x = 50\ny = -50", result.Details);
        Assert.Equal("trial hint", result.Hint);
        Assert.Contains("details:\n    x = 50\n    y = -50", result.ToString(), StringComparison.Ordinal);
        Assert.Contains("<pre", result.ToHtml(), StringComparison.Ordinal);
        Assert.Equal(result, CheckResult.FromJson(result.ToJson()));
    }

    [Fact]
    public void AnswerThatFailsACase_NeverReachesTheTrial()
    {
        var trialRan = false;
        var exercise = new Exercise
        {
            Id = "ep99.absolute",
            Title = "Absolute value",
            Track = Track.Beginner,
            Signature = "int Absolute(int x)",
            Reference = (Func<int, int>)Math.Abs,
            Cases = [[0], [-3]],
            Hints = ["general hint"],
            Trial = _ =>
            {
                trialRan = true;
                return TrialOutcome.Pass("anything");
            },
        };

        var result = ExerciseChecker.Check(exercise, (Func<int, int>)(x => x));

        Assert.Equal(CheckStatus.Failed, result.Status);
        Assert.Equal(2, result.FailingCase!.Number);
        Assert.False(trialRan);
        Assert.Null(result.Details);
    }

    [Fact]
    public void KnownMistakeThatFailsTheTrialTheSameWay_GivesItsHint()
    {
        var mistake = new KnownMistake("sign flips at 50", WrongAboveFifty, "mistake hint");
        var exercise = Absolute(mistake);

        // A different answer that fails the trial the same way (kind "negative") gets the mistake's hint.
        var result = ExerciseChecker.Check(exercise, (Func<int, int>)(x => x >= 70 ? -1 : Math.Abs(x)));

        Assert.Equal(CheckStatus.Failed, result.Status);
        Assert.Equal("mistake hint", result.Hint);
        exercise.Validate();
    }

    [Fact]
    public void AnswerThatThrowsDuringTheTrial_IsAnError_NotACrash()
    {
        var result = ExerciseChecker.Check(Absolute(), (Func<int, int>)(x => x == 42 ? throw new InvalidOperationException("boom") : Math.Abs(x)));

        Assert.Equal(CheckStatus.Error, result.Status);
        Assert.Contains("during the trial", result.Message, StringComparison.Ordinal);
        Assert.Contains("boom", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnswerThatNeverReturnsDuringTheTrial_TimesOut()
    {
        var result = ExerciseChecker.Check(
            Absolute(),
            (Func<int, int>)(x =>
            {
                while (x == 7)
                {
                    Thread.Sleep(10);
                }

                return Math.Abs(x);
            }),
            TimeSpan.FromMilliseconds(300));

        Assert.Equal(CheckStatus.TimedOut, result.Status);
        Assert.Contains("the trial", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TimeLimit_MustBePositive()
    {
        var exercise = new Exercise
        {
            Id = "ep99.absolute",
            Title = "Absolute value",
            Track = Track.Beginner,
            Signature = "int Absolute(int x)",
            Reference = (Func<int, int>)Math.Abs,
            Cases = [[0]],
            Hints = ["h"],
            TimeLimit = TimeSpan.Zero,
        };

        var error = Assert.Throws<InvalidOperationException>(exercise.Validate);
        Assert.Contains("TimeLimit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ListAnswers_AreComparedElementByElement()
    {
        var exercise = new Exercise
        {
            Id = "ep99.evens",
            Title = "Evens",
            Track = Track.Beginner,
            Signature = "IReadOnlyList<int> Evens(int n)",
            Reference = (Func<int, IReadOnlyList<int>>)(n => [.. Enumerable.Range(0, n).Where(i => i % 2 == 0)]),
            Cases = [[5]],
            Hints = ["h"],
        };

        Assert.Equal(CheckStatus.Passed, ExerciseChecker.Check(exercise, (Func<int, IReadOnlyList<int>>)(n => new List<int> { 0, 2, 4 })).Status);
        var wrong = ExerciseChecker.Check(exercise, (Func<int, IReadOnlyList<int>>)(n => new List<int> { 0, 2 }));
        Assert.Equal(CheckStatus.Failed, wrong.Status);
        Assert.Equal("[0, 2, 4]", wrong.FailingCase!.Expected);
        Assert.Equal("[0, 2]", wrong.FailingCase.Actual);
    }

    public sealed record Bag(string Name, IReadOnlyList<int> Items);

    [Fact]
    public void RecordArguments_ShowTheirListMembersElementByElement()
    {
        var exercise = new Exercise
        {
            Id = "ep99.bag-size",
            Title = "Bag size",
            Track = Track.Beginner,
            Signature = "int Size(Bag b)",
            Reference = (Func<Bag, int>)(b => b.Items.Count),
            Cases = [[new Bag("b", [3, 4])]],
            Hints = ["h"],
        };

        var result = ExerciseChecker.Check(exercise, (Func<Bag, int>)(b => 0));

        Assert.Equal("b = Bag { Name = \"b\", Items = [3, 4] }", result.FailingCase!.Input);
    }
}
