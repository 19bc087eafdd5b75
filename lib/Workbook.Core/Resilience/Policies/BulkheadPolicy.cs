namespace Workbook.Core.Resilience.Policies;

/// <summary>
/// A bulkhead: at most <see cref="MaxConcurrent"/> calls run at once, at most <see cref="MaxQueue"/> more wait
/// (first come, first served), and any call beyond that is rejected at once with <see cref="BulkheadRejectedException"/>.
/// </summary>
/// <remarks>
/// It caps what one dependency can take from the caller (threads, sockets), so a slow dependency cannot use them all.
/// A finishing call hands its slot straight to the oldest waiter. Polly v8 calls this a concurrency limiter.
/// Thread-safe (one lock around the counters).
/// </remarks>
public sealed class BulkheadPolicy : IResiliencePolicy
{
    private readonly object _gate = new();
    private readonly Queue<TaskCompletionSource> _waiting = new();
    private int _running;

    /// <summary>Creates the bulkhead.</summary>
    /// <param name="maxConcurrent">Calls that may run at once; an integer &gt;= 1.</param>
    /// <param name="maxQueue">Calls that may wait for a slot; an integer &gt;= 0.</param>
    public BulkheadPolicy(int maxConcurrent, int maxQueue)
    {
        MaxConcurrent = Guard.Positive(maxConcurrent, nameof(maxConcurrent));
        MaxQueue = Guard.NonNegative(maxQueue, nameof(maxQueue));
    }

    /// <summary>Calls that may run at once.</summary>
    public int MaxConcurrent { get; }

    /// <summary>Calls that may wait for a slot.</summary>
    public int MaxQueue { get; }

    /// <summary>Calls running now.</summary>
    public int Running
    {
        get
        {
            lock (_gate)
            {
                return _running;
            }
        }
    }

    /// <summary>Calls waiting now.</summary>
    public int Queued
    {
        get
        {
            lock (_gate)
            {
                return _waiting.Count;
            }
        }
    }

    /// <inheritdoc />
    public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        TaskCompletionSource? ticket = null;
        lock (_gate)
        {
            if (_running < MaxConcurrent)
            {
                _running++;
            }
            else if (_waiting.Count < MaxQueue)
            {
                ticket = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiting.Enqueue(ticket);
            }
            else
            {
                throw new BulkheadRejectedException();
            }
        }

        if (ticket is not null)
        {
            await ticket.Task.ConfigureAwait(false);   // the slot was handed over by a finishing call
        }

        try
        {
            return await next(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Release();
        }
    }

    private void Release()
    {
        TaskCompletionSource? nextInLine = null;
        lock (_gate)
        {
            if (!_waiting.TryDequeue(out nextInLine))
            {
                _running--;
            }
        }

        nextInLine?.SetResult();
    }
}
