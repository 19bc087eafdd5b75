namespace Workbook.Core.Resilience.Policies;

/// <summary>The result of one <see cref="CompositionSimulation"/> run: every request and every call on the dependency.</summary>
public sealed class CompositionRun
{
    internal CompositionRun(CompositionOrder order, CompositionSimulationOptions options, IReadOnlyList<SimulatedRequest> requests, IReadOnlyList<double> callTimes, int breakerOpenings)
    {
        Order = order;
        Options = options;
        Requests = requests;
        CallTimes = callTimes;
        BreakerOpenings = breakerOpenings;
    }

    /// <summary>The pipeline order simulated.</summary>
    public CompositionOrder Order { get; }

    /// <summary>The options of the run.</summary>
    public CompositionSimulationOptions Options { get; }

    /// <summary>Every logical request, in arrival order.</summary>
    public IReadOnlyList<SimulatedRequest> Requests { get; }

    /// <summary>When each call on the dependency started, in ms (first attempts and retries).</summary>
    public IReadOnlyList<double> CallTimes { get; }

    /// <summary>How many times the breaker went from closed or half-open to open.</summary>
    public int BreakerOpenings { get; }

    /// <summary>Dependency calls per logical request over the whole run: the retry amplification (0 with no request).</summary>
    public double AttemptsPerRequest => Requests.Count == 0 ? 0 : (double)Requests.Sum(r => r.Attempts) / Requests.Count;

    /// <summary>Dependency calls per logical request for the requests that arrived during the outage.</summary>
    public double OutageAttemptsPerRequest
    {
        get
        {
            var during = Requests.Where(r => Options.InOutage(r.StartMilliseconds)).ToList();
            return during.Count == 0 ? 0 : (double)during.Sum(r => r.Attempts) / during.Count;
        }
    }

    /// <summary>The share of requests that succeeded (0 with no request).</summary>
    public double SuccessRate => Requests.Count == 0 ? 0 : (double)Requests.Count(r => r.Succeeded) / Requests.Count;

    /// <summary>A latency percentile of all requests (nearest rank), in ms.</summary>
    /// <param name="fraction">The percentile as a fraction in (0, 1), e.g. 0.99.</param>
    /// <returns>The smallest latency with at least that fraction of requests at or below it.</returns>
    /// <exception cref="InvalidOperationException">The run had no request.</exception>
    public double LatencyPercentile(double fraction)
    {
        Guard.InRangeExclusive(fraction, 0, 1, nameof(fraction));
        if (Requests.Count == 0)
        {
            throw new InvalidOperationException("The run had no request: raise the rate or the duration.");
        }

        var sorted = Requests.Select(r => r.LatencyMilliseconds).Order().ToArray();
        var rank = (int)Math.Ceiling(fraction * sorted.Length);
        return sorted[Math.Max(rank, 1) - 1];
    }

    /// <summary>The run second by second: requests, dependency calls and successes.</summary>
    /// <returns>One row per second of the run.</returns>
    public IReadOnlyList<CompositionSecond> PerSecond()
    {
        var seconds = (int)Math.Ceiling(Options.DurationMilliseconds / 1000);
        var requests = new int[seconds];
        var successes = new int[seconds];
        var calls = new int[seconds];
        foreach (var r in Requests)
        {
            var s = Math.Min(seconds - 1, (int)(r.StartMilliseconds / 1000));
            requests[s]++;
            successes[s] += r.Succeeded ? 1 : 0;
        }

        foreach (var t in CallTimes)
        {
            calls[Math.Min(seconds - 1, (int)(t / 1000))]++;
        }

        return [.. Enumerable.Range(0, seconds).Select(s => new CompositionSecond(s, requests[s], calls[s], successes[s]))];
    }
}
