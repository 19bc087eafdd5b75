namespace Workbook.Core.Reliability.Races.Interleavings;

/// <summary>Every interleaving of a race enumerated: how many there are and in how many a connection went to two threads.</summary>
/// <param name="Threads">Threads, each checking out once from a pool with one connection per thread.</param>
/// <param name="Schedules">Interleavings enumerated (all of them).</param>
/// <param name="DoubleCheckouts">Interleavings in which two threads got the same connection.</param>
public sealed record InterleavingCount(int Threads, int Schedules, int DoubleCheckouts)
{
    /// <summary>The share of interleavings with a double checkout.</summary>
    public double Fraction => (double)DoubleCheckouts / Schedules;
}
