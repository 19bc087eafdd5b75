namespace Workbook.Core.Reliability.Leaks;

/// <summary>What every event tracker of the leak episode accepts: one event of a type at a time.</summary>
/// <remarks>
/// Time is passed in (seconds since any fixed origin), never read from a clock, so a run is
/// reproducible. <see cref="UnboundedEventTracker"/> is the seed's leaking tracker;
/// <see cref="RingBufferEventTracker"/> and <see cref="BucketedEventCounter"/> are the two fixes.
/// </remarks>
public interface IEventTracker
{
    /// <summary>Records one event.</summary>
    /// <param name="eventType">The kind of event (for example "click"); not blank.</param>
    /// <param name="timestampSeconds">When it happened, in seconds; a finite number &gt;= 0.</param>
    void Track(string eventType, double timestampSeconds);
}
