namespace Workbook.Core.Resilience.Policies;

/// <summary>A clock that only moves when a simulation moves it: the breakers in <see cref="CompositionSimulation"/> read it.</summary>
internal sealed class SimulatedTimeProvider : TimeProvider
{
    /// <summary>The simulated time in milliseconds since the start.</summary>
    public double NowMilliseconds { get; private set; }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public void AdvanceTo(double milliseconds)
    {
        if (milliseconds < NowMilliseconds)
        {
            throw new InvalidOperationException("Simulated time must not go backwards.");
        }

        NowMilliseconds = milliseconds;
    }

    public override long GetTimestamp() => (long)Math.Round(NowMilliseconds * TimeSpan.TicksPerMillisecond);

    public override DateTimeOffset GetUtcNow() => DateTimeOffset.UnixEpoch.AddTicks(GetTimestamp());
}
