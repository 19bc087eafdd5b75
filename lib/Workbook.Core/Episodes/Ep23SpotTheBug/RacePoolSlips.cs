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

    /// <summary>Off by one: takes only when more than one connection is free, so the last one is never handed out.</summary>
    internal sealed class OffByOneCount(SharedList<int> free, SimLock gate) : ISimPool
    {
        public async Task<PoolCheckout> CheckoutAsync(SimThread t)
        {
            await gate.EnterAsync(t);
            try
            {
                if (await free.CountAsync(t) > 1)
                {
                    int id = await free.LastAsync(t);
                    await free.RemoveLastAsync(t);
                    return PoolCheckout.Granted(id);
                }

                return PoolCheckout.NoConnection("the free list was empty");
            }
            finally
            {
                gate.Exit(t);
            }
        }

        public async Task ReleaseAsync(SimThread t, int connectionId)
        {
            await gate.EnterAsync(t);
            await free.AddAsync(t, connectionId);
            gate.Exit(t);
        }
    }

    /// <summary>Safe by doing nothing: every checkout is refused, so no schedule can double-check out.</summary>
    internal sealed class AlwaysRefuses : ISimPool
    {
        public Task<PoolCheckout> CheckoutAsync(SimThread t) => Task.FromResult(PoolCheckout.NoConnection("no connection"));

        public Task ReleaseAsync(SimThread t, int connectionId) => Task.CompletedTask;
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
