using Workbook.Core.Consensus;
using Workbook.Core.Consensus.Kv;
using Workbook.Core.Consensus.Linearizability;

namespace Workbook.Core.Tests.Consensus.Kv;

public class KvClusterTests
{
    // The fault fuzz: 3 nodes, lossy Raft and client networks, a fault every 40 ticks for 300 ticks
    // (isolate / split / heal / crash / restart), then up to 500 quiet ticks to finish; 3 clients call
    // 40 operations each on one key, 80 % gets (long enough to overlap the faults).
    private const int FuzzNodes = 3;
    private static readonly KvWorkload FuzzWorkload = new(operationsPerClient: 40, keyCount: 1, maxPauseTicks: 5, getFraction: 0.8);

    private static KvClusterOptions FuzzOptions(KvReadMode mode, bool sessions = true) => new(
        new RaftClusterOptions(FuzzNodes, new NetworkOptions(1, 3, lossProbability: 0.05, duplicationProbability: 0.05, reorderProbability: 0.05)),
        clientCount: 3,
        clientNetwork: new NetworkOptions(1, 3, lossProbability: 0.1, duplicationProbability: 0.05),
        requestTimeoutTicks: 20,
        readMode: mode,
        useSessions: sessions);

    internal static KvCluster FuzzRun(KvReadMode mode, long seed, bool sessions = true, KvWorkload? workload = null, int period = 40)
    {
        var kv = new KvCluster(FuzzOptions(mode, sessions), seed, KvFaultSchedule.Random(FuzzNodes, durationTicks: 300, seed, periodTicks: period));
        kv.RunWorkload(workload ?? FuzzWorkload, maxTicks: 800);
        return kv;
    }

    /// <summary>
    /// The stale-read scenario: a put commits everywhere; the leader is isolated together with the client
    /// homed next to it; a client on the majority side puts a new value (a new leader commits it); then the
    /// client beside the old leader gets the key.
    /// </summary>
    private static KvCluster StaleReadScenario(KvReadMode mode)
    {
        var kv = new KvCluster(new KvClusterOptions(new RaftClusterOptions(3), readMode: mode), seed: 7);
        Assert.True(kv.Raft.RunUntil(r => r.RunningLeaders.Count == 1, 200));
        int oldLeader = kv.Raft.RunningLeaders[0].Id;
        int fresh = (oldLeader % 3) + 1; // clients 1..3 are homed at nodes 1..3
        kv.Invoke(fresh, KvInput.Put("x", "1"));
        Assert.True(kv.RunUntil(k => !k.IsBusy(fresh) && k.StateMachine(oldLeader).Values.ContainsKey("x"), 200));

        kv.Raft.Isolate(oldLeader);
        kv.Invoke(fresh, KvInput.Put("x", "2"));
        Assert.True(kv.RunUntil(k => !k.IsBusy(fresh), 400));
        Assert.Equal(RaftRole.Leader, kv.Raft.Node(oldLeader).Role); // it has not heard of the new term

        kv.Invoke(oldLeader, KvInput.Get("x"));
        kv.RunTicks(60);
        return kv;
    }

