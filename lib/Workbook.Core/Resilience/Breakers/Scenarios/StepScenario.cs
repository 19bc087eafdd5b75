namespace Workbook.Core.Resilience.Breakers.Scenarios;

/// <summary>
/// One scenario of a shared scenario file, reduced to what a replay needs: its name, the breaker's settings
/// (as <c>name = value</c> text, for messages), the settings themselves and the steps.
/// </summary>
/// <typeparam name="TSettings">The breaker's settings: <see cref="ConsecutiveFailuresSettings"/>, <see cref="CountWindowSettings"/> or <see cref="BreakerScenarioOptions"/>.</typeparam>
/// <param name="File">The file the scenario comes from, relative to the repository (for messages).</param>
/// <param name="Name">What the scenario shows.</param>
/// <param name="Settings">The breaker's settings.</param>
/// <param name="Steps">The steps, in order.</param>
/// <param name="TimeUnit">The unit of the steps' times: "s" or "ms".</param>
public sealed record StepScenario<TSettings>(string File, string Name, TSettings Settings, IReadOnlyList<ScenarioStep> Steps, string TimeUnit)
    where TSettings : notnull;
