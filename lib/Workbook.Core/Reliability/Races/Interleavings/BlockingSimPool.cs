namespace Workbook.Core.Reliability.Races.Interleavings;

/// <summary>The blocking pool in the explorer: wait on a condition in a loop while the free list is empty; a release pulses.</summary>
/// <param name="free">The free ids.</param>
/// <param name="available">The condition "a connection is free", tied to the pool's lock.</param>
public sealed class BlockingSimPool(SharedList<int> free, SimCondition available) : ISimBlockingPool
{
    /// <inheritdoc/>
    public async Task<int> CheckoutAsync(SimThread t)
    {
        await available.Gate.EnterAsync(t);
        while (await free.CountAsync(t) == 0)     // a loop, not an if: another caller may take the id before we re-enter
        {
            await available.WaitAsync(t);
        }

        int id = await free.LastAsync(t);
        await free.RemoveLastAsync(t);
        available.Gate.Exit(t);
        return id;
    }

    /// <inheritdoc/>
    public async Task ReleaseAsync(SimThread t, int connectionId)
    {
        await available.Gate.EnterAsync(t);
        await free.AddAsync(t, connectionId);
        available.Pulse(t);
        available.Gate.Exit(t);
    }
}
