using System.Diagnostics.CodeAnalysis;

namespace Workbook.Core.Resilience;

/// <summary>
/// The answer of <see cref="TripCondition.MinimumFailuresToTrip"/>: the fewest failures among a
/// window's calls that trip the breaker, or the statement that no failure count does, with the reason.
/// </summary>
public sealed record FailuresToTrip
{
    internal FailuresToTrip(int calls, int? failures, string reason)
    {
        Calls = calls;
        Failures = failures;
        Reason = reason;
    }

    /// <summary>The number of calls in the window.</summary>
    public int Calls { get; }

    /// <summary>Whether some failure count among <see cref="Calls"/> calls trips the breaker. When false, see <see cref="Reason"/>.</summary>
    [MemberNotNullWhen(true, nameof(Failures))]
    public bool CanTrip => Failures is not null;

    /// <summary>f*, the fewest failures that trip the breaker; null when no count does.</summary>
    public int? Failures { get; }

    /// <summary>Why this is the answer: the first failure count that passes the comparison, or why none does.</summary>
    public string Reason { get; }
}
