namespace Workbook.Core.Resilience;

/// <summary>
/// The answer of <see cref="EwmaRunLength.MarkovChain"/>: the average run length of an EWMA chart in
/// observations, which is infinite when the chart can never signal, with the reason in words.
/// </summary>
/// <param name="Observations">The ARL in observations; <see cref="double.PositiveInfinity"/> when the upper limit is at or above 1.</param>
/// <param name="Reason">How the number was obtained, or why the chart never signals.</param>
public sealed record ExpectedRunLength(double Observations, string Reason)
{
    /// <summary>Whether the chart signals at all; false when z can never exceed the upper limit (<see cref="Observations"/> is +∞).</summary>
    public bool IsFinite => double.IsFinite(Observations);
}
