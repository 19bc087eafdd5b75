using System.Globalization;
using Workbook.Core.Simulation;

namespace Workbook.Core.Consensus;

/// <summary>Random fault scenarios for a <see cref="RaftCluster"/>: crashes and restarts, isolations, splits and heals, a network that turns lossy and back, and client commands.</summary>
/// <remarks>
/// A fault is one of: crash a running node (while fewer than <see cref="FaultScheduleOptions.MaxCrashedNodes"/>
/// are down), restart a crashed one, bounce a node (crash it and restart it 1 to 5 ticks later, in the same
/// term as likely as not), isolate a node, split the nodes into two random groups, heal, or switch the network
/// between faulty and quiet. Commands go to the leader of the highest term, or, one time in three,
/// to a random running node, so that a cut-off old leader also takes commands it can never commit: the
/// uncommitted tails that later leaders must overwrite. The schedule is a pure function of (options, seed).
/// </remarks>
public static class FaultSchedule
{
    /// <summary>Draws a fault scenario.</summary>
    /// <param name="options">What to draw.</param>
    /// <param name="seed">The seed of the draws.</param>
    /// <returns>The steps in tick order, all before <see cref="FaultScheduleOptions.DurationTicks"/>.</returns>
    public static IReadOnlyList<ScenarioStep> Generate(FaultScheduleOptions options, long seed)
    {
        ArgumentNullException.ThrowIfNull(options);
        var random = new Xoshiro256StarStar(seed);
        int n = options.NodeCount;
        int Uniform(int count) => (int)Math.BigMul(random.NextUInt64(), (ulong)count, out _);

        var steps = new List<ScenarioStep>();
        var down = new List<int>();
        var bounced = new List<(long Tick, int NodeId)>();
        bool faulty = true;
        long nextFault = NextGap();
        int command = 0;
        long finalQuiet = options.DurationTicks - options.QuietWindowTicks;
        for (long tick = 0; tick < options.DurationTicks; tick++)
        {
            long phase = tick % options.QuietEveryTicks;
            bool quiet = tick >= finalQuiet || (tick > 0 && phase < options.QuietWindowTicks);
            if (quiet && (tick == finalQuiet || phase == 0))
            {
                // A quiet window opens: everything heals, every node is back, no loss or duplication.
                steps.Add(new ScenarioStep(tick, new ClusterAction.Heal()));
                foreach (var id in down)
                {
                    steps.Add(new ScenarioStep(tick, new ClusterAction.Restart(id)));
                }

                down.Clear();
                steps.Add(new ScenarioStep(tick, new ClusterAction.SetNetwork(options.QuietNetwork)));
                faulty = false;
            }

            for (int i = bounced.Count - 1; i >= 0; i--)
            {
                if (bounced[i].Tick == tick)
                {
                    if (down.Remove(bounced[i].NodeId))
                    {
                        steps.Add(new ScenarioStep(tick, new ClusterAction.Restart(bounced[i].NodeId)));
                    }

                    bounced.RemoveAt(i);
                }
            }

            if (!quiet && tick >= nextFault)
            {
                steps.Add(new ScenarioStep(tick, DrawFault(tick)));
                nextFault = tick + NextGap();
            }

            if (random.NextDouble() < options.ProposalProbability)
            {
                var text = string.Create(CultureInfo.InvariantCulture, $"c{++command}");
                var running = Enumerable.Range(1, n).Where(id => !down.Contains(id)).ToList();
                ClusterAction propose = Uniform(3) == 0 && running.Count > 0
                    ? new ClusterAction.Propose(running[Uniform(running.Count)], text)
                    : new ClusterAction.ProposeToLeader(text);
                steps.Add(new ScenarioStep(tick, propose));
            }
        }

        return steps;

        long NextGap() => Math.Max(1, (long)Math.Round(random.NextExponential(options.MeanTicksBetweenFaults)));

        ClusterAction DrawFault(long tick)
        {
            while (true)
            {
                switch (Uniform(7))
                {
                    case 6 when down.Count < options.MaxCrashedNodes:
                        var live = Enumerable.Range(1, n).Where(id => !down.Contains(id)).ToList();
                        var bounce = live[Uniform(live.Count)];
                        down.Add(bounce);
                        bounced.Add((tick + 1 + Uniform(5), bounce));
                        return new ClusterAction.Crash(bounce);
                    case 0 when down.Count < options.MaxCrashedNodes:
                        var up = Enumerable.Range(1, n).Where(id => !down.Contains(id)).ToList();
                        var crash = up[Uniform(up.Count)];
                        down.Add(crash);
                        return new ClusterAction.Crash(crash);
                    case 1 when down.Count > 0:
                        var restart = down[Uniform(down.Count)];
                        down.Remove(restart);
                        return new ClusterAction.Restart(restart);
                    case 2:
                        return new ClusterAction.Isolate(1 + Uniform(n));
                    case 3 when n >= 2:
                        var order = Enumerable.Range(1, n).OrderBy(_ => random.NextUInt64()).ToList();
                        int size = 1 + Uniform(n / 2);
                        return new ClusterAction.Split([[.. order.Take(size).Order()], [.. order.Skip(size).Order()]]);
                    case 4:
                        return new ClusterAction.Heal();
                    case 5:
                        faulty = !faulty;
                        return new ClusterAction.SetNetwork(faulty ? options.FaultyNetwork : options.QuietNetwork);
                }
            }
        }
    }
}
