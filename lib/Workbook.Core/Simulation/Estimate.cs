using System.Globalization;
using MathNet.Numerics.Distributions;

namespace Workbook.Core.Simulation;

/// <summary>
/// What a seeded simulation reports: a mean, its standard error, how many independent samples it
/// rests on, how many of them were censored, and the Student t confidence interval that follows.
/// </summary>
/// <remarks>
/// The samples are independent runs (a breaker simulated many times) or batch means of one long run
/// (a queue; see <c>BatchMeans</c>). The interval is Mean ± t·StandardError with Samples − 1 degrees of
/// freedom: about <see cref="Level"/> of such intervals, over many seeds, contain the true value, so one
/// in twenty misses by design. A censored sample was cut off at the simulation's cap before its event
/// happened and counted at the cap, so with <see cref="Censored"/> &gt; 0 the mean is a lower bound.
/// </remarks>
/// <param name="Mean">The point estimate.</param>
/// <param name="StandardError">The standard error of <paramref name="Mean"/>.</param>
/// <param name="Samples">Independent samples averaged (runs or batches).</param>
/// <param name="Censored">Samples stopped at the cap before their event happened.</param>
/// <param name="Level">The confidence level of the interval, for example 0.95.</param>
public readonly record struct Estimate(double Mean, double StandardError, int Samples, int Censored = 0, double Level = 0.95)
{
    /// <summary>Degrees of freedom of the t quantile: <see cref="Samples"/> − 1.</summary>
    public int DegreesOfFreedom => Samples - 1;

    /// <summary>Half the interval's width, t × <see cref="StandardError"/>; NaN with fewer than two samples.</summary>
    public double HalfWidth => Samples < 2 ? double.NaN : TQuantile(Level, DegreesOfFreedom) * StandardError;

    /// <summary>The lower end, Mean − HalfWidth.</summary>
    public double Lower => Mean - HalfWidth;

    /// <summary>The upper end, Mean + HalfWidth.</summary>
    public double Upper => Mean + HalfWidth;

    /// <summary>Whether <paramref name="value"/> lies in [Lower, Upper].</summary>
    /// <param name="value">The value to test, typically a value from theory.</param>
    public bool Contains(double value) => value >= Lower && value <= Upper;

    /// <summary>Formats as <c>"4.012 ± 0.031 (95 %)"</c>, with the invariant culture.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Mean:G6} ± {HalfWidth:G3} ({Level * 100:G3} %)")
        + (Censored > 0 ? string.Create(CultureInfo.InvariantCulture, $", {Censored} of {Samples} censored") : "");

    /// <summary>The two-sided Student t quantile t₁₋₍₁₋level₎/₂ with the given degrees of freedom.</summary>
    internal static double TQuantile(double level, int degreesOfFreedom) =>
        StudentT.InvCDF(location: 0, scale: 1, freedom: degreesOfFreedom, p: 1 - (1 - level) / 2);

    /// <summary>The mean of independent samples from their sum and sum of squares.</summary>
    internal static Estimate FromSums(double sum, double sumOfSquares, int samples, int censored = 0)
    {
        double mean = sum / samples;
        double variance = samples > 1 ? Math.Max(0, (sumOfSquares - (sum * mean)) / (samples - 1)) : 0;
        return new Estimate(mean, Math.Sqrt(variance / samples), samples, censored);
    }

    /// <summary>A proportion p̂ = successes / samples with the binomial standard error √(p̂(1 − p̂)/samples).</summary>
    internal static Estimate Proportion(double fraction, int samples) =>
        new(fraction, Math.Sqrt(fraction * (1 - fraction) / samples), samples);
}
