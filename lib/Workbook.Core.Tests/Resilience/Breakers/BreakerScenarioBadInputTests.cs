using Workbook.Core.Resilience.Breakers;

namespace Workbook.Core.Tests.Resilience.Breakers;

// The bad input for breaker scenarios: failure ratio outside (0, 1], non-positive durations or thresholds,
// and malformed scenario JSON, each rejected with a message naming the option (or JSON field) and what is allowed.
public sealed class BreakerScenarioBadInputTests
{
    private const string Valid = """
        {"format": "workbook.breaker-scenario/1", "name": "n",
         "options": {"failureRatio": 0.5, "minimumThroughput": 2, "samplingDurationMs": 1000, "breakDurationMs": 500},
         "steps": [{"atMs": 0, "kind": "call", "outcome": "failure"}]}
        """;

    [Fact]
    public void Options_OutOfRange_AreRejectedNamingTheOptionAndItsRange()
    {
        BadInput.Rejects(() => new BreakerScenarioOptions(0, 2, 1_000, 500), "failureRatio", "a finite number in (0, 1]");
        BadInput.Rejects(() => new BreakerScenarioOptions(-0.1, 2, 1_000, 500), "failureRatio", "a finite number in (0, 1]");
        BadInput.Rejects(() => new BreakerScenarioOptions(1.0001, 2, 1_000, 500), "failureRatio", "a finite number in (0, 1]");
        BadInput.Rejects(() => new BreakerScenarioOptions(double.NaN, 2, 1_000, 500), "failureRatio", "a finite number in (0, 1]");
        BadInput.Rejects(() => new BreakerScenarioOptions(double.PositiveInfinity, 2, 1_000, 500), "failureRatio", "a finite number in (0, 1]");
        BadInput.Rejects(() => new BreakerScenarioOptions(0.5, 0, 1_000, 500), "minimumThroughput", "an integer > 0");
        BadInput.Rejects(() => new BreakerScenarioOptions(0.5, -3, 1_000, 500), "minimumThroughput", "an integer > 0");
        BadInput.Rejects(() => new BreakerScenarioOptions(0.5, 2, 0, 500), "samplingDurationMilliseconds", "a whole number of milliseconds >= 1");
        BadInput.Rejects(() => new BreakerScenarioOptions(0.5, 2, -1_000, 500), "samplingDurationMilliseconds", "a whole number of milliseconds >= 1");
        BadInput.Rejects(() => new BreakerScenarioOptions(0.5, 2, 1_000, 0), "breakDurationMilliseconds", "a whole number of milliseconds >= 1");
        BadInput.Rejects(() => BreakerStep.Call(-1, CallOutcome.Success), "atMilliseconds", "a whole number of milliseconds >= 0");
        _ = new BreakerScenarioOptions(1, 1, 1, 1); // the edges are allowed
    }

    [Fact]
    public void ProductionOptions_NonPositiveDurationsAndThresholds_AreRejected()
    {
        BadInput.Rejects(() => new ProductionBreakerOptions(failureRatio: -0.5), "failureRatio", "a finite number in (0, 1]");
        BadInput.Rejects(() => new ProductionBreakerOptions(minimumThroughput: -1), "minimumThroughput", "an integer >= 2");
        BadInput.Rejects(() => new ProductionBreakerOptions(breakDuration: TimeSpan.FromSeconds(-5)), "breakDuration", "a duration in [0.5 s, 1 day]");
        // 1 day sampling = 2.4 h buckets: the longest break Polly accepts (1 day) is fine, 2 h is shorter than a bucket.
        BadInput.Rejects(
            () => new ProductionBreakerOptions(samplingDuration: TimeSpan.FromDays(1), breakDuration: TimeSpan.FromHours(2)),
            "breakDuration", "at least one bucket, samplingDuration / 10 = 8640 s");
    }

