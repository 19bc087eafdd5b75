using System.Globalization;
using Workbook.Core.Queueing.Simulation;

namespace Workbook.Core.Tests.Queueing.Simulation;

/// <summary>Checks of simulated estimates against exact values.</summary>
internal static class SimulationAssert
{
    /// <summary>
    /// The widening applied to the simulator's own 95 % batch-means interval before asking it to
    /// contain the exact value.
    /// </summary>
    /// <remarks>
    /// A correct 95 % interval misses the true value in one run out of twenty by design, and a test
    /// class makes dozens of such checks, so the bare interval would make some seed fail somewhere.
    /// Twice the half-width corresponds to t ≈ 4.1 with 29 degrees of freedom, a miss probability of
    /// about 3 in 10,000 per check for a correct simulator; it also absorbs the two known small
    /// imperfections of batch means: the half-width is itself estimated from only 30 batches (about
    /// 13 % relative noise), and residual correlation between batches makes it slightly too narrow.
    /// A wrong formula or a biased sampler still fails: the intervals here are 0.5–2 % of the value.
    /// </remarks>
    public const double HalfWidthFactor = 2.0;

    public static void WithinInterval(ConfidenceInterval interval, double exact, string what)
    {
        var allowed = HalfWidthFactor * interval.HalfWidth;
        var error = Math.Abs(interval.Estimate - exact);
        Assert.True(
            error <= allowed,
            string.Create(
                CultureInfo.InvariantCulture,
                $"{what}: simulated {interval}, exact {exact:G6}; error {error:G3} > {HalfWidthFactor} × half-width = {allowed:G3}."));
    }

    public static void Relative(double actual, double expected, double tolerance, string what)
    {
        var error = Math.Abs(actual - expected) / Math.Abs(expected);
        Assert.True(
            error <= tolerance,
            string.Create(
                CultureInfo.InvariantCulture,
                $"{what}: got {actual:G6}, expected {expected:G6}; relative error {error:P2} > {tolerance:P2}."));
    }
}
