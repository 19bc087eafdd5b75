using Workbook.Core.Simulation;

namespace Workbook.Core.Queueing.Simulation;

/// <summary>
/// The tail of the wait as one run measured it (see <see cref="WaitTailRequest"/>): the fraction of
/// waits above any grid point, and one percentile, each with a 95 % batch-means confidence interval.
/// </summary>
/// <remarks>
/// Each fraction P(W_q &gt; t) is a mean over customers, so <see cref="BatchMeans"/> gives its interval.
/// The percentile's interval inverts those: it runs from the last grid point whose fraction is
/// confidently above 1 − p to the first confidently below (conservative by up to one grid step), and
/// the estimate interpolates where the estimated fraction crosses 1 − p. Averaging each batch's own
/// percentile instead is biased low when batches are short against the queue's memory. Reference:
/// A. M. Law, Simulation Modeling and Analysis, 5th ed., §9.5.3.
/// </remarks>
public sealed class WaitTailEstimate
{
    private readonly Estimate[] fractions;

    internal WaitTailEstimate(WaitTailRequest request, double[][] aboveByGridPoint, double[] customersByBatch)
    {
        Request = request;
        fractions = aboveByGridPoint.Select(above => BatchMeans.Ratio(above, customersByBatch)).ToArray();
        Percentile = Invert(1.0 - request.Percentile);
    }

    /// <summary>The request this answers.</summary>
    public WaitTailRequest Request { get; }

    /// <summary>
    /// The <see cref="WaitTailRequest.Percentile"/> percentile of the wait, with its interval; see
    /// <see cref="PercentileInterval.HasEstimate"/> and <see cref="PercentileInterval.Reason"/> for a
    /// percentile beyond the grid.
    /// </summary>
    public PercentileInterval Percentile { get; }

    /// <summary>P(W_q &gt; t) with its batch-means interval, for a grid point t = jΔ.</summary>
    /// <param name="timeSeconds">A grid point of the request, 0 to <see cref="WaitTailRequest.MaxWaitSeconds"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeSeconds"/> is not a grid point.</exception>
    public Estimate FractionAbove(double timeSeconds)
    {
        Guard.InRangeInclusive(timeSeconds, 0, Request.MaxWaitSeconds, nameof(timeSeconds));
        var position = timeSeconds / Request.GridStepSeconds;
        var index = Math.Round(position);
        if (Math.Abs(position - index) > 1e-6)
        {
            throw Guard.OutOfRange(nameof(timeSeconds), $"a grid point, a multiple of the grid step {Guard.Format(Request.GridStepSeconds)}", Guard.Format(timeSeconds));
        }

        return fractions[(int)index];
    }

    private PercentileInterval Invert(double target)
    {
        var step = Request.GridStepSeconds;
        var lower = 0.0;
        var upper = double.PositiveInfinity;
        double? estimate = null; // stays null when the estimated tail never falls to the target on the grid
        for (var j = fractions.Length - 1; j >= 0; j--)
        {
            if (fractions[j].Lower > target)
            {
                lower = j * step; // the last grid point confidently below the percentile
                break;
            }
        }

        for (var j = 0; j < fractions.Length; j++)
        {
            if (fractions[j].Upper < target)
            {
                upper = j * step; // the first grid point confidently above it
                break;
            }
        }

        if (fractions[0].Mean <= target)
        {
            estimate = 0; // at least a fraction p of customers did not wait at all
        }
        else
        {
            for (var j = 1; j < fractions.Length; j++)
            {
                if (fractions[j].Mean <= target)
                {
                    var (before, after) = (fractions[j - 1].Mean, fractions[j].Mean);
                    estimate = (j - 1 + ((before - target) / (before - after))) * step;
                    break;
                }
            }
        }

        return new PercentileInterval(estimate, lower, upper, BatchMeans.Level);
    }
}
