using System.Text.Json.Nodes;
using Workbook.Core.Exercises;

namespace Workbook.Core.Tests.Exercises;

/// <summary>
/// The JSON form of a check result (MIME type <see cref="CheckResult.JsonMimeType"/>), which tools
/// read instead of the rendered HTML or text: whatever <see cref="CheckResult.ToJson"/> writes,
/// <see cref="CheckResult.FromJson(string)"/> gives back field for field.
/// </summary>
public sealed class CheckResultJsonTests
{
    public static TheoryData<CheckResult> HandMadeResults => new()
    {
        Result(CheckStatus.Passed, "All 5 cases match the reference.", null, null),
        Result(CheckStatus.NotAttempted, "Not attempted yet: replace `throw new NotImplementedException()`.", null, null),
        Result(CheckStatus.Failed, "The answer has the wrong shape: expected double F(double x), got a function (Int32) → Double.", null, "Keep the starter cell's signature: double F(double x)"),
        Result(CheckStatus.Failed, "Case 2 of 5 differs from the reference.", new FailingCase(2, "distanceKm = 1", "0.00489739", "5"), "Light in fiber travels at c / n."),
        Result(CheckStatus.Error, "Your code threw DivideByZeroException: Attempted to divide by zero.", new FailingCase(1, "n = 0, p = 0.5", "0", "threw DivideByZeroException"), "Handle n = 0."),
        Result(CheckStatus.TimedOut, "No answer within 5 s (case x = 1); the call was abandoned.", null, null),
        // Characters JSON must escape, the separators of the text form, values that span lines, and empty text.
        Result(CheckStatus.Failed, "\"quoted\" \\ back\tslash [brackets] and: colons", new FailingCase(12, "s = \"a: b\", t = \"  expected: no\"", "[1, 2]", "line one\nline two"), "first line\r\n  case 3: not a case\nµs × 10⁶ — <b>&amp;</b>"),
        Result(CheckStatus.Failed, "message\n  case closed, still the message", new FailingCase(1, "", "", ""), null),
        Result(CheckStatus.Error, "", null, "hint: with a colon"),
    };

    [Theory]
    [MemberData(nameof(HandMadeResults))]
    public void ToJson_ThenFromJson_GivesBackAnEqualResult(CheckResult result)
    {
        Assert.Equal(result, CheckResult.FromJson(result.ToJson()));
    }

    [Fact]
    public void EveryStatus_RoundTrips()
    {
        foreach (var status in Enum.GetValues<CheckStatus>())
        {
            var result = Result(status, "m", null, null) with { Track = Track.Expert };

            Assert.Equal(result, CheckResult.FromJson(result.ToJson()));
        }
    }

    [Fact]
    public void EveryCatalogExercise_CheckedWithEveryKnownMistake_RoundTrips()
    {
        // Real results: real inputs, expected and actual values, and each mistake's own hint.
        var results = ExerciseCatalog.All
            .SelectMany(e => e.KnownMistakes.Select(m => ExerciseChecker.Check(e, m.Answer)).Append(ExerciseChecker.Check(e, e.Reference)))
            .ToList();

        Assert.Contains(results, r => r.Status == CheckStatus.Failed && r.FailingCase is not null && r.Hint is not null);
        Assert.All(results, r => Assert.Equal(r, CheckResult.FromJson(r.ToJson())));
    }

    [Fact]
    public void ToJson_WritesTheDocumentedPropertyNamesAndTokens()
    {
        var json = JsonNode.Parse(Result(CheckStatus.TimedOut, "m", new FailingCase(3, "x = 1", "2", "timed out"), "h").ToJson())!.AsObject();

        Assert.Equal(
            ["id", "title", "track", "status", "message", "failingCase", "hint", "casesPassed", "casesTotal"],
            json.Select(p => p.Key));
        Assert.Equal("ep99.some-exercise", json["id"]!.GetValue<string>());
        Assert.Equal("beginner", json["track"]!.GetValue<string>());
        Assert.Equal("timed-out", json["status"]!.GetValue<string>());
        Assert.Equal(["number", "input", "expected", "actual"], json["failingCase"]!.AsObject().Select(p => p.Key));
        Assert.Equal(3, json["failingCase"]!["number"]!.GetValue<int>());
        Assert.Equal(1, json["casesPassed"]!.GetValue<int>());
        Assert.Equal(5, json["casesTotal"]!.GetValue<int>());
    }

    [Fact]
    public void ToJson_WritesNullForNoCaseAndNoHint()
    {
        var json = JsonNode.Parse(Result(CheckStatus.Passed, "m", null, null).ToJson())!.AsObject();

        Assert.True(json.ContainsKey("failingCase") && json["failingCase"] is null);
        Assert.True(json.ContainsKey("hint") && json["hint"] is null);
    }

    [Theory]
    [InlineData("", "not JSON")]
    [InlineData("<div>not json</div>", "not JSON")]
    [InlineData("[1, 2]", "must be a JSON object; it was [1,2]")]
    [InlineData("\"text\"", "must be a JSON object; it was 'text'")]
    [InlineData("{\"title\":\"t\",\"track\":\"beginner\",\"status\":\"passed\",\"message\":\"m\",\"casesPassed\":1,\"casesTotal\":1}", "'id' must be a string; it was missing or null")]
    [InlineData("{\"id\":\"ep01.x\",\"title\":\"t\",\"track\":\"beginner\",\"status\":\"maybe\",\"message\":\"m\",\"casesPassed\":1,\"casesTotal\":1}", "'status' must be one of not-attempted, passed, failed, error, timed-out; it was 'maybe'")]
    [InlineData("{\"id\":\"ep01.x\",\"title\":\"t\",\"track\":\"novice\",\"status\":\"passed\",\"message\":\"m\",\"casesPassed\":1,\"casesTotal\":1}", "'track' must be one of beginner, intermediate, expert; it was 'novice'")]
    [InlineData("{\"id\":\"ep01.x\",\"title\":\"t\",\"track\":\"beginner\",\"status\":\"passed\",\"message\":\"m\",\"casesPassed\":1.5,\"casesTotal\":1}", "'casesPassed' must be a whole number; it was 1.5")]
    [InlineData("{\"id\":\"ep01.x\",\"title\":\"t\",\"track\":\"beginner\",\"status\":\"passed\",\"message\":\"m\",\"casesPassed\":\"1\",\"casesTotal\":1}", "'casesPassed' must be a whole number; it was '1'")]
    [InlineData("{\"id\":\"ep01.x\",\"title\":\"t\",\"track\":\"beginner\",\"status\":\"failed\",\"message\":\"m\",\"failingCase\":\"case 1\",\"casesPassed\":0,\"casesTotal\":1}", "'failingCase' must be null or an object; it was 'case 1'")]
    [InlineData("{\"id\":\"ep01.x\",\"title\":\"t\",\"track\":\"beginner\",\"status\":\"failed\",\"message\":\"m\",\"failingCase\":{\"number\":1,\"input\":\"x = 1\",\"actual\":\"2\"},\"casesPassed\":0,\"casesTotal\":1}", "'expected' must be a string; it was missing or null")]
    public void FromJson_RejectsOtherShapes_NamingWhatIsWrong(string json, string expectedMessagePart)
    {
        var error = Assert.Throws<FormatException>(() => CheckResult.FromJson(json));

        Assert.Contains(expectedMessagePart, error.Message, StringComparison.Ordinal);
    }

    private static CheckResult Result(CheckStatus status, string message, FailingCase? failing, string? hint) =>
        new("ep99.some-exercise", "Some exercise", Track.Beginner, status, message, failing, hint, 1, 5);
}
