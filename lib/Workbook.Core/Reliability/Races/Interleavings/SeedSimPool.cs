namespace Workbook.Core.Reliability.Races.Interleavings;

/// <summary>The seed's pool in the explorer: check the count, read the last id, remove it — three steps, no lock.</summary>
/// <param name="free">The free ids.</param>
public sealed class SeedSimPool(SharedList<int> free) : ISimPool
{
    /// <inheritdoc/>
    public async Task<PoolCheckout> CheckoutAsync(SimThread t)
    {
        if (await free.CountAsync(t) > 0)
        {
            int id = await free.LastAsync(t);
            await free.RemoveLastAsync(t);
            return PoolCheckout.Granted(id);
        }

        return PoolCheckout.NoConnection("the free list was empty");
    }

    /// <inheritdoc/>
    public async Task ReleaseAsync(SimThread t, int connectionId) => await free.AddAsync(t, connectionId);
}
