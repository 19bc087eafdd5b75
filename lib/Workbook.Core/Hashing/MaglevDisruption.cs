namespace Workbook.Core.Hashing;

/// <summary>How much of a Maglev table changed when one backend was removed.</summary>
/// <param name="RemovedBackend">The name of the removed backend.</param>
/// <param name="TableSize">The number of table entries M.</param>
/// <param name="EntriesOfRemoved">Entries that pointed at the removed backend (they must move).</param>
/// <param name="EntriesChanged">Entries whose backend differs between the two tables.</param>
/// <param name="BackendCountBefore">The number of backends n before the removal.</param>
public sealed record MaglevDisruption(
    string RemovedBackend, int TableSize, int EntriesOfRemoved, int EntriesChanged, int BackendCountBefore)
{
    /// <summary>The fraction of entries that changed; the ideal is about 1/n.</summary>
    public double FractionChanged => (double)EntriesChanged / TableSize;

    /// <summary>Entries that changed although their backend survived (Maglev's extra disruption).</summary>
    public int ExtraEntriesChanged => EntriesChanged - EntriesOfRemoved;

    /// <summary>The minimum possible fraction: the removed backend's own share of the table.</summary>
    public double MinimumFraction => (double)EntriesOfRemoved / TableSize;
}
