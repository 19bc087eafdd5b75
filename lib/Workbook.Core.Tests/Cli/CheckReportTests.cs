using Workbook.Cli.Notebooks;
using Workbook.Core.Exercises;

namespace Workbook.Core.Tests.Cli;

/// <summary>
/// The CLI reads check details from the text that <see cref="CheckResult.ToString"/> writes:
/// whatever ToString writes, the parser must give back field for field.
/// </summary>
public sealed class CheckReportTests
{
    public static TheoryData<CheckResult> HandMadeResults => new()
    {
        Result(CheckStatus.Passed, "All 5 cases match the reference.", null, null),
        Result(CheckStatus.NotAttempted, "Not attempted yet: replace `throw new NotImplementedException()`.", null, null),
        Result(CheckStatus.Failed, "The answer has the wrong shape: expected double F(double x), got a function (Int32) → Double.", null, "Keep the starter cell's signature: double F(double x)"),
        Result(CheckStatus.Failed, "Case 2 of 5 differs from the reference.", new FailingCase(2, "distanceKm = 1", "0.00489739", "5"), "Light in fiber travels at c / n."),
        Result(CheckStatus.Error, "Your code threw DivideByZeroException: Attempted to divide by zero.", new FailingCase(1, "n = 0, p = 0.5", "0", "threw DivideByZeroException"), "Handle n = 0."),
        Result(CheckStatus.TimedOut, "No answer within 5 s (case x = 1); the call was abandoned.", null, null),
        // Values with the separators the format itself uses, and values that span lines.
        Result(CheckStatus.Failed, "[brackets] and: colons", new FailingCase(12, "s = \"a: b\", t = \"  expected: no\"", "[1, 2]", "line one\nline two"), "first line\n  case 3: not a case\nthird line"),
        Result(CheckStatus.Failed, "message\n  case closed, still the message", new FailingCase(1, "", "", ""), null),
        Result(CheckStatus.Error, "", null, "hint: with a colon"),
    };

    [Theory]
    [MemberData(nameof(HandMadeResults))]
    public void ToString_ThenTryParse_GivesBackEveryField(CheckResult result) => AssertRoundTrip(result);

    [Fact]
    public void EveryCatalogExercise_CheckedWithEveryKnownMistake_RoundTrips()
    {
        // Real results: real inputs, expected and actual values, and each mistake's own hint.
        var results = ExerciseCatalog.All
            .SelectMany(e => e.KnownMistakes.Select(m => ExerciseChecker.Check(e, m.Answer)).Append(ExerciseChecker.Check(e, e.Reference)))
            .ToList();

        Assert.Contains(results, r => r.Status == CheckStatus.Failed && r.FailingCase is not null && r.Hint is not null);
        Assert.All(results, AssertRoundTrip);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2")]
    [InlineData("<div>not text</div>")]
    [InlineData("[ep01.x] maybe: something")]
    [InlineData("ep01.x passed: no brackets")]
    [InlineData("[ep01.x] failed: m\n  case 2: input\n  actual:   5")]
    [InlineData("[ep01.x] failed: m\n  case 99999999999: input\n  expected: 1\n  actual:   5")]
    public void TextInAnotherForm_IsNotAReport(string text)
    {
        Assert.False(CheckReport.TryParse(text, out _));
    }

    [Fact]
    public void WindowsLineEndings_AreAccepted()
    {
        Assert.True(CheckReport.TryParse("[ep01.x] failed: m\r\n  case 2: a = 1\r\n  expected: 1\r\n  actual:   5\r\n  hint: h", out var report));

        Assert.Equal(new FailingCase(2, "a = 1", "1", "5"), report.FailingCase);
        Assert.Equal("h", report.Hint);
    }

    private static void AssertRoundTrip(CheckResult result)
    {
        Assert.True(CheckReport.TryParse(result.ToString(), out var report), result.ToString());

        Assert.Equal(result.ExerciseId, report.ExerciseId);
        Assert.Equal(result.Status, report.Status);
        Assert.Equal(result.Message, report.Message);
        Assert.Equal(result.FailingCase, report.FailingCase);
        Assert.Equal(result.Hint, report.Hint);
    }

    private static CheckResult Result(CheckStatus status, string message, FailingCase? failing, string? hint) =>
        new("ep99.some-exercise", "Some exercise", Track.Beginner, status, message, failing, hint, 1, 5);
}
