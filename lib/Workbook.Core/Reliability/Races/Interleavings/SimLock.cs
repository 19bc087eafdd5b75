namespace Workbook.Core.Reliability.Races.Interleavings;

/// <summary>A lock for simulated threads: entering is a scheduling point, and a thread waiting for it is not runnable.</summary>
/// <remarks>Not re-entrant. <see cref="Exit"/> by a thread that does not hold the lock throws, as <c>Monitor.Exit</c> does.</remarks>
public sealed class SimLock
{
    /// <summary>Creates a lock named <paramref name="name"/> in traces.</summary>
    /// <param name="name">The name shown in traces.</param>
    public SimLock(string name = "lock") => Name = Guard.NotBlank(name, nameof(name));

    /// <summary>The name shown in traces.</summary>
    public string Name { get; }

    /// <summary>The thread holding the lock, or null when it is free.</summary>
    public SimThread? Owner { get; private set; }

    /// <summary>Waits until the lock is free and takes it.</summary>
    /// <param name="t">The thread entering.</param>
    /// <returns>The step to await.</returns>
    /// <exception cref="InvalidOperationException"><paramref name="t"/> already holds the lock.</exception>
    public SimAction EnterAsync(SimThread t)
    {
        if (ReferenceEquals(Owner, t))
        {
            throw new InvalidOperationException($"{t.Name} enters {Name}, which it already holds (this lock is not re-entrant)");
        }

        return new(t, $"enter {Name}", () => Owner is null, () =>
        {
            Owner = t;
            return $"enters {Name}";
        });
    }

    /// <summary>Releases the lock (not a scheduling point).</summary>
    /// <param name="t">The thread leaving.</param>
    /// <exception cref="InvalidOperationException"><paramref name="t"/> does not hold the lock.</exception>
    public void Exit(SimThread t)
    {
        ArgumentNullException.ThrowIfNull(t);
        if (!ReferenceEquals(Owner, t))
        {
            throw new InvalidOperationException($"{t.Name} exits {Name}, which it does not hold");
        }

        Owner = null;
        t.Log($"exits {Name}");
    }

    internal void ReleaseForWait(SimThread t) => Owner = ReferenceEquals(Owner, t)
        ? null
        : throw new InvalidOperationException($"{t.Name} waits without holding {Name}");

    internal string Reacquire(SimThread t)
    {
        Owner = t;
        return $"wakes and re-enters {Name}";
    }
}
