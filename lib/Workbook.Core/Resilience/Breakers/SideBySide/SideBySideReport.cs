namespace Workbook.Core.Resilience.Breakers.SideBySide;

/// <summary>What <see cref="BreakerSideBySide.Compare(IEnumerable{BreakerScenario})"/> found: how much was compared and the first disagreement.</summary>
/// <param name="Scenarios">Scenarios run through both breakers.</param>
/// <param name="Steps">Steps in those scenarios.</param>
/// <param name="Trips">Closed → Open transitions in Polly's runs.</param>
/// <param name="Probes">Open → HalfOpen transitions in Polly's runs (each admits one probe call).</param>
/// <param name="Mismatches">Scenarios on which the two runs differ anywhere.</param>
/// <param name="Agrees">True if every scenario agreed.</param>
/// <param name="FirstMismatchScenario">The name of the first scenario that differed; empty when all agree.</param>
/// <param name="FirstMismatch">The first difference in words (<see cref="BreakerRun.FirstMismatch(BreakerRun, string, string)"/>); "agree" when all agree.</param>
public sealed record SideBySideReport(
    int Scenarios, int Steps, int Trips, int Probes, int Mismatches, bool Agrees, string FirstMismatchScenario, string FirstMismatch);
