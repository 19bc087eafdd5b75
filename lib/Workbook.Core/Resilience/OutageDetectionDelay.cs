using System.Diagnostics.CodeAnalysis;

namespace Workbook.Core.Resilience;

/// <summary>
/// The answer of <see cref="BreakerTripMath.DetectionDelayAllFailures"/>: how long a breaker takes to
/// trip once every call fails, or the statement that it never trips, with the reason.
/// </summary>
public sealed record OutageDetectionDelay
{
    internal OutageDetectionDelay(double requestsPerSecond, FailuresToTrip failuresToTrip)
    {
        RequestsPerSecond = requestsPerSecond;
        CallsInWindow = failuresToTrip.Calls;
        FailuresToTrip = failuresToTrip.Failures;
        Seconds = failuresToTrip.Failures / requestsPerSecond;
        Reason = failuresToTrip.CanTrip
            ? $"{FailuresToTrip} failures trip a full window of {CallsInWindow} calls; at {Guard.Format(requestsPerSecond)} calls per second they take {FailuresToTrip} / {Guard.Format(requestsPerSecond)} = {Guard.Format(Seconds!.Value)} s."
            : $"The breaker never trips. {failuresToTrip.Reason}";
    }

    /// <summary>λ, the request rate, per second.</summary>
    public double RequestsPerSecond { get; }

    /// <summary>N, the calls a full window holds at this rate.</summary>
    public int CallsInWindow { get; }

    /// <summary>Whether the breaker trips at all. When false, see <see cref="Reason"/>.</summary>
    [MemberNotNullWhen(true, nameof(FailuresToTrip), nameof(Seconds))]
    public bool Trips => Seconds is not null;

    /// <summary>f*, the failures among <see cref="CallsInWindow"/> calls that trip the breaker; null when it never trips.</summary>
    public int? FailuresToTrip { get; }

    /// <summary>The delay f*/λ in seconds from the start of the outage to the call that trips; null when it never trips.</summary>
    public double? Seconds { get; }

    /// <summary>Why this is the answer, in one sentence.</summary>
    public string Reason { get; }
}
