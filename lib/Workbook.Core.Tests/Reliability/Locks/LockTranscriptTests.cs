using Workbook.Core.Reliability.Locks;

namespace Workbook.Core.Tests.Reliability.Locks;

// Golden transcripts of the four hand-timed scenarios (the timelines of LockSimulationTests, worked by hand there).
// Each file under Golden/ was read line by line against those hand timelines before it was committed.
// Set WORKBOOK_UPDATE_GOLDEN=1 to rewrite them (the tests then report skipped); review the diff.
public sealed class LockTranscriptTests
{
    public static TheoryData<string> ScenarioNames() => [.. LockScenarios.All.Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public void Scenario_MatchesGoldenTranscript(string name)
    {
        var scenario = LockScenarios.Get(name);
        GoldenFile.AssertMatches(Path.Combine(Repository.Tests, "Reliability", "Locks", "Golden", $"{name}.txt"), scenario.Run().Transcript());
    }

    [Fact]
    public void NaiveScenario_TranscriptShowsBothGrantsAndTheForeignDelete()
    {
        // Hand timeline: GETs answered at 1 and 2 (absent), SETs granted at 3 (token 1) and 4 (token 2), c0's DEL at 18.
        var run = LockScenarios.Get("naive-get-then-set").Run();
        Assert.Equal([3.0, 4.0], run.Events.Where(e => e.Kind == LockEventKind.Granted).Select(e => e.TimeMs));
        Assert.Equal([18.0], run.Events.Where(e => e.Kind == LockEventKind.ForeignDelete).Select(e => e.TimeMs));
        Assert.Equal(2, run.Events.Count(e => e.Kind == LockEventKind.RequestArrived));
    }

    [Fact]
    public void PauseBetweenCheckAndWrite_LogsPauseLapseAndTheWriteDecision()
    {
        // c0 paused 12.5 to 112.5; its lease (granted at 1) lapses at 51; c1's write accepted at 75; c0's at 113.5.
        var owner = LockScenarios.Get("owner-checked-stale-write").Run();
        var fenced = LockScenarios.Get("fencing-rejects-stale-write").Run();
        Assert.Equal((12.5, 112.5), (owner.Events.Single(e => e.Kind == LockEventKind.PauseStarted).TimeMs, owner.Events.Single(e => e.Kind == LockEventKind.PauseEnded).TimeMs));
        Assert.Contains(owner.Events, e => e.Kind == LockEventKind.LeaseLapsed && e.TimeMs == 51.0);
        Assert.Equal([75.0, 113.5], owner.Events.Where(e => e.Kind == LockEventKind.WriteAccepted).Select(e => e.TimeMs));
        Assert.Equal([113.5], fenced.Events.Where(e => e.Kind == LockEventKind.WriteRejected).Select(e => e.TimeMs));
    }

    [Fact]
    public void Events_AreInTimeOrder_AndEveryGrantHasARequest()
    {
        foreach (var scenario in LockScenarios.All)
        {
            var events = scenario.Run().Events;
            Assert.True(events.Zip(events.Skip(1)).All(p => p.First.TimeMs <= p.Second.TimeMs), scenario.Name);
            Assert.True(events.Count(e => e.Kind == LockEventKind.RequestSent) >= events.Count(e => e.Kind == LockEventKind.Granted), scenario.Name);
        }
    }
}
