namespace Workbook.Core.Physics;

/// <summary>
/// A transmission medium, described by how fast a signal crosses it relative to light in vacuum.
/// </summary>
/// <param name="Name">A short human-readable name, e.g. "Standard single-mode fiber".</param>
/// <param name="VelocityFactor">
/// v / c, the signal speed as a fraction of the speed of light in vacuum; must be in (0, 1].
/// </param>
/// <param name="Source">Where the velocity factor comes from (datasheet, paper, definition).</param>
/// <remarks>
/// Datasheets for glass quote an index n, the reciprocal of the velocity factor (v / c = 1 / n). A
/// latency needs the <i>group</i> index (how fast a pulse moves), not the phase (refractive) index
/// (how fast wave crests move): for SMF-28 at 1550 nm they are 1.4682 and 1.4440 (see
/// <see cref="FusedSilica"/>), and the phase index understates the delay by 1.65 %. Use
/// <see cref="FromGroupIndex"/> for an optical datasheet and <see cref="FromVelocityFactor"/> for a
/// cable's "nominal velocity of propagation". The velocity factor is validated at construction and in
/// <c>with</c> expressions.
/// </remarks>
public sealed record Medium(string Name, double VelocityFactor, string Source)
{
    private readonly string name = Guard.NotBlank(Name, nameof(Name));
    private readonly double velocityFactor = Guard.InRangeExclusiveInclusive(VelocityFactor, 0, 1, nameof(VelocityFactor));
    private readonly string source = Guard.NotBlank(Source, nameof(Source));

    /// <summary>A short human-readable name.</summary>
    /// <exception cref="ArgumentException">Set to an empty or blank string (<see cref="ArgumentNullException"/> for null).</exception>
    public string Name
    {
        get => name;
        init => name = Guard.NotBlank(value, nameof(Name));
    }

    /// <summary>v / c, in (0, 1]. 1 is vacuum; standard fiber is about 0.681.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to NaN, an infinity, or a value outside (0, 1].</exception>
    public double VelocityFactor
    {
        get => velocityFactor;
        init => velocityFactor = Guard.InRangeExclusiveInclusive(value, 0, 1, nameof(VelocityFactor));
    }

    /// <summary>Where the velocity factor comes from.</summary>
    /// <exception cref="ArgumentException">Set to an empty or blank string (<see cref="ArgumentNullException"/> for null).</exception>
    public string Source
    {
        get => source;
        init => source = Guard.NotBlank(value, nameof(Source));
    }

    /// <summary>Signal speed in the medium, in kilometres per second (c × velocity factor).</summary>
    public double SpeedKmPerSecond => PhysicalConstants.SpeedOfLightKmPerSecond * VelocityFactor;

    /// <summary>
    /// One-way delay per kilometre, in microseconds. Vacuum is about 3.336 µs/km; standard fiber
    /// about 4.897 µs/km, the "5 µs per km" rule of thumb.
    /// </summary>
    public double DelayMicrosecondsPerKm => 1_000_000.0 / SpeedKmPerSecond;

    /// <summary>Light in vacuum: velocity factor exactly 1. The floor under every other medium.</summary>
    public static Medium Vacuum { get; } = FromVelocityFactor(
        "Vacuum",
        1.0,
        "SI definition of the metre: c = 299,792,458 m/s exactly");

    /// <summary>
    /// Standard single-mode fiber (Corning SMF-28) at 1550 nm: group index 1.4682, velocity factor
    /// about 0.6811, about 4.90 µs per km one way. The spread between datasheets moves a
    /// transatlantic round trip by well under 0.1 ms.
    /// </summary>
    public static Medium StandardFiber { get; } = FromGroupIndex(
        "Standard single-mode fiber (SMF-28, 1550 nm)",
        1.4682,
        "Corning SMF-28 product information sheet: group index 1.4682 at 1550 nm (other sheets 1.467-1.468; 1.4719 at 1310 nm)");

    /// <summary>
    /// Hollow-core fiber: light travels mostly in air inside the fiber, at about 0.997 c, roughly
    /// 46 % faster than standard fiber.
    /// </summary>
    public static Medium HollowCoreFiber { get; } = FromVelocityFactor(
        "Hollow-core fiber",
        0.997,
        "Poletti et al., Nature Photonics 2013 (Southampton): about 0.997 c");

    /// <summary>
    /// Copper twisted pair with a typical velocity factor of 0.66. Real cables range from about
    /// 0.64 to 0.70; treat this as typical, not exact.
    /// </summary>
    public static Medium CopperTwistedPair { get; } = FromVelocityFactor(
        "Copper twisted pair",
        0.66,
        "Cable datasheets (nominal velocity of propagation): typically 0.64-0.70 depending on the cable; 0.66 is a typical value");

    /// <summary>
    /// Microwave through air at sea level: refractive index about 1.0003, so about 0.9997 c; air is
    /// non-dispersive at microwave frequencies, so its group and phase indices coincide.
    /// </summary>
    public static Medium MicrowaveAir { get; } = FromGroupIndex(
        "Microwave through air (sea level)",
        1.0003,
        "Radio refractive index of air at sea level about 1.0003 (refractivity N about 300-320; see ITU-R P.453), so about 0.9997 c");

    /// <summary>All the media above, fastest first.</summary>
    public static IReadOnlyList<Medium> All { get; } =
        [Vacuum, MicrowaveAir, HollowCoreFiber, StandardFiber, CopperTwistedPair];

    /// <summary>
    /// Creates a medium from a group index n (v = c / n), the figure optical datasheets give.
    /// </summary>
    /// <param name="name">A short human-readable name.</param>
    /// <param name="groupIndex">The group index; a finite number &gt;= 1 (1 is vacuum).</param>
    /// <param name="source">Where the index comes from.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="groupIndex"/> is NaN, infinite or below 1.</exception>
    public static Medium FromGroupIndex(string name, double groupIndex, string source)
    {
        Guard.AtLeastFinite(groupIndex, 1, nameof(groupIndex));
        return new Medium(name, 1.0 / groupIndex, source);
    }

    /// <summary>
    /// Creates a medium from a velocity factor v / c, the figure cable datasheets give as
    /// "nominal velocity of propagation".
    /// </summary>
    /// <param name="name">A short human-readable name.</param>
    /// <param name="velocityFactor">v / c; a finite number in (0, 1].</param>
    /// <param name="source">Where the velocity factor comes from.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="velocityFactor"/> is NaN, infinite or outside (0, 1].</exception>
    public static Medium FromVelocityFactor(string name, double velocityFactor, string source)
    {
        Guard.InRangeExclusiveInclusive(velocityFactor, 0, 1, nameof(velocityFactor));
        return new Medium(name, velocityFactor, source);
    }
}
