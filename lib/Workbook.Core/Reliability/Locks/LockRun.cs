namespace Workbook.Core.Reliability.Locks;

/// <summary>The result of one lock simulation: every critical section, every write, and the two safety checks.</summary>
/// <param name="Options">The options the run used.</param>
/// <param name="Seed">The seed of the run's random draws.</param>
/// <param name="Sections">Every critical section, in order of acquisition.</param>
/// <param name="Writes">Every write the storage received, in the order it decided them.</param>
/// <param name="ForeignDeletes">Releases that deleted a lock another client held (the unchecked DEL).</param>
/// <param name="Events">Everything that happened, in time order (same-time events in the order they ran; pauses first).</param>
public sealed record LockRun(
    LockSimulationOptions Options, long Seed, IReadOnlyList<CriticalSection> Sections, IReadOnlyList<StorageWrite> Writes, int ForeignDeletes,
    IReadOnlyList<LockEvent> Events)
{
    /// <summary>The run as text, one line per event (<see cref="LockEvent.ToLine"/>), for golden files and notebooks.</summary>
    /// <returns>The transcript lines.</returns>
    public IReadOnlyList<string> Transcript() => [.. Events.Select(e => e.ToLine())];

    /// <summary>The transcript lines from <paramref name="fromMs"/> to <paramref name="toMs"/> (both included).</summary>
    /// <param name="fromMs">First time shown, in ms.</param>
    /// <param name="toMs">Last time shown, in ms; at least <paramref name="fromMs"/>.</param>
    /// <returns>The lines of the events in that window.</returns>
    public IReadOnlyList<string> TranscriptBetween(double fromMs, double toMs)
    {
        Guard.AtLeastFinite(toMs, fromMs, nameof(toMs));
        return [.. Events.Where(e => e.TimeMs >= fromMs && e.TimeMs <= toMs).Select(e => e.ToLine())];
    }

    /// <summary>How many events of a kind the run had.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The count.</returns>
    public int Count(LockEventKind kind) => Events.Count(e => e.Kind == kind);

    /// <summary>Whether two clients' critical sections overlapped (mutual exclusion broken, as the clients saw it).</summary>
    public bool SectionsOverlap => Sections.Any(a => Sections.Any(a.Overlaps));

    /// <summary>Whether the storage accepted a write whose token is lower than one it had already accepted (a stale writer overwrote newer data).</summary>
    public bool StaleWriteAccepted
    {
        get
        {
            long highest = 0;
            foreach (var write in Writes.Where(w => w.Accepted))
            {
                if (write.Token < highest)
                {
                    return true;
                }

                highest = Math.Max(highest, write.Token);
            }

            return false;
        }
    }

    /// <summary>Accepted writes whose writer no longer held its lease when the storage applied them.</summary>
    public int AcceptedWritesWithoutLease => Writes.Count(w => w.Accepted && !w.WriterHeldLease);
}
