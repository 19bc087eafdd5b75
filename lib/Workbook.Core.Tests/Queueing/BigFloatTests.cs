namespace Workbook.Core.Tests.Queueing;

/// <summary>Checks of the reference arithmetic itself, against constants known to many digits.</summary>
public class BigFloatTests
{
    [Fact]
    public void Ln2_MatchesItsKnownDigits()
    {
        // ln 2 = 0.693147180559945309417232121458176568075500134360255254120680009493393621969694715605863326996418687542…
        var digits = BigFloat.Ln2 * BigFloat.FromInteger(System.Numerics.BigInteger.Pow(10, 60));
        Assert.Equal("693147180559945309417232121458176568075500134360255254120680", Truncate(digits));
    }

    [Fact]
    public void ExpOfOne_MatchesTheDigitsOfE()
    {
        // e = 2.71828182845904523536028747135266249775724709369995957496696762772407663035354759457138217852516642742…
        var digits = BigFloat.Exp(BigFloat.One) * BigFloat.FromInteger(System.Numerics.BigInteger.Pow(10, 59));
        Assert.Equal("271828182845904523536028747135266249775724709369995957496696", Truncate(digits));
    }

    [Theory]
    [InlineData(-745.0)]
    [InlineData(-20.5)]
    [InlineData(-1e-12)]
    [InlineData(0.3)]
    [InlineData(700.0)]
    public void ExpAndLog_AreInverse_AndAgreeWithDoubleFunctions(double x)
    {
        var exp = BigFloat.Exp(x);
        var back = BigFloat.Log(exp);

        Assert.True(BigFloat.Abs(back - x).ToDouble() <= 1e-80 * Math.Max(1, Math.Abs(x)));
        if (Math.Abs(x) < 700)
        {
            Assert.Equal(Math.Exp(x), exp.ToDouble(), Math.Exp(x) * 1e-15);
        }
    }

    [Fact]
    public void ExpOfMinusSevenHundredThousand_IsRepresentable()
    {
        var tiny = BigFloat.Exp(-700_000);

        Assert.Equal(-700_000, BigFloat.Log(tiny).ToDouble(), 1e-9);
    }

    [Fact]
    public void FromDouble_IsExact()
    {
        var tenth = BigFloat.FromDouble(0.1);

        // 0.1 as a double is 3602879701896397 / 2^55 exactly.
        Assert.True((tenth * BigFloat.FromInteger(System.Numerics.BigInteger.Pow(2, 55)) - BigFloat.FromInteger(3602879701896397)).IsZero);
    }

    private static string Truncate(BigFloat x)
    {
        var integer = x.Exponent >= 0 ? x.Mantissa << x.Exponent : x.Mantissa >> -x.Exponent;
        return integer.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
