using Workbook.Core.Resilience.Breakers;
using Workbook.Core.Resilience.Breakers.Scenarios;

namespace Workbook.Core.Episodes.Ep22BuildingBreakers;

/// <summary>The typical mistakes of a beginner (consecutive-failures) breaker.</summary>
internal enum ConsecutiveSlip
{
    /// <summary>elapsed &gt; timeout instead of ≥: half-open one instant late.</summary>
    StrictTimeout,

    /// <summary>A success does not reset the failure count.</summary>
    NoResetOnSuccess,

    /// <summary>The timeout is measured from the first failure of the streak, not from the opening.</summary>
    TimeoutFromFirstFailure,

    /// <summary>A failed probe reopens the breaker but keeps the old opening time.</summary>
    FailedProbeKeepsOpeningTime,
}

/// <summary>A learner's consecutive-failures breaker with one typical mistake (the known mistakes of <c>ep22.beginner-breaker</c>).</summary>
internal sealed class ConsecutiveSlipBreaker(int failureThreshold, double resetTimeout, ConsecutiveSlip slip) : IReplayableBreaker
{
    private BreakerState state = BreakerState.Closed;
    private int failures;
    private double openedAt;
    private double firstFailureAt;

    public bool TryCall(double time)
    {
        if (state == BreakerState.Open && TimedOut(time))
        {
            state = BreakerState.HalfOpen;
        }

        return state != BreakerState.Open;
    }

    public void Record(bool success, double time)
    {
        if (state == BreakerState.HalfOpen)
        {
            if (success)
            {
                state = BreakerState.Closed;
                failures = 0;
            }
            else
            {
                state = BreakerState.Open;
                if (slip != ConsecutiveSlip.FailedProbeKeepsOpeningTime)
                {
                    openedAt = firstFailureAt = time;
                }
            }

            return;
        }

        if (success)
        {
            if (slip != ConsecutiveSlip.NoResetOnSuccess)
            {
                failures = 0;
            }

            return;
        }

        if (failures++ == 0)
        {
            firstFailureAt = time;
        }

        if (failures >= failureThreshold)
        {
            state = BreakerState.Open;
            openedAt = slip == ConsecutiveSlip.TimeoutFromFirstFailure ? firstFailureAt : time;
            failures = 0;
        }
    }

    public BreakerState StateAt(double time) => state == BreakerState.Open && TimedOut(time) ? BreakerState.HalfOpen : state;

    private bool TimedOut(double time) =>
        slip == ConsecutiveSlip.StrictTimeout ? time - openedAt > resetTimeout : time - openedAt >= resetTimeout;
}

/// <summary>The typical mistakes of an intermediate (count-window) breaker.</summary>
internal enum CountWindowSlip
{
    /// <summary>failures / calls &gt; ratio instead of ≥.</summary>
    StrictRatio,

    /// <summary>Counts every call since the start (or the last transition) instead of the last windowSize.</summary>
    WholeLife,

    /// <summary>Keeps the window across transitions instead of emptying it.</summary>
    KeepsWindow,

    /// <summary>Closes after the first successful probe.</summary>
    ClosesOnFirstProbe,
}

/// <summary>A learner's count-window breaker with one typical mistake (the known mistakes of <c>ep22.count-window-breaker</c>).</summary>
internal sealed class CountWindowSlipBreaker(CountWindowSettings settings, CountWindowSlip slip) : IReplayableBreaker
{
    private readonly List<bool> window = []; // true = failed, oldest first
    private BreakerState state = BreakerState.Closed;
    private double openedAt;
    private int probesOut;
    private int probesSucceeded;

    public bool TryCall(double time)
    {
        if (state == BreakerState.Open && time - openedAt >= settings.OpenDuration)
        {
            MoveTo(BreakerState.HalfOpen);
        }

        if (state == BreakerState.Closed)
        {
            return true;
        }

        if (state == BreakerState.HalfOpen && probesOut < settings.HalfOpenProbes)
        {
            probesOut++;
            return true;
        }

        return false;
    }

    public void Record(bool success, double time)
    {
        if (state == BreakerState.HalfOpen)
        {
            if (!success)
            {
                Open(time);
            }
            else if (++probesSucceeded == settings.HalfOpenProbes || slip == CountWindowSlip.ClosesOnFirstProbe)
            {
                MoveTo(BreakerState.Closed);
            }

            return;
        }

        if (state != BreakerState.Closed)
        {
            return;
        }

        window.Add(!success);
        if (slip != CountWindowSlip.WholeLife && window.Count > settings.WindowSize)
        {
            window.RemoveAt(0);
        }

        int failures = window.Count(f => f);
        double ratio = failures / (double)window.Count;
        bool reached = slip == CountWindowSlip.StrictRatio ? ratio > settings.FailureRatio : ratio >= settings.FailureRatio;
        if (!success && window.Count >= settings.MinimumCalls && reached)
        {
            Open(time);
        }
    }

    public BreakerState StateAt(double time) =>
        state == BreakerState.Open && time - openedAt >= settings.OpenDuration ? BreakerState.HalfOpen : state;

    private void Open(double time)
    {
        openedAt = time;
        MoveTo(BreakerState.Open);
    }

    private void MoveTo(BreakerState to)
    {
        state = to;
        probesOut = probesSucceeded = 0;
        if (slip != CountWindowSlip.KeepsWindow)
        {
            window.Clear();
        }
    }
}
