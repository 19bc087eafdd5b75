namespace Workbook.Core.Resilience.Policies;

/// <summary>One logical request of a <see cref="CompositionSimulation"/>.</summary>
/// <param name="StartMilliseconds">When it arrived.</param>
/// <param name="EndMilliseconds">When the caller got its answer (success, failure, rejection or timeout).</param>
/// <param name="Succeeded">Whether the caller got a successful result.</param>
/// <param name="Attempts">Calls it made on the dependency (0 when the breaker rejected it).</param>
public sealed record SimulatedRequest(double StartMilliseconds, double EndMilliseconds, bool Succeeded, int Attempts)
{
    /// <summary>The latency the caller saw, in ms.</summary>
    public double LatencyMilliseconds => EndMilliseconds - StartMilliseconds;
}
