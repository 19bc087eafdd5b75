namespace Workbook.Core.Resilience.Breakers.SideBySide;

/// <summary>The random choices behind one generated step (see <see cref="BreakerScenarioGenerator"/>).</summary>
/// <param name="Back">How many steps back the anchor is, 0 to 8.</param>
/// <param name="Delta">Which gap is added to the anchor's time, 0 to 13.</param>
/// <param name="Random">Raw material for the random gaps, &gt;= 0.</param>
/// <param name="Kind">Below 8 an advance, else a call (0 to 99).</param>
/// <param name="Fail">The call fails if below the scenario's failure percentage (0 to 99).</param>
internal readonly record struct StepChoice(int Back, int Delta, int Random, int Kind, int Fail);
