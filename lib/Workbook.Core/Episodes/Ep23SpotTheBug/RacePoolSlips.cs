using Workbook.Core.Reliability.Races;
using Workbook.Core.Reliability.Races.Interleavings;

namespace Workbook.Core.Episodes.Ep23SpotTheBug;

/// <summary>The typical wrong pools of the race exercises, kept to check that the trials catch them.</summary>
internal static class RacePoolSlips
{
    /// <summary>The lock is taken around the check only: the act runs outside it.</summary>
    internal sealed class LockAroundCheckOnly(SharedList<int> free, SimLock gate) : ISimPool
    {
        public async Task<PoolCheckout> CheckoutAsync(SimThread t)
        {
            await gate.EnterAsync(t);
            int count = await free.CountAsync(t);
            gate.Exit(t);
            if (count == 0)
            {
                return PoolCheckout.NoConnection("the free list was empty");
            }

            int id = await free.LastAsync(t);
            await free.RemoveLastAsync(t);
            return PoolCheckout.Granted(id);
        }

        public async Task ReleaseAsync(SimThread t, int connectionId)
        {
            await gate.EnterAsync(t);
            await free.AddAsync(t, connectionId);
            gate.Exit(t);
        }
    }

    /// <summary>The wait is an <c>if</c>, not a loop: a woken caller does not look again before taking.</summary>
    internal sealed class IfInsteadOfWhile(SharedList<int> free, SimCondition available) : ISimBlockingPool
    {
        public async Task<int> CheckoutAsync(SimThread t)
        {
            await available.Gate.EnterAsync(t);
            if (await free.CountAsync(t) == 0)
            {
                await available.WaitAsync(t);
            }

            int id = await free.LastAsync(t);
            await free.RemoveLastAsync(t);
            available.Gate.Exit(t);
            return id;
        }

        public async Task ReleaseAsync(SimThread t, int connectionId)
        {
            await available.Gate.EnterAsync(t);
            await free.AddAsync(t, connectionId);
            available.Pulse(t);
            available.Gate.Exit(t);
        }
    }
}
