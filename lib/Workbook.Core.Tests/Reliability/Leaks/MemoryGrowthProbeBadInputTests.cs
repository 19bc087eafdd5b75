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
    public void RejectsBadSamplePoints()
    {
        static IEventTracker Create() => new RingBufferEventTracker(1);
        static IRequestCache CreateCache() => new LruRequestCache(1);
        BadInput.Rejects(() => MemoryGrowthProbe.Measure(Create, Array.Empty<int>()), "sampleAt", "at least one sample point");
        BadInput.Rejects(() => MemoryGrowthProbe.Measure(Create, [10, 10]), "sampleAt", "strictly increasing integers > 0");
        BadInput.Rejects(() => MemoryGrowthProbe.Measure(Create, [0, 5]), "sampleAt", "strictly increasing integers > 0");
        BadInput.Rejects(() => MemoryGrowthProbe.MeasureCache(CreateCache, [5, 3]), "sampleAt", "strictly increasing integers > 0");
        BadInput.Rejects(() => MemoryGrowthProbe.MeasureCache(CreateCache, 0, 1), "requests", "an integer > 0");
        BadInput.Rejects(() => MemoryGrowthProbe.MeasureCache(CreateCache, 10, 11), "sampleEvery", "an integer in [1, 10]");
    }

    [Fact]
    public void SamplesAtTheGivenPoints()
    {
        var growth = MemoryGrowthProbe.Measure(() => new RingBufferEventTracker(4), [1, 3, 10]);
        Assert.Equal([0L, 1, 3, 10], growth.Samples.Select(s => s.Events));
    }

    [Fact]
    public void UnboundedTracker_RejectsBlankType() =>
        BadInput.RejectsArgument(() => new UnboundedEventTracker().Track("", 0), "eventType", "must contain text");
}
