using System.Globalization;
using Workbook.Core.Simulation;

namespace Workbook.Core.Queueing.Simulation;

/// <summary>
/// A percentile estimate with a confidence interval [Lower, Upper] that need not be symmetric, as
/// <see cref="WaitTailEstimate.Percentile"/> produces it by inverting intervals of exceedance fractions.
/// </summary>
/// <param name="Estimate">The point estimate.</param>
/// <param name="Lower">The lower end of the interval.</param>
/// <param name="Upper">The upper end; <see cref="double.PositiveInfinity"/> when the data cannot bound it.</param>
/// <param name="Level">The confidence level, for example 0.95.</param>
public readonly record struct PercentileInterval(double Estimate, double Lower, double Upper, double Level)
{
    /// <summary>Whether <paramref name="value"/> lies in [Lower, Upper].</summary>
    /// <param name="value">The value to test, typically a value from theory.</param>
    public bool Contains(double value) => value >= Lower && value <= Upper;

    /// <summary>Formats as <c>"0.0101 [0.0089, 0.0113] (95 %)"</c>, with the invariant culture.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Estimate:G4} [{Lower:G4}, {Upper:G4}] ({Level * 100:G3} %)");
}
