namespace Workbook.Core.Physics;

/// <summary>
/// A published round-trip time between two places: one row of <c>data/latency/measured-rtt.csv</c>,
/// with the physical limit it must respect.
/// </summary>
/// <param name="Route">A description of the path, e.g. "New York-London via EXA Express (formerly Hibernia Express)".</param>
/// <param name="From">One end.</param>
/// <param name="To">The other end.</param>
/// <param name="RttMs">The reported round-trip time in milliseconds.</param>
/// <param name="Bound">How to read <paramref name="RttMs"/>: a value, an upper bound, or one end of a range.</param>
/// <param name="Path">Fiber cable, public Internet, or microwave.</param>
/// <param name="Link">
/// The named cable system or radio link, e.g. "Hibernia Express = EXA Express" (one cable under its
/// old and new name, so two rows can be two measurements of the same link); null for the public Internet.
/// </param>
/// <param name="Source">Where the figure was reported.</param>
/// <param name="Year">The year of the report, or null when the reference table does not give one.</param>
/// <remarks>
/// No fiber route can beat <see cref="FiberLimitRoundTripMs"/>. Real cables run a few percent above
/// it, public Internet paths far above it (<see cref="RouteOptions.TypicalInternetStretch"/>). A
/// microwave link can run below it, because radio in air moves at 0.9997 c; compare those with
/// <see cref="PhysicalLimitRoundTripMs"/> and <see cref="Medium.MicrowaveAir"/> or <see cref="Medium.Vacuum"/>.
/// </remarks>
public sealed record MeasuredRoute(
    string Route,
    City From,
    City To,
    double RttMs,
    RttBound Bound,
    TransmissionPath Path,
    string? Link,
    string Source,
    int? Year)
{
    private readonly City from = From ?? throw new ArgumentNullException(nameof(From));
    private readonly City to = To ?? throw new ArgumentNullException(nameof(To));
    private readonly double rttMs = Guard.PositiveFinite(RttMs, nameof(RttMs));

    /// <summary>One end of the route.</summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public City From
    {
        get => from;
        init => from = value ?? throw new ArgumentNullException(nameof(From));
    }

    /// <summary>The other end of the route.</summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public City To
    {
        get => to;
        init => to = value ?? throw new ArgumentNullException(nameof(To));
    }

    /// <summary>The reported round-trip time in milliseconds; a finite number &gt; 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to NaN, an infinity, zero or a negative value.</exception>
    public double RttMs
    {
        get => rttMs;
        init => rttMs = Guard.PositiveFinite(value, nameof(RttMs));
    }

    /// <summary>The WGS84 geodesic distance between <see cref="From"/> and <see cref="To"/>, in kilometres (Vincenty).</summary>
    public double GreatCircleKm => Geodesic.VincentyKm(From.Location, To.Location);

    /// <summary>
    /// The shortest round trip physics allows between the endpoints in standard fiber: twice the
    /// great-circle distance at c / 1.4682, in milliseconds.
    /// </summary>
    public double FiberLimitRoundTripMs => PhysicalLimitRoundTripMs(Medium.StandardFiber);

    /// <summary>
    /// <see cref="RttMs"/> divided by <see cref="FiberLimitRoundTripMs"/>: how many times slower than
    /// the physical limit the measured route is. 1.05 means within 5 % of physics; below 1 means the
    /// signal did not travel in fiber.
    /// </summary>
    public double RatioToFiberLimit => RttMs / FiberLimitRoundTripMs;

    /// <summary>
    /// The round trip along the great circle in <paramref name="medium"/> with no other delay, in
    /// milliseconds.
    /// </summary>
    /// <param name="medium">The medium to assume, e.g. <see cref="Medium.Vacuum"/> for the absolute limit.</param>
    /// <exception cref="ArgumentNullException"><paramref name="medium"/> is null.</exception>
    public double PhysicalLimitRoundTripMs(Medium medium) => Propagation.RoundTripMs(GreatCircleKm, medium);
}
