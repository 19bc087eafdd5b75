using Workbook.Core.Resilience.Breakers;

namespace Workbook.Core.Tests.Resilience.Breakers;

/// <summary>
/// A test-only copy of <see cref="ProductionBreaker"/>'s open/half-open logic (its closed path reduced to a
/// failure count that opens at 4) and a mutation switch. <see cref="ProbeMutation.GrantWithoutLock"/> hands
/// out the probe without the transition lock; <see cref="ProbeMutation.NoRecheckUnderLock"/> takes the lock
/// but trusts the check made before it (broken double-checked locking). Unmutated it must pass every Coyote
/// schedule; mutated, Coyote must find two probes at once or a duplicated transition.
/// </summary>
internal sealed class CoyoteMutantBreaker(TimeProvider time, ProbeMutation mutation) : IProbeBreaker
{
    private readonly long _breakTicks = 2 * time.TimestampFrequency; // a 2 s break
    private readonly object _transitionLock = new();
    private int _state = (int)BreakerState.Closed;
    private int _failures;
    private long _blockedUntil;
    private long _probeNumber;

    public event Action<BreakerTransition>? StateChanged;

    public BreakerState State => (BreakerState)Volatile.Read(ref _state);

    public bool TryAcquire(out CallPermit permit)
    {
        permit = default;
        var state = (BreakerState)Volatile.Read(ref _state);
        if (state == BreakerState.Closed)
        {
            return true;
        }

        if (time.GetTimestamp() < Volatile.Read(ref _blockedUntil))
        {
            return false;
        }

        if (mutation == ProbeMutation.GrantWithoutLock)
        {
            return GrantProbe(state, time.GetTimestamp(), out permit); // the mutation: no lock, no re-check
        }

        lock (_transitionLock)
        {
            state = mutation == ProbeMutation.NoRecheckUnderLock ? state : (BreakerState)_state;
            long now = time.GetTimestamp();
            if (state == BreakerState.Closed)
            {
                return true;
            }

            bool breakOver = mutation == ProbeMutation.NoRecheckUnderLock || now >= _blockedUntil;
            return breakOver && GrantProbe(state, now, out permit);
        }
    }

    public void RecordSuccess(CallPermit permit)
    {
        if (permit.IsProbe)
        {
            OnProbeOutcome(permit, succeeded: true);
        }
    }

    public void RecordFailure(CallPermit permit)
    {
        if (permit.IsProbe)
        {
            OnProbeOutcome(permit, succeeded: false);
        }
        else if (Volatile.Read(ref _state) == (int)BreakerState.Closed && Interlocked.Increment(ref _failures) >= 4)
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

    public void Reset()
    {
        lock (_transitionLock)
        {
            Close();
        }
    }

    private bool GrantProbe(BreakerState state, long now, out CallPermit permit)
    {
        _probeNumber++;
        Volatile.Write(ref _blockedUntil, now + _breakTicks);
        if (state == BreakerState.Open)
        {
            MoveTo(BreakerState.HalfOpen);
        }

        permit = new CallPermit(_probeNumber);
        return true;
    }

    private void OnProbeOutcome(CallPermit permit, bool succeeded)
    {
        lock (_transitionLock)
        {
            if (_state != (int)BreakerState.HalfOpen || permit.ProbeNumber != _probeNumber)
            {
                return;
            }

            if (succeeded)
            {
                Close();
            }
            else
            {
                Open();
            }
        }
    }

    private void Open()
    {
        Volatile.Write(ref _blockedUntil, time.GetTimestamp() + _breakTicks);
        MoveTo(BreakerState.Open);
    }

    private void Close()
    {
        Volatile.Write(ref _failures, 0);
        Volatile.Write(ref _blockedUntil, 0);
        MoveTo(BreakerState.Closed);
    }

    private void MoveTo(BreakerState to)
    {
        var from = (BreakerState)_state;
        Volatile.Write(ref _state, (int)to);
        if (from != to)
        {
            StateChanged?.Invoke(new BreakerTransition(from, to, time.GetUtcNow(), Manual: false));
        }
    }
}

/// <summary>The bugs <see cref="CoyoteMutantBreaker"/> can carry.</summary>
internal enum ProbeMutation
{
    /// <summary>A faithful copy.</summary>
    None,

    /// <summary>The probe is granted without the transition lock.</summary>
    GrantWithoutLock,

    /// <summary>The lock is taken, but the state and break read before it are not read again inside it.</summary>
    NoRecheckUnderLock,
}
