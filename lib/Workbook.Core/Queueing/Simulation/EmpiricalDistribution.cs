namespace Workbook.Core.Queueing.Simulation;

/// <summary>
/// The distribution of one quantity over all measured customers of a run (their waits, or their
/// response times), for percentiles.
/// </summary>
/// <remarks>
/// <para>
/// Means hide what users feel: a service whose mean response is fine can still make one request
/// in a hundred wait ten times as long. Percentiles show it, and for queues they usually grow much
/// faster than the mean as the utilisation approaches 1.
/// </para>
/// <para>
/// Percentiles interpolate linearly between order statistics: with the n values sorted,
/// x₍₀₎ ≤ … ≤ x₍ₙ₋₁₎, the p-th percentile is read at position h = (n − 1)·p/100 as
/// x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋₊₁₎ − x₍⌊h⌋₎). This is definition 7 of R. J. Hyndman and Y. Fan,
/// "Sample quantiles in statistical packages", The American Statistician 50(4), 1996, the default
/// of NumPy, R and Excel's PERCENTILE.INC. Unlike the means, percentiles come without a confidence
/// interval here; far-tail percentiles such as p99.9 rest on few customers, so check them with
/// another seed.
/// </para>
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

    /// <summary>The median.</summary>
    public double P50 => Percentile(50);

    /// <summary>The 90th percentile: one customer in ten sees more.</summary>
    public double P90 => Percentile(90);

    /// <summary>The 95th percentile: one customer in twenty sees more.</summary>
    public double P95 => Percentile(95);

    /// <summary>The 99th percentile: one customer in a hundred sees more.</summary>
    public double P99 => Percentile(99);

    /// <summary>The 99.9th percentile: one customer in a thousand sees more.</summary>
    public double P999 => Percentile(99.9);

    /// <summary>The <paramref name="percent"/>-th percentile (see the remarks for the definition).</summary>
    /// <param name="percent">A finite number in [0, 100]: 50 is the median, 99.9 the "three nines" tail.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="percent"/> is NaN, infinite or outside [0, 100].</exception>
    public double Percentile(double percent)
    {
        Guard.InRangeInclusive(percent, 0, 100, nameof(percent));
        var position = (sorted.Length - 1) * (percent / 100.0);
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