    [Fact]
    public void StaleLeaderRead_ALocalReadIsCaught_WithTheLongestPrefix()
    {
        var kv = StaleReadScenario(KvReadMode.LeaderLocalUnsafe);
        var history = kv.History;
        var stale = history.Single(o => o.Input.Kind == KvOperationKind.Get);

        // put(x, "2") answered before the get was invoked, so a linearizable get must see "2".
        var put2 = history.Single(o => o.Input == KvInput.Put("x", "2"));
        Assert.True(put2.RespondedAt < stale.InvokedAt);
        Assert.Equal(KvOutput.Of("1"), stale.Output); // the old leader's own state

        var verdict = kv.CheckLinearizability();
        Assert.Equal(LinearizabilityVerdict.NotLinearizable, verdict.Verdict);
        Assert.Equal("x", verdict.PartitionKey);
        Assert.Equal([stale], verdict.NotPlaced);
        Assert.Equal([KvInput.Put("x", "1"), KvInput.Put("x", "2")], verdict.LongestLinearizablePrefix.Select(o => o.Input));
        Assert.Contains("x holds \"2\"", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void StaleLeaderRead_ThroughTheLog_StaysPendingAndIsLinearizable()
    {
        var kv = StaleReadScenario(KvReadMode.ThroughLog);
        var get = kv.History.Single(o => o.Input.Kind == KvOperationKind.Get);
        Assert.False(get.HasResponse); // the old leader cannot commit the get in its minority

        var verdict = kv.CheckLinearizability();
        Assert.True(verdict.IsLinearizable, verdict.Reason);
        Assert.Equal([KvInput.Put("x", "1"), KvInput.Put("x", "2")], verdict.Witness.Where(o => o.HasResponse).Select(o => o.Input));

        // After healing, the get commits through the new leader and sees "2".
        int oldLeader = kv.Options.HomeNode(get.ClientId);
        kv.Raft.Heal();
        Assert.True(kv.RunUntil(k => !k.IsBusy(get.ClientId), 300));
        Assert.Equal(KvOutput.Of("2"), kv.History.Single(o => o.Input.Kind == KvOperationKind.Get).Output);
        Assert.NotEqual(RaftRole.Leader, kv.Raft.Node(oldLeader).Role);
        Assert.True(kv.CheckLinearizability().IsLinearizable);
    }

    // Measured: the first NotLinearizable run of the buggy store is seed 5 (5 of seeds 1-60: 5, 11, 28, 40, 44);
    // the correct store was linearizable on all 60, and with sessions off 49 of 60 runs were not.
    [Fact]
    public void Fuzz_StaleLocalReadsAreCaughtWithinThirtySeeds()
    {
        int firstCaught = Enumerable.Range(1, 30).FirstOrDefault(seed =>
            FuzzRun(KvReadMode.LeaderLocalUnsafe, seed).CheckLinearizability().Verdict == LinearizabilityVerdict.NotLinearizable);
        Assert.InRange(firstCaught, 1, 30);
        TestContext.Current.TestOutputHelper?.WriteLine($"first seed caught: {firstCaught}");
    }

    [Fact]
    public void Fuzz_FaultyRunsOfTheCorrectStoreAreAllLinearizable()
    {
        int answered = 0, faults = 0;
        for (int seed = 1; seed <= 20; seed++)
        {
            var kv = FuzzRun(KvReadMode.ThroughLog, seed);
            var verdict = kv.CheckLinearizability();
            Assert.True(verdict.IsLinearizable, $"seed {seed}: {verdict.Reason}");
            answered += kv.History.Count(o => o.HasResponse);
            faults += kv.Raft.Trace.Count(e => e is NodeLifecycle or PartitionChanged);
        }

        // Not vacuous: the runs saw faults (7 per run plus the final heal) and answered most of the
        // 3 x 40 x 20 = 2,400 calls (measured 2,071; the rest were still retrying when the 800 ticks ran out).
        Assert.True(faults >= 20 * 7, $"faults {faults}");
        Assert.True(answered >= 1_800, $"answered {answered}");
    }

    /// <summary>
    /// One node and a client that times out after 1 tick: a request sent at tick t - 1 arrives at t at the
    /// earliest and its reply leaves at t + 1, so the client retries at t while the append is already in
    /// the log, and the retry is appended again.
    /// </summary>
    private static KvCluster RetriedAppend(bool sessions)
    {
        var kv = new KvCluster(new KvClusterOptions(new RaftClusterOptions(1), clientCount: 1, requestTimeoutTicks: 1, useSessions: sessions), seed: 3);
        Assert.True(kv.Raft.RunUntil(r => r.RunningLeaders.Count == 1, 200));
        kv.Invoke(1, KvInput.Append("x", "a"));
        Assert.True(kv.RunUntil(k => !k.IsBusy(1), 200));
        kv.RunTicks(10); // let every retry land
        kv.Invoke(1, KvInput.Get("x"));
        Assert.True(kv.RunUntil(k => !k.IsBusy(1), 200));
        return kv;
    }

    [Fact]
    public void Sessions_ARetriedAppendIsAppliedOnce()
    {
        var kv = RetriedAppend(sessions: true);
        int appends = AppendsInTheLog(kv);
        Assert.True(appends >= 2, $"the retry must reach the log for the test to mean something; appends in the log: {appends}");
        Assert.Equal(KvOutput.Of("a"), kv.History[^1].Output);
        Assert.Equal(KvOutput.Of("a"), kv.StateMachine(1).Read("x"));
        Assert.True(kv.CheckLinearizability().IsLinearizable);
    }

    [Fact]
    public void WithoutSessions_TheSameRunAppliesEveryRetry_AndTheCheckerSaysSo()
    {
        var kv = RetriedAppend(sessions: false);
        int appends = AppendsInTheLog(kv);
        Assert.True(appends >= 2, $"appends in the log: {appends}");
        var expected = KvOutput.Of(new string('a', appends)); // one "a" per copy in the log
        Assert.Equal(expected, kv.History[^1].Output);
        Assert.Equal(expected, kv.StateMachine(1).Read("x"));
        var verdict = kv.CheckLinearizability();
        Assert.Equal(LinearizabilityVerdict.NotLinearizable, verdict.Verdict);
        Assert.Equal(KvInput.Get("x"), Assert.Single(verdict.NotPlaced).Input);
    }

    private static int AppendsInTheLog(KvCluster kv) =>
        kv.Raft.Node(1).Log.Count(e => !e.IsNoOp && KvCommand.Parse(e.Command).Input.Kind == KvOperationKind.Append);

    [Fact]
    public void SameSeed_GivesTheSameHistory_AnotherSeedAnother()
    {
        static string Run(long seed) => string.Join("\n", FuzzRun(KvReadMode.ThroughLog, seed).History);
        Assert.Equal(Run(5), Run(5));
        Assert.NotEqual(Run(5), Run(6));
    }

    [Fact]
    public void BadInput_IsRejectedNamingTheParameter()
    {
        var cluster = new RaftClusterOptions(3);
        BadInput.Rejects(() => new KvClusterOptions(cluster, clientCount: 0), "clientCount", "> 0");
        BadInput.Rejects(() => new KvClusterOptions(cluster, requestTimeoutTicks: 0), "requestTimeoutTicks", "> 0");
        BadInput.Rejects(() => new KvClusterOptions(cluster, readMode: (KvReadMode)7), "readMode", "one of the KvReadMode values");
        BadInput.Rejects(() => new KvWorkload(operationsPerClient: 0), "operationsPerClient", "> 0");
        BadInput.Rejects(() => new KvWorkload(keyCount: 0), "keyCount", "> 0");
        BadInput.Rejects(() => new KvWorkload(maxPauseTicks: 0), "maxPauseTicks", "> 0");
        BadInput.Rejects(() => new KvWorkload(getFraction: 1.5), "getFraction", "[0, 1]");
        BadInput.Rejects(() => new KvWorkload(getFraction: double.NaN), "getFraction", "[0, 1]");
        BadInput.Rejects(() => KvFaultSchedule.Random(0, 100, 1), "nodeCount", "> 0");
        BadInput.Rejects(() => KvFaultSchedule.Random(3, 100, 1, periodTicks: 0), "periodTicks", "> 0");

        var kv = new KvCluster(new KvClusterOptions(cluster, clientCount: 2), seed: 1);
        BadInput.RejectsArgument(() => kv.Invoke(3, KvInput.Get("x")), "clientId", "a client id, 1 to 2");
        BadInput.RejectsArgument(() => kv.IsBusy(0), "clientId", "a client id, 1 to 2");
        kv.Invoke(1, KvInput.Get("x"));
        BadInput.RejectsArgument(() => kv.Invoke(1, KvInput.Get("x")), "clientId", "an idle client");
        kv.Raft.Crash(2);
        BadInput.RejectsArgument(() => kv.StateMachine(2), "nodeId", "a running node");
        BadInput.Rejects(() => kv.RunTicks(-1), "ticks", ">= 0");
    }
}
