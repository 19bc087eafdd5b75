using System.Globalization;

namespace Workbook.Core.Queueing.Simulation;

/// <summary>
/// A point estimate with a symmetric confidence interval, Estimate ± HalfWidth, as produced by
/// batch means.
/// </summary>
/// <remarks>
/// A 95 % interval is a statement about the method, not about one run: if the simulation were
/// repeated with many seeds, about 95 % of the intervals would contain the true steady-state value.
/// So one run in twenty misses by design, and checks against theory should allow for that.
/// </remarks>
/// <param name="Estimate">The point estimate.</param>
/// <param name="HalfWidth">Half the width of the interval, t × standard error; NaN if it could not be estimated.</param>
/// <param name="Level">The confidence level, for example 0.95.</param>
/// <param name="DegreesOfFreedom">Degrees of freedom of the Student t quantile used: the number of batches − 1.</param>
public readonly record struct ConfidenceInterval(double Estimate, double HalfWidth, double Level, int DegreesOfFreedom)
{
    /// <summary>The lower end, Estimate − HalfWidth.</summary>
    public double Lower => Estimate - HalfWidth;

    /// <summary>The upper end, Estimate + HalfWidth.</summary>
    public double Upper => Estimate + HalfWidth;

    /// <summary>Whether <paramref name="value"/> lies in [Lower, Upper].</summary>
    /// <param name="value">The value to test, typically a value from theory.</param>
    public bool Contains(double value) => value >= Lower && value <= Upper;

    /// <summary>Formats as <c>"4.012 ± 0.031 (95 %)"</c>, with the invariant culture.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Estimate:G6} ± {HalfWidth:G3} ({Level * 100:G3} %)");
}
