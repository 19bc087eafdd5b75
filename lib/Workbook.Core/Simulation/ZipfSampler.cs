namespace Workbook.Core.Simulation;

/// <summary>
/// Draws ranks 1 … K from the finite Zipf law P(k) = k^(−s) / H(K, s), with H(K, s) = Σ j^(−s): the
/// skewed popularity of keys, pages or hot items.
/// </summary>
/// <remarks>
/// Inverse transform on a table of the cumulative probabilities (K doubles, built once), then a binary
/// search per draw: exact up to rounding, O(log K) per draw. s = 0 is uniform; larger s is more skewed.
/// Breslau et al. (INFOCOM 1999) found web requests Zipf-like, with s varying from trace to trace.
/// </remarks>
public sealed class ZipfSampler
{
    /// <summary>The largest number of ranks (2²⁴).</summary>
    public const int MaxRanks = 1 << 24;

    private readonly double[] cumulative;

    /// <summary>Creates the sampler.</summary>
    /// <param name="ranks">K, an integer in [1, 2²⁴].</param>
    /// <param name="exponent">s, a finite number &gt;= 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public ZipfSampler(int ranks, double exponent)
    {
        if (ranks < 1 || ranks > MaxRanks)
        {
            throw Guard.OutOfRange(nameof(ranks), $"an integer in [1, {MaxRanks}]", ranks.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        Exponent = Guard.NonNegativeFinite(exponent, nameof(exponent));
        Ranks = ranks;
        cumulative = new double[ranks];
        double sum = 0;
        for (int k = 1; k <= ranks; k++)
        {
            sum += Math.Pow(k, -exponent);
            cumulative[k - 1] = sum;
        }

        for (int k = 0; k < ranks; k++)
        {
            cumulative[k] /= sum;
        }

        cumulative[^1] = 1;
    }

    /// <summary>K, the number of ranks.</summary>
    public int Ranks { get; }

    /// <summary>s, the exponent.</summary>
    public double Exponent { get; }

    /// <summary>Draws a rank in [1, K].</summary>
    public int Next(ref Xoshiro256StarStar random)
    {
        double u = random.NextDouble();
        int index = Array.BinarySearch(cumulative, u);
        return (index >= 0 ? index : ~index) + 1;
    }
}
