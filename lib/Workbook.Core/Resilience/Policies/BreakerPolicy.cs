using Workbook.Core.Resilience.Breakers;

namespace Workbook.Core.Resilience.Policies;

/// <summary>Puts a <see cref="ProductionBreaker"/> into a <see cref="ResiliencePipeline"/>.</summary>
/// <remarks>
/// A rejected call throws <see cref="BrokenCircuitException"/>. Any other exception is recorded as a failure,
/// except a cancellation, which is recorded as nothing, as Polly v8's breaker does by default (its <c>ShouldHandle</c>
/// skips <c>OperationCanceledException</c>). So a timeout placed OUTSIDE the breaker is invisible to it.
/// </remarks>
public sealed class BreakerPolicy : IResiliencePolicy
{
    /// <summary>Creates the policy.</summary>
    /// <param name="breaker">The breaker (shared by every caller of the dependency).</param>
    public BreakerPolicy(ProductionBreaker breaker) => Breaker = breaker ?? throw new ArgumentNullException(nameof(breaker));

    /// <summary>The breaker.</summary>
    public ProductionBreaker Breaker { get; }

    /// <inheritdoc />
    public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (!Breaker.TryAcquire(out var permit))
        {
            throw new BrokenCircuitException();
        }

        T result;
        try
        {
            result = await next(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception)
        {
            Breaker.RecordFailure(permit);
            throw;
        }

        Breaker.RecordSuccess(permit);
        return result;
    }
}
