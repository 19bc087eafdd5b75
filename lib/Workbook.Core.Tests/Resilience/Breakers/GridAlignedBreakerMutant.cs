using Workbook.Core.Resilience.Breakers;

namespace Workbook.Core.Tests.Resilience.Breakers;

// A DELIBERATELY ALTERED breaker, kept only so that the differential test can show it catches the difference: the
// round-1 ProductionBreaker (git 9442bc5) with buckets aligned to a grid from the breaker's creation, where Polly starts
// a bucket at the first call after the previous one's length. Everything else is as in the library's breaker.
internal sealed class GridAlignedBreakerMutant
{
    private const long SuccessIncrement = 1;
    private const long FailureIncrement = 1L << 32;
    private const long EmptyBucket = -1;

    private readonly object _transitionLock = new();
    private readonly TimeProvider _time;
    private readonly long _origin;
    private readonly long _bucketTicks;
    private readonly long _breakTicks;

    // Implementation note: bucket i holds the outcomes of bucket number _bucketNumber[i] (counted from
    // _origin), packed as failures << 32 | successes so that one Interlocked.Add records an outcome and
    // one read gives a consistent pair. A bucket is recycled under the lock: counts zeroed first, then
    // its new number published, so a reader that sees the new number sees zeroed counts.
    private readonly long[] _bucketNumber = new long[ProductionBreakerOptions.BucketCount];
    private readonly long[] _bucketCounts = new long[ProductionBreakerOptions.BucketCount];

    private int _state = (int)BreakerState.Closed;
    private long _blockedUntil;
    private long _probeNumber;

    /// <summary>Creates a closed breaker.</summary>
    /// <param name="options">The validated options.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> in production, a fake one in tests.</param>
    public GridAlignedBreakerMutant(ProductionBreakerOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        Options = options;
        _time = timeProvider;
        _origin = timeProvider.GetTimestamp();
        _bucketTicks = Math.Max(1, ToTimestampTicks(options.BucketDuration));
        _breakTicks = ToTimestampTicks(options.BreakDuration);
        Array.Fill(_bucketNumber, EmptyBucket);
    }

    /// <summary>Raised on every state change, inside the transition lock (so in order).</summary>
    public event Action<BreakerTransition>? StateChanged;

    /// <summary>The options the breaker was built with.</summary>
    public ProductionBreakerOptions Options { get; }

    /// <summary>The current state (a snapshot: another thread may change it right after).</summary>
    /// <remarks>An open breaker whose break duration has passed still reads <see cref="BreakerState.Open"/> until a call arrives, as in Polly.</remarks>
    public BreakerState State => (BreakerState)Volatile.Read(ref _state);

    /// <summary>Asks whether a call may go ahead now.</summary>
    /// <param name="permit">When granted, the permit to pass to <see cref="RecordSuccess"/> or <see cref="RecordFailure"/>.</param>
    /// <returns>True when the call may go ahead; false when the breaker rejects it (open, isolated, or a probe already out).</returns>
    public bool TryAcquire(out CallPermit permit)
    {
        permit = default;
        var state = (BreakerState)Volatile.Read(ref _state);
        if (state == BreakerState.Closed)
        {
            return true;
        }

        if (state == BreakerState.Isolated || _time.GetTimestamp() < Volatile.Read(ref _blockedUntil))
        {
            return false;
        }

        lock (_transitionLock)
        {
            state = (BreakerState)_state;
            long now = _time.GetTimestamp();
            if (state == BreakerState.Closed)
            {
                return true;
            }

            if (state == BreakerState.Isolated || now < _blockedUntil)
            {
                return false;
            }

            // Open with the break over, or half-open with the probe overdue: this call is the (new) probe.
            _probeNumber++;
            Volatile.Write(ref _blockedUntil, now + _breakTicks);
            if (state == BreakerState.Open)
            {
                MoveTo(BreakerState.HalfOpen, manual: false);
            }

            permit = new CallPermit(_probeNumber);
            return true;
        }
    }

    /// <summary>Records that a granted call succeeded.</summary>
    /// <param name="permit">The permit <see cref="TryAcquire"/> gave for the call.</param>
    public void RecordSuccess(CallPermit permit)
    {
        if (permit.IsProbe)
        {
            OnProbeOutcome(permit, succeeded: true);
        }
        else if (Volatile.Read(ref _state) == (int)BreakerState.Closed)
        {
            Add(SuccessIncrement);
        }
    }

