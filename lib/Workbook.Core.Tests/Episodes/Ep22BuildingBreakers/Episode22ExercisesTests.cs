using Workbook.Core.Exercises;
using Workbook.Core.Resilience.Breakers;
using Workbook.Core.Resilience.Breakers.Scenarios;

namespace Workbook.Core.Tests.Episodes.Ep22BuildingBreakers;

/// <summary>
/// The breaker exercises' checker, seen from the learner: each typical mistake is reported with the scenario, the
/// step (worked out by hand from the scenario file) and its own hint; a breaker that throws, loops or is not written
/// yet is reported, never fatal; a mistake the catalog does not know gets a hint read from the situation.
/// </summary>
public class Episode22ExercisesTests
{
    public static TheoryData<string, string> BreakerMistakes()
    {
        var data = new TheoryData<string, string>();
        foreach (var id in new[] { "ep22.beginner-breaker", "ep22.count-window-breaker", "ep22.production-breaker" })
        {
            foreach (var mistake in ExerciseCatalog.Get(id).KnownMistakes)
            {
                data.Add(id, mistake.Name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BreakerMistakes))]
    public void EveryKnownMistake_IsReportedWithItsScenarioStepAndExpectation(string id, string mistakeName)
    {
        var exercise = ExerciseCatalog.Get(id);
        var mistake = exercise.KnownMistakes.Single(m => m.Name == mistakeName);

        var result = ExerciseChecker.Check(exercise, mistake.Answer);

        Assert.Equal(CheckStatus.Failed, result.Status);
        Assert.Equal(mistake.Hint, result.Hint);
        Assert.NotNull(result.FailingCase);
        Assert.Contains("data/resilience/breaker-scenarios/", result.FailingCase.Input, StringComparison.Ordinal);
        Assert.Contains("scenario \"", result.FailingCase.Input, StringComparison.Ordinal);
        Assert.Matches(@", step \d+ of \d+$", result.FailingCase.Input);
        Assert.Contains("expected", result.Message, StringComparison.Ordinal);
        Assert.Contains("✗ expected", result.Details, StringComparison.Ordinal);
    }

    // Where each mistake must first go wrong, read off consecutive-failures.json and count-window.json by hand.
    [Theory]
    [InlineData("ep22.beginner-breaker", "strict timeout", "three failures trip", "step 6 of 8", "t = 12 s, no call", "expected state half-open; your breaker gave state open")]
    [InlineData("ep22.beginner-breaker", "count not reset by a success", "a success resets the count", "step 4 of 6", "t = 3 s, a call that fails", "expected admitted, state closed; your breaker gave admitted, state open")]
    [InlineData("ep22.beginner-breaker", "timeout from the first failure", "three failures trip", "step 5 of 8", "t = 11.5 s", "expected state open; your breaker gave state half-open")]
    [InlineData("ep22.beginner-breaker", "failed probe keeps the old timeout", "a failed probe reopens", "step 4 of 9", "t = 7 s, a call that fails", "expected admitted, state open; your breaker gave admitted, state half-open")]
    [InlineData("ep22.count-window-breaker", "strict ratio", "the >= boundary", "step 5 of 12", "t = 4 s, a call that fails", "expected admitted, state open; your breaker gave admitted, state closed")]
    [InlineData("ep22.count-window-breaker", "closes on the first probe", "the >= boundary", "step 9 of 12", "t = 14 s, a call that succeeds", "expected admitted, state half-open; your breaker gave admitted, state closed")]
    [InlineData("ep22.count-window-breaker", "window kept after closing", "the >= boundary", "step 11 of 12", "t = 16 s, a call that fails", "expected admitted, state closed; your breaker gave admitted, state open")]
    [InlineData("ep22.count-window-breaker", "whole-life counts", "the window slides", "step 5 of 15", "t = 4 s, a call that fails", "expected admitted, state open; your breaker gave admitted, state closed")]
    [InlineData("ep22.production-breaker", "grid buckets", "bucket-starts-at-first-call", "step 4 of 7", "t = 1050 ms, a call that fails", "expected admitted, state open; your breaker gave admitted, state closed")]
    public void TheFailureMessage_NamesTheScenarioAndTheStepWhereTheMistakeShows(string id, string mistakeName, string scenario, string step, string when, string what)
    {
        var exercise = ExerciseCatalog.Get(id);
        var result = ExerciseChecker.Check(exercise, exercise.KnownMistakes.Single(m => m.Name == mistakeName).Answer);

        Assert.Contains(scenario, result.FailingCase!.Input, StringComparison.Ordinal);
        Assert.EndsWith(step, result.FailingCase.Input, StringComparison.Ordinal);
        Assert.Contains(when, result.Message, StringComparison.Ordinal);
        Assert.Contains(what, result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownMistake_GetsAHintReadFromTheSituation()
    {
        // Opens one failure late (count > threshold): the third failure of the first scenario leaves it closed, where no known mistake goes wrong.
        var result = Checks.Check("ep22.beginner-breaker", (int threshold, double timeout) => new OneLateBreaker(threshold, timeout));

        Assert.Equal(CheckStatus.Failed, result.Status);
        Assert.EndsWith("step 3 of 8", result.FailingCase!.Input, StringComparison.Ordinal);
        Assert.StartsWith("Did not open", result.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void TheStarterCell_IsNotAttempted()
    {
        var result = Checks.Check("ep22.beginner-breaker", (int threshold, double timeout) => new StarterBreaker());

        Assert.Equal(CheckStatus.NotAttempted, result.Status);
    }

    [Fact]
    public void ABreakerThatThrows_IsReportedWithTheScenarioAndTheCall()
    {
        var result = Checks.Check("ep22.production-breaker", (BreakerScenarioOptions o) => new ThrowingBreaker());

        Assert.Equal(CheckStatus.Failed, result.Status);
        Assert.Contains("threw InvalidOperationException in Record(false, …) at t = 50 ms", result.Message, StringComparison.Ordinal);
        Assert.Contains("scenario \"bucket-starts-at-first-call\"", result.FailingCase!.Input, StringComparison.Ordinal);
    }

    [Fact]
    public void ABreakerThatNeverReturns_TimesOut_AndTheCheckReturns()
    {
        using var release = new ManualResetEventSlim();
        var exercise = ExerciseCatalog.Get("ep22.count-window-breaker");

        var result = ExerciseChecker.Check(exercise, (Func<CountWindowSettings, IReplayableBreaker>)(s => new StuckBreaker(release)), TimeSpan.FromMilliseconds(300));
        release.Set(); // lets the abandoned thread finish

        Assert.Equal(CheckStatus.TimedOut, result.Status);
        Assert.Contains("(the trial)", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFactoryThatReturnsNoBreaker_IsReported()
    {
        var result = Checks.Check("ep22.beginner-breaker", (int threshold, double timeout) => (IReplayableBreaker)null!);

        Assert.Equal(CheckStatus.Error, result.Status);
        Assert.Contains("not a new breaker implementing IReplayableBreaker", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheReference_PassesEveryScenarioOfItsFile()
    {
        var result = Checks.Check("ep22.count-window-breaker", ExerciseCatalog.Get("ep22.count-window-breaker").Reference);

        Assert.Equal(CheckStatus.Passed, result.Status);
        Assert.Contains("4 scenarios of data/resilience/breaker-scenarios/count-window.json, 44 steps", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnExerciseWithoutCases_NeedsATrial()
    {
        var exercise = new Exercise
        {
            Id = "ep22.no-cases",
            Title = "No cases",
            Track = Track.Beginner,
            Signature = "int One()",
            Reference = (Func<int>)(() => 1),
            Cases = [],
            Hints = ["Return 1."],
        };

        var error = Assert.Throws<InvalidOperationException>(exercise.Validate);
        Assert.Contains("unless a trial checks it", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheProductionRun_NamesTheOptionsWithTheirUnits()
    {
        var exercise = ExerciseCatalog.Get("ep22.production-breaker");
        var result = ExerciseChecker.Check(exercise, exercise.KnownMistakes.Single(m => m.Name == "eager half-open").Answer);

        Assert.Contains("failureRatio = ", result.FailingCase!.Input, StringComparison.Ordinal);
        Assert.Contains("breakDuration = ", result.FailingCase.Input, StringComparison.Ordinal);
        Assert.Contains(" ms)", result.FailingCase.Input, StringComparison.Ordinal);
    }

    private sealed class OneLateBreaker(int threshold, double timeout) : IReplayableBreaker
    {
        private BreakerState state = BreakerState.Closed;
        private int failures;
        private double openedAt;

        public bool TryCall(double time)
        {
            if (state == BreakerState.Open && time - openedAt >= timeout)
            {
                state = BreakerState.HalfOpen;
            }

            return state != BreakerState.Open;
        }

        public void Record(bool success, double time)
        {
            if (success)
            {
                state = BreakerState.Closed;
                failures = 0;
            }
            else if (state == BreakerState.HalfOpen || ++failures > threshold)
            {
                state = BreakerState.Open;
                openedAt = time;
                failures = 0;
            }
        }

        public BreakerState StateAt(double time) => state == BreakerState.Open && time - openedAt >= timeout ? BreakerState.HalfOpen : state;
    }

    private sealed class StarterBreaker : IReplayableBreaker
    {
        public bool TryCall(double time) => throw new NotImplementedException();

        public void Record(bool success, double time) => throw new NotImplementedException();

        public BreakerState StateAt(double time) => throw new NotImplementedException();
    }

    private sealed class ThrowingBreaker : IReplayableBreaker
    {
        public bool TryCall(double time) => true;

        public void Record(bool success, double time) => throw new InvalidOperationException("no failures yet");

        public BreakerState StateAt(double time) => BreakerState.Closed;
    }

    private sealed class StuckBreaker(ManualResetEventSlim release) : IReplayableBreaker
    {
        public bool TryCall(double time)
        {
            release.Wait();
            return true;
        }

        public void Record(bool success, double time)
        {
        }

        public BreakerState StateAt(double time) => BreakerState.Closed;
    }
}
