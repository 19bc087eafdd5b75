namespace Workbook.Core.Resilience;

/// <summary>
/// What a library's default breaker does at a given traffic: how many calls a full window holds, how
/// many failures trip it, and its exact false-trip and detection probabilities for one full-window evaluation.
/// </summary>
/// <param name="Library">The library.</param>
/// <param name="Version">The version whose defaults were used.</param>
/// <param name="Condition">The defaults as a <see cref="TripCondition"/>.</param>
/// <param name="RequestsPerSecond">The request rate assumed for time-based windows.</param>
/// <param name="CallsInWindow">Calls in a full window (⌈rate × window⌉ for a time-based window).</param>
/// <param name="MinimumFailuresToTrip">The smallest failure count in a full window that trips, or why none does (a window below the minimum throughput).</param>
/// <param name="FalseTrip">Trip probability at each baseline failure rate.</param>
/// <param name="Detection">Trip probability at each degraded failure rate.</param>
/// <param name="Simplification">What the numbers leave out for this library.</param>
public sealed record DefaultsAssessment(
    string Library,
    string Version,
    TripCondition Condition,
    double RequestsPerSecond,
    int CallsInWindow,
    FailuresToTrip MinimumFailuresToTrip,
    IReadOnlyList<PowerPoint> FalseTrip,
    IReadOnlyList<PowerPoint> Detection,
    string Simplification);
