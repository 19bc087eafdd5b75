namespace Workbook.Core.Resilience.Breakers;

/// <summary>
/// A breaker over the last N outcomes (a ring buffer): it opens when the window holds at least the
/// minimum number of calls and the failed fraction reaches the ratio; after the open duration it lets
/// a limited number of probes through, closes when all of them succeed and re-opens on the first failure.
/// </summary>
/// <remarks>
/// Use <see cref="Execute{T}"/> with a fallback, or <see cref="AllowRequest"/> with <see cref="RecordSuccess"/>
/// / <see cref="RecordFailure"/>. One lock guards everything (the production track removes it from the hot
/// path); <see cref="StateChanged"/> is raised inside it, in order. The window is cleared on every
/// transition, so a closed breaker starts counting afresh, as in resilience4j.
/// </remarks>
public sealed class IntermediateBreaker
{
    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly bool[] _failed;
    private int _next;
    private int _count;
    private int _failures;
    private BreakerState _state = BreakerState.Closed;
    private DateTimeOffset _openedAt;
    private int _probesOut;
    private int _probesSucceeded;

    /// <summary>Creates a closed breaker.</summary>
    /// <param name="options">The validated options.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> in production, a fake one in tests.</param>
    public IntermediateBreaker(IntermediateBreakerOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        Options = options;
        _time = timeProvider;
        _failed = new bool[options.WindowSize];
    }

    /// <summary>Raised on every state change, inside the breaker's lock (so in order).</summary>
    public event Action<BreakerTransition>? StateChanged;

    /// <summary>The options the breaker was built with.</summary>
    public IntermediateBreakerOptions Options { get; }

    /// <summary>The state now; an open breaker whose duration has passed reads <see cref="BreakerState.HalfOpen"/>.</summary>
    public BreakerState State
    {
        get
        {
            lock (_gate)
            {
                MoveToHalfOpenIfDue();
                return _state;
            }
        }
    }

    /// <summary>True when a call may go ahead: closed, or one of the half-open probes not yet handed out.</summary>
    public bool AllowRequest()
    {
        lock (_gate)
        {
            MoveToHalfOpenIfDue();
            if (_state == BreakerState.Closed)
            {
                return true;
            }

            if (_state == BreakerState.HalfOpen && _probesOut < Options.HalfOpenProbes)
            {
                _probesOut++;
                return true;
            }

            return false;
        }
    }

    /// <summary>Records a successful call.</summary>
    public void RecordSuccess()
    {
        lock (_gate)
        {
            if (_state == BreakerState.Closed)
            {
                Push(failed: false);
            }
            else if (_state == BreakerState.HalfOpen && ++_probesSucceeded == Options.HalfOpenProbes)
            {
                MoveTo(BreakerState.Closed);
            }
        }
    }

    /// <summary>Records a failed call; may open the breaker.</summary>
    public void RecordFailure()
    {
        lock (_gate)
        {
            if (_state == BreakerState.HalfOpen)
            {
                Open();
            }
            else if (_state == BreakerState.Closed)
            {
                Push(failed: true);
                if (_count >= Options.MinimumCalls && _failures / (double)_count >= Options.FailureRatio)
                {
                    Open();
                }
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="action"/> through the breaker. When the breaker rejects the call, or the action
    /// throws (recorded as a failure), returns <paramref name="fallback"/>() instead.
    /// </summary>
    public T Execute<T>(Func<T> action, Func<T> fallback)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(fallback);
        if (!AllowRequest())
        {
            return fallback();
        }

        T result;
        try
        {
            result = action();
        }
        catch (Exception)
        {
            RecordFailure();
            return fallback();
        }

        RecordSuccess();
        return result;
    }

    private void Push(bool failed)
    {
        if (_count == _failed.Length)
        {
            _failures -= _failed[_next] ? 1 : 0; // the oldest outcome leaves the window
        }
        else
        {
            _count++;
        }

        _failed[_next] = failed;
        _failures += failed ? 1 : 0;
        _next = (_next + 1) % _failed.Length;
    }

    private void Open()
    {
        _openedAt = _time.GetUtcNow();
        MoveTo(BreakerState.Open);
    }

    private void MoveToHalfOpenIfDue()
    {
        if (_state == BreakerState.Open && _time.GetUtcNow() - _openedAt >= Options.OpenDuration)
        {
            MoveTo(BreakerState.HalfOpen);
        }
    }

    private void MoveTo(BreakerState to)
    {
        var from = _state;
        _state = to;
        _count = _failures = _next = 0;
        _probesOut = _probesSucceeded = 0;
        StateChanged?.Invoke(new BreakerTransition(from, to, _time.GetUtcNow(), Manual: false));
    }
}
