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
        var mistake = exercise.KnownMistakes.Single();
        var result = ExerciseChecker.Check(exercise, mistake.Answer);
        Assert.Equal(CheckStatus.Failed, result.Status);
        Assert.Equal(mistake.Hint, result.Hint);
        Assert.Contains("double checkout: t2 got connection 1, which t1 holds", result.Message, StringComparison.Ordinal);
        Assert.StartsWith("race \"2 threads, 2 connections\", schedule ", result.FailingCase!.Input, StringComparison.Ordinal);
        Assert.Contains("t2 reads free[last] = 1", result.Details, StringComparison.Ordinal);
    }

    [Fact]
    public void BlockingPool_IfInsteadOfWhile_FailsWhenABargingCallerTakesTheConnection()
    {
        // Needs a third caller: t1 holds the one connection, t2 waits, t1 gives it back and pulses, t3 enters the gate
        // before t2 re-enters and takes it, t2 re-enters and — not looking again — reads the last id of an empty list.
        var exercise = ExerciseCatalog.Get("ep23.blocking-pool");
        var mistake = exercise.KnownMistakes.Single();
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
        // An independent method: enumerate every schedule of n threads × k reads and count them.
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
