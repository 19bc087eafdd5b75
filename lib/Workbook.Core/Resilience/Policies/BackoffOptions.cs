namespace Workbook.Core.Resilience.Policies;

/// <summary>
/// Options of an exponential backoff: the k-th retry (k = 0, 1, …) waits at most
/// min(<see cref="CapMilliseconds"/>, <see cref="BaseDelayMilliseconds"/> · 2^k), randomised by <see cref="Jitter"/>.
/// </summary>
/// <remarks>
/// Delays are in milliseconds (plain numbers, so the same options drive the simulations on simulated time).
/// <see cref="MaxRetryAttempts"/> counts retries after the first attempt, as Polly's <c>MaxRetryAttempts</c> does,
/// but 0 is allowed here (no retry at all).
/// </remarks>
public sealed record BackoffOptions
{
    /// <summary>Creates and validates the options.</summary>
    /// <param name="baseDelayMilliseconds">The first ceiling, base; a finite number &gt;= 0.</param>
    /// <param name="capMilliseconds">The largest delay, cap; finite and &gt;= <paramref name="baseDelayMilliseconds"/>.</param>
    /// <param name="maxRetryAttempts">Retries after the first attempt; an integer &gt;= 0.</param>
    /// <param name="jitter">How the delay is randomised.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is outside its range (the message names it and the range).</exception>
    public BackoffOptions(double baseDelayMilliseconds = 100, double capMilliseconds = 10_000, int maxRetryAttempts = 3, JitterKind jitter = JitterKind.Full)
    {
        BaseDelayMilliseconds = Guard.NonNegativeFinite(baseDelayMilliseconds, nameof(baseDelayMilliseconds));
        CapMilliseconds = Guard.AtLeastFinite(capMilliseconds, BaseDelayMilliseconds, nameof(capMilliseconds));
        MaxRetryAttempts = Guard.NonNegative(maxRetryAttempts, nameof(maxRetryAttempts));
        Jitter = Enum.IsDefined(jitter)
            ? jitter
            : throw new ArgumentOutOfRangeException(nameof(jitter), jitter, "Must be None, Full, Equal or Decorrelated.");
    }

    /// <summary>The ceiling of the first retry's delay, in milliseconds.</summary>
    /// <value>The default is 100 ms.</value>
    public double BaseDelayMilliseconds { get; }

    /// <summary>The largest delay any retry waits, in milliseconds.</summary>
    /// <value>The default is 10,000 ms.</value>
    public double CapMilliseconds { get; }

    /// <summary>How many retries follow a failed first attempt (so at most 1 + this many attempts).</summary>
    /// <value>The default is 3.</value>
    public int MaxRetryAttempts { get; }

    /// <summary>How the delay is randomised.</summary>
    /// <value>The default is <see cref="JitterKind.Full"/>.</value>
    public JitterKind Jitter { get; }
}
