using Workbook.Core.Reliability.Races;
using Workbook.Core.Reliability.Races.Interleavings;

namespace Workbook.Core.Tests.Reliability.Races;

public sealed class InterleavingExplorerTests
{
    /// <summary>Two threads, each k reads of its own cell: every merge of two sequences of k steps is a schedule.</summary>
    private static Func<RaceSetup> TwoThreadsOfSteps(int k) => () =>
    {
        var a = new SharedCell<int>("a", 0);
        var b = new SharedCell<int>("b", 0);
        return new RaceSetup(
        [
            async t => { for (int i = 0; i < k; i++) { await a.ReadAsync(t); } },
            async t => { for (int i = 0; i < k; i++) { await b.ReadAsync(t); } },
        ]);
    };

    [Theory]
    [InlineData(1, 2)]      // C(2, 1)
    [InlineData(2, 6)]      // C(4, 2)
    [InlineData(3, 20)]     // C(6, 3)
    [InlineData(4, 70)]     // C(8, 4) = 8·7·6·5 / 24
    public void ExploreAll_TwoThreadsOfKSteps_RunsC2kkSchedules(int k, int expected)
    {
        var result = InterleavingExplorer.ExploreAll(TwoThreadsOfSteps(k));
        Assert.True(result.IsComplete);
        Assert.False(result.FoundFailure);
        Assert.Equal(expected, result.SchedulesRun);
    }

    [Fact]
    public void ExploreAll_ThreeThreadsOfTwoSteps_Runs90Schedules()
    {
        // 6! / (2!·2!·2!) = 720 / 8 = 90.
        var result = InterleavingExplorer.ExploreAll(() =>
        {
            var c = new SharedCell<int>("c", 0);
            Func<SimThread, Task> two = async t => { await c.ReadAsync(t); await c.ReadAsync(t); };
            return new RaceSetup([two, two, two]);
        });
        Assert.Equal(90, result.SchedulesRun);
    }

    [Fact]
    public void LostUpdate_TwoIncrements_FourOfSixSchedulesLoseOne()
    {
        // Read-then-write increments r1 w1 and r2 w2: 6 merges. Only r1 w1 r2 w2 and r2 w2 r1 w1 end at 2; in the
        // other 4 both reads come before the second write, so the count ends at 1.
        var result = InterleavingExplorer.ExploreAll(() =>
        {
            var count = new SharedCell<int>("count", 0);
            Func<SimThread, Task> increment = async t => await count.WriteAsync(t, await count.ReadAsync(t) + 1);
            return new RaceSetup([increment, increment], check => check.Check(count.Value == 2, $"count = {count.Value}, expected 2"));
        }, new ExplorationOptions(stopAtFirstFailure: false));
        Assert.Equal(6, result.SchedulesRun);
        Assert.Equal(4, result.FailingSchedules);
    }

    [Fact]
    public void SeedPool_SizeTwo_TwelveOfTwentySchedulesDoubleCheckOut()
    {
        // Each thread: count (c), read last (r), remove last (m): C(6, 3) = 20 merges. No double checkout iff one
        // thread's remove comes before the other's read: m1 < r2 (c2 anywhere before r2, t1 whole before r2: C(4, 1) =
        // 4 merges) or symmetrically m2 < r1 (4). So 20 − 8 = 12 double-check out connection 1.
        var result = InterleavingExplorer.ExploreAll(
            PoolRaces.Checkouts((free, _) => new SeedSimPool(free), poolSize: 2, threads: 2),
            new ExplorationOptions(stopAtFirstFailure: false));
        Assert.Equal(20, result.SchedulesRun);
        Assert.Equal(12, result.FailingSchedules);
        Assert.Contains("double checkout: t2 got connection 1, which t1 holds", result.FirstFailure!.Message);
    }

    [Fact]
    public void SeedPool_FirstFailure_HasAReadableTraceAndReplays()
    {
        var setup = PoolRaces.Checkouts((free, _) => new SeedSimPool(free), poolSize: 2, threads: 2);
        var found = InterleavingExplorer.ExploreAll(setup);
        Assert.True(found.FoundFailure);
        // Depth first, t1 first: t1 c r m, then t2 … is schedule 1 (fine); the first failing one lets t2 read before t1 removes.
        Assert.Equal(
            ["t1 reads free.Count = 2", "t1 reads free[last] = 1", "t2 reads free.Count = 2", "t2 reads free[last] = 1", "t1 removes free[last] (1)",
             "t1 gets connection 1", "t2 removes free[last] (0)", "t2 gets connection 1", "CHECK FAILED: double checkout: t2 got connection 1, which t1 holds"],
            found.FirstFailure.Trace);
        var replayed = InterleavingExplorer.Replay(setup, found.FirstFailure.Choices);
        Assert.Equal(found.FirstFailure.Message, replayed.Message);
        Assert.Equal(found.FirstFailure.Trace, replayed.Trace);
        Assert.Equal("t1 t1 t2 t2 t1 t2", replayed.ScheduleText);
    }

