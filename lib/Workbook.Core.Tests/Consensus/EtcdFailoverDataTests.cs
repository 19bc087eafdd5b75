using System.Text.RegularExpressions;
using Workbook.Core.Consensus.RealSystems;

namespace Workbook.Core.Tests.Consensus;

public class EtcdFailoverDataTests
{
    [Fact]
    public void ShippedMeasurements_AtLeast30SaneKills_WithTheirSource()
    {
        var data = EtcdFailoverData.Measured;

        Assert.Matches(new Regex(@"^\d+\.\d+\.\d+$"), data.EtcdVersion);
        Assert.Contains(data.Notes, n => n.StartsWith("machine: ", StringComparison.Ordinal));
        Assert.Contains(data.Notes, n => Regex.IsMatch(n, @"^date: \d{4}-\d{2}-\d{2}T"));
        Assert.Contains(data.Notes, n => n.Contains("--heartbeat-interval 100 --election-timeout 1000", StringComparison.Ordinal));
        Assert.True(data.Kills.Count >= 30, $"{data.Kills.Count} kills");
        Assert.Equal(Enumerable.Range(1, data.Kills.Count), data.Kills.Select(k => k.Kill));
        string[] names = ["n1", "n2", "n3"];
        for (var i = 0; i < data.Kills.Count; i++)
        {
            var kill = data.Kills[i];

            // Sane: etcd cannot notice a dead leader before its 1,000 ms election timeout minus one 100 ms
            // tick, and 15 s would be several failed elections in a row.
            Assert.InRange(kill.FailoverMs, 800, 15_000);
            Assert.Contains(kill.KilledLeader, names);
            Assert.Contains(kill.NewLeader, names);
            Assert.NotEqual(kill.KilledLeader, kill.NewLeader);
            Assert.True(kill.Elections >= 1, kill.ToString());
            if (i > 0)
            {
                Assert.True(kill.TermBefore >= data.Kills[i - 1].TermAfter, kill.ToString());
            }
        }
    }

    [Fact]
    public void Parse_BadFiles_NameTheLine()
    {
        const string good = "# etcd 3.4.23, members on 127.0.0.1\nkill,killed_leader,new_leader,term_before,term_after,failover_ms\n";

        var ok = EtcdFailoverData.Parse(good + "1,n1,n2,2,3,1234.5\n", "ok.csv");
        Assert.Equal("3.4.23", ok.EtcdVersion);
        Assert.Equal(1234.5, Assert.Single(ok.Kills).FailoverMs);
        Assert.Equal(1, ok.Kills[0].Elections);

        var notWhole = Assert.Throws<FormatException>(() => EtcdFailoverData.Parse(good + "1.5,n1,n2,2,3,1234.5\n", "x.csv"));
        Assert.Contains("line 3", notWhole.Message, StringComparison.Ordinal);
        var shortRow = Assert.Throws<FormatException>(() => EtcdFailoverData.Parse(good + "1,n1,n2,2,3\n", "x.csv"));
        Assert.Contains("line 3", shortRow.Message, StringComparison.Ordinal);
        var noVersion = Assert.Throws<FormatException>(() => EtcdFailoverData.Parse(good[(good.IndexOf('\n', StringComparison.Ordinal) + 1)..], "x.csv"));
        Assert.Contains("no '# etcd <version>", noVersion.Message, StringComparison.Ordinal);
    }
}
