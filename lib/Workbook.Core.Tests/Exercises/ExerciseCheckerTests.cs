using Workbook.Core.Exercises;

namespace Workbook.Core.Tests.Exercises;

public class ExerciseCheckerTests
{
    // A tiny exercise defined here, independent of any episode: the round trip over a distance.
    private static readonly Exercise Doubling = new()
    {
        Id = "ep99.round-trip-km",
        Title = "Round trip distance",
        Track = Track.Beginner,
        Signature = "double RoundTripKm(double oneWayKm)",
        Reference = (Func<double, double>)(oneWayKm => 2 * oneWayKm),
        Cases = [[0.0], [1.5], [5585.0]],
        Hints = ["A round trip crosses the distance twice."],
        KnownMistakes = [new KnownMistake("one way only", (Func<double, double>)(km => km), "You returned the one-way distance.")],
    };

    [Fact]
    public void Reference_Passes_AllCases()
    {
        var result = ExerciseChecker.Check(Doubling, Doubling.Reference);

        Assert.Equal(CheckStatus.Passed, result.Status);
        Assert.Equal(3, result.CasesPassed);
        Assert.Null(result.FailingCase);
    }

    [Fact]
    public void KnownMistake_Fails_WithItsSpecificHint_AndTheFirstFailingCase()
    {
        var result = ExerciseChecker.Check(Doubling, (Func<double, double>)(km => km));

        Assert.Equal(CheckStatus.Failed, result.Status);
        Assert.Equal("You returned the one-way distance.", result.Hint);
        Assert.NotNull(result.FailingCase);
        Assert.Equal(2, result.FailingCase!.Number); // case 1 (0 km) agrees by accident
        Assert.Equal("oneWayKm = 1.5", result.FailingCase.Input);
        Assert.Equal("3", result.FailingCase.Expected);
        Assert.Equal("1.5", result.FailingCase.Actual);
    }

    [Fact]
    public void UnknownWrongAnswer_Fails_WithTheFirstGeneralHint()
    {
        var result = ExerciseChecker.Check(Doubling, (Func<double, double>)(km => 3 * km));

        Assert.Equal(CheckStatus.Failed, result.Status);
        Assert.Equal("A round trip crosses the distance twice.", result.Hint);
    }

    [Theory]
    [InlineData(1000.0, "1,000 times the expected value")]
    [InlineData(0.001, "1/1,000 of the expected value")]
    [InlineData(1e6, "a million times")]
    [InlineData(100.0, "a percentage where a fraction")]
    [InlineData(8.0, "bits vs bytes")]
    public void AnswerOffByAUnitFactor_GetsAUnitHint(double factor, string expectedHint)
    {
        var result = ExerciseChecker.Check(Doubling, (Func<double, double>)(km => 2 * km * factor));

        Assert.Equal(CheckStatus.Failed, result.Status);
        Assert.Contains(expectedHint, result.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void KnownMistake_TakesPrecedenceOverTheUnitHint()
    {
        var halving = new Exercise
        {
            Id = "ep99.half",
            Title = "Half",
            Track = Track.Beginner,
            Signature = "double Half(double x)",
            Reference = (Func<double, double>)(x => x / 2),
            Cases = [[4.0]],
            Hints = ["Divide by two."],
            KnownMistakes = [new KnownMistake("milli", (Func<double, double>)(x => 500 * x), "You converted to milliseconds twice.")],
        };

        Assert.Equal("You converted to milliseconds twice.", ExerciseChecker.Check(halving, (Func<double, double>)(x => 500 * x)).Hint);
    }

    [Fact]
    public void StarterCode_ThatThrowsNotImplemented_IsNotAttempted()
    {
        var result = ExerciseChecker.Check(Doubling, (Func<double, double>)(_ => throw new NotImplementedException()));

        Assert.Equal(CheckStatus.NotAttempted, result.Status);
        Assert.Contains("NotImplementedException", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NullAnswer_IsNotAttempted() =>
        Assert.Equal(CheckStatus.NotAttempted, ExerciseChecker.Check(Doubling, null).Status);

    [Fact]
    public void AnswerThatThrows_IsReportedAsError_WithTheExceptionNamed()
    {
        var result = ExerciseChecker.Check(Doubling, (Func<double, double>)(km => km > 1 ? throw new InvalidOperationException("too far\nsecond line") : 2 * km));

        Assert.Equal(CheckStatus.Error, result.Status);
        Assert.Equal("Your code threw InvalidOperationException: too far", result.Message);
        Assert.Equal(2, result.FailingCase!.Number);
    }

    [Fact]
    public void AnswerThatNeverReturns_TimesOut_AndTheCallerCarriesOn()
    {
        var result = ExerciseChecker.Check(Doubling, (Func<double, double>)(km =>
        {
            while (km >= 0)
            {
                Thread.SpinWait(1000);
            }

            return km;
        }), TimeSpan.FromMilliseconds(300));

        Assert.Equal(CheckStatus.TimedOut, result.Status);
        Assert.Contains("oneWayKm = 0", result.Message, StringComparison.Ordinal);
        Assert.Equal(0, result.CasesPassed);
    }

    [Fact]
    public void AnswerWithTheWrongSignature_Fails_AndQuotesTheExpectedOne()
    {
        var result = ExerciseChecker.Check(Doubling, (Func<int, double>)(km => 2.0 * km));

        Assert.Equal(CheckStatus.Failed, result.Status);
        Assert.Contains("double RoundTripKm(double oneWayKm)", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void NonFiniteAnswer_Fails(double bad)
    {
        var result = ExerciseChecker.Check(Doubling, (Func<double, double>)(_ => bad));

        Assert.Equal(CheckStatus.Failed, result.Status);
    }

    [Fact]
    public void AnswerWithinTolerance_Passes_AndJustOutside_Fails()
    {
        var close = ExerciseChecker.Check(Doubling, (Func<double, double>)(km => 2 * km * (1 + 1e-7)));
        var far = ExerciseChecker.Check(Doubling, (Func<double, double>)(km => 2 * km * (1 + 1e-5)));

        Assert.Equal(CheckStatus.Passed, close.Status);
        Assert.Equal(CheckStatus.Failed, far.Status);
    }

    [Fact]
    public void Html_CarriesTheMarkerTheRunnerReads()
    {
        var html = ExerciseChecker.Check(Doubling, (Func<double, double>)(km => km)).ToHtml();

        Assert.Contains("data-workbook-exercise=\"ep99.round-trip-km\" data-status=\"failed\"", html, StringComparison.Ordinal);
        Assert.Contains("Hint:", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RejectsAKnownMistakeThatTheCasesCannotCatch()
    {
        var blind = new Exercise
        {
            Id = "ep99.blind",
            Title = "Blind",
            Track = Track.Beginner,
            Signature = "double F(double x)",
            Reference = (Func<double, double>)(x => 2 * x),
            Cases = [[0.0]], // 2·0 = 0·1: the mistake agrees on every case
            Hints = ["h"],
            KnownMistakes = [new KnownMistake("identity", (Func<double, double>)(x => x), "h")],
        };

        var error = Assert.Throws<InvalidOperationException>(blind.Validate);
        Assert.Contains("not caught", error.Message, StringComparison.Ordinal);
    }
}
