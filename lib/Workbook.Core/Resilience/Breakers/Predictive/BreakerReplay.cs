namespace Workbook.Core.Resilience.Breakers.Predictive;

/// <summary>How a breaker fared against one outage: detected or not, and the delay from the outage's first step.</summary>
/// <param name="Incident">The outage.</param>
/// <param name="Detected">Whether the breaker tripped between <c>horizon</c> steps before the outage and its end.</param>
/// <param name="DelaySteps">Trip step − outage start (negative: before the outage); 0 when not detected, see <paramref name="Detected"/>.</param>
/// <param name="DelaySeconds">The same in seconds.</param>
public sealed record OutageDetection(Incident Incident, bool Detected, int DelaySteps, double DelaySeconds);

/// <summary>The trips of one breaker over one trace, sorted into true and false trips.</summary>
/// <param name="TripSteps">Every step at which the breaker tripped.</param>
/// <param name="FalseTrips">Trips with no outage under way and none starting within the horizon.</param>
/// <param name="Hours">The trace's length in hours.</param>
/// <param name="Detections">One entry per outage.</param>
public sealed record BreakerReplayResult(IReadOnlyList<int> TripSteps, int FalseTrips, double Hours, IReadOnlyList<OutageDetection> Detections)
{
    /// <summary>False trips per hour.</summary>
    public double FalseTripsPerHour => FalseTrips / Hours;
}

/// <summary>
/// Replays a score per step through a breaker: it trips when the score is at or above a threshold,
/// stays open for a fixed number of steps, then closes and looks again.
/// </summary>
public static class BreakerReplay
{
    /// <summary>Replays <paramref name="scores"/> against <paramref name="trace"/>.</summary>
    /// <param name="trace">The trace the scores belong to.</param>
    /// <param name="scores">One score per step.</param>
    /// <param name="threshold">Trip when score ≥ this; finite.</param>
    /// <param name="openSteps">Steps the breaker stays open after a trip; &gt;= 1.</param>
    /// <param name="horizon">H: a trip up to H steps before an outage counts as true (early) detection; &gt;= 0.</param>
    /// <exception cref="ArgumentException">The scores do not match the trace.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public static BreakerReplayResult Run(TelemetryTrace trace, IReadOnlyList<double> scores, double threshold, int openSteps, int horizon)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.Count != trace.Steps.Count)
        {
            throw new ArgumentException($"{nameof(scores)} must hold one score per step ({trace.Steps.Count}); got {scores.Count}.", nameof(scores));
        }

        Guard.Finite(threshold, nameof(threshold));
        Guard.AtLeast(openSteps, 1, nameof(openSteps));
        Guard.NonNegative(horizon, nameof(horizon));
        var trips = new List<int>();
        int falseTrips = 0;
        for (int t = 0; t < scores.Count; t++)
        {
            if (scores[t] >= threshold)
            {
                trips.Add(t);
                if (!trace.OutageWithin(t, horizon))
                {
                    falseTrips++;
                }

                t += openSteps - 1; // open for openSteps steps, then look again
            }
        }

        var detections = new List<OutageDetection>();
        foreach (var incident in trace.Incidents.Where(i => i.HasOutage))
        {
            int first = trips.FirstOrDefault(t => t >= incident.OutageStart - horizon && t < incident.End, -1);
            detections.Add(first < 0
                ? new OutageDetection(incident, false, 0, 0)
                : new OutageDetection(incident, true, first - incident.OutageStart, (first - incident.OutageStart) * trace.Options.StepSeconds));
        }

        return new BreakerReplayResult(trips, falseTrips, trace.Steps.Count * trace.Options.StepSeconds / 3600, detections);
    }
}
