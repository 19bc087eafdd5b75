namespace Workbook.Core.Simulation;

/// <summary>
/// Standard normal variates by Marsaglia's polar method, which yields them in pairs; the second of
/// each pair is kept in the struct for the next call.
/// </summary>
/// <remarks>
/// <para>
/// Draw a point (u, v) uniformly in the square [−1, 1]², and retry until it falls inside the unit
/// circle, 0 &lt; s = u² + v² &lt; 1 (this happens with probability π/4 ≈ 0.785). Then
/// u·√(−2 ln s / s) and v·√(−2 ln s / s) are two independent standard normal numbers. It is
/// Box–Muller with the angle taken from the point itself, so it needs no sine or cosine. Reference:
/// G. Marsaglia and T. A. Bray, "A convenient method for generating normal variables", SIAM Review
/// 6(3), 1964.
/// </para>
/// <para>
/// The cached spare is two fields of this struct, not a heap object, so caching allocates nothing;
/// the owner (for example <c>Queueing.Simulation.LognormalService</c>) must be a mutable struct held in a variable for the
/// cache to persist between calls.
/// </para>
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
