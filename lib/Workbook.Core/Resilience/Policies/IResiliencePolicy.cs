namespace Workbook.Core.Resilience.Policies;

/// <summary>One layer of a <see cref="ResiliencePipeline"/>: it runs the next layer (ultimately the call) and may retry, time out, reject or replace it.</summary>
public interface IResiliencePolicy
{
    /// <summary>Runs <paramref name="next"/> under this policy.</summary>
    /// <typeparam name="T">The call's result type.</typeparam>
    /// <param name="next">The inner layers and the call; it must honour its cancellation token.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <returns>The result, or the exception of the last failure.</returns>
    Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> next, CancellationToken cancellationToken);
}
