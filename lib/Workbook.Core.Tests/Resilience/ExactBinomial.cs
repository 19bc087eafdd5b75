using System.Numerics;

namespace Workbook.Core.Tests.Resilience;

/// <summary>
/// Brute-force binomial tails in exact rational arithmetic: for p = a/b,
/// P(X &gt; k) = Σᵢ₌ₖ₊₁ⁿ C(n, i) aⁱ (b − a)ⁿ⁻ⁱ / bⁿ, summed with BigInteger and rounded to double once at the end.
/// Slow and obviously correct: the reference the library's fast tails are checked against.
/// </summary>
internal static class ExactBinomial
{
    /// <summary>All upper tails P(X &gt; k) for k = −1 .. n, as doubles (index k + 1).</summary>
    public static double[] UpperTails(int n, int numerator, int denominator)
    {
        BigInteger a = numerator, c = denominator - numerator;
        var aPowers = new BigInteger[n + 1];
        var cPowers = new BigInteger[n + 1];
        aPowers[0] = cPowers[0] = BigInteger.One;
        for (int i = 1; i <= n; i++)
        {
            aPowers[i] = aPowers[i - 1] * a;
            cPowers[i] = cPowers[i - 1] * c;
        }

        BigInteger total = BigInteger.Pow(denominator, n);
        var tails = new double[n + 2];
        BigInteger running = BigInteger.Zero;
        BigInteger binomial = BigInteger.One; // C(n, n), walking i downwards
        for (int i = n; i >= 0; i--)
        {
            // tails[k + 1] = P(X > k) = Σ_{i > k}; before adding term i, running = P(X > i) · bⁿ.
            tails[i + 1] = Ratio(running, total);
            running += binomial * aPowers[i] * cPowers[n - i];
            if (i > 0)
            {
                binomial = binomial * i / (n - i + 1);
            }
        }

        tails[0] = Ratio(running, total);
        return tails;
    }

    /// <summary>P(X &gt; k) for X ~ Binomial(n, a/b), exactly.</summary>
    public static double UpperTail(int n, int numerator, int denominator, int k) => UpperTails(n, numerator, denominator)[k + 1];

    /// <summary>The smallest k with P(X &gt; k | n, a/b) ≤ α, scanned on exact tails: the critical failure count.</summary>
    public static int CriticalCount(int n, int numerator, int denominator, double alpha)
    {
        var tails = UpperTails(n, numerator, denominator);
        return Enumerable.Range(0, n + 1).First(k => tails[k + 1] <= alpha);
    }

    /// <summary>numerator / denominator correctly scaled to a double, also when both are far outside the double range.</summary>
    private static double Ratio(BigInteger numerator, BigInteger denominator)
    {
        if (numerator.IsZero)
        {
            return 0;
        }

        long shift = (long)(denominator.GetBitLength() - numerator.GetBitLength()) + 64;
        BigInteger scaled = shift >= 0 ? (numerator << (int)shift) / denominator : numerator / (denominator << (int)-shift);
        return Math.ScaleB((double)scaled, (int)-shift);
    }
}
