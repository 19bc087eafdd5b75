using Workbook.Core.Consensus;
using Workbook.Core.Consensus.Kv;
using Workbook.Core.Consensus.Linearizability;

namespace Workbook.Core.Tests.Consensus.Kv;

public class KvExploreTests
{
    private static int E(string n, int d) => int.TryParse(Environment.GetEnvironmentVariable(n), out var v) ? v : d;

    [Fact]
    public void Explore()
    {
        var o = TestContext.Current.TestOutputHelper!;
        int nodes = E("KN", 3), clients = E("KC", 3), keys = E("KK", 2), period = E("KP", 30), gets = E("KG", 40), seeds = E("KS", 60), timeout = E("KT", 20), ops = E("KO", 10);
        foreach (var mode in new[] { KvReadMode.ThroughLog, KvReadMode.LeaderLocalUnsafe })
        {
            int bad = 0, first = -1, gave = 0, unfinished = 0, count = 0, pending = 0;
            var sw = System.Diagnostics.Stopwatch.StartNew();
            for (int seed = 1; seed <= seeds; seed++)
            {
                var options = new KvClusterOptions(new RaftClusterOptions(nodes, new NetworkOptions(1, 3, lossProbability: 0.05)), clients,
                    new NetworkOptions(1, 3, lossProbability: 0.1, duplicationProbability: 0.05), timeout, mode, E("KU", 1) == 1);
                var kv = new KvCluster(options, seed, KvFaultSchedule.Random(nodes, 300, seed, period));
                if (!kv.RunWorkload(new KvWorkload(ops, keys, 5, gets / 100.0), 800)) unfinished++;
                var r = kv.CheckLinearizability();
                count += kv.History.Count; pending += kv.History.Count(h => !h.HasResponse);
                if (r.Verdict == LinearizabilityVerdict.NotLinearizable) { bad++; if (first < 0) { first = seed; o.WriteLine(r.Reason); } }
                if (r.Verdict == LinearizabilityVerdict.GaveUp) gave++;
            }
            o.WriteLine($"{mode}: bad {bad}/{seeds} first {first} gaveUp {gave} unfinished {unfinished} ops {count} pending {pending} {sw.ElapsedMilliseconds} ms");
        }
    }
}
