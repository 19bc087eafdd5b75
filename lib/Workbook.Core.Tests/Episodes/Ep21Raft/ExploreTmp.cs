using System.Diagnostics;
using Workbook.Core.Consensus;
using Workbook.Core.Consensus.RealSystems;
using Workbook.Core.Episodes.Ep21Raft;

namespace Workbook.Core.Tests.Episodes.Ep21Raft;

public class ExploreTmp
{
    [Fact]
    public void Explore()
    {
        var lines = new List<string>();
        foreach (var rules in Episode21Figures.Figure8Rules)
        {
            foreach (var st in Figure8Replay.Play(rules))
            {
                lines.Add($"{rules.Name} {st.Label} holds={st.SafetyHolds} {st.Safety}");
                foreach (var id in st.Logs.NodeIds)
                {
                    var n = st.Nodes[id - 1];
                    lines.Add($"   S{id} {(n.IsRunning ? n.Role + " t" + n.Term : "crashed t" + n.Term)}: " + string.Join(" ", st.Logs.Cells.Where(c => c.NodeId == id).Select(c => $"{c.Term}{(c.IsCommitted ? "*" : "")}{(c.ConflictsWithCommitted ? "!" : "")}")));
                }
            }
        }
        var sw = Stopwatch.StartNew();
        var f = Episode21Scenarios.Failover();
        lines.Add($"failover {sw.ElapsedMilliseconds} ms complete={f.IsComplete} n={f.Samples.Count} median(mid)={Episode21Figures.Median(f.FailoverMilliseconds)} nearest={f.FailoverMillisecondsPercentile(0.5)} twoElections={f.Samples.Count(s => s.Elections > 1)}");
        var e = EtcdFailoverData.Measured;
        lines.Add($"etcd median(mid)={Episode21Figures.Median(e.FailoverMilliseconds)} n={e.Kills.Count} max={e.FailoverMilliseconds.Max()} min={e.FailoverMilliseconds.Min()} simmax={f.FailoverMilliseconds.Max()} simmin={f.FailoverMilliseconds.Min()}");
        sw.Restart();
        var b = Episode21Scenarios.BugCaught();
        lines.Add($"bug {sw.ElapsedMilliseconds} ms {b.Violation?.Report(30)} now={b.Cluster.Now}");
        File.WriteAllLines("/tmp/fig2-explore.txt", lines);
    }
}
