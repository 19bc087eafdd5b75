namespace Workbook.Core.Reliability.Locks;

/// <summary>A stop-the-world pause of one client (a GC pause, a swapped-out VM), in simulated milliseconds.</summary>
/// <remarks>While a client is paused, every event addressed to it waits until the pause ends; the lock service and the storage keep running.</remarks>
public sealed record ProcessPause
{
    /// <summary>Creates and validates a pause.</summary>
    /// <param name="clientIndex">The paused client, 0-based; an integer &gt;= 0.</param>
    /// <param name="startMs">When the pause starts; a finite number &gt;= 0.</param>
    /// <param name="durationMs">How long it lasts; a finite number &gt; 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public ProcessPause(int clientIndex, double startMs, double durationMs)
    {
        ClientIndex = Guard.NonNegative(clientIndex, nameof(clientIndex));
        StartMs = Guard.NonNegativeFinite(startMs, nameof(startMs));
        DurationMs = Guard.PositiveFinite(durationMs, nameof(durationMs));
    }

    /// <summary>The paused client, 0-based.</summary>
    public int ClientIndex { get; }

    /// <summary>When the pause starts, in simulated milliseconds.</summary>
    public double StartMs { get; }

    /// <summary>How long the pause lasts, in milliseconds.</summary>
    public double DurationMs { get; }

    /// <summary>When the pause ends (<see cref="StartMs"/> + <see cref="DurationMs"/>).</summary>
    public double EndMs => StartMs + DurationMs;
}
