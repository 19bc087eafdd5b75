namespace Workbook.Core.Reliability.Races;

/// <summary>What a stress run of a pool found: after how many runs the race showed up, or that it did not.</summary>
/// <param name="Found">Whether a run handed one connection to two threads (or the unsafe list threw).</param>
/// <param name="Runs">Runs made: up to and including the first failing one, or all of them.</param>
/// <param name="Threads">Threads released together in each run.</param>
/// <param name="Reason">What the failing run showed, or why nothing was found ("no double checkout in 1,000 runs").</param>
public sealed record PoolStressRun(bool Found, int Runs, int Threads, string Reason);
