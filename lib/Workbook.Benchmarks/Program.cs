// Benchmarks of the workbook library, apart from the tests (tests never assert on time).
//
//   dotnet run -c Release --project lib/Workbook.Benchmarks -- [filter] [--runs N]
//
// filter: a substring of "group/benchmark" (any case), e.g. "simulator" or "M/M/1000".
// Each benchmark runs alternately with its group's baseline; ratios compare runs made side by side.
// To add a benchmark group, write a BenchmarkGroup and add it to the list below: one line.
using System.Globalization;
using Workbook.Benchmarks;
using Workbook.Benchmarks.Harness;

BenchmarkGroup[] groups =
[
    SimulatorBenchmarks.Group,
    QueueingFormulaBenchmarks.Group,
    BreakerBenchmarks.Group,
    FigureExportBenchmarks.Group,
    LinearizabilityBenchmarks.Group,
];

string? filter = null;
var runs = 5;
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--runs" && i + 1 < args.Length)
    {
        runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
    }
    else
    {
        filter = args[i];
    }
}

#if DEBUG
Console.WriteLine("Warning: a Debug build; run with -c Release for meaningful numbers.");
#endif
new BenchmarkRunner(runs, Console.Out).Run(groups, filter);
