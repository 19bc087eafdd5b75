namespace Workbook.Core.Reliability.Races.Interleavings;

/// <summary>
/// A condition variable tied to a <see cref="SimLock"/>, with Monitor (Mesa) semantics: a woken thread must enter the
/// lock again and may find the condition false by then, so wait in a loop.
/// </summary>
public sealed class SimCondition
{
    private readonly List<SimThread> _waiting = [];

    /// <summary>Creates a condition named <paramref name="name"/> in traces, used with <paramref name="gate"/>.</summary>
    /// <param name="name">The name shown in traces.</param>
    /// <param name="gate">The lock a waiter holds.</param>
    public SimCondition(string name, SimLock gate)
    {
        Name = Guard.NotBlank(name, nameof(name));
        Gate = gate ?? throw new ArgumentNullException(nameof(gate));
    }

    /// <summary>The name shown in traces.</summary>
    public string Name { get; }

    /// <summary>The lock this condition belongs to.</summary>
    public SimLock Gate { get; }

    /// <summary>Releases the lock, sleeps until pulsed, then enters the lock again (the re-entry is the scheduling point).</summary>
    /// <param name="t">The thread waiting; it must hold <see cref="Gate"/>.</param>
    /// <returns>The step to await.</returns>
    /// <exception cref="InvalidOperationException"><paramref name="t"/> does not hold the lock.</exception>
    public SimAction WaitAsync(SimThread t)
    {
        ArgumentNullException.ThrowIfNull(t);
        Gate.ReleaseForWait(t);
        _waiting.Add(t);
        t.Log($"waits on {Name} (releases {Gate.Name})");
        return new(t, $"be woken on {Name}", () => !_waiting.Contains(t) && Gate.Owner is null, () => Gate.Reacquire(t));
    }

    /// <summary>Wakes the longest-waiting thread, if any (not a scheduling point).</summary>
    /// <param name="t">The thread pulsing; it must hold <see cref="Gate"/>.</param>
    /// <exception cref="InvalidOperationException"><paramref name="t"/> does not hold the lock.</exception>
    public void Pulse(SimThread t)
    {
        RequireOwner(t, "pulses");
        if (_waiting.Count == 0)
        {
            t.Log($"pulses {Name} (nobody waits)");
            return;
        }

        var woken = _waiting[0];
        _waiting.RemoveAt(0);
        t.Log($"pulses {Name} (wakes {woken.Name})");
    }

    /// <summary>Wakes every waiting thread (not a scheduling point).</summary>
    /// <param name="t">The thread pulsing; it must hold <see cref="Gate"/>.</param>
    /// <exception cref="InvalidOperationException"><paramref name="t"/> does not hold the lock.</exception>
    public void PulseAll(SimThread t)
    {
        RequireOwner(t, "pulses");
        t.Log($"pulses all on {Name} (wakes {_waiting.Count})");
        _waiting.Clear();
    }

    private void RequireOwner(SimThread t, string verb)
    {
        ArgumentNullException.ThrowIfNull(t);
        if (!ReferenceEquals(Gate.Owner, t))
        {
            throw new InvalidOperationException($"{t.Name} {verb} {Name} without holding {Gate.Name}");
        }
    }
}
