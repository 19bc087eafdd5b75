using Workbook.Core.Reliability.Locks;

namespace Workbook.Core.Tests.Reliability.Locks;

// Hand-built schedules: every message takes exactly 1 ms, work 10 ms, check-to-write 1 ms,
// retry 12 ms, lease 50 ms, no drift. The timelines in the comments are worked out by hand from
// those rules, independently of the simulation; the tests compare the run with them.
public sealed class LockSimulationTests
{
    private static LockRun Run(LockStrategy strategy, double startSpacingMs, int rounds = 1, params ProcessPause[] pauses) =>
        LockSimulation.Run(new LockSimulationOptions(strategy, roundsPerClient: rounds, startSpacingMs: startSpacingMs, pauses: pauses), seed: 1);

    [Fact]
    public void Naive_GetThenSet_TwoClientsBothSeeTheKeyAbsent_BothEnter()
    {
        // c0: GET sent 0, served 1 (absent), reply 2; SET sent 2, served 3 (token 1); acquired 4.
        // c1: GET sent 1, served 2 (absent: c0's SET arrives at 3), reply 3; SET sent 3, served 4 (token 2, overwrites); acquired 5.
        // c0: check 14, write sent 15, stored 16 (key holds c1's value), ack 17, DEL sent 17, served 18: deletes c1's lock.
        // c1: check 15, write sent 16, stored 17, ack 18.
        var run = Run(LockStrategy.NaiveGetThenSet, startSpacingMs: 1);

        Assert.Equal([(0, 1L, 4.0, 17.0), (1, 2L, 5.0, 18.0)], run.Sections.Select(s => (s.ClientIndex, s.Token, s.AcquiredAtMs, s.ReleasedAtMs)));
        Assert.True(run.SectionsOverlap);
        Assert.Equal(1, run.ForeignDeletes);
        Assert.Equal(1, run.AcceptedWritesWithoutLease);
        Assert.False(run.StaleWriteAccepted); // tokens 1 then 2 reach the storage in order
    }

    [Fact]
    public void SetNx_NoFaults_SectionsDoNotOverlap()
    {
        // c0: SETNX sent 0, served 1 (token 1), acquired 2; check 12, write 13, stored 14, ack 15, release 15 (served 16).
        // c1: SETNX sent 5, refused at 6, reply 7, retry sent 19, served 20 (token 2), acquired 21; release 34.
        foreach (var strategy in new[] { LockStrategy.SetNxUncheckedDelete, LockStrategy.OwnerCheckedRelease, LockStrategy.FencingTokens })
        {
            var run = Run(strategy, startSpacingMs: 5);
            Assert.Equal([(0, 1L, 2.0, 15.0), (1, 2L, 21.0, 34.0)], run.Sections.Select(s => (s.ClientIndex, s.Token, s.AcquiredAtMs, s.ReleasedAtMs)));
            Assert.False(run.SectionsOverlap);
            Assert.False(run.StaleWriteAccepted);
            Assert.Equal(0, run.ForeignDeletes);
        }
    }

    // c0 is paused from 5 to 65 during its work. Its lease (granted at 1) lapses at 51.
    // c1: SETNX at 6, 20, 34, 48 refused (replies 7, 21, 35, 49; retries sent 19, 33, 47, 61); served 62 (token 2, lease to 112); acquired 63;
    //     check 73 (12 ms on its clock since 61), write 74, stored 75, ack 76, release sent 76, served 77.
    // c0: work ends 12 -> deferred to 65; its clock says 65 ms since its request >= 50, so no write; release sent 65, served 66.
    private static readonly ProcessPause PauseDuringWork = new(clientIndex: 0, startMs: 5, durationMs: 60);

    [Fact]
    public void UncheckedDelete_PausedClientDeletesTheNewOwnersLock_AndAThirdSectionOverlaps()
    {
        // Unchecked DEL served 66 deletes c1's lock; c0's round 2 SETNX (sent 65) served 66 gets token 3, acquired 67;
        // check 77, write 78, stored 79, ack 80. c1's DEL served 77 deletes c0's round-2 lock (second foreign delete);
        // c1's round 2 SETNX (sent 76) served 77 gets token 4, acquired 78; check 88, write 89, stored 90, ack 91.
        // c0's DEL sent 80, served 81, deletes c1's round-2 lock (third foreign delete). Writes stored at 75 and 79 find
        // another client's value under the key; the one at 90 finds it empty (deleted at 81): none held its lease.
        var run = Run(LockStrategy.SetNxUncheckedDelete, startSpacingMs: 5, rounds: 2, PauseDuringWork);

        Assert.Equal(
            [(0, 0, 1L, 2.0, 65.0, false), (1, 0, 2L, 63.0, 76.0, true), (0, 1, 3L, 67.0, 80.0, true), (1, 1, 4L, 78.0, 91.0, true)],
            run.Sections.Select(s => (s.ClientIndex, s.Round, s.Token, s.AcquiredAtMs, s.ReleasedAtMs, s.HasWrite)));
        Assert.Equal(3, run.ForeignDeletes);
        Assert.True(run.Sections[2].Overlaps(run.Sections[1])); // c0 round 2 [67, 80] inside c1's [63, 76]: only the foreign DEL let it in
        Assert.True(run.Sections[3].Overlaps(run.Sections[2])); // c1 round 2 [78, 91] and c0 round 2 [67, 80]
        Assert.Equal(3, run.AcceptedWritesWithoutLease);
    }

