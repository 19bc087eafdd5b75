namespace Workbook.Core.Exercises;

/// <summary>What a check concluded about a learner's answer.</summary>
public enum CheckStatus
{
    /// <summary>The starter code is still in place (it throws <see cref="NotImplementedException"/>).</summary>
    NotAttempted,

    /// <summary>Every case matched the reference solution within the exercise's tolerance.</summary>
    Passed,

    /// <summary>At least one case returned a wrong value; the result names the first one.</summary>
    Failed,

    /// <summary>The answer threw an exception other than <see cref="NotImplementedException"/>.</summary>
    Error,

    /// <summary>The answer did not return within the time bound and was abandoned.</summary>
    TimedOut,
}
