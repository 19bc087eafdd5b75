using Workbook.Core.Episodes.Ep19Queueing.Errata;
using Workbook.Core.Queueing;

namespace Workbook.Core.Tests.Episodes.Ep19Queueing.Errata;

/// <summary>The seed's sketch is reproduced as written; these tests pin down what it gets wrong.</summary>
public class SeedLittlesLawSketchTests
{
    [Fact]
    public void Scenarios_AreTheSeedsNumbers()
    {
        Assert.Equal(new SeedScenario("web_server", 1000, 0.1, 10), SeedScenarios.Get("web_server"));
        Assert.Equal(new SeedScenario("database", 500, 0.02, 5), SeedScenarios.Get("database"));
        Assert.Equal(new SeedScenario("message_queue", 10000, 0.001, 20), SeedScenarios.Get("message_queue"));
        Assert.Equal(["web_server", "database", "message_queue"], SeedScenarios.All.Select(s => s.Name));
    }

    [Fact]
    public void UnknownScenario_ListsTheValidNames()
    {
        var ex = Assert.Throws<ArgumentException>(() => SeedScenarios.Get("cache"));

        Assert.StartsWith("name must be one of \"web_server\", \"database\", \"message_queue\"; got \"cache\".", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WebServer_IsOverloadedAtRhoTen_AndNeeds101ServersWhereTheSeedSays100()
    {
        var web = SeedScenarios.WebServer;
        var seed = SeedLittlesLawSketch.CalculateSystemMetrics(web);
        var exact = Assert.IsType<MMcOverloaded>(web.ToQueue().Analyze());

        Assert.Equal(100.0, web.OfferedLoadErlangs);
        Assert.Equal("OVERLOADED", seed["status"]);
        Assert.Equal(10.0, (double)seed["utilization"]);
        Assert.Equal("Need at least 100 servers", seed["recommendation"]);
        Assert.Equal(101, exact.MinimumServersForStability);
        Assert.IsType<MMcOverloaded>(web.ToQueue().WithServers(100).Analyze()); // the seed's 100: ρ = 1
        Assert.IsType<MMcSteadyState>(web.ToQueue().WithServers(101).Analyze());
    }

    [Fact]
    public void Database_IsOverloadedToo()
    {
        var exact = Assert.IsType<MMcOverloaded>(SeedScenarios.Database.ToQueue().Analyze());

        Assert.Equal(2.0, exact.Utilisation);
        Assert.Equal(11, exact.MinimumServersForStability);
        Assert.Equal(10, SeedLittlesLawSketch.RecommendedServers(500, 0.02));
    }

    [Fact]
    public void MessageQueue_SeedMeansAreRight_ButItsP99IsNot()
    {
        var seed = SeedLittlesLawSketch.CalculateSystemMetrics(SeedScenarios.MessageQueue);
        var exact = (MMcSteadyState)SeedScenarios.MessageQueue.ToQueue().Analyze();

        Assert.Equal(50.0, (double)seed["utilization"], 12);
        Assert.Equal(exact.MeanResponseTimeSeconds * 1000, (double)seed["avg_time_in_system_ms"], 1e-12);
        Assert.Equal(exact.MeanQueueLength, (double)seed["avg_requests_in_queue"], 1e-15);
        Assert.Equal(exact.MeanNumberInSystem, (double)seed["avg_requests_in_system"], 1e-12);

        // The seed's "p99" is W·ln(100)·(1 + ρ) ≈ 6.91 ms; the exact p99 response time is 4.61 ms.
        Assert.Equal(6.9103, (double)seed["p99_response_time_ms"], 4);
        Assert.Equal(4.606, exact.ResponseTime.PercentileSeconds(0.99) * 1000, 3);
    }

    [Fact]
    public void P99Formula_IsMeanTimesLn100TimesOnePlusRho()
    {
        Assert.Equal(10 * Math.Log(100) * 1.5, SeedLittlesLawSketch.P99ResponseTime(10, 0.5), 12);
    }

    [Fact]
    public void P99Formula_IsWrongEvenForMM1_WhereTheResponseTimeReallyIsExponential()
    {
        // M/M/1 at ρ = 0.8: T ~ Exp(μ − λ), p99 = W·ln 100 exactly; the seed adds a factor 1.8.
        var state = (MMcSteadyState)MMcQueue.SingleServer(40, 0.02).Analyze();
        var exact = state.ResponseTime.PercentileSeconds(0.99);

        Assert.Equal(state.MeanResponseTimeSeconds * Math.Log(100), exact, 1e-14);
        Assert.Equal(exact * 1.8, SeedLittlesLawSketch.P99ResponseTime(state.MeanResponseTimeSeconds, 0.8), 1e-13);
    }

    [Fact]
    public void PastC170_TheSeedsMetricsAreNaN()
    {
        var seed = SeedLittlesLawSketch.CalculateSystemMetrics(50_000, 0.02, 1100);

        Assert.True(double.IsNaN((double)seed["avg_requests_in_queue"]));
        Assert.True(double.IsNaN((double)seed["p99_response_time_ms"]));
    }

    [Fact]
    public void CapacityExercise_NeverFindsAnAnswer()
    {
        Assert.Null(SeedLittlesLawSketch.CapacityPlanningExerciseAnswer());
    }

    [Fact]
    public void Sketch_RejectsBadInput()
    {
        BadInput.Rejects(() => SeedLittlesLawSketch.P99ResponseTime(1, double.NaN), "utilisation", "utilisation must be a finite number >= 0; got NaN.");
        BadInput.Rejects(() => SeedLittlesLawSketch.CalculateSystemMetrics(1, 1, 0), "servers", "servers must be an integer >= 1; got 0.");
        Assert.Throws<ArgumentNullException>(() => SeedLittlesLawSketch.CalculateSystemMetrics(null!));
    }
}