    [Fact]
    public void OwnerCheckedRelease_SameSchedule_NoForeignDelete_SecondRoundWaits()
    {
        // c0's compare-and-delete at 66 fails (c1 holds); its SETNX at 66 is refused, reply 67, retry sent 79.
        // c1's release served 77 removes its own lock; its round 2 SETNX (sent 76) served 77 gets token 3, acquired 78;
        // check 88, write 89, stored 90, ack 91, release served 92. c0's retry served 80 is refused (c1 holds), reply 81,
        // retry sent 93, served 94: token 4, acquired 95; check 105, write 106, stored 107, ack 108.
        var run = Run(LockStrategy.OwnerCheckedRelease, startSpacingMs: 5, rounds: 2, PauseDuringWork);

        Assert.Equal(
            [(0, 0, 1L, 2.0, 65.0), (1, 0, 2L, 63.0, 76.0), (1, 1, 3L, 78.0, 91.0), (0, 1, 4L, 95.0, 108.0)],
            run.Sections.Select(s => (s.ClientIndex, s.Round, s.Token, s.AcquiredAtMs, s.ReleasedAtMs)));
        Assert.Equal(0, run.ForeignDeletes);
        Assert.DoesNotContain(run.Sections.Skip(1), a => run.Sections.Skip(1).Any(a.Overlaps)); // only the paused section overlaps
        Assert.Equal(0, run.AcceptedWritesWithoutLease);
    }

    // c0 passes its check at 12 and is paused at 12.5 for 100 ms, before its write (due at 13) goes out.
    // c1 as above: token 2 at 62, acquired 63, write stored 75, ack 76. c0's write is sent 112.5 and stored at 113.5
    // with token 1, after token 2; ack 114.5, so c0's section is [2, 114.5].
    private static readonly ProcessPause PauseBetweenCheckAndWrite = new(clientIndex: 0, startMs: 12.5, durationMs: 100);

    [Fact]
    public void OwnerCheckedRelease_PausedClientWritesAfterItsLeaseExpired_StorageAcceptsIt()
    {
        var run = Run(LockStrategy.OwnerCheckedRelease, startSpacingMs: 5, rounds: 1, PauseBetweenCheckAndWrite);

        Assert.Equal([(0, 1L, 2.0, 114.5), (1, 2L, 63.0, 76.0)], run.Sections.Select(s => (s.ClientIndex, s.Token, s.AcquiredAtMs, s.ReleasedAtMs)));
        Assert.Equal([(2L, 75.0, true), (1L, 113.5, true)], run.Writes.Select(w => (w.Token, w.AppliedAtMs, w.Accepted)));
        Assert.True(run.SectionsOverlap);
        Assert.True(run.StaleWriteAccepted);
        Assert.Equal(1, run.AcceptedWritesWithoutLease);
        Assert.Equal(0, run.ForeignDeletes);
    }

    [Fact]
    public void FencingTokens_SameSchedule_StorageRejectsTheStaleWrite()
    {
        var run = Run(LockStrategy.FencingTokens, startSpacingMs: 5, rounds: 1, PauseBetweenCheckAndWrite);

        Assert.Equal([(2L, 75.0, true), (1L, 113.5, false)], run.Writes.Select(w => (w.Token, w.AppliedAtMs, w.Accepted)));
        Assert.True(run.SectionsOverlap); // fencing does not stop the overlap; it stops the damage
        Assert.False(run.StaleWriteAccepted);
        Assert.Equal(0, run.AcceptedWritesWithoutLease);
    }

