using Workbook.Core.Numerics;
using Workbook.Core.Queueing;

using Workbook.Core.Tests.Queueing;

namespace Workbook.Core.Tests.Numerics;

public class PreciseMathTests
{
    [Theory]
    [InlineData(1e-60)]
    [InlineData(1.23e-20)]
    [InlineData(1.23e-15)]
    [InlineData(-3e-9)]
    [InlineData(0.001)]
    [InlineData(-0.25)]
    [InlineData(-0.999)]
    [InlineData(0.49)]
    [InlineData(3.0)]
    [InlineData(1e10)]
    public void Log1P_IsAccurateToAFewUlps(double x)
    {
        var exact = BigFloat.Log(BigFloat.One + x);

        Assert.True(MMcOracle.RelativeError(PreciseMath.Log1P(x), exact) <= 4e-16);
    }

    [Theory]
    [InlineData(1e-60)]
    [InlineData(1.23e-20)]
    [InlineData(-1.23e-15)]
    [InlineData(3e-9)]
    [InlineData(-0.001)]
    [InlineData(0.3)]
    [InlineData(-0.49)]
    [InlineData(-0.5)]
    [InlineData(-40.0)]
    [InlineData(5.0)]
    public void ExpM1_IsAccurateToAFewUlps(double x)
    {
        var exact = BigFloat.Exp(x) - BigFloat.One;

        Assert.True(MMcOracle.RelativeError(PreciseMath.ExpM1(x), exact) <= 4e-16);
    }

    [Fact]
    public void BelowTheOraclesReach_BothReturnTheirArgument()
    {
        // ln(1 + x) = x − x²/2 + … and eˣ − 1 = x + x²/2 + …: for |x| = 1e-300 the x² terms are far
        // below the last bit of x.
        Assert.Equal(1e-300, PreciseMath.Log1P(1e-300));
        Assert.Equal(-1e-300, PreciseMath.ExpM1(-1e-300));
    }

    [Fact]
    public void TheFrameworksLogP1_LosesSmallArguments_WhichIsWhyPreciseMathExists()
    {
        // If this starts failing, .NET has fixed double.LogP1 (dotnet/runtime#127508) and
        // PreciseMath can delegate to it.
        Assert.Equal(0.0, double.LogP1(1e-20));
        Assert.Equal(1e-20, PreciseMath.Log1P(1e-20));
    }
}
