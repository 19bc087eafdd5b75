using Workbook.Core.Simulation;

namespace Workbook.Core.Resilience.Breakers.Predictive;

/// <summary>What kind of incident a telemetry trace contains.</summary>
public enum IncidentKind
{
    /// <summary>Latency, in-flight calls and errors creep up for 15 to 30 steps, then the dependency fails.</summary>
    GradualDrift,

    /// <summary>The dependency fails with no precursor at all.</summary>
    Sudden,

    /// <summary>A benign spike: latency, in-flight calls and errors rise for 2 to 4 steps and recover; no outage.</summary>
    BenignSpike,
}

/// <summary>One incident of a trace: its kind, first step, the first outage step and the step after its end.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Start">The first step affected (the precursor's start for a drift).</param>
/// <param name="OutageStart">The first step of the outage; equal to <paramref name="End"/> for a benign spike (no outage).</param>
/// <param name="End">The first step after the incident.</param>
public sealed record Incident(IncidentKind Kind, int Start, int OutageStart, int End)
{
    /// <summary>Whether the incident includes an outage.</summary>
    public bool HasOutage => Kind != IncidentKind.BenignSpike;
}

/// <summary>Telemetry of one step (10 s by default) of calls to a dependency.</summary>
/// <param name="Step">The step index.</param>
/// <param name="P99LatencyMs">The 0.99 latency percentile of the step, ms.</param>
/// <param name="Calls">Calls made in the step.</param>
/// <param name="Failures">Failed calls in the step.</param>
/// <param name="InFlight">Mean calls in flight (queue depth) during the step.</param>
/// <param name="TrueFailureRate">The per-call failure probability the simulation used (hidden from the breakers).</param>
/// <param name="InOutage">Whether the step is part of an outage (true failure rate at least 0.5).</param>
public sealed record TelemetryStep(int Step, double P99LatencyMs, int Calls, int Failures, double InFlight, double TrueFailureRate, bool InOutage)
{
    /// <summary>Failures / calls of the step.</summary>
    public double ErrorRate => (double)Failures / Calls;
}

/// <summary>Options of <see cref="SyntheticTelemetry"/>; validated here.</summary>
public sealed record TelemetryOptions
{
    /// <summary>Creates and validates the options.</summary>
    /// <param name="steps">Steps in the trace; an integer &gt;= 100.</param>
    /// <param name="stepSeconds">Seconds per step; a finite number &gt; 0.</param>
    /// <param name="callsPerStep">Calls per step; an integer &gt;= 1.</param>
    /// <param name="baselineFailureRate">The healthy per-call failure probability; in [0, 0.5).</param>
    /// <param name="meanStepsBetweenIncidents">Mean gap between outages (exponential); a finite number &gt;= 50.</param>
    /// <param name="meanStepsBetweenSpikes">Mean gap between benign spikes (exponential); a finite number &gt;= 10.</param>
    /// <param name="suddenFraction">The share of outages that are sudden (no precursor); in [0, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is outside its range.</exception>
    public TelemetryOptions(
        int steps = 8640,
        double stepSeconds = 10,
        int callsPerStep = 50,
        double baselineFailureRate = 0.02,
        double meanStepsBetweenIncidents = 240,
        double meanStepsBetweenSpikes = 120,
        double suddenFraction = 0.4)
    {
        Steps = Guard.AtLeast(steps, 100, nameof(steps));
        StepSeconds = Guard.PositiveFinite(stepSeconds, nameof(stepSeconds));
        CallsPerStep = Guard.AtLeast(callsPerStep, 1, nameof(callsPerStep));
        BaselineFailureRate = Guard.InRangeInclusive(baselineFailureRate, 0, 0.4999, nameof(baselineFailureRate));
        MeanStepsBetweenIncidents = Guard.AtLeastFinite(meanStepsBetweenIncidents, 50, nameof(meanStepsBetweenIncidents));
        MeanStepsBetweenSpikes = Guard.AtLeastFinite(meanStepsBetweenSpikes, 10, nameof(meanStepsBetweenSpikes));
        SuddenFraction = Guard.Probability(suddenFraction, nameof(suddenFraction));
    }

    /// <summary>Steps in the trace (default 8,640: one day of 10 s steps).</summary>
    public int Steps { get; }

    /// <summary>Seconds per step (default 10).</summary>
    public double StepSeconds { get; }

    /// <summary>Calls per step (default 50, 5 per second).</summary>
    public int CallsPerStep { get; }

    /// <summary>The healthy per-call failure probability (default 0.02).</summary>
    public double BaselineFailureRate { get; }

    /// <summary>Mean steps between outages (default 240, 40 minutes).</summary>
    public double MeanStepsBetweenIncidents { get; }

    /// <summary>Mean steps between benign spikes (default 120).</summary>
    public double MeanStepsBetweenSpikes { get; }

    /// <summary>The share of outages with no precursor (default 0.4).</summary>
    public double SuddenFraction { get; }

    /// <summary>The same options without any incident or spike (a healthy baseline trace).</summary>
    public TelemetryOptions HealthyOnly() => new(Steps, StepSeconds, CallsPerStep, BaselineFailureRate, 1e12, 1e12, SuddenFraction);
}

