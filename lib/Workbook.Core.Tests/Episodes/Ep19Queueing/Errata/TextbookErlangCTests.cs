using Workbook.Core.Episodes.Ep19Queueing.Errata;
using Workbook.Core.Queueing;
using Workbook.Core.Tests.Queueing;

namespace Workbook.Core.Tests.Episodes.Ep19Queueing.Errata;

/// <summary>The seed's factorial form of Erlang C: right for small c, broken once a double overflows.</summary>
public class TextbookErlangCTests
{
    [Theory]
    [InlineData(171, 0.5)]
    [InlineData(171, 0.8)]
    [InlineData(200, 0.9)]
    [InlineData(1000, 0.95)]
    [InlineData(100_000, 0.999)]
    public void TextbookErlangC_OnceAPowerOrFactorialOverflows_IsNotFinite_WhileTheStableFormMatchesTheOracle(int servers, double utilisation)
    {
        var load = utilisation * servers;

        var textbook = TextbookErlangC.ProbabilityOfWaiting(servers, load);
        var stable = ErlangFormulas.ErlangC(servers, load);

        Assert.False(double.IsFinite(textbook), $"textbook gave {textbook}");
        Assert.True(double.IsFinite(stable));
        Assert.True(MMcOracle.RelativeError(stable, MMcOracle.ErlangBAndC(load, servers).C) <= 1e-10);
        Assert.False(double.IsFinite(TextbookErlangC.MeanQueueLength(servers, load)));
    }

    [Theory]
    [InlineData(1, 0.5)]
    [InlineData(10, 5.0)]
    [InlineData(50, 45.0)]
    [InlineData(100, 80.0)]
    public void TextbookErlangC_ForSmallC_AgreesWithTheStableForm(int servers, double load)
    {
        Assert.Equal(ErlangFormulas.ErlangC(servers, load), TextbookErlangC.ProbabilityOfWaiting(servers, load), 1e-12);
    }

    [Fact]
    public void TextbookErlangC_WithLightLoadPast170_SilentlyReturnsZero()
    {
        // (cρ)ᶜ stays finite, 171! is ∞, and their quotient is a wrong but innocent-looking 0.
        Assert.Equal(0.0, TextbookErlangC.ProbabilityOfWaiting(171, 17.1));
    }


    [Theory]
    // Whichever overflows first: Aᶜ, once c·log₁₀(A) > log₁₀(1.797·10³⁰⁸) = 308.25 with A = ρc, or
    // 171! ≈ 1.24·10³⁰⁹. Worked out by hand: at ρ = 0.9, 145·log₁₀(130.5) = 306.8 and
    // 146·log₁₀(131.4) = 309.3; at ρ = 0.5, 161·log₁₀(80.5) = 306.8 and 162·log₁₀(81) = 309.2; at
    // ρ = 0.3 the power would last until c = 179, so the factorial breaks first, at 171.
    [InlineData(0.9, 146)]
    [InlineData(0.5, 162)]
    [InlineData(0.3, 171)]
    [InlineData(0.1, 171)]
    public void TextbookErlangC_BreaksWhereThePowerOrTheFactorialOverflows(double utilisation, int firstBroken)
    {
        var broken = Enumerable.Range(1, 400).First(c =>
        {
            var value = TextbookErlangC.ProbabilityOfWaiting(c, utilisation * c);
            return !double.IsFinite(value) || (value == 0 && ErlangFormulas.ErlangC(c, utilisation * c) > 0);
        });

        Assert.Equal(firstBroken, broken);
    }

    [Fact]
    public void TextbookErlangC_FailsForEveryStablePoolOfTheChallenge()
    {
        // A = 1,000 erlangs: 1000ⁿ passes 1.8·10³⁰⁸ at n = 103, inside the sum, so no c > A survives.
        Assert.All(Enumerable.Range(1001, 1000), c => Assert.False(double.IsFinite(TextbookErlangC.ProbabilityOfWaiting(c, 1000))));
    }
}
