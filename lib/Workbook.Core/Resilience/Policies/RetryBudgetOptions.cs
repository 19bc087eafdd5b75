namespace Workbook.Core.Resilience.Policies;

/// <summary>
/// Options of a <see cref="RetryBudget"/>, with the meanings and ranges of Finagle's
/// <c>RetryBudget(ttl, minRetriesPerSec, percentCanRetry)</c>.
/// </summary>
/// <remarks>
/// Within any window of <see cref="WindowMilliseconds"/>, retries may number at most
/// <see cref="RetryRatio"/> × requests + <see cref="MinRetriesPerSecond"/> × window in seconds.
/// Finagle's defaults (10 s, 10 per second, 20 %) are this record's; its ranges: window in [1 s, 60 s],
/// ratio in [0, 1000], minimum &gt;= 0. Source: Finagle 6.31 release notes, "Retry Budgets", finagle.github.io/blog/2016/02/08/retry-budgets.
/// </remarks>
public sealed record RetryBudgetOptions
{
    /// <summary>Creates and validates the options.</summary>
    /// <param name="windowMilliseconds">How long a request or retry counts (Finagle's ttl); in [1,000, 60,000] ms.</param>
    /// <param name="minRetriesPerSecond">Retries allowed even with few requests; a finite number &gt;= 0.</param>
    /// <param name="retryRatio">Retries allowed per request (0.2 = one retry per five requests); in [0, 1000].</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is outside its range.</exception>
    public RetryBudgetOptions(double windowMilliseconds = 10_000, double minRetriesPerSecond = 10, double retryRatio = 0.2)
    {
        WindowMilliseconds = Guard.InRangeInclusive(windowMilliseconds, 1_000, 60_000, nameof(windowMilliseconds));
        MinRetriesPerSecond = Guard.NonNegativeFinite(minRetriesPerSecond, nameof(minRetriesPerSecond));
        RetryRatio = Guard.InRangeInclusive(retryRatio, 0, 1000, nameof(retryRatio));
    }

    /// <summary>How long a request or a retry counts, in milliseconds (Finagle's ttl).</summary>
    /// <value>The default is 10,000 ms, Finagle's.</value>
    public double WindowMilliseconds { get; }

    /// <summary>The reserve of retries per second of window, however few requests there were.</summary>
    /// <value>The default is 10, Finagle's.</value>
    public double MinRetriesPerSecond { get; }

    /// <summary>Retries allowed per request made in the window.</summary>
    /// <value>The default is 0.2, Finagle's 20 %.</value>
    public double RetryRatio { get; }

    /// <summary>The reserve in retries: <see cref="MinRetriesPerSecond"/> × the window in seconds.</summary>
    public double Reserve => MinRetriesPerSecond * WindowMilliseconds / 1000;
}
