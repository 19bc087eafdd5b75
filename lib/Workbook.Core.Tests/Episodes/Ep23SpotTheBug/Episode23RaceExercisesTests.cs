using Workbook.Core.Episodes.Ep23SpotTheBug;
using Workbook.Core.Exercises;
using Workbook.Core.Reliability.Races;
using Workbook.Core.Reliability.Races.Interleavings;

namespace Workbook.Core.Tests.Episodes.Ep23SpotTheBug;

/// <summary>The race exercises' trials, seen from the learner: what they report for the reference, the known mistakes and other wrong pools.</summary>
public sealed class Episode23RaceExercisesTests
{
    [Theory]
    [InlineData("ep23.fix-pool")]
    [InlineData("ep23.blocking-pool")]
    public void Reference_PassesEverySchedule(string id)
    {
        var exercise = ExerciseCatalog.Get(id);
        var result = ExerciseChecker.Check(exercise, exercise.Reference);
        Assert.Equal(CheckStatus.Passed, result.Status);
        Assert.Contains("every schedule of 3 races", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FixPool_LockAroundCheckOnly_FailsWithADoubleCheckoutAndItsTrace()
    {
        // By hand, depth first (t1 first at every choice): t1 enters, counts 2, exits; t1 reads last = 1 — the first
        // schedule is fine. The first failing one: t1 enter, count, exit; t2 enter, count, exit ... then both read 1.
        var exercise = ExerciseCatalog.Get("ep23.fix-pool");
        var mistake = exercise.KnownMistakes.Single(m => m.Name == "lock around the check only");
        var result = ExerciseChecker.Check(exercise, mistake.Answer);
        Assert.Equal(CheckStatus.Failed, result.Status);
        Assert.Equal(mistake.Hint, result.Hint);
        Assert.Contains("double checkout: t2 got connection 1, which t1 holds", result.Message, StringComparison.Ordinal);
        Assert.StartsWith("race \"2 threads, 2 connections\", schedule ", result.FailingCase!.Input, StringComparison.Ordinal);
        Assert.Contains("t2 reads free[last] = 1", result.Details, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("count > 1 (off by one)", "refused: t2 got no connection, though the pool has 2 for 2 threads (the free list held 1 of 2 when it asked)")]
    [InlineData("always refuses", "refused: t1 got no connection, though the pool has 2 for 2 threads (the free list held 2 of 2 when it asked)")]
    public void FixPool_PoolsThatRefuse_FailTheLivenessCheckWithTheirOwnHint(string name, string message)
    {
        // Neither pool ever double-checks out; only the liveness check catches them. By hand, the first (serial)
        // schedule of 2 threads and 2 connections: the off-by-one pool grants t1 (count 2 > 1) and refuses t2 (count 1).
        var exercise = ExerciseCatalog.Get("ep23.fix-pool");
        var mistake = exercise.KnownMistakes.Single(m => m.Name == name);
        var result = ExerciseChecker.Check(exercise, mistake.Answer);
        Assert.Equal(CheckStatus.Failed, result.Status);
        Assert.Equal(mistake.Hint, result.Hint);
        Assert.Contains(message, result.Message, StringComparison.Ordinal);
        Assert.StartsWith("race \"2 threads, 2 connections\", schedule 1 ", result.FailingCase!.Input, StringComparison.Ordinal);
    }

    [Fact]
    public void FixPool_OffByOne_OneConnectionTwoThreads_RefusesInTheSerialSchedule()
    {
        // The race where the pool is smaller than the thread count: refusals are allowed there, except when a thread
        // asks alone while a connection is free (the serial schedule: t1 counts 1 and is refused).
        var result = InterleavingExplorer.ExploreAll(PoolRaces.Checkouts((free, gate) => new RacePoolSlips.OffByOneCount(free, gate), poolSize: 1, threads: 2, release: true));
        Assert.True(result.FoundFailure);
        Assert.Equal(1, result.FailingScheduleNumber);
        Assert.Equal("refused: t1 got no connection, though no other thread was in the pool and the free list held 1 of 1", result.FirstFailure.Message);
    }

    [Fact]
    public void FixPool_LockedPool_RefusesOnlyAnEmptyList_NoLivenessFailure()
    {
        // 3 threads, 2 connections, no release: the third thread is refused in every schedule, which is correct.
        var result = InterleavingExplorer.ExploreAll(PoolRaces.Checkouts((free, gate) => new LockedSimPool(free, gate), poolSize: 2, threads: 3));
        Assert.False(result.FoundFailure);
        Assert.True(result.IsComplete);
    }

    [Fact]
    public void EveryKnownMistake_GetsItsOwnHint()
    {
        foreach (var exercise in Episode23RaceExercises.All)
        {
            foreach (var mistake in exercise.KnownMistakes)
            {
                var result = ExerciseChecker.Check(exercise, mistake.Answer);
                Assert.Equal(CheckStatus.Failed, result.Status);
                Assert.True(mistake.Hint == result.Hint, $"{exercise.Id} / {mistake.Name}: got the hint \"{result.Hint}\"");
            }
        }
    }

    [Fact]
    public void BlockingPool_OffByOneWait_IsADeadlock()
    {
        // The blocking trial's liveness: every thread must check out and give back, so a pool that never hands out
        // the last connection leaves both threads waiting (the explorer reports a deadlock, not a pass).
        var result = Checks.Check("ep23.blocking-pool", (SharedList<int> free, SimCondition available) => (ISimBlockingPool)new WaitsWhileOneFree(free, available));
        Assert.Equal(CheckStatus.Failed, result.Status);
        Assert.StartsWith("race \"2 threads, 1 connection", result.FailingCase!.Input, StringComparison.Ordinal);
        Assert.Contains("deadlock", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BlockingPool_IfInsteadOfWhile_FailsWhenABargingCallerTakesTheConnection()
    {
        // Needs a third caller: t1 holds the one connection, t2 waits, t1 gives it back and pulses, t3 enters the gate
        // before t2 re-enters and takes it, t2 re-enters and — not looking again — reads the last id of an empty list.
        var exercise = ExerciseCatalog.Get("ep23.blocking-pool");
        var mistake = exercise.KnownMistakes.Single(m => m.Name == "if instead of while");
        var result = ExerciseChecker.Check(exercise, mistake.Answer);
        Assert.Equal(CheckStatus.Failed, result.Status);
        Assert.Equal(mistake.Hint, result.Hint);
        Assert.StartsWith("race \"3 threads, 1 connection", result.FailingCase!.Input, StringComparison.Ordinal);
        Assert.Contains("which is empty", result.Message, StringComparison.Ordinal);
        Assert.Contains("wakes and re-enters gate", result.Details, StringComparison.Ordinal);
    }

    [Fact]
    public void BlockingPool_ReleaseWithoutPulse_IsADeadlock()
    {
        var result = Checks.Check("ep23.blocking-pool", (SharedList<int> free, SimCondition available) => (ISimBlockingPool)new NoPulse(free, available));
        Assert.Equal(CheckStatus.Failed, result.Status);
        Assert.Contains("deadlock: t2 waits to be woken on available", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Starter_NotImplemented_IsNotAttempted()
    {
        var result = Checks.Check("ep23.fix-pool", (SharedList<int> free, SimLock gate) => (ISimPool)new Starter());
        Assert.Equal(CheckStatus.NotAttempted, result.Status);
    }

    [Fact]
    public void CountInterleavings_AgreesWithTheExplorersExhaustiveCount()
    {
        // An independent method: enumerate every schedule of m threads × k reads and count them.
        var reference = (Func<int, int, long>)ExerciseCatalog.Get("ep23.count-interleavings").Reference;
        foreach (var (n, k) in new[] { (2, 3), (3, 2), (2, 5), (4, 1) })
        {
            var explored = InterleavingExplorer.ExploreAll(() =>
            {
                var c = new SharedCell<int>("c", 0);
                Func<SimThread, Task> program = async t => { for (int i = 0; i < k; i++) { await c.ReadAsync(t); } };
                return new RaceSetup([.. Enumerable.Repeat(program, n)]);
            });
            Assert.Equal(reference(n, k), explored.SchedulesRun);
        }
    }

    private sealed class Starter : ISimPool
    {
        public Task<PoolCheckout> CheckoutAsync(SimThread t) => throw new NotImplementedException();

        public Task ReleaseAsync(SimThread t, int connectionId) => throw new NotImplementedException();
    }

    private sealed class WaitsWhileOneFree(SharedList<int> free, SimCondition available) : ISimBlockingPool
    {
        public async Task<int> CheckoutAsync(SimThread t)
        {
            await available.Gate.EnterAsync(t);
            while (await free.CountAsync(t) <= 1)
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

    private sealed class NoPulse(SharedList<int> free, SimCondition available) : ISimBlockingPool
    {
        public async Task<int> CheckoutAsync(SimThread t)
        {
            await available.Gate.EnterAsync(t);
            while (await free.CountAsync(t) == 0)
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
            available.Gate.Exit(t);
        }
    }
}
