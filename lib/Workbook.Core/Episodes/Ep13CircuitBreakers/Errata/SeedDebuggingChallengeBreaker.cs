namespace Workbook.Core.Episodes.Ep13CircuitBreakers.Errata;

/// <summary>
/// The seed plan's debugging challenge (section 2.2, <c>BuggyCircuitBreaker</c>), ported line by line from
/// Python 3 — wrong on purpose — so that each claimed bug can be reproduced beside
/// <see cref="SeedDebuggingChallengeFixedBreaker"/>. Do not use it for anything else.
/// </summary>
/// <remarks>
/// The seed claims five bugs. Four are real, with corrections: (1) the counters are unsynchronised
/// (read-modify-write, lost updates); (2) an open breaker never closes (it reads no clock at all);
/// (3) "failures not reset on success" — the real flaw is that the counts cover the breaker's whole
/// life, so the longer it has been healthy the longer an outage takes to trip it; resetting failures on
/// success would make a ratio rule almost never trip; (5) the unset <c>last_failure_time</c> is dead
/// code, harmful only because (2) needs the time the breaker opened. Claim (4) is not a bug: Python 3's
/// <c>/</c> is true division, ported here as a <see cref="double"/> division. Missed: no minimum number
/// of calls (the first call failing trips it), and a rejection is a plain <see cref="Exception"/>.
/// </remarks>
public sealed class SeedDebuggingChallengeBreaker
{
    /// <summary>A breaker with the seed's defaults. Like the seed, it validates nothing.</summary>
    /// <param name="failureThreshold">Trips when failures / (failures + successes) exceeds it. Default 0.5.</param>
    /// <param name="timeout">Stored and never used, as in the seed. Default 60.</param>
    public SeedDebuggingChallengeBreaker(double failureThreshold = 0.5, double timeout = 60)
    {
        FailureThreshold = failureThreshold;
        Timeout = timeout;
    }

    /// <summary>The seed's <c>failure_threshold</c>.</summary>
    public double FailureThreshold { get; }

    /// <summary>The seed's <c>timeout</c>, never read.</summary>
    public double Timeout { get; }

    /// <summary>The seed's <c>failures</c>: every failure since construction.</summary>
    public int Failures { get; private set; }

    /// <summary>The seed's <c>successes</c>: every success since construction.</summary>
    public int Successes { get; private set; }

    /// <summary>The seed's <c>state</c>: <c>"CLOSED"</c> or <c>"OPEN"</c> (it has no half-open state).</summary>
    public string State { get; private set; } = "CLOSED";

    /// <summary>Whether the seed's <c>last_failure_time</c> was ever set: it never is (claimed bug 5).</summary>
    public bool LastFailureTimeIsSet { get; }

    /// <summary>The seed's <c>call(func)</c>.</summary>
    /// <exception cref="Exception">The breaker is open (a plain <see cref="Exception"/>, as in the seed), or <paramref name="func"/> threw.</exception>
    public T Call<T>(Func<T> func)
    {
        ArgumentNullException.ThrowIfNull(func);
        if (State == "OPEN")
        {
#pragma warning disable CA2201 // The seed raises a bare Exception; kept so that a caller cannot tell a rejection from a failure.
            throw new Exception("Circuit is open");
#pragma warning restore CA2201
        }

        try
        {
            var result = func();
            Successes += 1;
            return result;
        }
        catch (Exception)
        {
            Failures += 1;

            // Python 3's `/` is true division: the port divides doubles, as Python does (claim 4 is not a bug).
            double failureRate = (double)Failures / (Failures + Successes);
            if (failureRate > FailureThreshold)
            {
                State = "OPEN";
            }

            throw;
        }
    }
}
