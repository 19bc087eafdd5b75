using Workbook.Core.Reliability.Leaks;

namespace Workbook.Core.Tests.Reliability.Leaks;

public class MemoryGrowthProbeBadInputTests
{
    [Fact]
    public void RejectsBadCounts()
    {
        static IEventTracker Create() => new RingBufferEventTracker(1);
        BadInput.Rejects(() => MemoryGrowthProbe.Measure(Create, 0, 1), "events", "an integer > 0");
        BadInput.Rejects(() => MemoryGrowthProbe.Measure(Create, 10, 0), "sampleEvery", "an integer > 0");
        BadInput.Rejects(() => MemoryGrowthProbe.Measure(Create, 10, 11), "sampleEvery", "an integer in [1, 10]");
        BadInput.Rejects(() => MemoryGrowthProbe.Measure(Create, 10, 5, 0), "secondsPerEvent", "a finite number > 0");
    }

    [Fact]
    public void UnboundedTracker_RejectsBlankType() =>
        BadInput.RejectsArgument(() => new UnboundedEventTracker().Track("", 0), "eventType", "must contain text");
}
