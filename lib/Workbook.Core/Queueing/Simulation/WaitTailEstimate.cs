using Workbook.Core.Simulation;

namespace Workbook.Core.Queueing.Simulation;

/// <summary>
/// The tail of the wait as one run measured it (see <see cref="WaitTailRequest"/>): the fraction of
/// waits above any grid point, and one percentile, each with a 95 % batch-means confidence interval.
/// </summary>
/// <remarks>
/// <para>
/// <b>Fractions.</b> P(W_q &gt; t) is the mean over customers of "waited longer than t", so each batch
/// gives one ratio and <see cref="BatchMeans"/> gives the interval, as for the mean wait.
/// </para>
/// <para>
/// <b>The percentile, by inverting those intervals.</b> The p-th percentile q is where P(W_q &gt; t)
/// crosses 1 − p. A grid point whose whole interval lies above 1 − p is below q; one whose interval
/// lies below 1 − p is above q. The interval for q runs from the last grid point of the first kind to
/// the first of the second (so it is conservative by up to one grid step); the estimate interpolates
/// where the estimated fraction crosses 1 − p. (Averaging each batch's own percentile instead, batch
/// quantiles, is biased low when batches are short against the queue's memory, because a percentile
/// is not a mean.) Reference: A. M. Law, Simulation Modeling and Analysis, 5th ed., §9.5.3.
/// </para>
/// </remarks>
public sealed class WaitTailEstimate
{
    private readonly Estimate[] fractions;

    internal WaitTailEstimate(WaitTailRequest request, double[][] aboveByGridPoint, double[] customersByBatch)
    {
        Request = request;
        fractions = aboveByGridPoint.Select(above => BatchMeans.Ratio(above, customersByBatch)).ToArray();
        Percentile = Invert(1.0 - (request.Percent / 100.0));
    }

    /// <summary>The request this answers.</summary>
    public WaitTailRequest Request { get; }

    /// <summary>The <see cref="WaitTailRequest.Percent"/>-th percentile of the wait, with its interval.</summary>
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
        var estimate = double.PositiveInfinity;
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
