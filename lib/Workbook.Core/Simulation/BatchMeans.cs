namespace Workbook.Core.Simulation;

/// <summary>
/// Confidence intervals by the method of batch means, for quantities that are ratios of batch totals.
/// </summary>
/// <remarks>
/// Consecutive waits in a queue are correlated, so mean ± t·s/√n over customers would be far too
/// narrow. Cut the run into k long batches: if each is much longer than the queue's memory, the batch
/// means are nearly independent and normal, and a t interval on them is honest (Law, <i>Simulation
/// Modeling and Analysis</i>, 5th ed., §9.5.3). Each quantity is a ratio R = ΣYᵦ/ΣXᵦ (wait over
/// customers, busy time over elapsed time) with the ratio-estimator error
/// SE² = Σ(Yᵦ − R·Xᵦ)² / (k(k − 1)·X̄²), which for equal Xᵦ is the usual error of the batch means.
/// </remarks>
internal static class BatchMeans
{
    /// <summary>The confidence level of every interval the simulator reports.</summary>
    public const double Level = Estimate.DefaultLevel;

    /// <summary>The two-sided Student t quantile for <see cref="Level"/>, t₀.₉₇₅ with <paramref name="degreesOfFreedom"/>.</summary>
    public static double TQuantile(int degreesOfFreedom) => Estimate.TQuantile(Level, degreesOfFreedom);

    /// <summary>The estimate ΣY / ΣX with its batch-means confidence interval.</summary>
    /// <param name="numerators">Yᵦ, one per batch.</param>
    /// <param name="denominators">Xᵦ, one per batch, same length, with a positive sum.</param>
    public static Estimate Ratio(ReadOnlySpan<double> numerators, ReadOnlySpan<double> denominators)
    {
        var k = numerators.Length;
        double sumY = 0, sumX = 0;
        for (var b = 0; b < k; b++)
        {
            sumY += numerators[b];
            sumX += denominators[b];
        }

        var ratio = sumY / sumX;
        double squares = 0;
        for (var b = 0; b < k; b++)
        {
            var residual = numerators[b] - ratio * denominators[b];
            squares += residual * residual;
        }

        var meanX = sumX / k;
        var standardError = Math.Sqrt(squares / (k * (k - 1.0))) / meanX;
        return new Estimate(ratio, standardError, k, censored: 0, Level);
    }

    /// <summary>
    /// The lag-1 autocorrelation of the batch ratios Yᵦ / Xᵦ: near 0 when batches are long enough to be
    /// independent, clearly positive when they are not. NaN when all ratios are equal.
    /// </summary>
    public static double Lag1Autocorrelation(ReadOnlySpan<double> numerators, ReadOnlySpan<double> denominators)
    {
        var k = numerators.Length;
        double mean = 0;
        for (var b = 0; b < k; b++)
        {
            mean += numerators[b] / denominators[b];
        }

        mean /= k;
        double lagged = 0, squares = 0;
        for (var b = 0; b < k; b++)
        {
            var deviation = numerators[b] / denominators[b] - mean;
            squares += deviation * deviation;
            if (b > 0)
            {
                lagged += deviation * (numerators[b - 1] / denominators[b - 1] - mean);
            }
        }

        return lagged / squares;
    }
}
