namespace Workbook.Core.Physics;

/// <summary>
/// Exact physical constants the latency models are built on.
/// </summary>
/// <remarks>
/// Since 1983 the metre has been defined from the speed of light, so 299,792,458 m/s is exact. Every
/// signal a network sends is slower, so it is the floor under every latency in the workbook.
/// Source: SI Brochure (BIPM, 9th edition, 2019), the definition of the metre.
/// </remarks>
public static class PhysicalConstants
{
    /// <summary>The speed of light in vacuum, c, in metres per second (exact, by the SI definition).</summary>
    public const double SpeedOfLightMetersPerSecond = 299_792_458.0;

    /// <summary>The speed of light in vacuum in kilometres per second (c / 1000).</summary>
    public const double SpeedOfLightKmPerSecond = SpeedOfLightMetersPerSecond / 1000.0;
}
