using Workbook.Core.Simulation;

namespace Workbook.Core.Reliability.Races.Interleavings;

/// <summary>
/// A deterministic interleaving explorer for simulated threads: every schedule of small cases (exhaustive), or many
/// seeded random schedules, each replayable.
/// </summary>
/// <remarks>
/// The notebook's stand-in for Coyote: code compiled in a notebook cell cannot be binary-rewritten, so its scheduling
/// points are explicit (every access to a <see cref="SharedList{T}"/>, <see cref="SharedCell{T}"/>,
/// <see cref="SimLock"/> or <see cref="SimCondition"/>), and everything between two points runs atomically. A schedule
/// is the sequence of threads chosen at those points; the exhaustive strategy enumerates them depth-first.
/// </remarks>
public static class InterleavingExplorer
{
    /// <summary>Runs every schedule (depth first) up to <see cref="ExplorationOptions.MaxSchedules"/>.</summary>
    /// <param name="setup">Creates a fresh setup for each schedule.</param>
    /// <param name="options">Limits; null for the defaults.</param>
    /// <returns>The result.</returns>
    public static ExplorationResult ExploreAll(Func<RaceSetup> setup, ExplorationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(setup);
        options ??= new ExplorationOptions();
        var prefix = new List<(int Position, int Options)>();
        int run = 0, failing = 0, firstNumber = 0;
        InterleavingRun? first = null;
        while (true)
        {
            int decision = 0;
            var result = RunEngine.Run(setup(), runnable =>
            {
                int position;
                if (decision < prefix.Count)
                {
                    position = Math.Min(prefix[decision].Position, runnable.Count - 1);
                }
                else
                {
                    position = 0;
                    prefix.Add((0, runnable.Count));
                }

                decision++;
                return runnable[position];
            }, options.StepBudget);
            run++;
            prefix.RemoveRange(decision, prefix.Count - decision);
            if (result.Failed)
            {
                failing++;
                if (first is null)
                {
                    first = result;
                    firstNumber = run;
                }

                if (options.StopAtFirstFailure)
                {
                    return new ExplorationResult("exhaustive", run, failing, false, first, firstNumber, -1);
                }
            }

            while (prefix.Count > 0 && prefix[^1].Position + 1 >= prefix[^1].Options)
            {
                prefix.RemoveAt(prefix.Count - 1);
            }

            if (prefix.Count == 0)
            {
                return new ExplorationResult("exhaustive", run, failing, true, first, firstNumber, -1);
            }

            if (run >= options.MaxSchedules)
            {
                return new ExplorationResult("exhaustive", run, failing, false, first, firstNumber, -1);
            }

            prefix[^1] = (prefix[^1].Position + 1, prefix[^1].Options);
        }
    }

    /// <summary>Runs <paramref name="schedules"/> random schedules; schedule i uses its own seed, drawn from <paramref name="seed"/>.</summary>
    /// <param name="setup">Creates a fresh setup for each schedule.</param>
    /// <param name="schedules">How many schedules; at least 1.</param>
    /// <param name="seed">The seed of the seeds.</param>
    /// <param name="options">Limits (<see cref="ExplorationOptions.MaxSchedules"/> is not used); null for the defaults.</param>
    /// <returns>The result; <see cref="ExplorationResult.FailingSeed"/> replays the first failure with <see cref="RunSeed"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="schedules"/> is below 1.</exception>
    public static ExplorationResult ExploreRandom(Func<RaceSetup> setup, int schedules, long seed, ExplorationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(setup);
        Guard.Positive(schedules, nameof(schedules));
        options ??= new ExplorationOptions();
        var seeds = new Xoshiro256StarStar(seed);
        int failing = 0, firstNumber = 0;
        long firstSeed = -1;
        InterleavingRun? first = null;
        string strategy = $"random, seed {seed}";
        for (int i = 1; i <= schedules; i++)
        {
            long scheduleSeed = (long)(seeds.NextUInt64() >> 1);
            var result = RunSeed(setup, scheduleSeed, options.StepBudget);
            if (result.Failed)
            {
                failing++;
                if (first is null)
                {
                    (first, firstNumber, firstSeed) = (result, i, scheduleSeed);
                }

                if (options.StopAtFirstFailure)
                {
                    return new ExplorationResult(strategy, i, failing, false, first, firstNumber, firstSeed);
                }
            }
        }

        return new ExplorationResult(strategy, schedules, failing, false, first, firstNumber, firstSeed);
    }

    /// <summary>Runs the random schedule of one seed (each decision uniform over the runnable threads).</summary>
    /// <param name="setup">Creates the setup.</param>
    /// <param name="seed">The schedule's seed.</param>
    /// <param name="stepBudget">Steps before the run is reported as never ending; at least 1.</param>
    /// <returns>The run.</returns>
    public static InterleavingRun RunSeed(Func<RaceSetup> setup, long seed, int stepBudget = 1_000)
    {
        ArgumentNullException.ThrowIfNull(setup);
        Guard.Positive(stepBudget, nameof(stepBudget));
        var rng = new Xoshiro256StarStar(seed);
        return RunEngine.Run(setup(), runnable => runnable[(int)(rng.NextUInt64() % (ulong)runnable.Count)], stepBudget);
    }

    /// <summary>Replays a schedule from its choices (the thread index at each decision); past its end, the lowest runnable thread runs.</summary>
    /// <param name="setup">Creates the setup.</param>
    /// <param name="choices">The <see cref="InterleavingRun.Choices"/> of a run.</param>
    /// <param name="stepBudget">Steps before the run is reported as never ending; at least 1.</param>
    /// <returns>The run.</returns>
    /// <exception cref="InvalidOperationException">A choice names a thread that cannot run at that point (the choices belong to other code).</exception>
    public static InterleavingRun Replay(Func<RaceSetup> setup, IReadOnlyList<int> choices, int stepBudget = 1_000)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(choices);
        Guard.Positive(stepBudget, nameof(stepBudget));
        int decision = 0;
        return RunEngine.Run(setup(), runnable =>
        {
            if (decision >= choices.Count)
            {
                return runnable[0];
            }

            int wanted = choices[decision++];
            return runnable.Contains(wanted)
                ? wanted
                : throw new InvalidOperationException($"choice {decision}: t{wanted + 1} cannot run here; the schedule belongs to other code");
        }, stepBudget);
    }
}