    [Fact]
    public void Steps_AndExpectations_BreakingARule_AreRejectedNamingTheArgument()
    {
        var options = new BreakerScenarioOptions(0.5, 2, 1_000, 500);
        BadInput.RejectsArgument(() => new BreakerScenario("n", "", options, []), "steps", "at least one step");
        BadInput.RejectsArgument(
            () => new BreakerScenario("n", "", options, [BreakerStep.Call(10, CallOutcome.Success), BreakerStep.Call(9, CallOutcome.Success)]),
            "steps", "Step times must not decrease: step 1 is at 9 ms, before step 0 at 10 ms");
        BadInput.RejectsArgument(
            () => new BreakerScenario("n", "", options, [BreakerStep.Call(0, CallOutcome.Success), BreakerStep.Call(1, CallOutcome.Success)], [new BreakerStepExpectation(true, BreakerState.Closed)]),
            "expectedSteps", "one per step (2), not 1");
    }

    [Fact]
    public void Json_Valid_Parses()
    {
        var scenario = BreakerScenarioJson.Parse(Valid);
        Assert.Equal(new BreakerScenarioOptions(0.5, 2, 1_000, 500), scenario.Options);
        Assert.Equal([BreakerStep.Call(0, CallOutcome.Failure)], scenario.Steps);
    }

    [Theory]
    [InlineData("{\"format\": ", "Not valid JSON")]
    [InlineData("[1, 2]", "A scenario is a JSON object")]
    [InlineData("\"format\": \"workbook.breaker-scenario/1\"|\"format\": \"workbook.breaker-scenario/2\"", "format is \"workbook.breaker-scenario/2\"; this reader understands \"workbook.breaker-scenario/1\"")]
    [InlineData("\"name\": \"n\",|", "name: a string is required")]
    [InlineData("\"failureRatio\": 0.5|\"failureRatio\": \"half\"", "options.failureRatio: a Double is required, not \"half\"")]
    [InlineData("\"minimumThroughput\": 2|\"minimumThroughput\": 2.5", "options.minimumThroughput: a Int32 is required, not 2.5")]
    [InlineData("\"samplingDurationMs\": 1000, |", "options.samplingDurationMs: a Int64 is required")]
    [InlineData("\"options\"|\"settings\"", "options: an object is required")]
    [InlineData("\"steps\"|\"calls\"", "steps: an array is required")]
    [InlineData("\"kind\": \"call\"|\"kind\": \"cal\"", "steps[0].kind is \"cal\"; allowed: \"call\", \"advance\"")]
    [InlineData("\"outcome\": \"failure\"|\"outcome\": \"timeout\"", "steps[0].outcome is \"timeout\"; allowed: \"success\", \"failure\"")]
    [InlineData("\"atMs\": 0|\"atMs\": \"0\"", "steps[0].atMs: a Int64 is required, not \"0\"")]
    [InlineData("\"outcome\": \"failure\"}|\"outcome\": \"failure\", \"expectState\": \"ajar\"}", "steps[0].expectState is \"ajar\"")]
    public void Json_Malformed_IsRejectedNamingTheField(string edit, string message)
    {
        string json = edit.Contains('|', StringComparison.Ordinal)
            ? Valid.Replace(edit.Split('|')[0], edit.Split('|')[1], StringComparison.Ordinal)
            : edit;
        Assert.NotEqual(Valid, json); // the edit applied

        var error = Assert.Throws<FormatException>(() => BreakerScenarioJson.Parse(json));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_ValuesOutOfRange_AreRejectedByTheOptionsNamingThem()
    {
        BadInput.Rejects(() => BreakerScenarioJson.Parse(Valid.Replace("\"failureRatio\": 0.5", "\"failureRatio\": 0", StringComparison.Ordinal)),
            "failureRatio", "a finite number in (0, 1]");
        BadInput.Rejects(() => BreakerScenarioJson.Parse(Valid.Replace("\"breakDurationMs\": 500", "\"breakDurationMs\": -500", StringComparison.Ordinal)),
            "breakDurationMilliseconds", "a whole number of milliseconds >= 1");
        BadInput.Rejects(() => BreakerScenarioJson.Parse(Valid.Replace("\"atMs\": 0", "\"atMs\": -5", StringComparison.Ordinal)),
            "atMilliseconds", "a whole number of milliseconds >= 0");
    }
}
