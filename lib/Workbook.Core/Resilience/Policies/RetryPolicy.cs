using Workbook.Core.Simulation;

namespace Workbook.Core.Resilience.Policies;

/// <summary>
/// Retries a failed call after exponential backoff delays (<see cref="Backoff"/>), waiting on a <see cref="TimeProvider"/>;
/// optionally asks a <see cref="RetryBudget"/> before each retry.
/// </summary>
/// <remarks>
/// Retries every exception except an open circuit (<see cref="BrokenCircuitException"/>: retrying it only waits
/// for the same answer) and a cancellation by the caller. Seeded: the same seed gives the same delays. Not thread-safe
/// (one instance per logical caller, or give each its own seed).
/// </remarks>
public sealed class RetryPolicy : IResiliencePolicy
{
    private readonly TimeProvider _time;
    private readonly RetryBudget? _budget;
    private Xoshiro256StarStar _random;

    /// <summary>Creates the policy.</summary>
    /// <param name="options">The backoff.</param>
    /// <param name="timeProvider">The clock the delays wait on.</param>
    /// <param name="seed">The seed of the jitter.</param>
    /// <param name="budget">An optional retry budget shared by the client's requests.</param>
    public RetryPolicy(BackoffOptions options, TimeProvider timeProvider, long seed, RetryBudget? budget = null)
    {
        Options = options ?? throw new ArgumentNullException(nameof(options));
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _random = new Xoshiro256StarStar(seed);
        _budget = budget;
    }

    /// <summary>The backoff options.</summary>
    public BackoffOptions Options { get; }

    /// <inheritdoc />
    public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        _budget?.RecordRequest(Now());
        var previous = Options.BaseDelayMilliseconds;
        for (var retry = 0; ; retry++)
        {
            try
            {
                return await next(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (retry < Options.MaxRetryAttempts && ShouldRetry(e, cancellationToken)
                                      && (_budget is null || _budget.TryRetry(Now())))
            {
                previous = Backoff.NextDelay(Options, retry, previous, ref _random);
                await Task.Delay(TimeSpan.FromMilliseconds(previous), _time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static bool ShouldRetry(Exception e, CancellationToken token) =>
        e is not BrokenCircuitException && !(e is OperationCanceledException && token.IsCancellationRequested);

    private double Now() => _time.GetElapsedTime(0).TotalMilliseconds;
}
