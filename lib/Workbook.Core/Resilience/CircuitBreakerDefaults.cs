using Workbook.Core.Data;

namespace Workbook.Core.Resilience;

/// <summary>
/// The documented circuit-breaker defaults of Netflix Hystrix, Polly v8 and resilience4j, read from
/// <c>data/resilience/circuit-breaker-defaults.csv</c>, and what those defaults do to false trips and detection.
/// </summary>
/// <remarks>
/// Every row names the source file at the release it was checked against. The seed's "netflix" and
/// "amazon" numbers are in the file too (library "seed: ..."); those without a public source are
/// labelled illustrative, which <see cref="Documented"/> leaves out. <see cref="Assess(double)"/>
/// gives exact one-window probabilities (<see cref="BreakerTripMath.FullWindowTripProbability"/>):
/// resilience4j's count-based window does not depend on traffic; Polly's (30 s) and Hystrix's (10 s)
/// time-based windows hold ⌈λT⌉ calls, so at 3.3 requests per second or less Polly's default never
/// trips, and at 1.9 or less Hystrix's. Episode 13, section 3, reads the numbers.
/// </remarks>
public static class CircuitBreakerDefaults
{
    internal const string Resource = "data/resilience/circuit-breaker-defaults.csv";

    private static readonly Lazy<IReadOnlyList<CircuitBreakerDefault>> rows = new(() => Parse(ReadResource(), Resource));

    /// <summary>The baseline failure rates <see cref="Assess(double)"/> uses: 1 % and 5 %.</summary>
    public static IReadOnlyList<double> StandardBaselineRates { get; } = [0.01, 0.05];

    /// <summary>The degraded failure rates <see cref="Assess(double)"/> uses: 20 % and 50 %.</summary>
    public static IReadOnlyList<double> StandardDegradedRates { get; } = [0.2, 0.5];

    /// <summary>Every row of the file, in file order, including the illustrative ones.</summary>
    public static IReadOnlyList<CircuitBreakerDefault> All => rows.Value;

    /// <summary>The rows with a documented source (including the seed's numbers that equal a documented default).</summary>
    public static IReadOnlyList<CircuitBreakerDefault> Documented => All.Where(r => !r.IsIllustrative).ToArray();

    /// <summary>The libraries whose defaults <see cref="TripConditionFor"/> can build: Hystrix, Polly, resilience4j.</summary>
    public static IReadOnlyList<string> Libraries { get; } = ["Hystrix", "Polly", "resilience4j"];

    /// <summary>Looks up one row by library and parameter name (ordinal, case-insensitive).</summary>
    /// <exception cref="KeyNotFoundException">No such row; the message lists the parameters of that library.</exception>
    public static CircuitBreakerDefault Find(string library, string parameter)
    {
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(parameter);
        return All.FirstOrDefault(r =>
                string.Equals(r.Library, library, StringComparison.OrdinalIgnoreCase)
                && string.Equals(r.Parameter, parameter, StringComparison.OrdinalIgnoreCase))
            ?? throw new KeyNotFoundException(
                $"No default '{parameter}' for '{library}' in {Resource}. Its parameters: " +
                $"{string.Join(", ", All.Where(r => string.Equals(r.Library, library, StringComparison.OrdinalIgnoreCase)).Select(r => r.Parameter))}.");
    }

    /// <summary>A library's documented closed-state defaults as a <see cref="TripCondition"/>, with the library's own comparison.</summary>
    /// <param name="library">"Hystrix", "Polly" or "resilience4j" (case-insensitive).</param>
    /// <exception cref="ArgumentException">The library is not one of the three.</exception>
    public static TripCondition TripConditionFor(string library)
    {
        ArgumentNullException.ThrowIfNull(library);
        int Int(string parameter) => checked((int)Number(library, parameter));
        return library.ToUpperInvariant() switch
        {
            "HYSTRIX" => new TripCondition(
                windowKind: SlidingWindowKind.TimeBased,
                windowSize: checked((int)(Number(library, "metrics.rollingStats.timeInMilliseconds") / 1000)),
                minimumThroughput: Int("circuitBreaker.requestVolumeThreshold"),
                failureThreshold: Number(library, "circuitBreaker.errorThresholdPercentage") / 100,
                comparison: TripComparison.TruncatedPercentAtLeast),
            "POLLY" => new TripCondition(
                windowKind: SlidingWindowKind.TimeBased,
                windowSize: Int("SamplingDuration"),
                minimumThroughput: Int("MinimumThroughput"),
                failureThreshold: Number(library, "FailureRatio"),
                comparison: TripComparison.RatioAtLeast),
            "RESILIENCE4J" => new TripCondition(
                windowKind: Find(library, "slidingWindowType").Value == "TIME_BASED" ? SlidingWindowKind.TimeBased : SlidingWindowKind.CountBased,
                windowSize: Int("slidingWindowSize"),
                minimumThroughput: Int("minimumNumberOfCalls"),
                failureThreshold: Number(library, "failureRateThreshold") / 100,
                comparison: TripComparison.PercentAtLeastSingle),
            _ => throw new ArgumentException($"No trip condition for '{library}'; known libraries: {string.Join(", ", Libraries)}.", nameof(library)),
        };
    }

