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
    /// <summary>The largest number of grid intervals accepted, 10,000.</summary>
    public const int MaxGridIntervals = 10_000;

    /// <summary>Validates and creates the request.</summary>
    /// <param name="percent">The percentile to estimate; a finite number in (0, 100), for example 99.</param>
    /// <param name="maxWaitSeconds">The last grid point, in the simulation's time unit; a finite number &gt; 0.</param>
    /// <param name="gridIntervals">The number of grid intervals; an integer in [1, 10,000]. Default 1,000.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public WaitTailRequest(double percent, double maxWaitSeconds, int gridIntervals = 1000)
    {
        Percent = Guard.InRangeExclusive(percent, 0, 100, nameof(percent));
        MaxWaitSeconds = Guard.PositiveFinite(maxWaitSeconds, nameof(maxWaitSeconds));
        if (gridIntervals < 1 || gridIntervals > MaxGridIntervals)
        {
            throw Guard.OutOfRange(nameof(gridIntervals), $"an integer in [1, {MaxGridIntervals}]", gridIntervals.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        GridIntervals = gridIntervals;
    }

    /// <summary>The percentile to estimate, in (0, 100).</summary>
    public double Percent { get; }

    /// <summary>The last grid point, in the simulation's time unit.</summary>
    public double MaxWaitSeconds { get; }

    /// <summary>The number of grid intervals; the grid step is <see cref="MaxWaitSeconds"/> / this.</summary>
    public int GridIntervals { get; }

    /// <summary>Δ, the grid step.</summary>
    public double GridStepSeconds => MaxWaitSeconds / GridIntervals;
}
