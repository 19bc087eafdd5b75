namespace Workbook.Core.Resilience.Breakers;

/// <summary>
/// The smallest useful circuit breaker: it opens after <c>failureThreshold</c> consecutive failures,
/// lets one trial call through once <c>resetTimeout</c> has passed, and closes on that call's success
/// or re-opens on its failure.
/// </summary>
/// <remarks>
/// Use: <c>if (breaker.AllowRequest()) { call; breaker.RecordSuccess() or RecordFailure() }</c>.
/// Every method takes one lock, which keeps the class short and obviously correct; the production
/// track (<see cref="ProductionBreaker"/>) shows how to avoid the lock on the hot path. This is
/// Polly's consecutive-failures breaker (Polly v7 <c>CircuitBreaker(n, duration)</c>) in miniature.
/// </remarks>
public sealed class BeginnerBreaker
{
    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private BreakerState _state = BreakerState.Closed;
    private int _consecutiveFailures;
    private DateTimeOffset _openedAt;
    private bool _trialOut;

    /// <summary>Creates a closed breaker.</summary>
    /// <param name="failureThreshold">Consecutive failures that open the breaker; an integer &gt;= 1.</param>
    /// <param name="resetTimeout">How long the breaker stays open before a trial call; a duration &gt; 0.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> in production, a fake one in tests.</param>
    /// <exception cref="ArgumentOutOfRangeException">A threshold below 1 or a timeout that is not positive.</exception>
    public BeginnerBreaker(int failureThreshold, TimeSpan resetTimeout, TimeProvider timeProvider)
    {
        FailureThreshold = Guard.AtLeast(failureThreshold, 1, nameof(failureThreshold));
        ResetTimeout = resetTimeout > TimeSpan.Zero
            ? resetTimeout
            : throw Guard.OutOfRange(nameof(resetTimeout), "a duration > 0", resetTimeout.ToString());
        ArgumentNullException.ThrowIfNull(timeProvider);
        _time = timeProvider;
    }

    /// <summary>Consecutive failures that open the breaker.</summary>
    public int FailureThreshold { get; }

    /// <summary>How long the breaker stays open before a trial call.</summary>
    public TimeSpan ResetTimeout { get; }

    /// <summary>The state now; an open breaker whose timeout has passed reads <see cref="BreakerState.HalfOpen"/>.</summary>
    public BreakerState State
    {
        get
        {
            lock (_gate)
            {
                MoveToHalfOpenIfTimeoutPassed();
                return _state;
            }
        }
    }

    /// <summary>True when a call may go ahead now: closed, or the one trial call of the half-open state.</summary>
    public bool AllowRequest()
    {
        lock (_gate)
        {
            MoveToHalfOpenIfTimeoutPassed();
            if (_state == BreakerState.Closed)
            {
                return true;
            }

            if (_state == BreakerState.HalfOpen && !_trialOut)
            {
                _trialOut = true;
                return true;
            }

            return false;
        }
    }

    /// <summary>Records a successful call: the failure streak ends, and a half-open breaker closes.</summary>
    public void RecordSuccess()
    {
        lock (_gate)
        {
            if (_state == BreakerState.Open)
            {
                return; // a late answer from a call made before the breaker opened
            }

            _consecutiveFailures = 0;
            _state = BreakerState.Closed;
            _trialOut = false;
        }
    }

    /// <summary>Records a failed call: the streak grows, and reaching the threshold (or failing the trial) opens the breaker.</summary>
    public void RecordFailure()
    {
        lock (_gate)
        {
            if (_state == BreakerState.Open)
            {
                return; // a late answer: it must not extend the break
            }

            _consecutiveFailures++;
            if (_state == BreakerState.HalfOpen || _consecutiveFailures >= FailureThreshold)
            {
                _state = BreakerState.Open;
                _openedAt = _time.GetUtcNow();
                _trialOut = false;
            }
        }
    }

    private void MoveToHalfOpenIfTimeoutPassed()
    {
        if (_state == BreakerState.Open && _time.GetUtcNow() - _openedAt >= ResetTimeout)
        {
            _state = BreakerState.HalfOpen;
        }
    }
}
