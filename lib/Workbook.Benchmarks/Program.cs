// Benchmarks of the workbook library, apart from the tests (tests never assert on time).
//
//   dotnet run -c Release --project lib/Workbook.Benchmarks -- [filter] [--runs N]
//   dotnet run -c Release --project lib/Workbook.Benchmarks -- raft --runs-faulty 100000   (reliability: N seeded fault runs)
//   dotnet run -c Release --project lib/Workbook.Benchmarks -- raft --mutation-table [seeds] (docs/raft-mutations.md)
//   dotnet run -c Release --project lib/Workbook.Benchmarks -- breaker-closed-path   (BenchmarkDotNet: ours vs Polly v8)
//   dotnet run -c Release --project lib/Workbook.Benchmarks -- leak-memory > data/reliability/leak-memory.csv   (episode 23's figure data)
//   dotnet run -c Release --project lib/Workbook.Benchmarks -- pool-race   (runs to the seed pool's double checkout: real threads vs the explorer)
//
// filter: a substring of "group/benchmark" (any case), e.g. "simulator" or "M/M/1000".
// Each benchmark runs alternately with its group's baseline; ratios compare runs made side by side.
// To add a benchmark group, write a BenchmarkGroup and add it to the list below: one line.
using System.Globalization;
using Workbook.Benchmarks;
using Workbook.Benchmarks.Harness;

if (args is ["leak-memory"])
{
    LeakMemoryMeasurement.Write(Console.Out);
    return;
}

if (args is ["pool-race", ..])
{
    PoolRaceBenchmarks.RunsToFailure(Console.Out);
    return;
}

if (args is ["breaker-closed-path"])
{
    BreakerClosedPathBenchmarks.RunAndReport(Console.Out);
    return;
}

BenchmarkGroup[] groups =
[
    SimulatorBenchmarks.Group,
    QueueingFormulaBenchmarks.Group,
    BreakerBenchmarks.Group,
    FigureExportBenchmarks.Group,
    LinearizabilityBenchmarks.Group,
    RaftBenchmarks.Group,
    HashingBenchmarks.RingGroup,
    HashingBenchmarks.LookupGroup,
    HashingBenchmarks.AssignGroup,
    LockBenchmarks.Group,
];

string? filter = null;
var runs = 5;
int? faultyRuns = null;
int? mutationSeeds = null;
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--runs" && i + 1 < args.Length)
    {
        runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
    }
    else if (args[i] == "--runs-faulty" && i + 1 < args.Length)
    {
        faultyRuns = int.Parse(args[++i], CultureInfo.InvariantCulture);
    }
    else if (args[i] == "--mutation-table")
    {
        mutationSeeds = i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var seeds) ? seeds : 300;
        i += i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out _) ? 1 : 0;
    }
    else
    {
        filter = args[i];
    }
}

#if DEBUG
Console.WriteLine("Warning: a Debug build; run with -c Release for meaningful numbers.");
#endif
if (faultyRuns is { } n)
{
    RaftBenchmarks.Reliability(n, Console.Out);
    return;
}

if (mutationSeeds is { } m)
{
    RaftBenchmarks.MutationTable(m, Console.Out);
    return;
}

new BenchmarkRunner(runs, Console.Out).Run(groups, filter);
RaftBenchmarks.PrintSummary(Console.Out);
