using Workbook.Core.Resilience;

namespace Workbook.Core.Tests.Resilience;

public class BreakerOptionsTests
{
    [Fact]
    public void Defaults_AreResilience4js()
    {
        var options = new BreakerOptions();

        Assert.Equal(SlidingWindowKind.CountBased, options.Kind);
        Assert.Equal(100, options.WindowSize);
        Assert.Equal(100, options.MinimumThroughput);
        Assert.Equal(0.5, options.FailureThreshold);
        Assert.Equal(TripRule.PercentAtLeastSingle, options.Rule);
        Assert.Equal(50, options.MinimumFailuresToTrip(100));
    }

    [Theory]
    [InlineData(TripRule.RatioAtLeast, 10)]         // Polly: 10/100 >= 0.1 trips
    [InlineData(TripRule.PercentAtLeastSingle, 10)] // resilience4j: 10 % >= 10 % trips
    [InlineData(TripRule.TruncatedPercentAtLeast, 10)]
    [InlineData(TripRule.RatioAbove, 11)]           // strictly above: one more failure
    public void TheThresholdItself_TripsOnlyForAtLeastRules(TripRule rule, int firstTrip)
    {
        var options = new BreakerOptions { MinimumThroughput = 1, FailureThreshold = 0.1, Rule = rule };

        Assert.Equal(firstTrip, options.MinimumFailuresToTrip(100));
        Assert.False(options.Trips(firstTrip - 1, 100));
        Assert.True(options.Trips(firstTrip, 100));
    }

    [Fact]
    public void Ratio_0Point07_Of100Calls_TripsAt7_DespiteFloatingPoint()
    {
        // 0.07 × 100 = 7.000000000000001 in binary, so ceil(r·n) would say 8; the library compares 7/100 >= 0.07.
        var polly = new BreakerOptions { MinimumThroughput = 2, FailureThreshold = 0.07, Rule = TripRule.RatioAtLeast };

        Assert.Equal(8, (int)Math.Ceiling(0.07 * 100));
        Assert.Equal(7, polly.MinimumFailuresToTrip(100));
    }

    [Fact]
    public void Hystrix_TruncatesThePercentage_So29Of100DoesNotTripA29PercentThreshold()
    {
        var hystrix = new BreakerOptions
        {
            Kind = SlidingWindowKind.TimeBased, WindowSize = 10, MinimumThroughput = 20, FailureThreshold = 0.29, Rule = TripRule.TruncatedPercentAtLeast,
        };
        var polly = hystrix with { Rule = TripRule.RatioAtLeast };

        Assert.Equal(28, (int)(29.0 / 100 * 100));
        Assert.False(hystrix.Trips(29, 100));
        Assert.Equal(30, hystrix.MinimumFailuresToTrip(100));
        Assert.Equal(29, polly.MinimumFailuresToTrip(100));
    }

    [Fact]
    public void MinimumThroughput_IsCappedAtTheWindowForCountBased_ButNotForTimeBased()
    {
        var countBased = new BreakerOptions { WindowSize = 10, MinimumThroughput = 100 };
        var timeBased = countBased with { Kind = SlidingWindowKind.TimeBased };

        Assert.Equal(10, countBased.EffectiveMinimumThroughput);
        Assert.Equal(5, countBased.MinimumFailuresToTrip(10));
        Assert.Equal(100, timeBased.EffectiveMinimumThroughput);
        Assert.Null(timeBased.MinimumFailuresToTrip(99));
        Assert.False(timeBased.Trips(99, 99));
    }

    [Fact]
    public void MinimumFailuresToTrip_AgreesWithALinearScan_ForEveryRuleAndWindow()
    {
        foreach (TripRule rule in Enum.GetValues<TripRule>())
        {
            foreach (double threshold in new[] { 0.01, 0.1, 0.25, 0.29, 1.0 / 3, 0.5, 0.57, 1.0 })
            {
                var options = new BreakerOptions { WindowSize = 400, MinimumThroughput = 5, FailureThreshold = threshold, Rule = rule };
                for (int calls = 0; calls <= 400; calls += 7)
                {
                    int? scan = Enumerable.Range(0, calls + 1).Cast<int?>().FirstOrDefault(f => options.Trips(f!.Value, calls));
                    Assert.Equal(scan, options.MinimumFailuresToTrip(calls));
                }
            }
        }
    }

    public static TheoryData<string, Func<BreakerOptions>, string> InvalidOptions => new()
    {
        { nameof(BreakerOptions.WindowSize), () => new BreakerOptions { WindowSize = 0 }, "WindowSize must be an integer >= 1; got 0." },
        { nameof(BreakerOptions.MinimumThroughput), () => new BreakerOptions { MinimumThroughput = -3 }, "MinimumThroughput must be an integer >= 1; got -3." },
        { nameof(BreakerOptions.FailureThreshold), () => new BreakerOptions { FailureThreshold = 0 }, "FailureThreshold must be a finite number in (0, 1]; got 0." },
        { nameof(BreakerOptions.FailureThreshold), () => new BreakerOptions { FailureThreshold = 50 }, "FailureThreshold must be a finite number in (0, 1]; got 50." },
        { nameof(BreakerOptions.FailureThreshold), () => new BreakerOptions() with { FailureThreshold = double.NaN }, "FailureThreshold must be a finite number in (0, 1]; got NaN." },
        { nameof(BreakerOptions.Kind), () => new BreakerOptions { Kind = (SlidingWindowKind)7 }, "Kind must be CountBased or TimeBased; got 7." },
        { nameof(BreakerOptions.Rule), () => new BreakerOptions { Rule = (TripRule)9 }, "Rule must be a defined TripRule; got 9." },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void InvalidValues_AreRejectedWhenSet_NamingThePropertyAndRange(string property, Func<BreakerOptions> create, string message)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(create);

        Assert.Equal(property, ex.ParamName);
        Assert.StartsWith(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Trips_RejectsImpossibleCounts()
    {
        var options = new BreakerOptions();

        var tooManyCalls = Assert.Throws<ArgumentOutOfRangeException>(() => options.Trips(0, 101));
        var tooManyFailures = Assert.Throws<ArgumentOutOfRangeException>(() => options.Trips(11, 10));

        Assert.Equal("calls", tooManyCalls.ParamName);
        Assert.StartsWith("calls must be an integer in [0, 100]", tooManyCalls.Message, StringComparison.Ordinal);
        Assert.Equal("failures", tooManyFailures.ParamName);
        Assert.StartsWith("failures must be an integer in [0, 10]; got 11.", tooManyFailures.Message, StringComparison.Ordinal);
    }
}
