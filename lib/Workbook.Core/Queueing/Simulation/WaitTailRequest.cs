namespace Workbook.Core.Queueing.Simulation;

/// <summary>
/// Asks <see cref="QueueSimulator"/> to count, batch by batch, how many waits exceed each point of a
/// grid 0, Δ, 2Δ, …, <see cref="MaxWaitSeconds"/> (Δ = max / <see cref="GridIntervals"/>), so that every
/// exceedance fraction P(W_q &gt; t) and one percentile get confidence intervals
/// (<see cref="WaitTailEstimate"/>).
/// </summary>
/// <remarks>
/// A latency SLO "p99 wait ≤ 30 ms" holds exactly when P(W_q &gt; 30 ms) ≤ 1 %: a plain mean over
/// customers, which batch means handle without bias. Choose the grid so that the SLO limit is a grid
/// point and the percentile you expect lies below <see cref="MaxWaitSeconds"/>.
/// </remarks>
public sealed record WaitTailRequest
{
    /// <summary>The default number of grid intervals, 1,000.</summary>
    public const int DefaultGridIntervals = 1000;

    /// <summary>The largest number of grid intervals accepted, 10,000.</summary>
    public const int MaxGridIntervals = 10_000;

    /// <summary>Validates and creates the request.</summary>
    /// <param name="percentile">The level p of the percentile to estimate; a finite number in (0, 1). For the p99 pass 0.99.</param>
    /// <param name="maxWaitSeconds">The last grid point, in the simulation's time unit; a finite number &gt; 0.</param>
    /// <param name="gridIntervals">The number of grid intervals; an integer in [1, 10,000].</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range; the message names it and the range.</exception>
    public WaitTailRequest(double percentile, double maxWaitSeconds, int gridIntervals = DefaultGridIntervals)
    {
        Percentile = Guard.InRangeExclusive(percentile, 0, 1, nameof(percentile));
        MaxWaitSeconds = Guard.PositiveFinite(maxWaitSeconds, nameof(maxWaitSeconds));
        if (gridIntervals < 1 || gridIntervals > MaxGridIntervals)
        {
            throw Guard.OutOfRange(nameof(gridIntervals), $"an integer in [1, {MaxGridIntervals}]", gridIntervals.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        GridIntervals = gridIntervals;
    }

    /// <summary>The level p of the percentile to estimate, in (0, 1): 0.99 for the p99.</summary>
    public double Percentile { get; }

    /// <summary>The last grid point, in the simulation's time unit.</summary>
    public double MaxWaitSeconds { get; }

    /// <summary>The number of grid intervals; the grid step is <see cref="MaxWaitSeconds"/> / this.</summary>
    /// <value>The default is <see cref="DefaultGridIntervals"/>, 1,000.</value>
    public int GridIntervals { get; }

    /// <summary>Δ, the grid step.</summary>
    public double GridStepSeconds => MaxWaitSeconds / GridIntervals;
}
