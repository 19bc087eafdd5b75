using Workbook.Core.Queueing;

namespace Workbook.Core.Tests.Queueing;

/// <summary>Tests of <see cref="ResponseTimeDistribution"/>, and checks shared with <see cref="WaitingTimeDistribution"/>.</summary>
public class ResponseTimeDistributionTests
{
    private const double Tolerance = 1e-10;

    private static readonly double[] StandardPercentiles = [0.5, 0.9, 0.95, 0.99, 0.999];

    [Theory]
    [MemberData(nameof(OracleGrid.PercentilePoints), MemberType = typeof(OracleGrid))]
    public void ResponseTimePercentiles_MatchBisectionOnTheHighPrecisionTail(int servers, double utilisation)
    {
        var lambda = OracleGrid.ArrivalRate(servers, utilisation);
        var oracle = new MMcOracle(lambda, OracleGrid.ServiceTimeSeconds, servers);
        var response = Steady(lambda, OracleGrid.ServiceTimeSeconds, servers).ResponseTime;

        foreach (var p in StandardPercentiles)
        {
            var expected = oracle.ResponsePercentile(p, response.PercentileSeconds(p));
            var actual = response.PercentileSeconds(p);
            var error = Math.Abs(actual - expected) / expected;
            Assert.True(error <= Tolerance, $"p{p * 100}: {actual:R} vs {expected:R}, relative error {error:E2}");
        }
    }

    [Theory]
    [InlineData(1, 0.5)]
    [InlineData(30, 0.9)]
    [InlineData(1000, 0.99)]
    public void Tails_MatchTheHighPrecisionOracleAcrossTime(int servers, double utilisation)
    {
        var lambda = OracleGrid.ArrivalRate(servers, utilisation);
        var oracle = new MMcOracle(lambda, OracleGrid.ServiceTimeSeconds, servers);
        var state = Steady(lambda, OracleGrid.ServiceTimeSeconds, servers);

        foreach (var t in new[] { 1e-6, 0.001, 0.02, 0.1, 0.5 })
        {
            var responseError = MMcOracle.RelativeError(state.ResponseTime.ComplementaryCdf(t), oracle.ResponseTail(t));
            var waitingError = MMcOracle.RelativeError(state.WaitingTime.ComplementaryCdf(t), oracle.WaitingTail(t));
            Assert.True(responseError <= Tolerance, $"P(T > {t}): relative error {responseError:E2}");
            Assert.True(waitingError <= Tolerance, $"P(Wq > {t}): relative error {waitingError:E2}");
        }
    }

