using Workbook.Core.Reliability.Locks.Redis;

namespace Workbook.Core.Tests.Reliability.Locks.Redis;

/// <summary>
/// The lock against a real redis-server (the fixture's own, on a free loopback port). Expected values are written
/// out by hand from the Redis command semantics (SET NX PX, DEL, INCR, Lua run atomically), not read from the code.
/// </summary>
public sealed class RedisLockTests(RedisServerFixture fixture) : IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task Acquire_GrantsTokensInOrder_RefusesWhileHeld_WithoutSpendingAToken()
    {
        using var connection = await fixture.ConnectAsync();
        var redisLock = new RedisLock(connection, RedisLock.NewRunPrefix(), "tokens");

        var a = await redisLock.AcquireAsync("A", 10000);
        var b = await redisLock.AcquireAsync("B", 10000);
        Assert.True(await redisLock.ReleaseIfOwnerAsync("A"));
        var c = await redisLock.AcquireAsync("C", 10000);

        Assert.Equal((true, 1L), (a.IsGranted, a.Token));
        Assert.False(b.IsGranted);
        Assert.Equal(0, b.Token);
        Assert.Matches(@"^held by A for another \d+ ms$", b.Reason);
        Assert.Equal((true, 2L), (c.IsGranted, c.Token)); // the refusal did not INCR the counter
        var holder = await redisLock.HolderAsync();
        Assert.Equal((true, "C"), (holder.IsHeld, holder.Owner));
        Assert.InRange(holder.RemainingMs, 1, 10000);
        await redisLock.DeleteKeysAsync();
    }

    [Fact]
    public async Task Release_Script_DeletesOnlyTheOwnersLock()
    {
        using var connection = await fixture.ConnectAsync();
        var redisLock = new RedisLock(connection, RedisLock.NewRunPrefix(), "release");

        Assert.False(await redisLock.ReleaseIfOwnerAsync("A")); // nothing to release
        await redisLock.AcquireAsync("A", 10000);
        Assert.False(await redisLock.ReleaseIfOwnerAsync("B"));
        Assert.Equal("A", (await redisLock.HolderAsync()).Owner);
        Assert.True(await redisLock.ReleaseIfOwnerAsync("A"));
        Assert.False((await redisLock.HolderAsync()).IsHeld);

        await redisLock.AcquireAsync("B", 10000);
        Assert.True(await redisLock.ReleaseUncheckedAsync()); // DEL does not ask whose lock it is
        Assert.False((await redisLock.HolderAsync()).IsHeld);
        await redisLock.DeleteKeysAsync();
    }

    [Fact]
    public async Task FencedWrite_AcceptsTokensAtLeastTheHighest_RejectsLowerOnes()
    {
        using var connection = await fixture.ConnectAsync();
        var redisLock = new RedisLock(connection, RedisLock.NewRunPrefix(), "fence");

        Assert.Equal(string.Empty, await redisLock.ReadDataAsync());
        Assert.True(await redisLock.WriteFencedAsync(1, "one"));
        Assert.True(await redisLock.WriteFencedAsync(3, "three"));
        Assert.False(await redisLock.WriteFencedAsync(2, "two")); // 2 < 3
        Assert.Equal("three", await redisLock.ReadDataAsync());
        Assert.True(await redisLock.WriteFencedAsync(3, "three again")); // equal is allowed, as in StorageService
        Assert.False(await redisLock.WriteFencedAsync(1, "one again"));
        Assert.Equal("three again", await redisLock.ReadDataAsync());
        await redisLock.WriteUnfencedAsync("anything");
        Assert.Equal("anything", await redisLock.ReadDataAsync());
        await redisLock.DeleteKeysAsync();
    }

    [Fact]
    public async Task Lease_LapsesOnTheServer()
    {
        using var connection = await fixture.ConnectAsync();
        var redisLock = new RedisLock(connection, RedisLock.NewRunPrefix(), "lease");

        Assert.True((await redisLock.AcquireAsync("A", 100)).IsGranted);
        await Task.Delay(400, TestContext.Current.CancellationToken); // 300 ms past the lease
        var b = await redisLock.AcquireAsync("B", 10000);

        Assert.Equal((true, 2L), (b.IsGranted, b.Token));
        await redisLock.DeleteKeysAsync();
    }

    [Fact]
    public async Task NaiveAcquire_Sequential_RefusesTheSecond()
    {
        using var connection = await fixture.ConnectAsync();
        var redisLock = new RedisLock(connection, RedisLock.NewRunPrefix(), "naive-seq");

        Assert.True(await redisLock.NaiveAcquireAsync("A", 10000));
        Assert.False(await redisLock.NaiveAcquireAsync("B", 10000));
        Assert.Equal("A", (await redisLock.HolderAsync()).Owner);
        await redisLock.DeleteKeysAsync();
    }

    [Fact]
    public async Task BadInput_EmptyOwnerOrToken_NonPositiveLease()
    {
        using var connection = await fixture.ConnectAsync();
        var redisLock = new RedisLock(connection, RedisLock.NewRunPrefix(), "bad");

        await AssertRejects(() => redisLock.AcquireAsync("A", 0), "leaseMs", "an integer > 0");
        await AssertRejects(() => redisLock.AcquireAsync("A", -100), "leaseMs", "an integer > 0");
        await AssertRejects(() => redisLock.NaiveAcquireAsync("A", 0), "leaseMs", "an integer > 0");
        await AssertRejects(() => redisLock.AcquireAsync("", 100), "owner", "must contain text");
        await AssertRejects(() => redisLock.ReleaseIfOwnerAsync(""), "owner", "must contain text");
        await AssertRejects(() => redisLock.ReleaseIfOwnerAsync("   "), "owner", "must contain text");
        await AssertRejects(() => redisLock.WriteFencedAsync(0, "x"), "token", "an integer >= 1");
        await AssertRejects(() => redisLock.WriteFencedAsync(1, " "), "value", "must contain text");
        BadInput.RejectsArgument(() => _ = new RedisLock(connection, " ", "x"), "keyPrefix", "must contain text");
        BadInput.RejectsArgument(() => _ = new RedisLock(connection, "p:", ""), "resource", "must contain text");
        Assert.False((await redisLock.HolderAsync()).IsHeld); // nothing was sent
    }

    [Fact]
    public async Task Scenario_NaiveRace_BothClientsAcquire()
    {
        using var connection = await fixture.ConnectAsync();

        var outcome = await RedisLockScenarios.NaiveRaceAsync(connection);

        Assert.True(outcome.SafetyViolated);
        Assert.Equal(
            [
                "A: EXISTS lock → 0",
                "B: EXISTS lock → 0",
                "A: PSETEX lock 10000 A → OK (A believes it holds the lock)",
                "B: PSETEX lock 10000 B → OK (B believes it holds the lock)",
                "GET lock → held by B",
            ],
            outcome.Steps);
        await AssertNoKeysLeft(connection);
    }

    [Fact]
    public async Task Scenario_UncheckedDel_DeletesTheOtherClientsLock()
    {
        using var connection = await fixture.ConnectAsync();

        var outcome = await RedisLockScenarios.UncheckedReleaseAsync(connection);

        Assert.True(outcome.SafetyViolated);
        Assert.Equal(
            [
                "A: acquire (SET lock A NX PX 200, INCR token) → granted, token 1",
                "A: paused 500 ms; its 200 ms lease lapsed on the server meanwhile",
                "B: acquire (SET lock B NX PX 10000, INCR token) → granted, token 2",
                "A: DEL lock → 1 (it deleted B's lock)",
                "GET lock → free",
                "C: acquire (SET lock C NX PX 10000, INCR token) → granted, token 3",
            ],
            outcome.Steps);
        await AssertNoKeysLeft(connection);
    }

    [Fact]
    public async Task Scenario_OwnerCheckedRelease_Refuses()
    {
        using var connection = await fixture.ConnectAsync();

        var outcome = await RedisLockScenarios.OwnerCheckedReleaseAsync(connection);

        Assert.False(outcome.SafetyViolated);
        Assert.Equal(
            [
                "A: acquire (SET lock A NX PX 200, INCR token) → granted, token 1",
                "A: paused 500 ms; its 200 ms lease lapsed on the server meanwhile",
                "B: acquire (SET lock B NX PX 10000, INCR token) → granted, token 2",
                "A: release script (DEL only if lock == A) → 0",
                "GET lock → held by B",
            ],
            outcome.Steps.Take(5));
        Assert.Matches(@"^C: acquire \(SET lock C NX PX 10000, INCR token\) → refused: held by B for another \d+ ms$", outcome.Steps[5]);
        await AssertNoKeysLeft(connection);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Scenario_PausedWriter_AcceptedWithoutFencing_RejectedWithFencing(bool fencing)
    {
        using var connection = await fixture.ConnectAsync();

        var outcome = await RedisLockScenarios.PausedWriterAsync(connection, fencing);

        Assert.Equal(!fencing, outcome.SafetyViolated);
        string[] expected = fencing
            ?
            [
                "A: acquire (SET lock A NX PX 200, INCR token) → granted, token 1",
                "A: GET lock → held by A (A's check passes)",
                "A: paused 500 ms; its 200 ms lease lapsed on the server meanwhile",
                "B: acquire (SET lock B NX PX 10000, INCR token) → granted, token 2",
                "B: fenced write (token 2, \"B's data\") → accepted",
                "A: fenced write (token 1, \"A's stale data\") → rejected",
                "GET data → B's data",
            ]
            :
            [
                "A: acquire (SET lock A NX PX 200, INCR token) → granted, token 1",
                "A: GET lock → held by A (A's check passes)",
                "A: paused 500 ms; its 200 ms lease lapsed on the server meanwhile",
                "B: acquire (SET lock B NX PX 10000, INCR token) → granted, token 2",
                "B: SET data \"B's data\" → accepted",
                "A: SET data \"A's stale data\" → accepted",
                "GET data → A's stale data",
            ];
        Assert.Equal(expected, outcome.Steps);
        await AssertNoKeysLeft(connection);
    }

    [Fact]
    public async Task RunAll_RunsTheFiveScenariosInNotebookOrder()
    {
        using var connection = await fixture.ConnectAsync();

        var outcomes = await RedisLockScenarios.RunAllAsync(connection, new RedisScenarioTiming(leaseMs: 50, pauseMs: 200, longLeaseMs: 5000));

        Assert.Equal(
            ["naive EXISTS then PSETEX", "unchecked DEL", "owner-checked release", "paused writer, no fencing", "paused writer, fenced write"],
            outcomes.Select(o => o.Name));
        Assert.Equal([true, true, false, true, false], outcomes.Select(o => o.SafetyViolated));
        Assert.Contains("A: paused 200 ms; its 50 ms lease lapsed on the server meanwhile", outcomes[1].Steps);
        await AssertNoKeysLeft(connection);
    }

    private static async Task AssertRejects<T>(Func<Task<T>> act, string parameter, string allowed)
    {
        var error = await Assert.ThrowsAnyAsync<ArgumentException>(act);
        Assert.Equal(parameter, error.ParamName);
        Assert.Contains(allowed, error.Message, StringComparison.Ordinal);
    }

    private static async Task AssertNoKeysLeft(RedisConnection connection)
    {
        // The class's tests run one at a time on the fixture's own server, so after a scenario cleaned up the database is empty.
        Assert.Equal(0L, (long)await connection.Database!.ExecuteAsync("DBSIZE"));
    }
}
