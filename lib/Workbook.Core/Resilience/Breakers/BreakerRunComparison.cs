namespace Workbook.Core.Resilience.Breakers;

/// <summary>The result of comparing a <see cref="BreakerRun"/> with a scenario's expectations or with another run.</summary>
/// <param name="Agrees">True if every step and every transition agree.</param>
/// <param name="StepIndex">The first step that disagrees (or, for a transition, the step that made it); -1 when they agree or only the transition lists' lengths differ at the end.</param>
/// <param name="Reason">Why they disagree, in words; "agree" when they do.</param>
public sealed record BreakerRunComparison(bool Agrees, int StepIndex, string Reason)
{
    internal static BreakerRunComparison Agreement { get; } = new(true, -1, "agree");
}