/// <summary>A generated trace: the steps and the incidents in it.</summary>
/// <param name="Options">The options it was generated with.</param>
/// <param name="Seed">The seed.</param>
/// <param name="Steps">One record per step.</param>
/// <param name="Incidents">The incidents, in time order.</param>
public sealed record TelemetryTrace(TelemetryOptions Options, long Seed, IReadOnlyList<TelemetryStep> Steps, IReadOnlyList<Incident> Incidents)
{
    /// <summary>Whether an outage is under way at <paramref name="step"/> or starts within the next <paramref name="horizon"/> steps.</summary>
    /// <param name="step">The step.</param>
    /// <param name="horizon">H, steps ahead; &gt;= 0.</param>
    public bool OutageWithin(int step, int horizon)
    {
        int last = Math.Min(Steps.Count - 1, step + horizon);
        for (int t = step; t <= last; t++)
        {
            if (Steps[t].InOutage)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>
/// Seeded synthetic telemetry of calls to one dependency: a healthy baseline with noise, benign spikes,
/// outages preceded by a slow drift and sudden outages with no precursor.
/// </summary>
/// <remarks>
/// Illustrative, not measured: every shape (latency ×(1 + 1.5s) during a drift of progress s, ×4 in an
/// outage, failure rate 0.7 in an outage) is a modelling choice that makes the question "can a model
/// see an outage coming?" answerable. Failures are Binomial(calls, rate) draws; latency and in-flight
/// carry log-normal and normal noise.
/// </remarks>
public static class SyntheticTelemetry
{
    /// <summary>Generates a trace.</summary>
    /// <param name="options">The options.</param>
    /// <param name="seed">The seed; the same seed gives the same trace.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public static TelemetryTrace Generate(TelemetryOptions options, long seed)
    {
        ArgumentNullException.ThrowIfNull(options);
        var rng = new Xoshiro256StarStar(seed);
        var normal = new PolarNormalSampler();
        int n = options.Steps;
        var latencyFactor = new double[n];
        var inFlightExtra = new double[n];
        var rate = new double[n];
        Array.Fill(latencyFactor, 1.0);
        Array.Fill(rate, options.BaselineFailureRate);
        var incidents = new List<Incident>();

        // Outages: exponential gaps, at least 60 steps apart.
        int t0 = Gap(60, rng.NextExponential(options.MeanStepsBetweenIncidents), n);
        while (t0 < n - 60)
        {
            bool sudden = rng.NextDouble() < options.SuddenFraction;
            int precursor = sudden ? 0 : 15 + (int)(rng.NextDouble() * 16);
            int outage = 10 + (int)(rng.NextDouble() * 11);
            int start = t0, outageStart = t0 + precursor, end = Math.Min(n, outageStart + outage);
            for (int t = start; t < outageStart && t < n; t++)
            {
                double s = (t - start + 1) / (double)precursor;
                latencyFactor[t] = 1 + (1.5 * s);
                inFlightExtra[t] = 25 * s;
                rate[t] = options.BaselineFailureRate + (0.02 * s);
            }

            for (int t = outageStart; t < end; t++)
            {
                latencyFactor[t] = 4;
                inFlightExtra[t] = 40;
                rate[t] = 0.7;
            }

            incidents.Add(new Incident(sudden ? IncidentKind.Sudden : IncidentKind.GradualDrift, start, outageStart, end));
            t0 = Gap(end + 60, rng.NextExponential(options.MeanStepsBetweenIncidents), n);
        }

        // Benign spikes where nothing else happens.
        int s0 = Gap(0, rng.NextExponential(options.MeanStepsBetweenSpikes), n);
        while (s0 < n - 5)
        {
            int length = 2 + (int)(rng.NextDouble() * 3);
            bool free = incidents.TrueForAll(i => s0 + length + 5 <= i.Start || s0 >= i.End + 5);
            if (free)
            {
                for (int t = s0; t < s0 + length; t++)
                {
                    latencyFactor[t] = 2.5;
                    inFlightExtra[t] = 15;
                    rate[t] = options.BaselineFailureRate + 0.06;
                }

                incidents.Add(new Incident(IncidentKind.BenignSpike, s0, s0 + length, s0 + length));
            }

            s0 = Gap(s0 + length + 1, rng.NextExponential(options.MeanStepsBetweenSpikes), n);
        }

        var steps = new TelemetryStep[n];
        for (int t = 0; t < n; t++)
        {
            int failures = 0;
            for (int c = 0; c < options.CallsPerStep; c++)
            {
                if (rng.NextDouble() < rate[t])
                {
                    failures++;
                }
            }

            double latency = 120 * latencyFactor[t] * Math.Exp(0.08 * normal.Next(ref rng));
            double inFlight = Math.Max(0, 20 + inFlightExtra[t] + (3 * normal.Next(ref rng)));
            steps[t] = new TelemetryStep(t, latency, options.CallsPerStep, failures, inFlight, rate[t], rate[t] >= 0.5);
        }

        incidents.Sort((a, b) => a.Start.CompareTo(b.Start));
        return new TelemetryTrace(options, seed, steps, incidents);
    }

    // from + gap, capped at n (past the end) so a huge mean gap cannot overflow.
    private static int Gap(int from, double gap, int n) => from + gap >= n ? n : from + (int)gap;
}
