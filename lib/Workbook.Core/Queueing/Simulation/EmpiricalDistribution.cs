namespace Workbook.Core.Queueing.Simulation;

/// <summary>
/// The distribution of one quantity over all measured customers of a run (their waits, or their
/// response times), for percentiles and exceedance fractions.
/// </summary>
/// <remarks>
/// Percentiles interpolate linearly between order statistics: with the n values sorted, the
/// p-quantile is read at position (n − 1)·p (definition 7 of R. J. Hyndman and Y. Fan, "Sample
/// quantiles in statistical packages", The American Statistician 50(4), 1996; the default of NumPy
/// and R). They come without a confidence interval; for one, ask the simulator for a
/// <see cref="WaitTailRequest"/>. Far-tail percentiles such as p99.9 rest on few customers.
/// </remarks>
public sealed class EmpiricalDistribution
{
    private readonly double[] sorted;

    /// <summary>Takes ownership of <paramref name="values"/> and sorts it in place.</summary>
    internal EmpiricalDistribution(double[] values)
    {
        Array.Sort(values);
        sorted = values;
    }

    /// <summary>The values in ascending order, for tests.</summary>
    internal ReadOnlySpan<double> SortedValues => sorted;

    /// <summary>The number of values.</summary>
    public int Count => sorted.Length;

    /// <summary>The smallest value.</summary>
    public double Minimum => sorted[0];

    /// <summary>The largest value.</summary>
    public double Maximum => sorted[^1];

    /// <summary>The median, <c>Percentile(0.5)</c>.</summary>
    public double P50 => Percentile(0.5);

    /// <summary>The 90th percentile: one customer in ten sees more.</summary>
    public double P90 => Percentile(0.9);

    /// <summary>The 95th percentile: one customer in twenty sees more.</summary>
    public double P95 => Percentile(0.95);

    /// <summary>The 99th percentile: one customer in a hundred sees more.</summary>
    public double P99 => Percentile(0.99);

    /// <summary>The 99.9th percentile: one customer in a thousand sees more.</summary>
    public double P999 => Percentile(0.999);

    /// <summary>The p-th percentile (the p-quantile; see the remarks for the definition). For the p99, pass 0.99.</summary>
    /// <param name="probability">The level p; a finite number in (0, 1). For the extremes use <see cref="Minimum"/> and <see cref="Maximum"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="probability"/> is NaN, infinite or outside (0, 1).</exception>
    public double Percentile(double probability)
    {
        Guard.InRangeExclusive(probability, 0, 1, nameof(probability));
        var position = (sorted.Length - 1) * probability;
        var below = (int)Math.Floor(position);
        if (below >= sorted.Length - 1)
        {
            return sorted[^1];
        }

        var fraction = position - below;
        return sorted[below] + fraction * (sorted[below + 1] - sorted[below]);
    }

    /// <summary>The fraction of values strictly greater than <paramref name="threshold"/>, for example P(wait &gt; 10 ms).</summary>
    /// <param name="threshold">A finite number.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is NaN or infinite.</exception>
    public double FractionAbove(double threshold)
    {
        Guard.Finite(threshold, nameof(threshold));

        // The first index whose value is > threshold, by binary search over the sorted values.
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var middle = low + (high - low) / 2;
            if (sorted[middle] <= threshold)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return (sorted.Length - low) / (double)sorted.Length;
    }
}
