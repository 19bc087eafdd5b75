using System.Globalization;

namespace Workbook.Core.Resilience.Breakers;

/// <summary>A clock that moves only when told to: the deterministic time of scenario runs and notebook timelines.</summary>
/// <remarks>
/// Timestamps are <see cref="DateTimeOffset"/> ticks (10^7 per second), so durations convert exactly.
/// Timers are not supported (<see cref="CreateTimer"/> throws): the breakers read time, they never wait.
/// Tests use Microsoft.Extensions.TimeProvider.Testing's <c>FakeTimeProvider</c>, which the library cannot reference.
/// </remarks>
public sealed class ManualTimeProvider : TimeProvider
{
    private long _utcTicks;

    /// <summary>Creates a clock reading <paramref name="start"/>.</summary>
    /// <param name="start">The first time the clock reads.</param>
    public ManualTimeProvider(DateTimeOffset start) => _utcTicks = start.UtcTicks;

    /// <inheritdoc/>
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    /// <inheritdoc/>
    public override long GetTimestamp() => Interlocked.Read(ref _utcTicks);

    /// <summary>Moves the clock to <paramref name="value"/>; never backwards.</summary>
    /// <param name="value">The new time; not before the current one.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is before the current time.</exception>
    public void SetUtcNow(DateTimeOffset value)
    {
        long now = Interlocked.Read(ref _utcTicks);
        if (value.UtcTicks < now)
        {
            throw Guard.OutOfRange(nameof(value), "a time not before the clock's current time", value.ToString("O", CultureInfo.InvariantCulture));
        }

        Interlocked.Exchange(ref _utcTicks, value.UtcTicks);
    }

    /// <summary>Moves the clock forward by <paramref name="delta"/>.</summary>
    /// <param name="delta">How far; zero or more.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delta"/> is negative.</exception>
    public void Advance(TimeSpan delta)
    {
        if (delta < TimeSpan.Zero)
        {
            throw Guard.OutOfRange(nameof(delta), "a duration >= 0", delta.ToString());
        }

        Interlocked.Add(ref _utcTicks, delta.Ticks);
    }

    /// <summary>Not supported: this clock only moves when told to, so a timer would never be due on its own.</summary>
    /// <exception cref="NotSupportedException">Always.</exception>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        throw new NotSupportedException("ManualTimeProvider has no timers; the breakers only read the time.");
}
