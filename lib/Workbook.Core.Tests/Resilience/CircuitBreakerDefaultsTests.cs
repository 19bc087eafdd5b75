using Workbook.Core.Resilience;

namespace Workbook.Core.Tests.Resilience;

public class CircuitBreakerDefaultsTests
{
    // The documented defaults, as checked against each library's source at the tagged release.
    public static TheoryData<string, string, string, string, string> Documented => new()
    {
        { "Hystrix", "1.5.18", "circuitBreaker.requestVolumeThreshold", "20", "calls" },
        { "Hystrix", "1.5.18", "circuitBreaker.errorThresholdPercentage", "50", "percent" },
        { "Hystrix", "1.5.18", "circuitBreaker.sleepWindowInMilliseconds", "5000", "ms" },
        { "Hystrix", "1.5.18", "metrics.rollingStats.timeInMilliseconds", "10000", "ms" },
        { "Hystrix", "1.5.18", "execution.isolation.thread.timeoutInMilliseconds", "1000", "ms" },
        { "Polly", "8.7.0", "FailureRatio", "0.1", "ratio" },
        { "Polly", "8.7.0", "MinimumThroughput", "100", "calls" },
        { "Polly", "8.7.0", "SamplingDuration", "30", "s" },
        { "Polly", "8.7.0", "BreakDuration", "5", "s" },
        { "resilience4j", "2.4.0", "failureRateThreshold", "50", "percent" },
        { "resilience4j", "2.4.0", "minimumNumberOfCalls", "100", "calls" },
        { "resilience4j", "2.4.0", "slidingWindowSize", "100", "calls" },
        { "resilience4j", "2.4.0", "slidingWindowType", "COUNT_BASED", "" },
        { "resilience4j", "2.4.0", "waitDurationInOpenState", "60", "s" },
        { "resilience4j", "2.4.0", "permittedNumberOfCallsInHalfOpenState", "10", "calls" },
    };

