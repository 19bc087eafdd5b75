using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using Workbook.Core.Reliability.Leaks;

namespace Workbook.Benchmarks;

/// <summary>
/// Writes <c>data/reliability/leak-memory.csv</c>: the managed heap retained by the seed's event tracker, its two
/// fixes and the two request caches, sampled after a full collection at 1, 2 and 5 × 10ᵏ events or requests.
/// </summary>
/// <remarks>
/// Run: <c>dotnet run -c Release --project lib/Workbook.Benchmarks -- leak-memory &gt; data/reliability/leak-memory.csv</c>,
/// alone on the machine (<see cref="GC.GetTotalMemory(bool)"/> counts the whole process). The seed's tracker is fed
/// 100,000 events only (a stack trace each); the others 10 M. The <c>#</c> lines record the command, runtime, GC
/// mode, machine, date and the mean stack-trace length, which depends on how deep the caller's stack is.
/// </remarks>
public static class LeakMemoryMeasurement
{
    /// <summary>Measures every structure and writes the CSV to <paramref name="output"/>.</summary>
    /// <param name="output">Where the CSV goes.</param>
    public static void Write(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        int[] upTo100K = Points(100_000);
        int[] upTo10M = Points(10_000_000);

        UnboundedEventTracker? seed = null;
        var rows = new List<(string Structure, MemoryGrowth Growth)>
        {
            ("seed-tracker", MemoryGrowthProbe.Measure(() => seed = new UnboundedEventTracker(), upTo100K)),
        };
        double meanStackChars = seed!.Events.Average(e => e.StackTrace.Length);
        seed = null;
        rows.Add(("ring-buffer", MemoryGrowthProbe.Measure(() => new RingBufferEventTracker(10_000), upTo10M)));
        rows.Add(("time-buckets", MemoryGrowthProbe.Measure(() => new BucketedEventCounter(1, 60), upTo10M)));
        rows.Add(("unbounded-cache", MemoryGrowthProbe.MeasureCache(() => new UnboundedRequestCache(), upTo10M)));
        rows.Add(("lru-cache", MemoryGrowthProbe.MeasureCache(() => new LruRequestCache(10_000), upTo10M)));

        var c = CultureInfo.InvariantCulture;
        output.WriteLine("# Retained managed heap (GC.GetTotalMemory(true) minus the heap before the structure was created), measured by: dotnet run -c Release --project lib/Workbook.Benchmarks -- leak-memory > data/reliability/leak-memory.csv");
        output.WriteLine(string.Create(c, $"# runtime: {RuntimeInformation.FrameworkDescription}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC, {RuntimeInformation.ProcessArchitecture}"));
        output.WriteLine(string.Create(c, $"# machine: {CpuModel()}, {Environment.ProcessorCount} logical CPUs, {RuntimeInformation.OSDescription}"));
        output.WriteLine(string.Create(c, $"# date: {DateTime.UtcNow:yyyy-MM-ddTHH:mm:ssZ}"));
        output.WriteLine(string.Create(c, $"# seed-tracker: UnboundedEventTracker, a stack trace per event, mean {meanStackChars:F0} chars per trace (a console app's shallow stack; a web server's is deeper); ring-buffer: RingBufferEventTracker(10000); time-buckets: BucketedEventCounter(1 s, 60 buckets)"));
        output.WriteLine("# unbounded-cache: ConcurrentDictionary GetOrAdd (UnboundedRequestCache); lru-cache: LruRequestCache(10000); request i has the distinct key /search?q=i and one shared value");
        output.WriteLine("structure,events,retained_bytes");
        foreach (var (structure, growth) in rows)
        {
            foreach (var s in growth.Samples.Skip(1))
            {
                output.WriteLine(string.Create(c, $"{structure},{s.Events},{s.RetainedBytes}"));
            }
        }
    }

    private static int[] Points(int max) =>
        [.. Enumerable.Range(3, 5).SelectMany(k => new[] { 1, 2, 5 }.Select(m => m * (int)Math.Pow(10, k))).Where(n => n <= max)];

    private static string CpuModel()
    {
        const string cpuInfo = "/proc/cpuinfo";
        var line = File.Exists(cpuInfo) ? File.ReadLines(cpuInfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal)) : null;
        return line?.Split(':', 2)[1].Trim() ?? RuntimeInformation.OSArchitecture.ToString();
    }
}
