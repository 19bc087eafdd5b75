namespace Workbook.Core.Resilience.Policies;

/// <summary>Replaces a failure with a substitute result (a cached value, a default, a degraded answer).</summary>
/// <typeparam name="TResult">The result type it substitutes; the pipeline must be run with this type.</typeparam>
/// <remarks>
/// Usually the outermost layer, so it also catches an open circuit, a full bulkhead and the last retry's failure.
/// A cancellation by the caller is not replaced.
/// </remarks>
public sealed class FallbackPolicy<TResult> : IResiliencePolicy
{
    private readonly Func<Exception, TResult> _fallback;

    /// <summary>Creates the policy.</summary>
    /// <param name="fallback">Makes the substitute from the failure.</param>
    public FallbackPolicy(Func<Exception, TResult> fallback) => _fallback = fallback ?? throw new ArgumentNullException(nameof(fallback));

    /// <summary>How many failures were replaced so far.</summary>
    public int Replaced { get; private set; }

    /// <inheritdoc />
    public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (typeof(T) != typeof(TResult))
        {
            throw new InvalidOperationException($"This fallback substitutes {typeof(TResult).Name}; the pipeline was run for {typeof(T).Name}.");
        }

        try
        {
            return await next(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!(e is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            Replaced++;
            return (T)(object)_fallback(e)!;
        }
    }
}
