using MathNet.Numerics.Distributions;

namespace Workbook.Core.Numerics;

/// <summary>
/// Tail probabilities of the binomial distribution, accurate in both tails: the building block of
/// every exact false-trip and detection probability in this folder.
/// </summary>
/// <remarks>
/// Not <c>1 − CDF(k)</c>, which cancels when the upper tail is small (P(X ≥ 50) for 100 calls at 1 %
/// is about 6 × 10⁻⁷², but <c>1 − CDF(49)</c> is exactly 0). The tail is summed from the side that
/// is small: the first term from MathNet's <see cref="Binomial.PMFLn(double, int, int)"/> (log
/// space, so C(1000, 500) does not overflow), the next by the ratio P(i + 1)/P(i) =
/// (n − i)/(i + 1) · p/(1 − p); when k is below the mean the lower tail is summed and the upper tail
/// is its complement, at least about one half.
/// </remarks>
internal static class BinomialTail
{
    /// <summary>P(X &gt; k) for X ~ Binomial(n, p). Arguments are trusted: n ≥ 1, p in [0, 1].</summary>
    public static double Upper(int n, int k, double p)
    {
        if (k < 0)
        {
            return 1;
        }

        if (k >= n || p <= 0)
        {
            return 0;
        }

        if (p >= 1)
        {
            return 1;
        }

        double odds = p / (1 - p);
        if (k + 1 > n * p)
        {
            // Upper tail is the small side: sum P(k + 1), P(k + 2), ... while terms still matter.
            int i = k + 1;
            double term = Math.Exp(Binomial.PMFLn(p, n, i));
            double sum = 0;
            while (true)
            {
                sum += term;
                if (i == n || term <= sum * 1e-16)
                {
                    return sum;
                }

                term *= (n - i) * odds / (i + 1);
                i++;
            }
        }
        else
        {
            // Lower tail is the small side: sum P(k), P(k − 1), ... and take the complement.
            int i = k;
            double term = Math.Exp(Binomial.PMFLn(p, n, i));
            double sum = 0;
            while (true)
            {
                sum += term;
                if (i == 0 || term <= sum * 1e-16)
                {
                    return Math.Max(0, 1 - sum);
                }

                term *= i / ((n - i + 1) * odds);
                i--;
            }
        }
    }

    /// <summary>P(X ≥ k) for X ~ Binomial(n, p).</summary>
    public static double AtLeast(int n, int k, double p) => Upper(n, k - 1, p);
}
