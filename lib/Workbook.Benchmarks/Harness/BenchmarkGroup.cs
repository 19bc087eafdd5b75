namespace Workbook.Benchmarks.Harness;

/// <summary>
/// Benchmarks that are compared with one baseline, measured in the same run: ratios against a
/// baseline survive a change of machine far better than absolute times do.
/// </summary>
/// <param name="Name">The group's name, as printed and matched by the filter.</param>
/// <param name="Baseline">The reference work; its ratio is 1 by definition.</param>
/// <param name="Cases">The benchmarks compared with it.</param>
internal sealed record BenchmarkGroup(string Name, Benchmark Baseline, params Benchmark[] Cases);
