using System.Diagnostics;

namespace Workbook.Core.Reliability.Leaks;

/// <summary>
/// The seed's leaking event tracker (section 2.4, bug 1): every event is kept forever, each with a
/// captured stack trace, so retained memory grows by several kilobytes per event without limit.
/// </summary>
/// <remarks>
/// Kept to be measured, not used: <see cref="MemoryGrowthProbe"/> shows its retained bytes growing
/// linearly with the number of events. The fixes are <see cref="RingBufferEventTracker"/> (the last
/// N events) and <see cref="BucketedEventCounter"/> (counts per type per time bucket).
/// </remarks>
public sealed class UnboundedEventTracker : IEventTracker
{
    private readonly List<TrackedEventWithStack> events = [];

    /// <summary>Every event tracked so far, oldest first.</summary>
    public IReadOnlyList<TrackedEventWithStack> Events => events;

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="eventType"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timestampSeconds"/> is negative, NaN or infinite.</exception>
    public void Track(string eventType, double timestampSeconds)
    {
        EventTrackerInput.Validate(eventType, timestampSeconds);
        // The seed's traceback.format_stack(): the whole stack, as text, kept with every event.
        string stack = new StackTrace(skipFrames: 1, fNeedFileInfo: false).ToString();
        events.Add(new TrackedEventWithStack(timestampSeconds, eventType, stack));
    }
}
