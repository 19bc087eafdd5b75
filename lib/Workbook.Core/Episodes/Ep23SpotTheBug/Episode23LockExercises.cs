using Workbook.Core.Exercises;

namespace Workbook.Core.Episodes.Ep23SpotTheBug;

/// <summary>Episode 23's exercises for the lock (placeholder until the part is built).</summary>
public static class Episode23LockExercises
{
    /// <summary>The exercises, in notebook order.</summary>
    public static IReadOnlyList<Exercise> All { get; } = [];
}
