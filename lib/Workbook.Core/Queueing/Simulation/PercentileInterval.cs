using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Workbook.Core.Queueing.Simulation;

/// <summary>
/// A percentile estimate with a confidence interval [Lower, Upper] that need not be symmetric, as
/// <see cref="WaitTailEstimate.Percentile"/> produces it by inverting intervals of exceedance fractions.
/// </summary>
/// <remarks>
/// When the percentile lies beyond the grid the run was asked to count on, there is no point estimate
/// (<see cref="HasEstimate"/> is false) and no finite upper end (<see cref="IsUpperBounded"/> is
/// false, <see cref="Upper"/> is +∞: the data bound the percentile from below only).
/// <see cref="Reason"/> says so in words.
/// </remarks>
/// <param name="Estimate">The point estimate; null when the estimated tail does not fall to 1 − p on the grid.</param>
/// <param name="Lower">The lower end of the interval.</param>
/// <param name="Upper">The upper end; +∞ when the data cannot bound it (see <see cref="IsUpperBounded"/>).</param>
/// <param name="Level">The confidence level, for example 0.95.</param>
public readonly record struct PercentileInterval(double? Estimate, double Lower, double Upper, double Level)
{
    /// <summary>Whether there is a point estimate: the estimated tail falls to 1 − p within the grid.</summary>
    [MemberNotNullWhen(true, nameof(Estimate))]
    public bool HasEstimate => Estimate.HasValue;

    /// <summary>Whether <see cref="Upper"/> is finite: some grid point lies confidently above the percentile.</summary>
    public bool IsUpperBounded => double.IsFinite(Upper);

    /// <summary>In one sentence: the interval, or why it has no estimate or no upper end.</summary>
    public string Reason => (HasEstimate, IsUpperBounded) switch
    {
        (true, true) => string.Create(CultureInfo.InvariantCulture, $"The percentile is about {Estimate:G4}, in [{Lower:G4}, {Upper:G4}] with {Level * 100:G3} % confidence."),
        (true, false) => string.Create(CultureInfo.InvariantCulture, $"The percentile is about {Estimate:G4}, at least {Lower:G4} with {Level * 100:G3} % confidence; no grid point lies confidently above it, so the interval has no upper end: extend the grid or run longer."),
        _ => string.Create(CultureInfo.InvariantCulture, $"The percentile lies beyond the last grid point (at least {Lower:G4} with {Level * 100:G3} % confidence): extend the grid to estimate it."),
    };

    /// <summary>Whether <paramref name="value"/> lies in [Lower, Upper].</summary>
    /// <param name="value">The value to test, typically a value from theory.</param>
    public bool Contains(double value) => value >= Lower && value <= Upper;

    /// <summary>
    /// Formats as <c>"0.0101 [0.0089, 0.0113] (95 %)"</c>, with the invariant culture; a missing
    /// estimate prints as "none" and a missing upper end as "∞".
    /// </summary>
    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{(HasEstimate ? Estimate.Value.ToString("G4", CultureInfo.InvariantCulture) : "none")} [{Lower:G4}, {Upper:G4}] ({Level * 100:G3} %)");
}
