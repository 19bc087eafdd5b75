namespace Workbook.Core.Resilience.Policies;

/// <summary>
/// Cancels a call that has not finished after <see cref="TimeoutMilliseconds"/> and throws <see cref="TimeoutException"/>;
/// <see cref="Clip"/> is the same rule as a pure function of a simulated call's duration.
/// </summary>
/// <remarks>
/// Cooperative, like Polly's default: the call must honour the token it is given. Inside a retry, every attempt gets its
/// own deadline; outside it, one deadline covers all attempts and their backoff delays.
/// </remarks>
public sealed class TimeoutPolicy : IResiliencePolicy
{
    private readonly TimeProvider _time;

    /// <summary>Creates the policy.</summary>
    /// <param name="timeoutMilliseconds">The deadline in ms; a finite number &gt; 0.</param>
    /// <param name="timeProvider">The clock the deadline runs on.</param>
    public TimeoutPolicy(double timeoutMilliseconds, TimeProvider timeProvider)
    {
        TimeoutMilliseconds = Guard.PositiveFinite(timeoutMilliseconds, nameof(timeoutMilliseconds));
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
    }

    /// <summary>The deadline in milliseconds.</summary>
    public double TimeoutMilliseconds { get; }

    /// <summary>What the caller sees of a call that would take <paramref name="callMilliseconds"/>: it waits min(call, timeout).</summary>
    /// <param name="callMilliseconds">How long the call would take, in ms (&gt;= 0; +∞ for a call that never answers).</param>
    /// <returns>The time the caller waits and whether the deadline cut the call off.</returns>
    public TimeoutOutcome Clip(double callMilliseconds)
    {
        if (double.IsNaN(callMilliseconds) || callMilliseconds < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(callMilliseconds), callMilliseconds, "Must be a number >= 0 (+∞ allowed).");
        }

        return callMilliseconds > TimeoutMilliseconds
            ? new TimeoutOutcome(TimeoutMilliseconds, TimedOut: true)
            : new TimeoutOutcome(callMilliseconds, TimedOut: false);
    }

    /// <inheritdoc />
    public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        using var deadline = new CancellationTokenSource(TimeSpan.FromMilliseconds(TimeoutMilliseconds), _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            return await next(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The call did not finish within {Guard.Format(TimeoutMilliseconds)} ms.");
        }
    }
}
