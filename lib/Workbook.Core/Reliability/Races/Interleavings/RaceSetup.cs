namespace Workbook.Core.Reliability.Races.Interleavings;

/// <summary>One run's threads (async methods taking a <see cref="SimThread"/>) and an optional check at the end.</summary>
/// <remarks>
/// The explorer calls a factory of these once per schedule, so shared state (a <see cref="SharedList{T}"/>, a
/// <see cref="SimLock"/>) must be created inside the factory: every schedule starts from the same state.
/// </remarks>
public sealed record RaceSetup
{
    /// <summary>Creates a setup.</summary>
    /// <param name="threads">The threads; at least one.</param>
    /// <param name="finalCheck">Run after every thread finished; report a broken invariant with <see cref="RaceChecker.Check"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="threads"/> is empty.</exception>
    public RaceSetup(IReadOnlyList<Func<SimThread, Task>> threads, Action<RaceChecker>? finalCheck = null)
    {
        ArgumentNullException.ThrowIfNull(threads);
        if (threads.Count == 0)
        {
            throw new ArgumentException("threads must hold at least one thread; got none.", nameof(threads));
        }

        Threads = threads;
        FinalCheck = finalCheck;
    }

    /// <summary>The threads, t1 first.</summary>
    public IReadOnlyList<Func<SimThread, Task>> Threads { get; }

    /// <summary>The check run when every thread finished, or null.</summary>
    public Action<RaceChecker>? FinalCheck { get; }
}
