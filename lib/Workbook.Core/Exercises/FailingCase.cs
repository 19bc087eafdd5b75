namespace Workbook.Core.Exercises;

/// <summary>The first case on which an answer went wrong, formatted for display.</summary>
/// <param name="Number">1-based case number.</param>
/// <param name="Input">The arguments, as <c>name = value</c> pairs.</param>
/// <param name="Expected">What the reference solution returns.</param>
/// <param name="Actual">What the answer returned, or the exception it threw.</param>
public sealed record FailingCase(int Number, string Input, string Expected, string Actual);
