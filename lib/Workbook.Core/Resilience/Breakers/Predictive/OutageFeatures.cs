namespace Workbook.Core.Resilience.Breakers.Predictive;

/// <summary>
/// The features a predictive breaker sees at one step, from that step's and earlier telemetry only:
/// log p99 latency, error rate, in-flight calls, and the change of log latency and of in-flight calls
/// over the last <see cref="Lag"/> steps (a drift shows in the changes before it shows in errors).
/// </summary>
public static class OutageFeatures
{
    /// <summary>The steps over which the changes are taken.</summary>
    public const int Lag = 5;

    /// <summary>The feature names, in order.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["log p99 latency", "error rate", "in-flight calls", "change of log p99 over 5 steps", "change of in-flight over 5 steps"];

    /// <summary>The raw (unstandardized) features at <paramref name="step"/>.</summary>
    /// <param name="trace">The trace.</param>
    /// <param name="step">The step; in [0, steps). Before step <see cref="Lag"/> the changes are 0.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is outside the trace.</exception>
    public static double[] Raw(TelemetryTrace trace, int step)
    {
        ArgumentNullException.ThrowIfNull(trace);
        if (step < 0 || step >= trace.Steps.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(step), $"{nameof(step)} must be an integer in [0, {trace.Steps.Count - 1}]; got {step}.");
        }

        var s = trace.Steps[step];
        var before = trace.Steps[Math.Max(0, step - Lag)];
        return [Math.Log(s.P99LatencyMs), s.ErrorRate, s.InFlight, Math.Log(s.P99LatencyMs) - Math.Log(before.P99LatencyMs), s.InFlight - before.InFlight];
    }
}

/// <summary>Per-feature means and standard deviations, fitted on a training trace and then fixed.</summary>
/// <param name="Means">The means.</param>
/// <param name="StandardDeviations">The standard deviations (a constant feature gets 1, so it standardizes to 0).</param>
public sealed record FeatureScaling(IReadOnlyList<double> Means, IReadOnlyList<double> StandardDeviations)
{
    /// <summary>Fits the scaling to every step of <paramref name="trace"/> (Welford's one-pass mean and variance).</summary>
    /// <param name="trace">The training trace.</param>
    public static FeatureScaling Fit(TelemetryTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        int k = OutageFeatures.Names.Count;
        var mean = new double[k];
        var m2 = new double[k];
        for (int t = 0; t < trace.Steps.Count; t++)
        {
            var x = OutageFeatures.Raw(trace, t);
            for (int j = 0; j < k; j++)
            {
                double d = x[j] - mean[j];
                mean[j] += d / (t + 1);
                m2[j] += d * (x[j] - mean[j]);
            }
        }

        var sd = m2.Select(v => Math.Sqrt(v / (trace.Steps.Count - 1))).Select(v => v > 0 ? v : 1).ToArray();
        return new FeatureScaling(mean, sd);
    }

    /// <summary>(x − mean) / sd for each feature.</summary>
    /// <param name="raw">Raw features from <see cref="OutageFeatures.Raw"/>.</param>
    public double[] Standardize(IReadOnlyList<double> raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        return raw.Select((x, j) => (x - Means[j]) / StandardDeviations[j]).ToArray();
    }
}
