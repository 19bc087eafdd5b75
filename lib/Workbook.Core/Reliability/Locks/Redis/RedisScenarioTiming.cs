using System.Globalization;

namespace Workbook.Core.Reliability.Locks.Redis;

/// <summary>The real-time lengths of the Redis scenarios: the paused client's lease, its pause and the other client's lease.</summary>
/// <remarks>
/// The scenarios are deterministic because the margins are wide: the pause outlasts the short lease by at least
/// 100 ms (the lease lapses on the server's clock while the client sleeps), and the long lease outlasts the
/// scenario by seconds, so a loaded machine only makes a scenario slower, never different.
/// </remarks>
public sealed record RedisScenarioTiming
{
    /// <summary>Creates the timing.</summary>
    /// <param name="leaseMs">The paused client's lease; an integer in [10, 10000].</param>
    /// <param name="pauseMs">The client's pause (a stop-the-world GC, say); an integer &gt;= leaseMs + 100.</param>
    /// <param name="longLeaseMs">The other client's lease; an integer &gt;= 5000 and &gt;= 10 × pauseMs.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value or a rule between values is out of range.</exception>
    public RedisScenarioTiming(int leaseMs = 200, int pauseMs = 500, int longLeaseMs = 10000)
    {
        LeaseMs = leaseMs is < 10 or > 10000
            ? throw Guard.OutOfRange(nameof(leaseMs), "an integer in [10, 10000]", Text(leaseMs))
            : leaseMs;
        PauseMs = pauseMs < leaseMs + 100
            ? throw Guard.OutOfRange(nameof(pauseMs), $"an integer >= leaseMs + 100 = {Text(leaseMs + 100)}", Text(pauseMs))
            : pauseMs;
        var longLeaseFloor = Math.Max(5000, 10 * pauseMs);
        LongLeaseMs = longLeaseMs < longLeaseFloor
            ? throw Guard.OutOfRange(nameof(longLeaseMs), $"an integer >= max(5000, 10 × pauseMs) = {Text(longLeaseFloor)}", Text(longLeaseMs))
            : longLeaseMs;
    }

    /// <summary>The paused client's lease, in milliseconds.</summary>
    /// <value>The default is 200 ms.</value>
    public int LeaseMs { get; }

    /// <summary>How long the client pauses, in milliseconds.</summary>
    /// <value>The default is 500 ms: 300 ms past the lease.</value>
    public int PauseMs { get; }

    /// <summary>The other client's lease, in milliseconds: long enough never to lapse during a scenario.</summary>
    /// <value>The default is 10,000 ms.</value>
    public int LongLeaseMs { get; }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
