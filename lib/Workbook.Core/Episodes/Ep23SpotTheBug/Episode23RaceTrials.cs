using System.Reflection;
using System.Text.RegularExpressions;
using Workbook.Core.Exercises;
using Workbook.Core.Reliability.Races.Interleavings;

namespace Workbook.Core.Episodes.Ep23SpotTheBug;

/// <summary>
/// The race exercises' trials: the learner's pool, built by their factory, run under every schedule of small races in
/// the interleaving explorer; the first failing schedule is reported with its trace.
/// </summary>
public static partial class Episode23RaceTrials
{
    /// <summary>The races a non-blocking pool must survive: (connections, threads, give back?).</summary>
    public static IReadOnlyList<(int PoolSize, int Threads, bool Release)> FixPoolRaces { get; } = [(2, 2, false), (1, 2, true), (2, 3, true)];

    /// <summary>The races a blocking pool must survive: (connections, threads); every thread checks out and gives back.</summary>
    public static IReadOnlyList<(int PoolSize, int Threads)> BlockingPoolRaces { get; } = [(1, 2), (1, 3), (2, 3)];

    private const int MaxSchedules = 200_000;

    /// <summary>Runs a non-blocking pool factory <c>(SharedList&lt;int&gt; free, SimLock gate) → ISimPool</c> through <see cref="FixPoolRaces"/>.</summary>
    /// <param name="factory">The learner's factory.</param>
    /// <returns>Passed, or the first failing schedule.</returns>
    public static TrialOutcome FixPool(Delegate factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var runs = FixPoolRaces.Select(r => (
            $"{r.Threads} threads, {r.PoolSize} connection{(r.PoolSize == 1 ? "" : "s")}{(r.Release ? ", each gives its connection back" : "")}",
            PoolRaces.Checkouts((free, gate) => Build<ISimPool>(factory, free, gate), r.PoolSize, r.Threads, r.Release)));
        return Explore(runs);
    }

    /// <summary>Runs a blocking pool factory <c>(SharedList&lt;int&gt; free, SimCondition available) → ISimBlockingPool</c> through <see cref="BlockingPoolRaces"/>.</summary>
    /// <param name="factory">The learner's factory.</param>
    /// <returns>Passed, or the first failing schedule.</returns>
    public static TrialOutcome BlockingPool(Delegate factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var runs = BlockingPoolRaces.Select(r => (
            $"{r.Threads} threads, {r.PoolSize} connection{(r.PoolSize == 1 ? "" : "s")}, each checks out and gives back",
            PoolRaces.BlockingCheckouts((free, available) => Build<ISimBlockingPool>(factory, free, available), r.PoolSize, r.Threads)));
        return Explore(runs);
    }

    private static TrialOutcome Explore(IEnumerable<(string Name, Func<RaceSetup> Setup)> runs)
    {
        int schedules = 0, races = 0;
        bool complete = true;
        foreach (var (name, setup) in runs)
        {
            var result = InterleavingExplorer.ExploreAll(setup, new ExplorationOptions(stepBudget: 500, maxSchedules: MaxSchedules));
            schedules += result.SchedulesRun;
            complete &= result.IsComplete;
            races++;
            if (result.FoundFailure)
            {
                var failure = result.FirstFailure;
                if (failure.Failure == InterleavingFailure.Exception && failure.Message.Contains("threw NotImplementedException", StringComparison.Ordinal))
                {
                    throw new NotImplementedException(failure.Message);     // the starter cell: not attempted yet
                }

                return TrialOutcome.Fail(
                    $"race \"{name}\", schedule {result.FailingScheduleNumber:N0} ({failure.ScheduleText})",
                    KindOf(failure),
                    failure.Message,
                    failure.TraceText);
            }
        }

        return TrialOutcome.Pass(complete
            ? $"every schedule of {races} races, {schedules:N0} schedules"
            : $"{races} races, the first {schedules:N0} schedules (not exhaustive: a race stopped at {MaxSchedules:N0}; fewer awaits make it exhaustive)");
    }

    private static string KindOf(InterleavingRun failure) => failure.Failure switch
    {
        InterleavingFailure.InvariantViolated when failure.Message.StartsWith("double checkout", StringComparison.Ordinal) => "double checkout",
        InterleavingFailure.InvariantViolated when failure.Message.StartsWith("refused", StringComparison.Ordinal) =>
            HeldAll().Match(failure.Message) is { Success: true } m && m.Groups[1].Value == m.Groups[2].Value
                ? "refused with every connection free" : "refused a free connection",
        InterleavingFailure.InvariantViolated => "connections lost",
        InterleavingFailure.Exception when failure.Message.Contains("which is empty", StringComparison.Ordinal) => "took from an empty list",
        var other => other.ToString(),
    };

    [GeneratedRegex(@"the free list held (\d+) of (\d+)")]
    private static partial Regex HeldAll();

    private static T Build<T>(Delegate factory, params object[] arguments)
    {
        try
        {
            return factory.DynamicInvoke(arguments) is T pool
                ? pool
                : throw new InvalidOperationException($"the factory must return an {typeof(T).Name}; it returned null or another type");
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }
}
