using System.Globalization;
using System.Text;
using Workbook.Core.Hashing.Chord;

namespace Workbook.Core.Tests.Hashing.Chord;

public sealed class ChordTranscriptTests
{
    [Fact]
    public void ToN2003_Fig6_StabilizationJoinOfNode6_MatchesGoldenTranscript()
    {
        // The SIGCOMM 2001 Fig. 5 ring (m = 3, nodes 0, 1, 3); node 6 joins through node 1 with the ToN 2003
        // Fig. 6 protocol, then rounds run until every table is correct. Each line: a node's successor,
        // predecessor and fingers. The golden file was checked by hand against the protocol's rules.
        var network = ChordNetwork.CreateIdeal(new ChordSpace(3), [0, 1, 3]);
        var text = new StringBuilder();
        Describe(network, "ideal", text);
        var join = network.Join(6, via: 1);
        Describe(network, $"join 6 via 1: messages {join.Messages}", text);
        for (int round = 1; !network.IsConverged; round++)
        {
            var r = network.RunStabilizationRound();
            Describe(network, $"round {round}: successors {r.SuccessorChanges}, predecessors {r.PredecessorChanges}, fingers {r.FingerChanges}, messages {r.Messages}", text);
            Assert.True(round < 10, "did not converge in 10 rounds");
        }

        string golden = File.ReadAllText(Path.Combine(Repository.Root, "lib", "Workbook.Core.Tests", "Hashing", "Chord", "chord-join-6-transcript.txt"));
        Assert.Equal(golden.ReplaceLineEndings("\n"), text.ToString());
    }

    private static void Describe(ChordNetwork network, string title, StringBuilder text)
    {
        text.Append(CultureInfo.InvariantCulture, $"# {title}\n");
        foreach (ulong id in network.NodeIds)
        {
            var s = network.StateOf(id);
            string predecessor = s.HasPredecessor ? s.Predecessor.ToString(CultureInfo.InvariantCulture) : "nil";
            text.Append(CultureInfo.InvariantCulture, $"node {id}: successor {s.Successor}, predecessor {predecessor}, fingers [{string.Join(", ", s.Fingers)}]\n");
        }
    }
}
