using Workbook.Core.Consensus;

namespace Workbook.Core.Tests.Consensus;

/// <summary>Golden transcripts: a scenario's inputs and outputs, compared line by line with a reviewed file in <c>Golden/</c>.</summary>
public class RaftTranscriptTests
{
    [Fact]
    public void Raft_5_2_5_3_ElectionThenOneWrite_MatchesGoldenTranscript()
    {
        // Three nodes, timeouts drawn from [4, 6] ticks, heartbeat every 2 ticks, seed 1. Rounds tick
        // every node in id order, then deliver every message oldest first until the network is quiet.
        int[] ids = [1, 2, 3];
        var cluster = new RaftTestCluster([.. ids.Select(id => new RaftOptions(id, ids, 4, 6, 2))], seed: 1);
        cluster.Transcript.Add("# timeouts drawn: " + string.Join(", ", cluster.LiveNodes.Select(n => $"n{n.Id}={n.ElectionTimeoutTicks}")));
        cluster.RunSynchronousRounds(c => c.Leaders.Count == 1);
        var leader = Assert.Single(cluster.Leaders).Id;
        var follower = ids.First(id => id != leader);

        cluster.Propose(follower, "x=1");
        cluster.Propose(leader, "x=1");
        cluster.DeliverAll();
        cluster.RunSynchronousRounds(c => c.LiveNodes.All(n => n.LastApplied == 2));

        GoldenFile.AssertMatches(Path.Combine(Repository.Tests, "Consensus", "Golden", "raft-election-then-one-write.txt"), cluster.Transcript);
    }
}
