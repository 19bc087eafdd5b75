using System.Globalization;
using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Polly;
using Polly.CircuitBreaker;
using Workbook.Core.Resilience.Breakers;

namespace Workbook.Benchmarks;

/// <summary>
/// The closed-path cost of a circuit breaker per call (issue 13, "Speed"), measured by BenchmarkDotNet: a
/// trivial call made directly (the baseline), through <see cref="ProductionBreaker"/> (TryAcquire, call,
/// RecordSuccess) and through a Polly.Core 8 pipeline with a circuit breaker configured the same way; once
/// from one thread and once from two threads calling at the same time (throughput).
/// </summary>
/// <remarks>
/// Overhead = a breaker's time per call minus the direct call's, both from the same run. The goal: ours is at
/// most half of Polly's, with 0 B allocated per call. Run: <c>dotnet run -c Release --project
/// lib/Workbook.Benchmarks -- breaker-closed-path</c>. The job is short (3 warm-up and 5 measured iterations,
/// in process) so that it finishes in a few minutes on a shared machine; its error column says how far to trust it.
/// </remarks>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class BreakerClosedPathBenchmarks
{
    /// <summary>Calls per thread per invocation in the two-thread benchmarks.</summary>
    public const int CallsPerThread = 100_000;

    private const string OneThread = "1 thread";
    private const string TwoThreads = "2 threads";

    private ProductionBreaker _ours = null!;
    private ResiliencePipeline _polly = null!;
    private int _argument = 42;
    private TwoWorkers? _workers;

    /// <summary>The same options for both breakers; the closed path never trips (every call succeeds).</summary>
    public static ProductionBreakerOptions Options { get; } = new(
        failureRatio: 0.5, minimumThroughput: 100, samplingDuration: TimeSpan.FromSeconds(30), breakDuration: TimeSpan.FromSeconds(5));

    /// <summary>Builds both breakers, closed.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _ours = new ProductionBreaker(Options, TimeProvider.System);
        _polly = new ResiliencePipelineBuilder()
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = Options.FailureRatio,
                MinimumThroughput = Options.MinimumThroughput,
                SamplingDuration = Options.SamplingDuration,
                BreakDuration = Options.BreakDuration,
            })
            .Build();
    }

    /// <summary>Builds both breakers and starts the two worker threads.</summary>
    [GlobalSetup(Targets = [nameof(DirectTwoThreads), nameof(OursTwoThreads), nameof(PollyTwoThreads)])]
    public void SetupTwoThreads()
    {
        Setup();
        _workers = new TwoWorkers();
    }

    /// <summary>Stops the worker threads.</summary>
    [GlobalCleanup]
    public void Cleanup() => _workers?.Dispose();

    /// <summary>The trivial call, made directly.</summary>
    [BenchmarkCategory(OneThread), Benchmark(Baseline = true, Description = "direct call")]
    public int Direct() => Work(_argument);

    /// <summary>The call through our breaker: TryAcquire, call, RecordSuccess.</summary>
    [BenchmarkCategory(OneThread), Benchmark(Description = "ProductionBreaker")]
    public int Ours() => CallThroughOurs(_ours, _argument);

    /// <summary>The call through the Polly pipeline (a static lambda with state: no closure).</summary>
    [BenchmarkCategory(OneThread), Benchmark(Description = "Polly.Core 8 pipeline")]
    public int Polly() => _polly.Execute(static x => Work(x), _argument);

    /// <summary>For reading the table: one read of the clock the breakers use (ours reads it once per recorded outcome).</summary>
    [BenchmarkCategory(OneThread), Benchmark(Description = "one clock read (TimeProvider.System.GetTimestamp)")]
    public long ClockRead() => TimeProvider.System.GetTimestamp();

    /// <summary>Two threads each making the direct call.</summary>
    [BenchmarkCategory(TwoThreads), Benchmark(Baseline = true, OperationsPerInvoke = 2 * CallsPerThread, Description = "direct call, 2 threads")]
    public void DirectTwoThreads() => _workers!.Run(static _ => { int s = 0; for (int i = 0; i < CallsPerThread; i++) { s ^= Work(i); } return s; });

    /// <summary>Two threads calling through the same breaker of ours.</summary>
    [BenchmarkCategory(TwoThreads), Benchmark(OperationsPerInvoke = 2 * CallsPerThread, Description = "ProductionBreaker, 2 threads")]
    public void OursTwoThreads()
    {
        var ours = _ours;
        _workers!.Run(_ => { int s = 0; for (int i = 0; i < CallsPerThread; i++) { s ^= CallThroughOurs(ours, i); } return s; });
    }

    /// <summary>Two threads calling through the same Polly pipeline.</summary>
    [BenchmarkCategory(TwoThreads), Benchmark(OperationsPerInvoke = 2 * CallsPerThread, Description = "Polly.Core 8 pipeline, 2 threads")]
    public void PollyTwoThreads()
    {
        var polly = _polly;
        _workers!.Run(_ => { int s = 0; for (int i = 0; i < CallsPerThread; i++) { s ^= polly.Execute(static x => Work(x), i); } return s; });
    }

    /// <summary>The protected call: trivial, and not inlined so that every variant pays for one real call.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Work(int x) => x + 1;

    private static int CallThroughOurs(ProductionBreaker breaker, int x)
    {
        if (!breaker.TryAcquire(out var permit))
        {
            return -1;
        }

        int result = Work(x);
        breaker.RecordSuccess(permit);
        return result;
    }

    /// <summary>Runs BenchmarkDotNet on this class and prints the table, then the overhead comparison.</summary>
    public static void RunAndReport(TextWriter output)
    {
        var job = Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(5)
            .WithId("Short");
        var config = ManualConfig.Create(DefaultConfig.Instance)
            .AddJob(job)
            .AddColumn(StatisticColumn.OperationsPerSecond)
            .WithOptions(ConfigOptions.DisableOptimizationsValidator)
            .WithArtifactsPath(Path.Combine("artifacts", "BenchmarkDotNet")); // artifacts/ is ignored by git
        var summary = BenchmarkRunner.Run<BreakerClosedPathBenchmarks>(config);
        PrintOverheads(summary, output);
    }

    private static void PrintOverheads(Summary summary, TextWriter output)
    {
        double Mean(string method) =>
            summary.Reports.Single(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method).ResultStatistics?.Mean ?? double.NaN;

        var inv = CultureInfo.InvariantCulture;
        output.WriteLine();
        output.WriteLine("Closed-path overhead per call (time minus the direct call's, same run):");
        foreach (var (label, direct, ours, polly) in new[]
        {
            (OneThread, nameof(Direct), nameof(Ours), nameof(Polly)),
            (TwoThreads, nameof(DirectTwoThreads), nameof(OursTwoThreads), nameof(PollyTwoThreads)),
        })
        {
            double d = Mean(direct), o = Mean(ours) - d, p = Mean(polly) - d;
            output.WriteLine(string.Format(inv,
                "  {0,-9}  ours {1,7:F2} ns, Polly {2,7:F2} ns, ours / Polly = {3:F3} (goal <= 0.5: {4}); throughput ours {5:F1} M calls/s, Polly {6:F1} M calls/s",
                label, o, p, o / p, o / p <= 0.5 ? "met" : "NOT met", 1_000 / Mean(ours), 1_000 / Mean(polly)));
        }
    }

    /// <summary>Two threads that run a loop together each time <see cref="Run"/> is called (no allocation per run).</summary>
    private sealed class TwoWorkers : IDisposable
    {
        private readonly Barrier _start = new(3);
        private readonly Barrier _done = new(3);
        private readonly Thread[] _threads;
        private volatile Func<int, int>? _body;
        private volatile bool _stop;

        public TwoWorkers()
        {
            _threads = [new Thread(Loop) { IsBackground = true }, new Thread(Loop) { IsBackground = true }];
            for (int i = 0; i < _threads.Length; i++)
            {
                _threads[i].Start(i);
            }
        }

        public int Sink { get; private set; }

        public void Run(Func<int, int> body)
        {
            _body = body;
            _start.SignalAndWait();
            _done.SignalAndWait();
        }

        public void Dispose()
        {
            _stop = true;
            _start.SignalAndWait();
            foreach (var thread in _threads)
            {
                thread.Join();
            }

            _start.Dispose();
            _done.Dispose();
        }

        private void Loop(object? index)
        {
            while (true)
            {
                _start.SignalAndWait();
                if (_stop)
                {
                    return;
                }

                Sink ^= _body!((int)index!);
                _done.SignalAndWait();
            }
        }
    }
}