    [Theory]
    [InlineData(0.5, true)]
    [InlineData(0.0, false)]
    public void ServiceClockRunsFast_LeaseLapsesEarly_SecondClientEntersWithoutAnyPause(double serviceClockDrift, bool overlaps)
    {
        // Work 40 ms, retry 5 ms. c0: SETNX sent 0, served 1, acquired 2; check 42 (42 ms on its clock < 50), write 43,
        // stored 44, ack 45, release sent 45, served 46.
        // Drift +0.5: the service counts 50 ms in 50 / 1.5 = 33.33 true ms, so c0's lease lapses at 34.33. c1's SETNX
        // served at 6, 13, 20, 27, 34 is refused; at 41 granted (token 2), acquired 42: inside c0's [2, 45].
        // No drift: c0's lease holds to 51; c1 refused at 6 … 41, granted at 48 (after c0's release at 46), acquired 49.
        var run = LockSimulation.Run(new LockSimulationOptions(LockStrategy.OwnerCheckedRelease, workMs: 40, retryMs: 5, serviceClockDrift: serviceClockDrift), seed: 1);

        Assert.Equal(overlaps ? 42.0 : 49.0, run.Sections[1].AcquiredAtMs, 9);
        Assert.Equal(overlaps, run.SectionsOverlap);
        Assert.Equal(overlaps ? 1 + (50 / 1.5) : 51.0, run.Sections[0].LeaseExpiresAtMs, 9);
    }

    [Theory]
    [InlineData(-0.5, true)]
    [InlineData(0.0, false)]
    public void ClientClockRunsSlow_ClientThinksItsLeaseIsValid_WritesAfterItLapsed(double client0Drift, bool overlaps)
    {
        // Work 60 ms, lease 50, retry 12. c0: SETNX sent 0, served 1 (lease to 51), acquired 2; check at 62.
        // Slow clock (rate 0.5): 62 × 0.5 = 31 < 50, so c0 writes: sent 63, stored 64 (lease lapsed at 51), ack 65.
        // Right clock: 62 >= 50, c0 skips the write and releases at 62.
        // c1: SETNX served 6, 20, 34, 48 refused; sent 61, served 62 (lapsed) granted token 2, acquired 63.
        var run = LockSimulation.Run(new LockSimulationOptions(LockStrategy.OwnerCheckedRelease, workMs: 60,
            clientClockDrifts: [client0Drift, 0]), seed: 1);

        Assert.Equal(overlaps ? 65.0 : 62.0, run.Sections[0].ReleasedAtMs);
        Assert.Equal(63.0, run.Sections[1].AcquiredAtMs);
        Assert.Equal(overlaps, run.SectionsOverlap);
        Assert.Equal(overlaps ? 1 : 0, run.AcceptedWritesWithoutLease);
    }

    [Fact]
    public void SeededRuns_FencingChangesOnlyWhatTheStorageAccepts_AndNeverAcceptsAStaleWrite()
    {
        // Property: the storage's answer does not change what clients do, so fencing and owner-checked release give the
        // same sections seed by seed; fencing never accepts a lower token, while without it some seed does.
        static LockSimulationOptions Options(LockStrategy strategy) => new(strategy, clientCount: 3, roundsPerClient: 5,
            messageDelayMinMs: 0.5, messageDelayMaxMs: 5, pauseRatePerSecond: 5, maxClientClockDrift: 0.01);
        var staleWithoutFencing = 0;
        for (var seed = 0L; seed < 300; seed++)
        {
            var owner = LockSimulation.Run(Options(LockStrategy.OwnerCheckedRelease), seed);
            var fenced = LockSimulation.Run(Options(LockStrategy.FencingTokens), seed);
            Assert.Equal(owner.Sections.Select(s => (s.ClientIndex, s.Token, s.AcquiredAtMs, s.ReleasedAtMs)),
                fenced.Sections.Select(s => (s.ClientIndex, s.Token, s.AcquiredAtMs, s.ReleasedAtMs)));
            Assert.False(fenced.StaleWriteAccepted, $"seed {seed}");
            staleWithoutFencing += owner.StaleWriteAccepted ? 1 : 0;
        }

        Assert.True(staleWithoutFencing > 0, "some seed should let a paused client's stale write through without fencing");
    }

    [Fact]
    public void SameSeed_SameRun_DifferentSeed_DifferentDelays()
    {
        var options = new LockSimulationOptions(LockStrategy.OwnerCheckedRelease, clientCount: 3, roundsPerClient: 5,
            messageDelayMinMs: 0.5, messageDelayMaxMs: 5, pauseRatePerSecond: 5, maxClientClockDrift: 0.05);
        var a = LockSimulation.Run(options, 7);
        var b = LockSimulation.Run(options, 7);
        var c = LockSimulation.Run(options, 8);

        Assert.Equal(a.Sections, b.Sections);
        Assert.Equal(a.Writes, b.Writes);
        Assert.NotEqual(a.Sections.Select(s => s.AcquiredAtMs), c.Sections.Select(s => s.AcquiredAtMs));
    }
}
