using Workbook.Core.Physics;
using Workbook.Core.Simulation;

namespace Workbook.Core.Tests.Physics;

internal static class RandomPoints
{
    /// <summary>A point uniformly distributed over the sphere (uniform in sin φ, not in φ).</summary>
    public static GeoPoint Uniform(ref Xoshiro256StarStar random)
    {
        double latitude = Math.Asin(2.0 * random.NextDouble() - 1.0) * 180.0 / Math.PI;
        double longitude = 360.0 * random.NextDouble() - 180.0;
        return new GeoPoint(latitude, longitude);
    }
}
