namespace Workbook.Benchmarks.Harness;

/// <summary>One timed piece of work.</summary>
/// <param name="Name">What it does, as printed.</param>
/// <param name="Operations">How many units of work one call of <paramref name="Body"/> does (customers, variates, calls).</param>
/// <param name="Unit">The name of one unit, as printed ("customer").</param>
/// <param name="Body">The work. It returns a number computed from its results, which the harness keeps, so the JIT cannot drop the work as unused.</param>
internal sealed record Benchmark(string Name, long Operations, string Unit, Func<double> Body);
