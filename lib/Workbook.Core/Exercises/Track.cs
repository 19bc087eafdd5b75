namespace Workbook.Core.Exercises;

/// <summary>The depth of an exercise: which learners it is written for.</summary>
public enum Track
{
    /// <summary>One formula, applied carefully (units, factors of two).</summary>
    Beginner,

    /// <summary>Combines two ideas or needs a derivation step.</summary>
    Intermediate,

    /// <summary>A model built end to end, with its assumptions made explicit.</summary>
    Expert,
}
