namespace Workbook.Core.Episodes.Ep13CircuitBreakers.Errata;

/// <summary>
/// The seed's debugging-challenge breaker (<see cref="SeedDebuggingChallengeBreaker"/>) with each real bug
/// repaired and nothing else changed: the answer to the challenge, kept beside the buggy one for comparison.
/// </summary>
/// <remarks>
/// Repairs: one lock guards every field (bug 1); an open breaker admits one probe once
/// <see cref="TimeoutSeconds"/> has passed since it opened, and the probe's outcome closes or reopens it
/// (bugs 2 and 5); the failure ratio is taken over the last <see cref="WindowSize"/> calls, not the
/// breaker's whole life (the real bug behind claim 3), and only once <see cref="MinimumCalls"/> calls are
/// in the window (missed by the seed); a rejection throws <see cref="SeedDebuggingChallengeOpenException"/>.
/// Time is logical seconds passed in by the caller. The workbook's real breakers live in
/// <c>Workbook.Core.Resilience.Breakers</c>.
/// </remarks>
public sealed class SeedDebuggingChallengeFixedBreaker
{
    private readonly Lock gate = new();
    private readonly bool[] window;
    private int next;
    private int callsInWindow;
    private int failuresInWindow;
    private double openedAtSeconds;
    private bool probeInFlight;

    /// <summary>A closed breaker.</summary>
    /// <param name="failureThreshold">Trips when the window's failure ratio exceeds it; a finite number in [0, 1). Default 0.5 (the seed's).</param>
    /// <param name="timeoutSeconds">How long an open breaker rejects calls; a finite number &gt; 0. Default 60 (the seed's).</param>
    /// <param name="windowSize">Calls in the window; an integer &gt; 0. Default 20.</param>
    /// <param name="minimumCalls">Calls needed in the window before it may trip; an integer in [1, <paramref name="windowSize"/>]. Default 10 (the seed's fix uses 10).</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public SeedDebuggingChallengeFixedBreaker(double failureThreshold = 0.5, double timeoutSeconds = 60, int windowSize = 20, int minimumCalls = 10)
    {
        FailureThreshold = Guard.UnitIntervalOpenRight(failureThreshold, nameof(failureThreshold));
        TimeoutSeconds = Guard.PositiveFinite(timeoutSeconds, nameof(timeoutSeconds));
        WindowSize = Guard.Positive(windowSize, nameof(windowSize));
        MinimumCalls = Guard.Positive(minimumCalls, nameof(minimumCalls));
        if (minimumCalls > windowSize)
        {
            throw Guard.OutOfRange(nameof(minimumCalls), $"an integer in [1, windowSize = {windowSize}]", minimumCalls.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        window = new bool[windowSize];
    }

    /// <summary>The failure ratio above which the breaker trips.</summary>
    public double FailureThreshold { get; }

    /// <summary>Seconds an open breaker rejects calls before it lets one probe through.</summary>
    public double TimeoutSeconds { get; }

    /// <summary>Calls in the sliding window.</summary>
    public int WindowSize { get; }

    /// <summary>Calls needed in the window before the ratio is judged.</summary>
    public int MinimumCalls { get; }

    /// <summary>Outcomes recorded since construction (rejected calls excluded).</summary>
    public long RecordedCalls { get; private set; }

    /// <summary>The state as last changed by a call (an open breaker turns half-open only when a call arrives).</summary>
    public SeedDebuggingChallengeState State { get; private set; }

    /// <summary>Calls <paramref name="action"/> at logical time <paramref name="nowSeconds"/> unless the breaker rejects it.</summary>
    /// <exception cref="SeedDebuggingChallengeOpenException">The breaker is open, or half-open with its probe in flight.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="nowSeconds"/> is not finite.</exception>
    public T Call<T>(Func<T> action, double nowSeconds)
    {
        ArgumentNullException.ThrowIfNull(action);
        Guard.Finite(nowSeconds, nameof(nowSeconds));
        bool isProbe = false;
        lock (gate)
        {
            if (State == SeedDebuggingChallengeState.Open && nowSeconds - openedAtSeconds >= TimeoutSeconds)
            {
                State = SeedDebuggingChallengeState.HalfOpen;
                probeInFlight = true;
                isProbe = true;
            }
            else if (State != SeedDebuggingChallengeState.Closed)
            {
                throw new SeedDebuggingChallengeOpenException(probeInFlight ? "The circuit is half-open and its probe is in flight." : "The circuit is open.");
            }
        }

        T result;
        try
        {
            result = action();
        }
        catch (Exception)
        {
            Record(success: false, isProbe, nowSeconds);
            throw;
        }

        Record(success: true, isProbe, nowSeconds);
        return result;
    }

    private void Record(bool success, bool isProbe, double nowSeconds)
    {
        lock (gate)
        {
            if (isProbe)
            {
                probeInFlight = false;
                RecordedCalls++;
                if (success)
                {
                    State = SeedDebuggingChallengeState.Closed;
                    Array.Clear(window);
                    next = callsInWindow = failuresInWindow = 0;
                }
                else
                {
                    Open(nowSeconds);
                }

                return;
            }

            if (State != SeedDebuggingChallengeState.Closed)
            {
                return; // Implementation note: a call admitted before the breaker opened; its outcome is stale.
            }

            RecordedCalls++;
            if (callsInWindow == WindowSize && window[next])
            {
                failuresInWindow--;
            }

            window[next] = !success;
            next = (next + 1) % WindowSize;
            callsInWindow = Math.Min(callsInWindow + 1, WindowSize);
            failuresInWindow += success ? 0 : 1;
            if (callsInWindow >= MinimumCalls && (double)failuresInWindow / callsInWindow > FailureThreshold)
            {
                Open(nowSeconds);
            }
        }
    }

    private void Open(double nowSeconds)
    {
        State = SeedDebuggingChallengeState.Open;
        openedAtSeconds = nowSeconds;
        Array.Clear(window);
        next = callsInWindow = failuresInWindow = 0;
    }
}
