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
        int seeds = int.Parse(Environment.GetEnvironmentVariable("KS") ?? "100", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (mode, sessions) in new[] { (KvReadMode.ThroughLog, true), (KvReadMode.LeaderLocalUnsafe, true), (KvReadMode.ThroughLog, false) })
        {
            var caught = new List<int>();
            int gave = 0, ops = 0, pending = 0;
            var sw = System.Diagnostics.Stopwatch.StartNew();
            for (int seed = 1; seed <= seeds; seed++)
            {
                var kv = KvClusterTests.FuzzRun(mode, seed, sessions, new KvWorkload(E("KO", 10), E("KK", 2), 5, E("KG", 80) / 100.0), E("KP", 60));
                var r = kv.CheckLinearizability();
                ops += kv.History.Count; pending += kv.History.Count(h => !h.HasResponse);
                if (r.Verdict == LinearizabilityVerdict.NotLinearizable) caught.Add(seed);
                if (r.Verdict == LinearizabilityVerdict.GaveUp) gave++;
            }
            o.WriteLine($"{mode} sessions={sessions}: not linearizable {caught.Count}/{seeds} seeds [{string.Join(",", caught)}] gaveUp {gave} ops {ops} pending {pending} {sw.ElapsedMilliseconds} ms");
        }
    }
}
