using Workbook.Core.Queueing;

namespace Workbook.Core.Tests.Queueing;

public class ErlangFormulasTests
{
    private const double Tolerance = 1e-10;

    [Theory]
    [MemberData(nameof(OracleGrid.RepresentablePoints), MemberType = typeof(OracleGrid))]
    public void ErlangBAndC_MatchTheHighPrecisionOracle(int servers, double utilisation)
    {
        var load = utilisation * servers;
        var (b, c) = MMcOracle.ErlangBAndC(load, servers);

        var bError = MMcOracle.RelativeError(ErlangFormulas.ErlangB(servers, load), b);
        var cError = MMcOracle.RelativeError(ErlangFormulas.ErlangC(servers, load), c);

        Assert.True(bError <= Tolerance, $"B({servers}, {load}): relative error {bError:E2}");
        Assert.True(cError <= Tolerance, $"C({servers}, {load}): relative error {cError:E2}");
    }

    [Fact]
    public void ErlangB_TenServersFiveErlangs_MatchesTheClassicTableValue()
    {
        // Classic Erlang B tables give B ≈ 0.018385 for 10 circuits offered 5 erlangs (the oracle
        // gives 0.01838457033664…, the direct sum 5¹⁰/10! ÷ Σ 5ᵏ/k!).
        var oracle = MMcOracle.ErlangBAndC(5, 10).B.ToDouble();

        Assert.Equal(0.018385, oracle, 6);
        Assert.Equal(oracle, ErlangFormulas.ErlangB(10, 5), oracle * 1e-14);
    }

    [Fact]
    public void ErlangB_FifteenLinesAtOnePercent_Carry8Point108Erlangs()
    {
        // The Erlang B calculator manual at erlang.com ("How much traffic can a trunk group handle?")
        // gives 8.108 erlangs as the most a 15-line group can be offered at 1 % blocking; with the
        // offered load rounded to three decimals, B lands within 0.005 percentage points of 1 %.
        Assert.Equal(0.01, ErlangFormulas.ErlangB(15, 8.108), 0.00005);
    }

    [Fact]
    public void SmallCases_MatchHandDerivations()
    {
        // B(1, A) = A/(1 + A); B(2, 1) = (1/2)/(1 + 1 + 1/2) = 1/5; C(2, 1) = 1/3 (M/M/2 at ρ = 1/2).
        Assert.Equal(0.5, ErlangFormulas.ErlangB(1, 1), 15);
        Assert.Equal(0.2, ErlangFormulas.ErlangB(2, 1), 15);
        Assert.Equal(1.0 / 3, ErlangFormulas.ErlangC(2, 1), 15);
        Assert.Equal(1.0, ErlangFormulas.ErlangB(0, 7.5));
        Assert.Equal(0.0, ErlangFormulas.ErlangC(4, 0));
    }

    [Fact]
    public void ErlangC_ForOneServer_IsTheUtilisation()
    {
        foreach (var rho in new[] { 0.0, 0.1, 0.5, 0.9, 0.999 })
        {
            Assert.Equal(rho, ErlangFormulas.ErlangC(1, rho), 15);
        }
    }

    [Fact]
    public void ErlangC_AtManyServersAndLightLoad_UnderflowsToZeroWithoutNaN()
    {
        // c = 100,000 at ρ = 0.5: ln C ≈ c(ln ρ + 1 − ρ) ≈ −19,300.
        Assert.Equal(0.0, ErlangFormulas.ErlangC(100_000, 50_000));
        Assert.Equal(0.0, ErlangFormulas.ErlangB(100_000, 50_000));
    }

    [Theory]
    [InlineData(100_000, 99_999.5)]
    [InlineData(100_000, 100_000.0)]
    [InlineData(100_000, 250_000.0)]
    [InlineData(1, 1e6)]
    public void ErlangB_AtHeavyLoad_IsFiniteAndMatchesTheOracle(int servers, double load)
    {
        var b = MMcOracle.ErlangBAndC(load, servers).B;

        Assert.True(MMcOracle.RelativeError(ErlangFormulas.ErlangB(servers, load), b) <= Tolerance);
    }

    [Theory]
    [InlineData(-1, 1.0, "servers", "servers must be an integer >= 0; got -1.")]
    [InlineData(3, double.NaN, "offeredLoadErlangs", "offeredLoadErlangs must be a finite number >= 0; got NaN.")]
    [InlineData(3, -0.5, "offeredLoadErlangs", "offeredLoadErlangs must be a finite number >= 0; got -0.5.")]
    [InlineData(3, double.PositiveInfinity, "offeredLoadErlangs", "offeredLoadErlangs must be a finite number >= 0; got Infinity.")]
    public void ErlangB_RejectsBadInput_NamingTheParameterAndRange(int servers, double load, string param, string message)
    {
        BadInput.Rejects(() => ErlangFormulas.ErlangB(servers, load), param, message);
    }

    [Theory]
    [InlineData(0, 0.5, "servers", "servers must be an integer >= 1; got 0.")]
    [InlineData(4, 4.0, "offeredLoadErlangs", "offeredLoadErlangs must be a finite number in [0, servers) = [0, 4) for the queue to be stable; got 4.")]
    [InlineData(4, double.NaN, "offeredLoadErlangs", "offeredLoadErlangs must be a finite number in [0, servers) = [0, 4) for the queue to be stable; got NaN.")]
    public void ErlangC_RejectsBadInputAndOverload_NamingTheParameterAndRange(int servers, double load, string param, string message)
    {
        BadInput.Rejects(() => ErlangFormulas.ErlangC(servers, load), param, message);
    }
}
