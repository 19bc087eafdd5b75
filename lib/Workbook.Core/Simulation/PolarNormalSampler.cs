namespace Workbook.Core.Simulation;

/// <summary>
/// Standard normal variates by Marsaglia's polar method, which yields them in pairs; the second of
/// each pair is kept in the struct for the next call.
/// </summary>
/// <remarks>
/// Draw (u, v) uniformly in [−1, 1]² until 0 &lt; s = u² + v² &lt; 1 (probability π/4); then
/// u·√(−2 ln s / s) and v·√(−2 ln s / s) are two independent standard normals: Box–Muller with the
/// angle taken from the point, so no sine or cosine (Marsaglia and Bray, SIAM Review 6(3), 1964).
/// The spare lives in this struct, so its owner (e.g. <c>Queueing.Simulation.LognormalService</c>)
/// must be a mutable struct held in a variable for the cache to persist.
/// </remarks>
internal struct PolarNormalSampler
{
    private double spare;
    private bool hasSpare;

    /// <summary>Returns a normal number with mean 0 and variance 1.</summary>
    public double Next(ref Xoshiro256StarStar random)
    {
        if (hasSpare)
        {
            hasSpare = false;
            return spare;
        }

        double u, v, s;
        do
        {
            u = 2.0 * random.NextDouble() - 1.0;
            v = 2.0 * random.NextDouble() - 1.0;
            s = u * u + v * v;
        }
        while (s >= 1.0 || s == 0.0);

        var scale = Math.Sqrt(-2.0 * Math.Log(s) / s);
        spare = v * scale;
        hasSpare = true;
        return u * scale;
    }
}
