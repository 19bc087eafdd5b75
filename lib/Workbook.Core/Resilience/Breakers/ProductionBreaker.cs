namespace Workbook.Core.Resilience.Breakers;

/// <summary>
/// A thread-safe failure-ratio circuit breaker over a time-bucketed window, meant to be measured
/// against Polly v8: <c>if (breaker.TryAcquire(out var permit)) { try call; breaker.RecordSuccess(permit) or
/// RecordFailure(permit) } else { fallback }</c>.
/// </summary>
/// <remarks>
/// Closed: outcomes go into the current bucket with one <see cref="Interlocked"/> add (no lock, no
/// allocation). As in Polly.Core, a bucket lasts SamplingDuration / 10 from the first outcome that starts it
/// and counts while now - start &lt; SamplingDuration; a failure then opens the breaker when throughput &gt;=
/// minimum and failures/throughput &gt;= ratio. Open: calls are rejected until the break has passed; the first
/// call after that (now &gt;= end) is the one half-open probe (<see cref="State"/> reads Open until it arrives,
/// as Polly's state provider does). Probe success closes (window cleared), failure re-opens for a full break.
/// A lock only to start a bucket or to transition; <see cref="StateChanged"/> runs inside it, in order.
/// </remarks>
public sealed class ProductionBreaker
{
    private const long SuccessIncrement = 1;
    private const long FailureIncrement = 1L << 32;

    // One slot more than Polly's 10 windows: when SamplingDuration's ticks are not a multiple of 10, 10 windows of
    // SamplingDuration / 10 (integer ticks) are shorter than the sampling duration and an 11th can still be live.
    private const int SlotCount = ProductionBreakerOptions.BucketCount + 1;

    private readonly object _transitionLock = new();
    private readonly TimeProvider _time;
    private readonly long _bucketTicks;
    private readonly long _samplingTicks;
    private readonly long _breakTicks;

    // Implementation note: the buckets follow Polly's RollingHealthMetrics. A bucket starts at the time of the
    // first outcome recorded after the current bucket's length has passed (never on a grid), and counts while
    // now - start < SamplingDuration. Slot _current is the bucket being filled (-1: none since the last close);
    // _bucketCounts[i] packs failures << 32 | successes so that one Interlocked.Add records an outcome. A new
    // bucket is started under the lock: its counts are zeroed, then its start is written, then it is published
    // as _current. The slot it reuses is always expired (11 bucket lengths >= the sampling duration).
    private readonly long[] _bucketStart = new long[SlotCount];
    private readonly long[] _bucketCounts = new long[SlotCount];
    private int _current = -1;

    private int _state = (int)BreakerState.Closed;
    private long _blockedUntil;
    private long _probeNumber;

    /// <summary>Creates a closed breaker.</summary>
    /// <param name="options">The validated options.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> in production, a fake one in tests.</param>
    public ProductionBreaker(ProductionBreakerOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        Options = options;
        _time = timeProvider;
        _bucketTicks = Math.Max(1, ToTimestampTicks(options.BucketDuration));
        _samplingTicks = Math.Max(1, ToTimestampTicks(options.SamplingDuration));
        _breakTicks = ToTimestampTicks(options.BreakDuration);
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
            Add(SuccessIncrement, _time.GetTimestamp());
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

        long now = _time.GetTimestamp();
        Add(FailureIncrement, now);
        var health = HealthAt(now);
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
    public BreakerHealth Health() => HealthAt(_time.GetTimestamp());

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
        Volatile.Write(ref _current, -1);
        for (int i = 0; i < SlotCount; i++)
        {
            Volatile.Write(ref _bucketCounts[i], 0);
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

    /// <summary>Adds an outcome to the current bucket, first starting a new bucket at <paramref name="now"/> if the current one has run its length.</summary>
    private void Add(long increment, long now)
    {
        int slot = Volatile.Read(ref _current);
        if (slot < 0 || now - Volatile.Read(ref _bucketStart[slot]) >= _bucketTicks)
        {
            slot = StartBucket(now);
        }

        Interlocked.Add(ref _bucketCounts[slot], increment);
    }

    private int StartBucket(long now)
    {
        lock (_transitionLock)
        {
            int slot = _current;
            if (slot >= 0 && now - _bucketStart[slot] < _bucketTicks)
            {
                return slot; // another thread started it meanwhile
            }

            int next = (slot + 1) % SlotCount;
            Volatile.Write(ref _bucketCounts[next], 0);
            Volatile.Write(ref _bucketStart[next], now);
            Volatile.Write(ref _current, next);
            return next;
        }
    }

    /// <summary>Sums the buckets that started less than a sampling duration before <paramref name="now"/>.</summary>
    private BreakerHealth HealthAt(long now)
    {
        long successes = 0, failures = 0;
        int current = Volatile.Read(ref _current);
        if (current >= 0)
        {
            // Walk back from the current bucket; slots older than the last close or start are never reached
            // because the walk stops at the first expired bucket (starts decrease going back).
            for (int back = 0; back < SlotCount; back++)
            {
                int slot = (current - back + SlotCount) % SlotCount;
                long start = Volatile.Read(ref _bucketStart[slot]);
                if (now - start >= _samplingTicks)
                {
                    break;
                }

                long counts = Volatile.Read(ref _bucketCounts[slot]);
                successes += counts & 0xFFFF_FFFF;
                failures += counts >>> 32;
            }
        }

        return new BreakerHealth((int)Math.Min(successes, int.MaxValue), (int)Math.Min(failures, int.MaxValue));
    }

    private long ToTimestampTicks(TimeSpan duration) =>
        (long)Math.Round(duration.Ticks * (double)_time.TimestampFrequency / TimeSpan.TicksPerSecond);
}
