namespace Workbook.Core.Queueing;

/// <summary>
/// Finds the fewest servers of an M/M/c queue that meet a service-level target
/// (<see cref="CapacityTarget"/>), or says why no number of servers can.
/// </summary>
/// <remarks>
/// Fewer than <see cref="MMcQueue.MinimumServersForStability"/> servers are unstable, and every target
/// measure improves as servers are added, so the answer is the first c from there that meets the
/// target: one pass of Erlang's B recurrence, O(c) (about 1 ms at 100,000 erlangs). A percentile
/// target is tested with one tail evaluation (percentile ≤ t exactly when P(T &gt; t) ≤ 1 − p). The
/// answer is typically A + β√A for a modest β (<see cref="SquareRootStaffing"/>). The model assumes
/// Poisson arrivals and exponential service; response-time percentiles depend strongly on the shape
/// of the real service-time distribution, so measure it.
/// </remarks>
public static class CapacityPlanner
{
    /// <summary>
    /// The fewest servers c for which an M/M/c queue with the given arrivals and service meets
    /// <paramref name="target"/>, or an infeasible plan that says why no number of servers can.
    /// </summary>
    /// <param name="arrivalRatePerSecond">λ, per second; a finite number &gt; 0.</param>
    /// <param name="meanServiceTimeSeconds">S, in seconds; a finite number in [1e-15, 1e15].</param>
    /// <param name="target">The target to meet.</param>
    /// <exception cref="ArgumentNullException"><paramref name="target"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A rate or time is outside its range (as for <see cref="MMcQueue"/>).
    /// </exception>
    public static CapacityPlan MinimumServers(double arrivalRatePerSecond, double meanServiceTimeSeconds, CapacityTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var queue = new MMcQueue(arrivalRatePerSecond, meanServiceTimeSeconds, 1);
        if (!target.IsAchievable(meanServiceTimeSeconds, out var whyNot))
        {
            return new CapacityPlan(target, queue, null, null, whyNot);
        }

        return target.Metric == CapacityMetric.Utilisation
            ? ForUtilisation(queue, target)
            : BySearch(queue, target);
    }

    private static CapacityPlan BySearch(MMcQueue queue, CapacityTarget target)
    {
        var load = queue.OfferedLoadErlangs;
        var recurrence = new ErlangBRecurrence(load);
        recurrence.AdvanceTo(queue.MinimumServersForStability);

        MMcSteadyState? previous = null;
        while (true)
        {
            var state = new MMcSteadyState(queue.WithServers(recurrence.Servers), recurrence.Value);
            if (target.IsMetBy(state))
            {
                return Feasible(queue, target, state, previous);
            }

            if (recurrence.Servers == int.MaxValue)
            {
                return new CapacityPlan(target, queue, null, null, $"No number of servers up to {int.MaxValue} can meet {target.Description}.");
            }

            previous = state;
            recurrence.Advance();
        }
    }

    private static CapacityPlan ForUtilisation(MMcQueue queue, CapacityTarget target)
    {
        // ρ = A/c <= u exactly when c >= A/u; the loops settle the rounding at the boundary so that
        // the answer agrees with Utilisation computed as A/c.
        var load = queue.OfferedLoadErlangs;
        var needed = Math.Ceiling(load / target.Limit);
        if (needed >= int.MaxValue)
        {
            return new CapacityPlan(target, queue, null, null, $"No number of servers up to {int.MaxValue} can meet {target.Description}.");
        }

        var c = Math.Max(queue.MinimumServersForStability, (int)needed);
        while (load / c > target.Limit)
        {
            c++;
        }

        while (c - 1 >= queue.MinimumServersForStability && load / (c - 1) <= target.Limit)
        {
            c--;
        }

        // One pass of the recurrence gives both B(c − 1), for the comparison in the reason, and B(c).
        var recurrence = new ErlangBRecurrence(load);
        recurrence.AdvanceTo(c - 1);
        var previous = c - 1 >= queue.MinimumServersForStability
            ? new MMcSteadyState(queue.WithServers(c - 1), recurrence.Value)
            : null;
        recurrence.AdvanceTo(c);
        return Feasible(queue, target, new MMcSteadyState(queue.WithServers(c), recurrence.Value), previous);
    }

    private static CapacityPlan Feasible(MMcQueue queue, CapacityTarget target, MMcSteadyState state, MMcSteadyState? previous)
    {
        var servers = state.Queue.Servers;
        var achieved = target.Measure(state);
        var what = $"{QueueingText.Count(servers)} servers meet {target.Description}: the {target.MetricName} is "
            + target.Format(achieved)
            + (target.Metric == CapacityMetric.Utilisation ? "" : $" at utilisation {QueueingText.Percent(state.Utilisation)}");
        var comparison = previous is null
            ? $"{QueueingText.Count(servers)} is the fewest servers that keep the queue stable (⌊A⌋ + 1 with "
              + $"A = {QueueingText.Number(queue.OfferedLoadErlangs)} erlangs); fewer cannot serve the load at all."
            : $"With {QueueingText.Count(servers - 1)} it would be {target.Format(target.Measure(previous))}.";
        return new CapacityPlan(target, queue, state, achieved, $"{what}. {comparison}");
    }
}
