using Workbook.Core.Simulation;

namespace Workbook.Core.Resilience.Policies;

/// <summary>
/// Retry amplification through a stack of services: with L layers that each retry r times, one request can reach the
/// bottom dependency up to (r + 1)^L times.
/// </summary>
/// <remarks>
/// <see cref="Simulate"/> plays one request call by call; <see cref="ExpectedCalls"/> is the closed form when each bottom
/// call fails independently with probability p: a layer whose inner calls fail with probability q makes
/// (1 − q^(r+1)) / (1 − q) inner calls on average (r + 1 when q = 1) and fails with probability q^(r+1).
/// </remarks>
public static class RetryAmplification
{
    /// <summary>The most calls one request can make on the bottom dependency: (r + 1)^L.</summary>
    /// <param name="layers">Layers that retry, L; an integer in [0, 30].</param>
    /// <param name="retriesPerLayer">Retries per layer, r; an integer in [0, 100].</param>
    /// <returns>(r + 1)^L as a double (exact up to 2^53).</returns>
    public static double WorstCase(int layers, int retriesPerLayer)
    {
        Check(layers, retriesPerLayer);
        return Math.Pow(retriesPerLayer + 1, layers);
    }

    /// <summary>The expected calls on the bottom dependency per request when each of them fails with probability p.</summary>
    /// <param name="layers">Layers that retry, L; in [0, 30].</param>
    /// <param name="retriesPerLayer">Retries per layer, r; in [0, 100].</param>
    /// <param name="failureProbability">The probability p that one bottom call fails; in [0, 1].</param>
    /// <returns>The product over layers of the expected inner calls per outer call.</returns>
    public static double ExpectedCalls(int layers, int retriesPerLayer, double failureProbability)
    {
        Check(layers, retriesPerLayer);
        var q = Guard.Probability(failureProbability, nameof(failureProbability));
        var calls = 1.0;
        for (var layer = 0; layer < layers; layer++)
        {
            // Geometric sum 1 + q + … + q^r: the (i+1)-th inner call happens when the first i failed.
            var perCall = 0.0;
            var reach = 1.0;
            for (var i = 0; i <= retriesPerLayer; i++)
            {
                perCall += reach;
                reach *= q;
            }

            calls *= perCall;
            q = Math.Pow(q, retriesPerLayer + 1);
        }

        return calls;
    }

    /// <summary>Plays one request through <paramref name="layers"/> retrying layers and counts the bottom calls.</summary>
    /// <param name="layers">Layers that retry, L; in [0, 30].</param>
    /// <param name="retriesPerLayer">Retries per layer, r; in [0, 100].</param>
    /// <param name="failureProbability">The probability that one bottom call fails; in [0, 1].</param>
    /// <param name="random">The seeded generator (one draw per bottom call).</param>
    /// <returns>How many calls reached the bottom dependency.</returns>
    public static long Simulate(int layers, int retriesPerLayer, double failureProbability, ref Xoshiro256StarStar random)
    {
        Check(layers, retriesPerLayer);
        Guard.Probability(failureProbability, nameof(failureProbability));
        long calls = 0;
        Call(layers, retriesPerLayer, failureProbability, ref random, ref calls);
        return calls;
    }

    // Returns whether the call at this layer succeeded; a layer calls the one below until it succeeds or runs out of retries.
    private static bool Call(int layer, int retries, double p, ref Xoshiro256StarStar random, ref long calls)
    {
        if (layer == 0)
        {
            calls++;
            return random.NextDouble() >= p;
        }

        for (var attempt = 0; attempt <= retries; attempt++)
        {
            if (Call(layer - 1, retries, p, ref random, ref calls))
            {
                return true;
            }
        }

        return false;
    }

    private static void Check(int layers, int retriesPerLayer)
    {
        Guard.InRangeInclusive(layers, 0, 30, nameof(layers));
        Guard.InRangeInclusive(retriesPerLayer, 0, 100, nameof(retriesPerLayer));
    }
}
