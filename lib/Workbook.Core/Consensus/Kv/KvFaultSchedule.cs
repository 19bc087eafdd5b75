using Workbook.Core.Simulation;

namespace Workbook.Core.Consensus.Kv;

/// <summary>Random fault scenarios for key-value runs: isolations, splits, crashes and restarts at a steady pace, healed at the end.</summary>
/// <remarks>
/// Every <c>periodTicks</c> one action is drawn among those that are legal then: isolate a node, split
/// the nodes into a random minority and majority, heal, crash a node (at most one down at a time), or
/// restart the crashed one. At <c>durationTicks</c> the network heals and a crashed node restarts, so the
/// run can finish its calls. The schedule is a pure function of its arguments.
/// </remarks>
public static class KvFaultSchedule
{
    /// <summary>Draws a fault scenario.</summary>
    /// <param name="nodeCount">The cluster's size; an integer &gt;= 1.</param>
    /// <param name="durationTicks">When faults stop; an integer &gt;= 0.</param>
    /// <param name="seed">The seed of the draws.</param>
    /// <param name="periodTicks">Ticks between two faults; an integer &gt;= 1.</param>
    public static IReadOnlyList<ScenarioStep> Random(int nodeCount, int durationTicks, long seed, int periodTicks = 30)
    {
        Guard.Positive(nodeCount, nameof(nodeCount));
        Guard.NonNegative(durationTicks, nameof(durationTicks));
        Guard.Positive(periodTicks, nameof(periodTicks));
        var random = new Xoshiro256StarStar(seed);
        int Uniform(int n) => (int)Math.BigMul(random.NextUInt64(), (ulong)n, out _);
        var steps = new List<ScenarioStep>();
        int crashed = 0;
        for (long tick = periodTicks; tick < durationTicks; tick += periodTicks)
        {
            ClusterAction action;
            switch (Uniform(4))
            {
                case 0:
                    action = new ClusterAction.Isolate(1 + Uniform(nodeCount));
                    break;
                case 1:
                    var order = Enumerable.Range(1, nodeCount).OrderBy(_ => random.NextUInt64()).ToList();
                    int minority = (nodeCount - 1) / 2;
                    action = minority == 0
                        ? new ClusterAction.Heal()
                        : new ClusterAction.Split([[.. order.Take(minority).Order()], [.. order.Skip(minority).Order()]]);
                    break;
                case 2:
                    action = new ClusterAction.Heal();
                    break;
                default:
                    if (crashed == 0)
                    {
                        crashed = 1 + Uniform(nodeCount);
                        action = new ClusterAction.Crash(crashed);
                    }
                    else
                    {
                        action = new ClusterAction.Restart(crashed);
                        crashed = 0;
                    }

                    break;
            }

            steps.Add(new ScenarioStep(tick, action));
        }

        steps.Add(new ScenarioStep(durationTicks, new ClusterAction.Heal()));
        if (crashed != 0)
        {
            steps.Add(new ScenarioStep(durationTicks, new ClusterAction.Restart(crashed)));
        }

        return steps;
    }
}