    [Fact]
    public void SeedPool_SizeOne_TheSecondThreadThrowsInsteadOfDoubleCheckingOut()
    {
        // One id: a thread that passed the check after the other removed it finds the list empty.
        var result = InterleavingExplorer.ExploreAll(PoolRaces.Checkouts((free, _) => new SeedSimPool(free), poolSize: 1, threads: 2));
        Assert.Equal(InterleavingFailure.Exception, result.FirstFailure!.Failure);
        Assert.Contains("InvalidOperationException: t2 reads the last item of free, which is empty", result.FirstFailure.Message);
    }

    [Fact]
    public void LockedPool_NoScheduleFails()
    {
        var all = InterleavingExplorer.ExploreAll(PoolRaces.Checkouts((free, gate) => new LockedSimPool(free, gate), poolSize: 2, threads: 3, release: true));
        Assert.True(all.IsComplete);
        Assert.False(all.FoundFailure);
        Assert.True(all.SchedulesRun >= 6, $"{all.SchedulesRun} schedules: at least the 3! orders in which the threads first take the lock");
    }

    [Fact]
    public void BlockingPool_OneConnectionThreeThreads_NoScheduleFails()
    {
        var all = InterleavingExplorer.ExploreAll(PoolRaces.BlockingCheckouts((free, available) => new BlockingSimPool(free, available), poolSize: 1, threads: 3));
        Assert.True(all.IsComplete);
        Assert.False(all.FoundFailure);
    }

    [Fact]
    public void Random_SameSeed_SameTraces()
    {
        var setup = PoolRaces.Checkouts((free, _) => new SeedSimPool(free), poolSize: 3, threads: 3);
        var a = InterleavingExplorer.ExploreRandom(setup, 200, seed: 7);
        var b = InterleavingExplorer.ExploreRandom(setup, 200, seed: 7);
        Assert.True(a.FoundFailure);
        Assert.Equal(a.FailingScheduleNumber, b.FailingScheduleNumber);
        Assert.Equal(a.FailingSeed, b.FailingSeed);
        Assert.Equal(a.FirstFailure.Trace, b.FirstFailure!.Trace);
        Assert.Equal(a.FirstFailure.Trace, InterleavingExplorer.RunSeed(setup, a.FailingSeed).Trace);
    }

    [Fact]
    public void Deadlock_TwoLocksInOppositeOrder_IsReportedWithWhoWaitsForWhat()
    {
        var result = InterleavingExplorer.ExploreAll(() =>
        {
            var a = new SimLock("A");
            var b = new SimLock("B");
            return new RaceSetup(
            [
                async t => { await a.EnterAsync(t); await b.EnterAsync(t); b.Exit(t); a.Exit(t); },
                async t => { await b.EnterAsync(t); await a.EnterAsync(t); a.Exit(t); b.Exit(t); },
            ]);
        });
        Assert.Equal(InterleavingFailure.Deadlock, result.FirstFailure!.Failure);
        Assert.Equal("deadlock: t1 waits to enter B; t2 waits to enter A", result.FirstFailure.Message);
    }

    [Fact]
    public void StepBudget_ASpinLoopThatNeverEnds_IsReportedNotFatal()
    {
        var run = InterleavingExplorer.RunSeed(() =>
        {
            var flag = new SharedCell<bool>("flag", false);
            return new RaceSetup([async t => { while (!await flag.ReadAsync(t)) { } }]);
        }, seed: 1, stepBudget: 50);
        Assert.Equal(InterleavingFailure.StepBudgetExceeded, run.Failure);
        Assert.Equal(50, run.Steps);
    }

    [Fact]
    public void LearnerException_IsReportedWithTheSchedule()
    {
        var run = InterleavingExplorer.RunSeed(() =>
        {
            var c = new SharedCell<int>("c", 0);
            return new RaceSetup([async t => { await c.ReadAsync(t); throw new FormatException("boom"); }]);
        }, seed: 3);
        Assert.Equal(InterleavingFailure.Exception, run.Failure);
        Assert.Equal("t1 threw FormatException: boom", run.Message);
        Assert.Equal(["t1 reads c = 0", "t1 throws FormatException: boom"], run.Trace);
    }

    [Fact]
    public async Task UncontrolledAwait_IsReported()
    {
        var run = InterleavingExplorer.RunSeed(() => new RaceSetup([async t => await Task.Delay(1)]), seed: 1);
        Assert.Equal(InterleavingFailure.UncontrolledAwait, run.Failure);
        await Task.Delay(20, TestContext.Current.CancellationToken);       // let the abandoned continuation run and be ignored
    }

    [Fact]
    public void BadInput_IsRejected()
    {
        BadInput.Rejects(() => _ = new ExplorationOptions(stepBudget: 0), "stepBudget", "an integer > 0");
        BadInput.Rejects(() => _ = new ExplorationOptions(maxSchedules: -1), "maxSchedules", "an integer > 0");
        BadInput.Rejects(() => InterleavingExplorer.ExploreRandom(TwoThreadsOfSteps(1), 0, 1), "schedules", "an integer > 0");
        BadInput.Rejects(() => PoolRaces.Checkouts((free, _) => new SeedSimPool(free), 0, 2), "poolSize", "an integer > 0");
        Assert.Throws<ArgumentException>(() => new RaceSetup([]));
    }
}