    /// <summary>Records that a granted call failed; may open the breaker.</summary>
    /// <param name="permit">The permit <see cref="TryAcquire"/> gave for the call.</param>
    public void RecordFailure(CallPermit permit)
    {
        if (permit.IsProbe)
        {
            OnProbeOutcome(permit, succeeded: false);
            return;
        }

        if (Volatile.Read(ref _state) != (int)BreakerState.Closed)
        {
            return;
        }

        long bucket = Add(FailureIncrement);
        var health = HealthAt(bucket);
        if (health.Throughput >= Options.MinimumThroughput && health.FailureRate >= Options.FailureRatio)
        {
            lock (_transitionLock)
            {
                if (_state == (int)BreakerState.Closed)
                {
                    Open();
                }
            }
        }
    }

    /// <summary>The outcomes counted in the current sampling window (the closed state's view).</summary>
    public BreakerHealth Health() => HealthAt(CurrentBucket(_time.GetTimestamp()));

    /// <summary>Opens the breaker by hand and keeps it open until <see cref="Reset"/>.</summary>
    public void Isolate()
    {
        lock (_transitionLock)
        {
            Volatile.Write(ref _blockedUntil, long.MaxValue);
            MoveTo(BreakerState.Isolated, manual: true);
        }
    }

    /// <summary>Closes the breaker by hand from any state and clears its counts.</summary>
    public void Reset()
    {
        lock (_transitionLock)
        {
            Close(manual: true);
        }
    }

    private void OnProbeOutcome(CallPermit permit, bool succeeded)
    {
        lock (_transitionLock)
        {
            if (_state != (int)BreakerState.HalfOpen || permit.ProbeNumber != _probeNumber)
            {
                return; // a superseded probe, or the breaker was reset or isolated meanwhile
            }

            if (succeeded)
            {
                Close(manual: false);
            }
            else
            {
                Open();
            }
        }
    }

    private void Open()
    {
        Volatile.Write(ref _blockedUntil, _time.GetTimestamp() + _breakTicks);
        MoveTo(BreakerState.Open, manual: false);
    }

    private void Close(bool manual)
    {
        for (int i = 0; i < _bucketNumber.Length; i++)
        {
            Volatile.Write(ref _bucketCounts[i], 0);
            Volatile.Write(ref _bucketNumber[i], EmptyBucket);
        }

        Volatile.Write(ref _blockedUntil, 0);
        MoveTo(BreakerState.Closed, manual);
    }

    private void MoveTo(BreakerState to, bool manual)
    {
        var from = (BreakerState)_state;
        Volatile.Write(ref _state, (int)to);
        if (from != to)
        {
            StateChanged?.Invoke(new BreakerTransition(from, to, _time.GetUtcNow(), manual));
        }
    }

    /// <summary>Adds an outcome to the current bucket and returns that bucket's number.</summary>
    private long Add(long increment)
    {
        long bucket = CurrentBucket(_time.GetTimestamp());
        int slot = (int)(bucket % ProductionBreakerOptions.BucketCount);
        long held = Volatile.Read(ref _bucketNumber[slot]);
        if (held != bucket)
        {
            if (held > bucket)
            {
                return bucket; // the clock went backwards; drop the outcome rather than corrupt a newer bucket
            }

            Recycle(slot, bucket);
        }

        Interlocked.Add(ref _bucketCounts[slot], increment);
        return bucket;
    }

    private void Recycle(int slot, long bucket)
    {
        lock (_transitionLock)
        {
            if (_bucketNumber[slot] < bucket)
            {
                Volatile.Write(ref _bucketCounts[slot], 0);
                Volatile.Write(ref _bucketNumber[slot], bucket);
            }
        }
    }

    private BreakerHealth HealthAt(long bucket)
    {
        long successes = 0, failures = 0;
        for (int slot = 0; slot < ProductionBreakerOptions.BucketCount; slot++)
        {
            long number = Volatile.Read(ref _bucketNumber[slot]);
            if (number > bucket - ProductionBreakerOptions.BucketCount && number <= bucket)
            {
                long counts = Volatile.Read(ref _bucketCounts[slot]);
                successes += counts & 0xFFFF_FFFF;
                failures += counts >>> 32;
            }
        }

        return new BreakerHealth((int)Math.Min(successes, int.MaxValue), (int)Math.Min(failures, int.MaxValue));
    }

    private long CurrentBucket(long timestamp) => Math.Max(0, timestamp - _origin) / _bucketTicks;

    private long ToTimestampTicks(TimeSpan duration) =>
        (long)Math.Round(duration.Ticks * (double)_time.TimestampFrequency / TimeSpan.TicksPerSecond);
}