    [Theory]
    [MemberData(nameof(Documented))]
    public void EachDocumentedDefault_IsInTheFile_WithItsValueUnitAndASourceUrl(string library, string version, string parameter, string value, string unit)
    {
        var row = CircuitBreakerDefaults.Find(library, parameter);

        Assert.Equal(version, row.Version);
        Assert.Equal(value, row.Value);
        Assert.Equal(unit, row.Unit);
        Assert.False(row.IsIllustrative);
        Assert.Contains("https://", row.Source, StringComparison.Ordinal);
        Assert.Contains(version, row.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void SeedNetflixThresholdAndMinimum_AreHystrixsDocumentedDefaults_WithHystrixsSource()
    {
        var threshold = CircuitBreakerDefaults.Find("seed: netflix", "failure_threshold");
        var minimum = CircuitBreakerDefaults.Find("seed: netflix", "min_requests");

        // The seed's 0.5 and 20 equal Hystrix's errorThresholdPercentage (50 %) and requestVolumeThreshold (20).
        Assert.Equal(CircuitBreakerDefaults.Find("Hystrix", "circuitBreaker.errorThresholdPercentage").NumericValue / 100, threshold.NumericValue);
        Assert.Equal(CircuitBreakerDefaults.Find("Hystrix", "circuitBreaker.requestVolumeThreshold").NumericValue, minimum.NumericValue);
        Assert.All(new[] { threshold, minimum }, r =>
        {
            Assert.False(r.IsIllustrative);
            Assert.Contains("https://github.com/Netflix/Hystrix/blob/v1.5.18/", r.Source, StringComparison.Ordinal);
            Assert.Contains("not a measured Netflix production setting", r.Source, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void SeedNumbersWithoutASource_AreLabelledIllustrative_AndLeftOutOfTheDocumentedRows()
    {
        var seedRows = CircuitBreakerDefaults.All.Where(r => r.Library.StartsWith("seed:", StringComparison.Ordinal)).ToArray();
        var unsourced = seedRows.Where(r => r.IsIllustrative).Select(r => $"{r.Library} {r.Parameter}").ToArray();

        Assert.Equal(6, seedRows.Length);
        Assert.Equal(
            ["seed: netflix timeout_seconds", "seed: amazon failure_threshold", "seed: amazon timeout_seconds", "seed: amazon min_requests"],
            unsourced);
        Assert.All(seedRows.Where(r => r.IsIllustrative), r => Assert.Contains("no public source", r.Source, StringComparison.Ordinal));
        Assert.DoesNotContain(CircuitBreakerDefaults.Documented, r => r.IsIllustrative);
        Assert.Equal(0.6, CircuitBreakerDefaults.Find("seed: amazon", "failure_threshold").NumericValue);

        // The seed's 30 s "timeout" is neither of Hystrix's documented timeouts.
        Assert.Equal(30, CircuitBreakerDefaults.Find("seed: netflix", "timeout_seconds").NumericValue);
        Assert.Equal(5000, CircuitBreakerDefaults.Find("Hystrix", "circuitBreaker.sleepWindowInMilliseconds").NumericValue);
        Assert.Equal(1000, CircuitBreakerDefaults.Find("Hystrix", "execution.isolation.thread.timeoutInMilliseconds").NumericValue);
    }

    [Fact]
    public void SourceUrl_IsTheFirstAddressOfTheSource_OrNullWithoutOne()
    {
        Assert.Equal("https://www.pollydocs.org/strategies/circuit-breaker#defaults", CircuitBreakerDefaults.Find("Polly", "FailureRatio").SourceUrl);
        Assert.Equal(
            "https://github.com/Netflix/Hystrix/blob/v1.5.18/hystrix-core/src/main/java/com/netflix/hystrix/HystrixCommandProperties.java",
            CircuitBreakerDefaults.Find("seed: netflix", "min_requests").SourceUrl);
        Assert.Null(CircuitBreakerDefaults.Find("seed: amazon", "min_requests").SourceUrl);
    }

    [Fact]
    public void EveryRow_HasASourceAndMeaning()
    {
        Assert.All(CircuitBreakerDefaults.All, r =>
        {
            Assert.False(string.IsNullOrWhiteSpace(r.Source));
            Assert.False(string.IsNullOrWhiteSpace(r.Meaning));
        });
    }

    [Fact]
    public void TripConditionFor_BuildsEachLibrarysClosedStateDefaults()
    {
        var hystrix = CircuitBreakerDefaults.TripConditionFor("Hystrix");
        var polly = CircuitBreakerDefaults.TripConditionFor("polly");
        var r4j = CircuitBreakerDefaults.TripConditionFor("resilience4j");

        Assert.Equal((SlidingWindowKind.TimeBased, 10, 20, 0.5, TripComparison.TruncatedPercentAtLeast), (hystrix.WindowKind, hystrix.WindowSize, hystrix.MinimumThroughput, hystrix.FailureThreshold, hystrix.Comparison));
        Assert.Equal((SlidingWindowKind.TimeBased, 30, 100, 0.1, TripComparison.RatioAtLeast), (polly.WindowKind, polly.WindowSize, polly.MinimumThroughput, polly.FailureThreshold, polly.Comparison));
        Assert.Equal(new TripCondition(), r4j);
        Assert.Throws<ArgumentException>(() => CircuitBreakerDefaults.TripConditionFor("Sentinel"));
    }

    [Fact]
    public void Assess_At10RequestsPerSecond_GivesExactFullWindowProbabilities()
    {
        var byLibrary = CircuitBreakerDefaults.Assess(10).ToDictionary(a => a.Library);

        // Polly: 300 calls in 30 s, trips at 30 failures. Hystrix: 100 calls in 10 s, 50 failures. resilience4j: 100 calls, 50.
        Assert.Equal((300, 30), (byLibrary["Polly"].CallsInWindow, byLibrary["Polly"].MinimumFailuresToTrip.Failures!.Value));
        Assert.Equal((100, 50), (byLibrary["Hystrix"].CallsInWindow, byLibrary["Hystrix"].MinimumFailuresToTrip.Failures!.Value));
        Assert.Equal((100, 50), (byLibrary["resilience4j"].CallsInWindow, byLibrary["resilience4j"].MinimumFailuresToTrip.Failures!.Value));

        double[] polly5 = ExactBinomial.UpperTails(300, 1, 20);
        double[] r4j1 = ExactBinomial.UpperTails(100, 1, 100);
        double[] r4j50 = ExactBinomial.UpperTails(100, 1, 2);
        Assert.Equal([0.01, 0.05], byLibrary["Polly"].FalseTrip.Select(p => p.FailureRate));
        Assert.Equal([0.2, 0.5], byLibrary["Polly"].Detection.Select(p => p.FailureRate));
        Assert.Equal(polly5[30], byLibrary["Polly"].FalseTrip[1].TripProbability, 1e-12);
        Assert.Equal(r4j1[50], byLibrary["resilience4j"].FalseTrip[0].TripProbability, 1e-80);
        Assert.Equal(r4j50[50], byLibrary["resilience4j"].Detection[1].TripProbability, 1e-12);

        // At a 50 % failure rate a "trip at 50 %" breaker detects only about half the time per window.
        Assert.InRange(byLibrary["resilience4j"].Detection[1].TripProbability, 0.53, 0.55);
    }

    [Fact]
    public void Assess_BelowPollysMinimumThroughputRate_NeverTrips()
    {
        var polly = CircuitBreakerDefaults.Assess(3).Single(a => a.Library == "Polly");

        Assert.Equal(90, polly.CallsInWindow);
        Assert.False(polly.MinimumFailuresToTrip.CanTrip);
        Assert.Null(polly.MinimumFailuresToTrip.Failures);
        Assert.All(polly.Detection, p => Assert.Equal(0, p.TripProbability));
        Assert.Contains("ceil(3 x 30) = 90 calls", polly.Simplification, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_UnknownParameter_ListsTheLibrarysParameters()
    {
        var ex = Assert.Throws<KeyNotFoundException>(() => CircuitBreakerDefaults.Find("Polly", "Timeout"));

        Assert.Contains("FailureRatio, MinimumThroughput, SamplingDuration, BreakDuration", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RejectsAnUnknownStatus()
    {
        const string csv = "library,version,parameter,value,unit,meaning,status,source\nX,1,p,1,s,m,guessed,somewhere\n";

        var ex = Assert.Throws<FormatException>(() => CircuitBreakerDefaults.Parse(csv, "test.csv"));

        Assert.Contains("test.csv line 2, column 'status'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_RejectsANonPositiveRate()
    {
        BadInput.Rejects(() => CircuitBreakerDefaults.Assess(double.NaN), "requestsPerSecond", "requestsPerSecond must be a finite number > 0; got NaN.");
    }
}
