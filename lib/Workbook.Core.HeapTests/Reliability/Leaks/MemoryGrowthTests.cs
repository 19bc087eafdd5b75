using Workbook.Core.Reliability.Leaks;

namespace Workbook.Core.HeapTests.Reliability.Leaks;

public class MemoryGrowthTests
{
    private readonly ITestOutputHelper output;

    public MemoryGrowthTests(ITestOutputHelper output) => this.output = output;

    [Fact]
    public void UnboundedTracker_RetainedMemoryGrowsLinearly_ByItsStackTraceAndEntryPerEvent()
    {
        // GC.GetTotalMemory is process-wide: the test runner's own threads (reporting results) can add or
        // free a little memory during a measurement. So the slope is measured three times and the median is judged.
        var attempts = new List<(double MeanStackChars, double Slope, double RSquared)>();
        for (int attempt = 0; attempt < 3; attempt++)
        {
            UnboundedEventTracker? tracker = null;
            var growth = MemoryGrowthProbe.Measure(() => tracker = new UnboundedEventTracker(), events: 1_000, sampleEvery: 125);

            Assert.NotNull(tracker);
            Assert.Equal(1_000, tracker.Events.Count);
            double meanStackChars = tracker.Events.Average(e => e.StackTrace.Length);
            var (slope, rSquared) = LeastSquaresLine.Fit(growth.Samples);
            output.WriteLine($"attempt {attempt + 1}: mean stack chars {meanStackChars:F1}, slope {slope:F1} B/event, R² {rSquared:F5}");
            foreach (var s in growth.Samples)
            {
                output.WriteLine($"{s.Events,8} {s.RetainedBytes,12}");
            }

            attempts.Add((meanStackChars, slope, rSquared));
        }

        var median = attempts.OrderBy(a => a.Slope).ElementAt(1);

        // Independent band, from the layout of what each event keeps (64-bit .NET):
        // the stack trace string holds 2 bytes per UTF-16 char plus a ~22-byte header; the record
        // TrackedEventWithStack is 16 (header) + 8 (double) + 2 × 8 (references) = 40 bytes; the
        // list's backing array adds 8 to 16 bytes per event (capacity doubles). So the slope is at
        // least 2·chars + 40 and, allowing 200 bytes for headers and padding, at most 2·chars + 200;
        // 1 % of the string bytes either way is left for the other threads' heap noise described above.
        double text = 2 * median.MeanStackChars;
        Assert.InRange(median.Slope, text + 40 - (0.01 * text), text + 200 + (0.01 * text));
        Assert.True(median.RSquared >= 0.99, $"retained bytes should grow linearly with events; R² = {median.RSquared:F5}");
    }

    private static readonly string[] Types = ["page-view", "click", "purchase", "error"];

    [Fact]
    public void RingBufferTracker_StaysBounded_Over10MillionEvents()
    {
        // Hand bound: 10,000 slots × 16 bytes (TrackedEvent = double + reference) = 160,000 bytes plus the array
        // header; the event types are four shared strings. At 2 M events every slot has been overwritten many times.
        static long HeldAfter(int events) => HeldBytes.After(() => new RingBufferEventTracker(capacity: 10_000), (t, i) => t.Track(Types[i % 4], i * 0.001), events);
        AssertBounded(() => (HeldAfter(2_000_000), HeldAfter(10_000_000)), atLeastBytes: 160_000, capBytes: 1 << 20);
    }

    [Fact]
    public void BucketedCounter_StaysBounded_Over10MillionEvents()
    {
        // Hand bound: 60 buckets, each a dictionary of 4 types (a few hundred bytes): well under 1 MiB, and at least the
        // 60 dictionaries' headers (60 × 80 bytes). 1,000 events per simulated second: every bucket is reused by 2 M.
        static long HeldAfter(int events) => HeldBytes.After(() => new BucketedEventCounter(bucketSeconds: 1, bucketCount: 60), (c, i) => c.Track(Types[i % 4], i * 0.001), events);
        AssertBounded(() => (HeldAfter(2_000_000), HeldAfter(10_000_000)), atLeastBytes: 60 * 80, capBytes: 1 << 20);
    }

    private void AssertBounded(Func<(long At2M, long At10M)> measure, long atLeastBytes, long capBytes)
    {
        // The lower bound shows the measurement sees the structure at all; the cap and the comparison show it stopped
        // growing: 10 M events hold at most 1.25 × what 2 M held, plus 64 KiB. The seed's tracker, at several kilobytes
        // per event, would hold tens of gigabytes here. The test runner's own threads can still move the process-wide
        // heap between two readings, so a measurement outside the bounds is repeated, up to three times: noise rarely
        // strikes three times running, while a structure that really grows fails every attempt.
        bool Within(long at2M, long at10M) =>
            at2M >= atLeastBytes && at2M <= capBytes && at10M >= atLeastBytes && at10M <= capBytes && at10M <= (1.25 * at2M) + 65_536;

        var (a, b) = (0L, 0L);
        for (int attempt = 1; attempt <= 3; attempt++)
        {
            (a, b) = measure();
            output.WriteLine($"attempt {attempt}: held after 2 M events: {a} B; after 10 M: {b} B");
            if (Within(a, b))
            {
                return;
            }
        }

        Assert.InRange(a, atLeastBytes, capBytes);
        Assert.InRange(b, atLeastBytes, capBytes);
        Assert.True(b <= (1.25 * a) + 65_536, $"held bytes grew from {a} after 2 M events to {b} after 10 M");
    }
}
