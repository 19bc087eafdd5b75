namespace Workbook.Core.Resilience.Policies;

/// <summary>
/// Policies wrapped around a call in an explicit order, outermost first:
/// <c>new ResiliencePipeline(fallback, retry, breaker, timeout)</c> runs fallback(retry(breaker(timeout(call)))).
/// </summary>
/// <remarks>
/// The order matters (episode 22, <see cref="CompositionSimulation"/>): retry outside the breaker lets the breaker
/// count every attempt and stop the retries once it opens; timeout inside the retry gives each attempt its own
/// deadline. Polly v8's <c>ResiliencePipelineBuilder</c> uses the same rule: the first strategy added is the outermost.
/// </remarks>
public sealed class ResiliencePipeline
{
    private readonly IResiliencePolicy[] _outermostFirst;

    /// <summary>Creates the pipeline.</summary>
    /// <param name="outermostFirst">The policies, the first one outermost; none may be null (an empty list runs the call alone).</param>
    public ResiliencePipeline(params IResiliencePolicy[] outermostFirst)
    {
        ArgumentNullException.ThrowIfNull(outermostFirst);
        if (outermostFirst.Any(p => p is null))
        {
            throw new ArgumentException("Every policy must be non-null.", nameof(outermostFirst));
        }

        _outermostFirst = [.. outermostFirst];
    }

    /// <summary>The policies, outermost first.</summary>
    public IReadOnlyList<IResiliencePolicy> Policies => _outermostFirst;

    /// <summary>Runs <paramref name="call"/> through every policy.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="call">The call; it must honour its cancellation token.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <returns>The call's (or the fallback's) result.</returns>
    public Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        // Wrap from the inside out: the last policy wraps the call, the first wraps everything.
        var next = call;
        for (var i = _outermostFirst.Length - 1; i >= 0; i--)
        {
            var policy = _outermostFirst[i];
            var inner = next;
            next = token => policy.ExecuteAsync(inner, token);
        }

        return next(cancellationToken);
    }
}
