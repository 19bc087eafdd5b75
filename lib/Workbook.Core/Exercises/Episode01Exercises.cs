namespace Workbook.Core.Exercises;

/// <summary>Episode 1 exercises (placeholder until the physics library lands).</summary>
public static class Episode01Exercises
{
    /// <summary>All episode 1 exercises.</summary>
    public static IReadOnlyList<Exercise> All { get; } = [];
}
