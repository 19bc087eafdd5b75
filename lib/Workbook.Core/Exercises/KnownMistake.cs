namespace Workbook.Core.Exercises;

/// <summary>
/// A typical wrong answer to an exercise, kept beside the reference so that the checker can
/// recognise it and give a specific hint.
/// </summary>
/// <remarks>
/// Every known mistake must fail at least one case or the trial of its exercise; <see cref="Exercise.Validate"/>
/// enforces that, so a checker that cannot tell the mistake from the reference is caught in tests.
/// </remarks>
/// <param name="Name">A short name for the mistake ("bytes instead of bits").</param>
/// <param name="Answer">The wrong answer, with the same signature as the reference.</param>
/// <param name="Hint">What to tell a learner whose answer behaves like this one.</param>
public sealed record KnownMistake(string Name, Delegate Answer, string Hint);