    [Theory]
    [InlineData(1, 0.5)]
    [InlineData(4, 0.75)]   // 3 erlangs on 4 servers: θ = μ exactly
    [InlineData(50, 0.9)]
    [InlineData(5000, 0.999)]
    public void PercentileRoundTrip_CdfOfThePercentileIsP(int servers, double utilisation)
    {
        var state = Steady(OracleGrid.ArrivalRate(servers, utilisation), OracleGrid.ServiceTimeSeconds, servers);

        foreach (var p in new[] { 0.001, 0.1, 0.5, 0.9, 0.95, 0.99, 0.999, 0.999999 })
        {
            Assert.Equal(p, state.ResponseTime.Cdf(state.ResponseTime.PercentileSeconds(p)), p * 1e-12);
            var wait = state.WaitingTime.PercentileSeconds(p);
            if (wait > 0)
            {
                Assert.Equal(p, state.WaitingTime.Cdf(wait), (1 - p) * 1e-12);
            }
            else
            {
                Assert.True(state.WaitingTime.Cdf(0) >= p); // the point mass at zero covers p
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(10)]
    [InlineData(1000)]
    public void DegenerateCase_RatesEqual_MatchesTheErlangTwoFormAndTheOracle(int servers)
    {
        // S = 0.5 s and λ = 2(c − 1)/s make A = c − 1 exactly in double, so θ = cμ − λ = μ exactly.
        // For c = 1 that is A = 0, excluded; use a tiny load instead.
        const double s = 0.5;
        var lambda = servers == 1 ? 1e-9 : 2.0 * (servers - 1);
        var state = Steady(lambda, s, servers);
        var oracle = new MMcOracle(lambda, s, servers);

        foreach (var p in StandardPercentiles)
        {
            var expected = oracle.ResponsePercentile(p, state.ResponseTime.PercentileSeconds(p));
            var actual = state.ResponseTime.PercentileSeconds(p);
            Assert.True(Math.Abs(actual - expected) <= Tolerance * expected, $"p{p * 100}: {actual:R} vs {expected:R}");
        }

        // P(T > t) = e^−μt (1 + Cμt) when θ = μ.
        if (servers > 1)
        {
            var c = state.ProbabilityOfWaiting;
            foreach (var t in new[] { 0.1, 1.0, 5.0 })
            {
                Assert.Equal(Math.Exp(-t / s) * (1 + (c * t / s)), state.ResponseTime.ComplementaryCdf(t), 1e-15);
            }
        }
    }

    [Theory]
    [InlineData(2, 1e-9)]
    [InlineData(2, -1e-9)]
    [InlineData(10, 1e-9)]
    [InlineData(10, -1e-9)]
    [InlineData(10, 1e-12)]
    [InlineData(10, -1e-6)]
    [InlineData(1000, 1e-9)]
    [InlineData(1000, -1e-9)]
    public void NearDegenerateCase_IsContinuousAndMatchesTheOracle(int servers, double offset)
    {
        // A = c − 1 + offset: θ − μ = −offset/S, within 1e-9 of the degenerate case.
        const double s = 0.5;
        var lambda = 2.0 * (servers - 1 + offset);
        var state = Steady(lambda, s, servers);
        var exact = Steady(2.0 * (servers - 1), s, servers);
        var oracle = new MMcOracle(lambda, s, servers);

        foreach (var p in StandardPercentiles)
        {
            var expected = oracle.ResponsePercentile(p, state.ResponseTime.PercentileSeconds(p));
            var actual = state.ResponseTime.PercentileSeconds(p);
            Assert.True(Math.Abs(actual - expected) <= Tolerance * expected, $"p{p * 100}: {actual:R} vs {expected:R}");
            Assert.Equal(exact.ResponseTime.PercentileSeconds(p), actual, expected * Math.Abs(offset) * 100);
        }
    }

    [Fact]
    public void SingleServer_ResponseTimeIsExponentialWithRateMuMinusLambda()
    {
        // M/M/1: T ~ Exp(μ − λ), so its p-th percentile is −ln(1 − p)/(μ − λ) = −ln(1 − p)·W.
        var state = Steady(40, 0.02, 1); // ρ = 0.8, W = 0.1 s
        foreach (var p in StandardPercentiles)
        {
            Assert.Equal(-Math.Log(1 - p) * 0.1, state.ResponseTime.PercentileSeconds(p), 1e-13);
        }
    }

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(1.0, "1")]
    [InlineData(-0.5, "-0.5")]
    [InlineData(99.0, "99")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    public void Percentile_OutsideZeroToOne_IsRejected(double p, string shown)
    {
        var state = Steady(50, 0.01, 1);

        var waiting = Assert.Throws<ArgumentOutOfRangeException>(() => state.WaitingTime.PercentileSeconds(p));
        var response = Assert.Throws<ArgumentOutOfRangeException>(() => state.ResponseTime.PercentileSeconds(p));

        foreach (var ex in new[] { waiting, response })
        {
            Assert.Equal("probability", ex.ParamName);
            Assert.StartsWith($"probability must be a finite number in (0, 1); got {shown}.", ex.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Cdf_RejectsNaNAndInfiniteTimes(double t)
    {
        var state = Steady(50, 0.01, 1);

        BadInput.Rejects(() => state.ResponseTime.Cdf(t), "timeSeconds", "timeSeconds must be a finite number;");
        BadInput.Rejects(() => state.ResponseTime.ComplementaryCdf(t), "timeSeconds", "timeSeconds must be a finite number;");
        BadInput.Rejects(() => state.WaitingTime.Cdf(t), "timeSeconds", "timeSeconds must be a finite number;");
        BadInput.Rejects(() => state.WaitingTime.ComplementaryCdf(t), "timeSeconds", "timeSeconds must be a finite number;");
    }

    private static MMcSteadyState Steady(double lambda, double s, int servers) =>
        Assert.IsType<MMcSteadyState>(new MMcQueue(lambda, s, servers).Analyze());
}
