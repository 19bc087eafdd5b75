namespace Workbook.Core.Exercises;

/// <summary>
/// The two calls a notebook's check cells make: <c>Check("ep01.x", MyFunction)</c> and
/// <c>Hints("ep01.x")</c>. Import with <c>using static Workbook.Core.Exercises.Checks;</c>.
/// </summary>
public static class Checks
{
    /// <summary>Checks the learner's function against the exercise with the given id.</summary>
    /// <param name="exerciseId">The exercise id shown in the starter cell.</param>
    /// <param name="answer">The learner's function (a method group converts to <see cref="Delegate"/>).</param>
    /// <returns>A result that notebooks display as a coloured box and terminals as text.</returns>
    public static CheckResult Check(string exerciseId, Delegate? answer) =>
        ExerciseChecker.Check(ExerciseCatalog.Get(exerciseId), answer);

    /// <summary>The hints of an exercise, from gentle to explicit.</summary>
    public static IReadOnlyList<string> Hints(string exerciseId) => ExerciseCatalog.Get(exerciseId).Hints;
}
