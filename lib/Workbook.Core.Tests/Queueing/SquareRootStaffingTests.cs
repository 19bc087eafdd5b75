using Workbook.Core.Queueing;

namespace Workbook.Core.Tests.Queueing;

public class SquareRootStaffingTests
{
    [Fact]
    public void DelayProbability_MatchesTheFormulaFromTabulatedNormalValues()
    {
        // Φ(1) and φ(1) from a normal table (to 16 digits); α(β) = 1 / (1 + βΦ(β)/φ(β)).
        const double phi1 = 0.24197072451914337, bigPhi1 = 0.8413447460685429;

        Assert.Equal(1.0, SquareRootStaffing.DelayProbability(0));
        Assert.Equal(1 / (1 + (bigPhi1 / phi1)), SquareRootStaffing.DelayProbability(1), 1e-14);
        Assert.True(SquareRootStaffing.DelayProbability(30) is > 0 and < 1e-190);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(2.0)]
    public void DelayProbability_ApproachesExactErlangC_AsTheLoadGrows(double beta)
    {
        // Halfin–Whitt is a limit: the error against exact Erlang C shrinks like 1/√A.
        double Error(double load)
        {
            var servers = (int)Math.Round(load + (beta * Math.Sqrt(load)));
            return Math.Abs(SquareRootStaffing.DelayProbability(SquareRootStaffing.Beta(servers, load)) - ErlangFormulas.ErlangC(servers, load));
        }

        var (e100, e1000, e10000) = (Error(100), Error(1000), Error(10_000));

        Assert.True(e1000 < e100 && e10000 < e1000, $"errors {e100:G3}, {e1000:G3}, {e10000:G3} do not shrink");
        Assert.True(e100 < 0.02, $"A = 100: error {e100:G3}");
        Assert.True(e10000 < 0.002, $"A = 10,000: error {e10000:G3}");
    }

    [Theory]
    [InlineData(100.0, 1.0, 110)]
    [InlineData(100.5, 1.0, 111)]   // 100.5 + 10.025 = 110.525, rounded up
    [InlineData(1000.0, 0.0, 1001)] // β = 0 would be ρ = 1: the rule never goes below ⌊A⌋ + 1
    [InlineData(0.3, 0.0, 1)]
    public void Servers_IsTheCeilingOfAPlusBetaRootA_AndAlwaysStable(double load, double beta, int expected) =>
        Assert.Equal(expected, SquareRootStaffing.Servers(load, beta));

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.1)]
    [InlineData(1e-6)]
    [InlineData(1.0)]
    public void BetaForDelayProbability_InvertsTheDelayProbability(double alpha)
    {
        var beta = SquareRootStaffing.BetaForDelayProbability(alpha);

        Assert.Equal(alpha, SquareRootStaffing.DelayProbability(beta), alpha * 1e-9);
    }

    [Fact]
    public void BetaForWaitPercentile_StaffsTheChallengeAsTheExactPlannerDoes()
    {
        // 50,000/s × 20 ms = 1,000 erlangs; p99 wait ≤ 30 ms. The exact M/M/c answer is 1,003 servers.
        var beta = SquareRootStaffing.BetaForWaitPercentile(1000, 0.020, 0.99, 0.030);
        var exact = CapacityPlanner.MinimumServers(50_000, 0.020, CapacityTarget.WaitingTimePercentileAtMost(0.99, 0.030));

        Assert.InRange(beta, 0.09, 0.10);
        Assert.Equal(exact.Servers, SquareRootStaffing.Servers(1000, beta));
    }

    [Fact]
    public void BetaForWaitPercentile_HasAnAnswer_EvenForTheFarthestPercentileADoubleHolds()
    {
        // With a zero wait limit the defining equation is α(β) = 1 − p. The largest double below 1 leaves
        // 1 − p ≈ 1.1·10⁻¹⁶, still far above α(30) < 10⁻¹⁹⁰, so β is a root strictly below the cap.
        var p = Math.BitDecrement(1.0);
        var beta = SquareRootStaffing.BetaForWaitPercentile(1000, 0.020, p, 0);

        Assert.InRange(beta, 1, 29);
        Assert.Equal(1 - p, SquareRootStaffing.DelayProbability(beta), (1 - p) * 1e-6);
    }

    [Fact]
    public void BetaForWaitPercentile_IsTiny_WhenTheLimitIsGenerous()
    {
        // A 10 s limit on the median wait of 20 ms requests: a fraction of a server of headroom is enough.
        var beta = SquareRootStaffing.BetaForWaitPercentile(1000, 0.020, 0.5, 10);

        Assert.InRange(beta, 1e-6, 1e-3);
        Assert.Equal(1001, SquareRootStaffing.Servers(1000, beta));
    }

    [Theory]
    [InlineData(-0.1, "beta", "beta must be a finite number in [0, 30]; got -0.1.")]
    [InlineData(double.NaN, "beta", "beta must be a finite number in [0, 30]; got NaN.")]
    public void DelayProbability_RejectsBadBeta(double beta, string param, string message)
    {
        BadInput.Rejects(() => SquareRootStaffing.DelayProbability(beta), param, message);
    }

    [Fact]
    public void OtherMethods_RejectBadInput_NamingTheParameter()
    {
        BadInput.Rejects(() => SquareRootStaffing.Beta(0, 1), "servers", "servers must be an integer >= 1; got 0.");
        BadInput.Rejects(() => SquareRootStaffing.Beta(1, 0), "offeredLoadErlangs", "offeredLoadErlangs must be a finite number > 0; got 0.");
        BadInput.Rejects(() => SquareRootStaffing.Servers(double.NaN, 1), "offeredLoadErlangs", "offeredLoadErlangs must be a finite number in (0, 1000000000]; got NaN.");
        BadInput.Rejects(() => SquareRootStaffing.BetaForDelayProbability(0), "delayProbability", "delayProbability must be a finite number in [1E-150, 1]; got 0.");
        BadInput.Rejects(() => SquareRootStaffing.BetaForWaitPercentile(10, 1, 1, 1), "percentile", "percentile must be a finite number in (0, 1); got 1.");
        BadInput.Rejects(() => SquareRootStaffing.BetaForWaitPercentile(10, 1, 0.9, -1), "maxWaitSeconds", "maxWaitSeconds must be a finite number >= 0; got -1.");
    }
}
