using Workbook.Core.Resilience;

namespace Workbook.Core.Tests.Resilience;

public class TripConditionTests
{
    [Fact]
    public void Defaults_AreResilience4js()
    {
        var condition = new TripCondition();

        Assert.Equal(SlidingWindowKind.CountBased, condition.WindowKind);
        Assert.Equal(100, condition.WindowSize);
        Assert.Equal(100, condition.MinimumThroughput);
        Assert.Equal(0.5, condition.FailureThreshold);
        Assert.Equal(TripComparison.PercentAtLeastSingle, condition.Comparison);
        Assert.Equal(50, condition.MinimumFailuresToTrip(100).Failures);
    }

    [Theory]
    [InlineData(TripComparison.RatioAtLeast, 10)]         // Polly: 10/100 >= 0.1 trips
    [InlineData(TripComparison.PercentAtLeastSingle, 10)] // resilience4j: 10 % >= 10 % trips
    [InlineData(TripComparison.TruncatedPercentAtLeast, 10)]
    [InlineData(TripComparison.RatioAbove, 11)]           // strictly above: one more failure
    public void TheThresholdItself_TripsOnlyForAtLeastComparisons(TripComparison comparison, int firstTrip)
    {
        var condition = new TripCondition(minimumThroughput: 1, failureThreshold: 0.1, comparison: comparison);

        var answer = condition.MinimumFailuresToTrip(100);

        Assert.True(answer.CanTrip);
        Assert.Equal(firstTrip, answer.Failures);
        Assert.Equal(100, answer.Calls);
        Assert.False(condition.Trips(firstTrip - 1, 100));
        Assert.True(condition.Trips(firstTrip, 100));
    }

    [Fact]
    public void Ratio_0Point07_Of100Calls_TripsAt7_DespiteFloatingPoint()
    {
        // 0.07 × 100 = 7.000000000000001 in binary, so ceil(r·n) would say 8; the library compares 7/100 >= 0.07.
        var polly = new TripCondition(minimumThroughput: 2, failureThreshold: 0.07, comparison: TripComparison.RatioAtLeast);

        Assert.Equal(8, (int)Math.Ceiling(0.07 * 100));
        Assert.Equal(7, polly.MinimumFailuresToTrip(100).Failures);
    }

    [Fact]
    public void Hystrix_TruncatesThePercentage_So29Of100DoesNotTripA29PercentThreshold()
    {
        var hystrix = new TripCondition(SlidingWindowKind.TimeBased, 10, 20, 0.29, TripComparison.TruncatedPercentAtLeast);
        var polly = new TripCondition(SlidingWindowKind.TimeBased, 10, 20, 0.29, TripComparison.RatioAtLeast);

        Assert.Equal(28, (int)(29.0 / 100 * 100));
        Assert.False(hystrix.Trips(29, 100));
        Assert.Equal(30, hystrix.MinimumFailuresToTrip(100).Failures);
        Assert.Equal(29, polly.MinimumFailuresToTrip(100).Failures);
    }

    [Fact]
    public void MinimumThroughput_IsCappedAtTheWindowForCountBased_ButNotForTimeBased()
    {
        var countBased = new TripCondition(windowSize: 10, minimumThroughput: 100);
        var timeBased = new TripCondition(SlidingWindowKind.TimeBased, windowSize: 10, minimumThroughput: 100);

        Assert.Equal(10, countBased.EffectiveMinimumThroughput);
        Assert.Equal(5, countBased.MinimumFailuresToTrip(10).Failures);
        Assert.Equal(100, timeBased.EffectiveMinimumThroughput);
        var belowMinimum = timeBased.MinimumFailuresToTrip(99);
        Assert.False(belowMinimum.CanTrip);
        Assert.Null(belowMinimum.Failures);
        Assert.Equal("99 calls are below the minimum throughput of 100: the ratio is not compared.", belowMinimum.Reason);
        Assert.False(timeBased.Trips(99, 99));
    }

    [Fact]
    public void MinimumFailuresToTrip_SaysWhyAThresholdOfOneNeverTripsStrictlyAbove()
    {
        var answer = new TripCondition(minimumThroughput: 1, failureThreshold: 1, comparison: TripComparison.RatioAbove).MinimumFailuresToTrip(40);

        Assert.False(answer.CanTrip);
        Assert.Equal("Even 40 failures in 40 calls do not pass RatioAbove 1.", answer.Reason);
    }

    [Fact]
    public void MinimumFailuresToTrip_AgreesWithALinearScan_ForEveryComparisonAndWindow()
    {
        foreach (TripComparison comparison in Enum.GetValues<TripComparison>())
        {
            foreach (double threshold in new[] { 0.01, 0.1, 0.25, 0.29, 1.0 / 3, 0.5, 0.57, 1.0 })
            {
                if (comparison == TripComparison.TruncatedPercentAtLeast && threshold == 1.0 / 3)
                {
                    continue; // not a whole percent: rejected (see InvalidArguments)
                }

                var condition = new TripCondition(windowSize: 400, minimumThroughput: 5, failureThreshold: threshold, comparison: comparison);
                for (int calls = 0; calls <= 400; calls += 7)
                {
                    int? scan = Enumerable.Range(0, calls + 1).Cast<int?>().FirstOrDefault(f => condition.Trips(f!.Value, calls));
                    var answer = condition.MinimumFailuresToTrip(calls);
                    Assert.Equal(scan, answer.Failures);
                    Assert.Equal(scan is not null, answer.CanTrip);
                }
            }
        }
    }

    public static TheoryData<string, Func<TripCondition>, string> InvalidArguments => new()
    {
        { "windowSize", () => new TripCondition(windowSize: 0), "windowSize must be an integer >= 1; got 0." },
        { "minimumThroughput", () => new TripCondition(minimumThroughput: -3), "minimumThroughput must be an integer >= 1; got -3." },
        { "failureThreshold", () => new TripCondition(failureThreshold: 0), "failureThreshold must be a finite number in (0, 1]; got 0." },
        { "failureThreshold", () => new TripCondition(failureThreshold: 50), "failureThreshold must be a finite number in (0, 1]; got 50." },
        { "failureThreshold", () => new TripCondition(failureThreshold: double.NaN), "failureThreshold must be a finite number in (0, 1]; got NaN." },
        {
            "failureThreshold",
            () => new TripCondition(failureThreshold: 0.295, comparison: TripComparison.TruncatedPercentAtLeast),
            "failureThreshold must be a whole percent in [0.01, 1] when comparison is TruncatedPercentAtLeast (Hystrix's threshold is an integer percentage); got 0.295."
        },
        { "windowKind", () => new TripCondition(windowKind: (SlidingWindowKind)7), "windowKind must be CountBased or TimeBased; got 7." },
        { "comparison", () => new TripCondition(comparison: (TripComparison)9), "comparison must be a defined TripComparison; got 9." },
    };

    [Theory]
    [MemberData(nameof(InvalidArguments))]
    public void InvalidArguments_AreRejectedByTheConstructor_NamingTheParameterAndRange(string parameter, Func<TripCondition> create, string message)
    {
        BadInput.Rejects(() => create(), parameter, message);
    }

    [Fact]
    public void Trips_RejectsImpossibleCounts()
    {
        var condition = new TripCondition();

        BadInput.Rejects(() => condition.Trips(0, 101), "calls", "calls must be an integer in [0, 100]");
        BadInput.Rejects(() => condition.Trips(11, 10), "failures", "failures must be an integer in [0, 10]; got 11.");
    }
}
