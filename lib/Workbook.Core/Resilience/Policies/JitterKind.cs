namespace Workbook.Core.Resilience.Policies;

/// <summary>How a retry delay is randomised around the exponential ceiling min(cap, base·2^k).</summary>
/// <remarks>
/// The four strategies of Marc Brooker, "Exponential Backoff And Jitter", AWS Architecture Blog, 2015.
/// See <see cref="Backoff.NextDelay(BackoffOptions, int, double, double)"/> for each formula.
/// </remarks>
public enum JitterKind
{
    /// <summary>No randomness: the delay is the ceiling itself, so clients that failed together retry together.</summary>
    None,

    /// <summary>Full jitter: uniform on [0, ceiling].</summary>
    Full,

    /// <summary>Equal jitter: half the ceiling plus a uniform draw on [0, ceiling / 2].</summary>
    Equal,

    /// <summary>Decorrelated jitter: min(cap, uniform on [base, 3 × previous delay]); depends on the previous delay, not on k.</summary>
    Decorrelated,
}
