using Workbook.Core.Simulation;

namespace Workbook.Core.Resilience.Policies;

/// <summary>
/// Exponential backoff with jitter as pure functions: a delay depends only on the options, the retry number
/// k (0 for the first retry), the previous delay and one uniform draw u in [0, 1).
/// </summary>
/// <remarks>
/// With ceiling c_k = min(cap, base · 2^k), following Marc Brooker, "Exponential Backoff And Jitter",
/// AWS Architecture Blog, 4 March 2015:
/// none = c_k; full = u · c_k (uniform on [0, c_k]); equal = c_k / 2 + u · c_k / 2;
/// decorrelated = min(cap, base + u · (3 · previous − base)), uniform on [base, 3 · previous], with previous = base
/// before the first retry. Decorrelated jitter ignores k: it grows by a random factor of at most 3 per retry.
/// </remarks>
public static class Backoff
{
    /// <summary>The ceiling of retry k: min(cap, base · 2^k), exact for every k (no overflow: 2^k is applied by <see cref="Math.ScaleB"/>).</summary>
    /// <param name="options">The backoff options.</param>
    /// <param name="retry">The retry number k, from 0 for the first retry.</param>
    /// <returns>The ceiling in milliseconds.</returns>
    public static double Ceiling(BackoffOptions options, int retry)
    {
        ArgumentNullException.ThrowIfNull(options);
        Guard.NonNegative(retry, nameof(retry));
        return Math.Min(options.CapMilliseconds, Math.ScaleB(options.BaseDelayMilliseconds, Math.Min(retry, 2048)));
    }

    /// <summary>The delay before retry k for a given uniform draw (deterministic: the randomness is passed in).</summary>
    /// <param name="options">The backoff options (jitter kind, base, cap).</param>
    /// <param name="retry">The retry number k, from 0.</param>
    /// <param name="previousDelay">The delay before the previous retry, in ms (decorrelated jitter only; pass base before the first retry).</param>
    /// <param name="uniform">A draw in [0, 1).</param>
    /// <returns>The delay in milliseconds, in [0, cap].</returns>
    public static double NextDelay(BackoffOptions options, int retry, double previousDelay, double uniform)
    {
        ArgumentNullException.ThrowIfNull(options);
        Guard.InRangeInclusive(uniform, 0, 1, nameof(uniform));
        var ceiling = Ceiling(options, retry);
        return options.Jitter switch
        {
            JitterKind.None => ceiling,
            JitterKind.Full => uniform * ceiling,
            JitterKind.Equal => ceiling / 2 + uniform * ceiling / 2,
            _ => Decorrelated(options, previousDelay, uniform),
        };
    }

    /// <summary>The delay before retry k, drawing the uniform number from <paramref name="random"/>.</summary>
    /// <param name="options">The backoff options.</param>
    /// <param name="retry">The retry number k, from 0.</param>
    /// <param name="previousDelay">The previous delay in ms (base before the first retry).</param>
    /// <param name="random">The seeded generator; advanced by one draw.</param>
    /// <returns>The delay in milliseconds.</returns>
    public static double NextDelay(BackoffOptions options, int retry, double previousDelay, ref Xoshiro256StarStar random) =>
        NextDelay(options, retry, previousDelay, random.NextDouble());

    /// <summary>The delays before retries 0 … <see cref="BackoffOptions.MaxRetryAttempts"/> − 1 of one failing call, from a seed.</summary>
    /// <param name="options">The backoff options.</param>
    /// <param name="seed">The seed; the same seed gives the same delays.</param>
    /// <returns>One delay in ms per retry.</returns>
    public static IReadOnlyList<double> Schedule(BackoffOptions options, long seed)
    {
        ArgumentNullException.ThrowIfNull(options);
        var random = new Xoshiro256StarStar(seed);
        var delays = new double[options.MaxRetryAttempts];
        var previous = options.BaseDelayMilliseconds;
        for (var k = 0; k < delays.Length; k++)
        {
            previous = delays[k] = NextDelay(options, k, previous, ref random);
        }

        return delays;
    }

    private static double Decorrelated(BackoffOptions options, double previousDelay, double uniform)
    {
        var low = options.BaseDelayMilliseconds;
        var high = 3 * Guard.NonNegativeFinite(previousDelay, nameof(previousDelay));
        // Implementation note: if the previous delay was below base (never, with this class's own delays),
        // the interval [base, 3·previous] is empty; the draw then stays at base.
        return Math.Min(options.CapMilliseconds, low + uniform * Math.Max(0, high - low));
    }
}
