namespace Workbook.Core.Physics;

/// <summary>
/// Exact physical constants the latency models are built on.
/// </summary>
/// <remarks>
/// The speed of light in vacuum is not measured any more: since 1983 the metre has been defined
/// from it, so 299,792,458 m/s is exact by definition. Every signal a network sends, whether light in
/// glass, a radio wave in air or an electrical wave on copper, travels slower than this, so it is
/// the hard floor under every latency in the workbook.
/// Source: SI Brochure (BIPM, 9th edition, 2019), the definition of the metre.
/// </remarks>
public static class PhysicalConstants
{
    /// <summary>The speed of light in vacuum, c, in metres per second (exact, by the SI definition).</summary>
    public const double SpeedOfLightMetersPerSecond = 299_792_458.0;

    /// <summary>The speed of light in vacuum in kilometres per second (c / 1000).</summary>
    public const double SpeedOfLightKmPerSecond = SpeedOfLightMetersPerSecond / 1000.0;
}
