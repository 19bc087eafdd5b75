namespace Workbook.Core.Reliability.Races.Interleavings;

/// <summary>The fixed pool in the explorer: the check and the act inside one lock.</summary>
/// <param name="free">The free ids.</param>
/// <param name="gate">The pool's lock.</param>
public sealed class LockedSimPool(SharedList<int> free, SimLock gate) : ISimPool
{
    /// <inheritdoc/>
    public async Task<PoolCheckout> CheckoutAsync(SimThread t)
    {
        await gate.EnterAsync(t);
        try
        {
            if (await free.CountAsync(t) == 0)
            {
                return PoolCheckout.NoConnection("the free list was empty");
            }

            int id = await free.LastAsync(t);
            await free.RemoveLastAsync(t);
            return PoolCheckout.Granted(id);
        }
        finally
        {
            gate.Exit(t);
        }
    }

    /// <inheritdoc/>
    public async Task ReleaseAsync(SimThread t, int connectionId)
    {
        await gate.EnterAsync(t);
        try
        {
            await free.AddAsync(t, connectionId);
        }
        finally
        {
            gate.Exit(t);
        }
    }
}
