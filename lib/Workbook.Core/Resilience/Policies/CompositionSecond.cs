namespace Workbook.Core.Resilience.Policies;

/// <summary>One second of a <see cref="CompositionRun"/>: requests that arrived in it, calls the dependency received and successes.</summary>
/// <param name="Second">The second, from 0.</param>
/// <param name="Requests">Logical requests that arrived in this second.</param>
/// <param name="DependencyCalls">Calls (first attempts and retries) the dependency received in this second.</param>
/// <param name="Successes">Requests that arrived in this second and succeeded.</param>
public sealed record CompositionSecond(int Second, int Requests, int DependencyCalls, int Successes)
{
    /// <summary>Successes / requests (1 for a second with no request).</summary>
    public double SuccessRate => Requests == 0 ? 1 : (double)Successes / Requests;
}
