namespace Workbook.Core.Episodes.Ep22BuildingBreakers;

/// <summary>A clock set by hand to a scenario's logical time, so that the library's breakers (which read a <see cref="TimeProvider"/>) can replay scenario files.</summary>
internal sealed class LogicalClock : TimeProvider
{
    private static readonly DateTimeOffset Origin = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private DateTimeOffset now = Origin;

    /// <summary>Moves the clock to <paramref name="time"/> units after the origin.</summary>
    public void Set(double time, TimeSpan unit) => now = Origin + (unit * time);

    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow() => now;
}
