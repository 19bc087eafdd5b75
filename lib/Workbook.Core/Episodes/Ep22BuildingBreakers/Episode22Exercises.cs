using Workbook.Core.Exercises;

namespace Workbook.Core.Episodes.Ep22BuildingBreakers;

/// <summary>The exercises of episode 22 — building circuit breakers (a stub until they are written).</summary>
public static class Episode22Exercises
{
    /// <summary>Every exercise of episode 22, in notebook order.</summary>
    public static IReadOnlyList<Exercise> All { get; } = [];
}