    /// <summary>
    /// For each library's defaults: false-trip probabilities at 1 % and 5 % baseline failure rates and
    /// detection probabilities at 20 % and 50 %, for one evaluation of a full window.
    /// </summary>
    /// <param name="requestsPerSecond">λ, sets the calls in the time-based windows of Polly and Hystrix; a finite number &gt; 0.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="requestsPerSecond"/> is not a finite number &gt; 0.</exception>
    public static IReadOnlyList<DefaultsAssessment> Assess(double requestsPerSecond) =>
        Assess(requestsPerSecond, StandardBaselineRates, StandardDegradedRates);

    /// <summary>As <see cref="Assess(double)"/>, at the failure rates you choose.</summary>
    /// <param name="requestsPerSecond">λ, a finite number &gt; 0.</param>
    /// <param name="baselineRates">Healthy failure rates, each in [0, 1].</param>
    /// <param name="degradedRates">Degraded failure rates, each in [0, 1].</param>
    /// <exception cref="ArgumentNullException">A list is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public static IReadOnlyList<DefaultsAssessment> Assess(double requestsPerSecond, IReadOnlyList<double> baselineRates, IReadOnlyList<double> degradedRates)
    {
        Guard.PositiveFinite(requestsPerSecond, nameof(requestsPerSecond));
        ArgumentNullException.ThrowIfNull(baselineRates);
        ArgumentNullException.ThrowIfNull(degradedRates);
        var result = new List<DefaultsAssessment>();
        foreach (string library in Libraries)
        {
            var condition = TripConditionFor(library);
            int calls = BreakerTripMath.CallsInFullWindow(condition, requestsPerSecond);
            PowerPoint[] Curve(IReadOnlyList<double> rates) =>
                rates.Select(p => new PowerPoint(p, BreakerTripMath.WindowTripProbability(condition, p, calls))).ToArray();

            string simplification = condition.WindowKind == SlidingWindowKind.CountBased
                ? "Count-based window: one evaluation of a full window of the last calls; independent failures."
                : $"Time-based window of {condition.WindowSize} s taken to hold exactly ceil({Guard.Format(requestsPerSecond)} x {condition.WindowSize}) = {calls} calls " +
                  "(evenly spaced arrivals); bucket granularity and re-evaluation timing ignored; independent failures.";
            result.Add(new DefaultsAssessment(
                library,
                Documented.First(r => r.Library == library).Version,
                condition,
                requestsPerSecond,
                calls,
                condition.MinimumFailuresToTrip(calls),
                Curve(baselineRates),
                Curve(degradedRates),
                simplification));
        }

        return result;
    }

    internal static IReadOnlyList<CircuitBreakerDefault> Parse(string csvText, string sourceName)
    {
        var result = new List<CircuitBreakerDefault>();
        foreach (var row in Csv.Parse(csvText, sourceName))
        {
            bool illustrative = row["status"] switch
            {
                "documented" => false,
                "illustrative" => true,
                var other => throw row.Error("status", other, "documented or illustrative"),
            };

            result.Add(new CircuitBreakerDefault(
                row.Text("library"),
                row.Text("version"),
                row.Text("parameter"),
                row.Text("value"),
                row["unit"],
                row.Text("meaning"),
                illustrative,
                row.Text("source")));
        }

        return result;
    }

    private static double Number(string library, string parameter)
    {
        var row = Find(library, parameter);
        return row.NumericValue
            ?? throw new FormatException($"{Resource}: the value of {library} {parameter} is '{row.Value}', not a number.");
    }

    private static string ReadResource()
    {
        var assembly = typeof(CircuitBreakerDefaults).Assembly;
        using var stream = assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException(
                $"The embedded resource '{Resource}' is missing from {assembly.GetName().Name}. Check the EmbeddedResource item in Workbook.Core.csproj.");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
