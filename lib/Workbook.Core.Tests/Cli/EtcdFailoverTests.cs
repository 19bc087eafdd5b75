using Workbook.Cli;
using Workbook.Cli.Etcd;
using Workbook.Core.Consensus.RealSystems;

namespace Workbook.Core.Tests.Cli;

/// <summary>Tests that start etcd run one at a time: they time real failovers on two shared cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EtcdCollection
{
    public const string Name = "Etcd";
}

[Collection(EtcdCollection.Name)]
public class EtcdFailoverTests
{
    [Theory]
    [InlineData("--kills", "0", "--kills must be a whole number from 1 to 1000; got '0'.")]
    [InlineData("--kills", "x", "--kills must be a whole number from 1 to 1000; got 'x'.")]
    [InlineData("--timeout", "4", "--timeout must be a whole number from 5 to 600; got '4'.")]
    [InlineData("--colour", "red", "unknown option '--colour' for 'etcd-failover'.")]
    public async Task BadUsage_OneLineReason_ExitTwo(string option, string value, string reason)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await Workbook.Cli.Cli.MainAsync(["etcd-failover", option, value], stdout, stderr);

        Assert.Equal(ExitCodes.BadInput, code);
        var lines = stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Contains(reason, lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task EtcdMissing_SaysHowToInstall_ExitThree()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await EtcdFailoverCommand.RunAsync(["--kills", "1"], stdout, stderr, name => name == "PATH" ? "/nonexistent-bin" : null);

        Assert.Equal(ExitCodes.MissingTool, code);
        Assert.Contains("apt-get install etcd-server", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EtcdPathThatDoesNotExist_ExitTwo()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await Workbook.Cli.Cli.MainAsync(["etcd-failover", "--etcd", "/nonexistent/etcd"], stdout, stderr);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("--etcd /nonexistent/etcd does not exist", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task RealEtcd_ThreeKills_FailOverToAnotherLeaderInSaneTime()
    {
        var etcd = EtcdFailoverCommand.FindOnPath("etcd", Environment.GetEnvironmentVariable("PATH"));
        if (etcd is null)
        {
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
            {
                Assert.Fail("CI is set but etcd is not on PATH; .ci/run installs it (apt-get install etcd-server).");
            }

            Assert.Skip("etcd is not on PATH; install it with 'sudo apt-get install etcd-server' to run this test.");
        }

        var before = EtcdTempFolders();
        var run = await EtcdFailoverMeasurement.RunAsync(etcd, 3, TimeSpan.FromSeconds(30), TextWriter.Null, TestContext.Current.CancellationToken);

        Assert.Equal([1, 2, 3], run.Kills.Select(k => k.Kill));
        foreach (var kill in run.Kills)
        {
            // etcd's randomized election timeout is 1,000 to 1,900 ms after the last heartbeat: a failover
            // under 0.5 s or over 15 s means the measurement is broken, not that etcd is fast or slow.
            Assert.InRange(kill.FailoverMs, 500, 15_000);
            Assert.NotEqual(kill.KilledLeader, kill.NewLeader);
            Assert.Contains(kill.NewLeader, new[] { "n1", "n2", "n3" });
            Assert.True(kill.TermAfter > kill.TermBefore, kill.ToString());
        }

        // The CSV it writes reads back through the library's parser, row for row.
        var parsed = EtcdFailoverData.Parse(EtcdFailoverMeasurement.ToCsv(run, "test"), "test.csv");
        Assert.Equal(run.EtcdVersion, parsed.EtcdVersion);
        Assert.Equal(run.Kills.Select(k => k.NewLeader), parsed.Kills.Select(k => k.NewLeader));
        Assert.Equal(run.Kills.Select(k => Math.Round(k.FailoverMs, 1)), parsed.FailoverMilliseconds);

        // The cluster's temporary folder is gone (the members were killed before it was deleted).
        Assert.Equal(before, EtcdTempFolders());
    }

    private static string[] EtcdTempFolders() =>
        [.. Directory.GetDirectories(Path.GetTempPath(), "workbook-etcd-*").Order(StringComparer.Ordinal)];
}
