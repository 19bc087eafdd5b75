using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Workbook.Cli.Etcd;

/// <summary>
/// Measures etcd's leader failover on a local 3-member cluster: find the leader, SIGKILL it, time the
/// first write that succeeds through a surviving member, restart the killed member, wait until the
/// cluster is healthy, repeat.
/// </summary>
/// <remarks>
/// Writes start every <see cref="WriteIntervalMs"/> ms, alternating between the two survivors, each
/// with its own timeout, so a write that was forwarded to the dead leader does not hide a later one
/// that would succeed; the failover time is when the first write is acknowledged. The number of kills
/// and every wait are bounded; the cluster is always torn down (<see cref="EtcdLocalCluster"/>).
/// </remarks>
internal static class EtcdFailoverMeasurement
{
    /// <summary>Milliseconds between the starts of two write attempts after a kill.</summary>
    public const int WriteIntervalMs = 10;

    /// <summary>The most kills one run may do.</summary>
    public const int MaxKills = 1000;

    /// <summary>The CSV header row.</summary>
    public const string CsvHeader = "kill,killed_leader,new_leader,term_before,term_after,failover_ms";

    /// <summary>Runs the measurement.</summary>
    /// <param name="etcdPath">The etcd executable.</param>
    /// <param name="kills">How many leaders to kill, 1 to <see cref="MaxKills"/>.</param>
    /// <param name="failoverTimeout">The longest wait for a write after a kill, and for the cluster to become healthy.</param>
    /// <param name="progress">Receives one line per kill.</param>
    /// <param name="cancellationToken">Stops the run (the cluster is still torn down).</param>
    /// <exception cref="EtcdClusterException">The cluster did not start, did not fail over or did not recover in time.</exception>
    public static async Task<EtcdFailoverRun> RunAsync(
        string etcdPath, int kills, TimeSpan failoverTimeout, TextWriter progress, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(kills, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(kills, MaxKills);
        var timing = EtcdTiming.Default;
        var started = DateTimeOffset.UtcNow;
        var version = EtcdVersion(etcdPath);
        var results = new List<EtcdFailoverKill>();
        var cluster = await EtcdLocalCluster.StartAsync(etcdPath, timing, failoverTimeout, cancellationToken).ConfigureAwait(false);
        var keepLogs = true;
        try
        {
            for (var kill = 1; kill <= kills; kill++)
            {
                var (leader, termBefore) = await cluster.WaitUntilHealthyAsync(failoverTimeout, cancellationToken).ConfigureAwait(false);

                // Let the restarted member settle as a follower (several heartbeats) before the next kill.
                await Task.Delay(TimeSpan.FromMilliseconds(10 * timing.HeartbeatMs), cancellationToken).ConfigureAwait(false);
                var survivors = cluster.Names.Where(n => n != leader).ToArray();
                var killedAt = Stopwatch.GetTimestamp();
                cluster.Kill(leader);
                var failoverMs = await FirstWriteAsync(cluster, survivors, kill, killedAt, failoverTimeout, cancellationToken).ConfigureAwait(false);
                var (newLeader, termAfter) = await AgreedLeaderAsync(cluster, survivors, failoverTimeout, cancellationToken).ConfigureAwait(false);
                var row = new EtcdFailoverKill(kill, leader, newLeader, termBefore, termAfter, failoverMs);
                results.Add(row);
                progress.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"kill {kill}/{kills}: {leader} (term {termBefore}) killed, {newLeader} leads term {termAfter}, first write after {failoverMs:0.0} ms"));
                cluster.Restart(leader);
            }

            await cluster.WaitUntilHealthyAsync(failoverTimeout, cancellationToken).ConfigureAwait(false);
            keepLogs = false;
        }
        finally
        {
            await cluster.DisposeAsync(keepLogs).ConfigureAwait(false);
        }

        return new EtcdFailoverRun(version, timing, started, results);
    }

    /// <summary>The CSV text: comment lines (what, how, version, flags, machine, date), the header, one row per kill.</summary>
    public static string ToCsv(EtcdFailoverRun run, string commandLine)
    {
        ArgumentNullException.ThrowIfNull(run);
        var text = new StringBuilder();
        void Line(string line) => text.Append(line).Append('\n');
        Line("# etcd leader failover, measured on a local 3-member cluster by: " + commandLine);
        Line(string.Create(
            CultureInfo.InvariantCulture,
            $"# etcd {run.EtcdVersion}, members on 127.0.0.1, flags: {string.Join(' ', run.Timing.Flags)} (--pre-vote not set: this version's default; check-quorum is always on in etcd)"));
        Line("# machine: " + MachineDescription());
        Line("# date: " + run.StartedUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        Line(string.Create(
            CultureInfo.InvariantCulture,
            $"# failover_ms: from SIGKILL of the leader to the first acknowledged put through a surviving member (a put started every {WriteIntervalMs} ms, alternating); terms from /v3/maintenance/status"));
        Line(CsvHeader);
        foreach (var row in run.Kills)
        {
            Line(string.Create(
                CultureInfo.InvariantCulture,
                $"{row.Kill},{row.KilledLeader},{row.NewLeader},{row.TermBefore},{row.TermAfter},{row.FailoverMs:0.0}"));
        }

        return text.ToString();
    }

    /// <summary>The version etcd prints with <c>--version</c>, e.g. 3.4.23.</summary>
    /// <exception cref="EtcdClusterException">etcd could not be run or printed no version.</exception>
    public static string EtcdVersion(string etcdPath)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(etcdPath, "--version") { RedirectStandardOutput = true, UseShellExecute = false })
                ?? throw new EtcdClusterException($"could not run {etcdPath} --version");
            var output = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(10_000))
            {
                process.Kill();
                throw new EtcdClusterException($"{etcdPath} --version did not finish within 10 s");
            }

            var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("etcd Version:", StringComparison.Ordinal));
            return line?["etcd Version:".Length..].Trim() ?? throw new EtcdClusterException($"{etcdPath} --version printed no 'etcd Version:' line");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new EtcdClusterException($"could not run {etcdPath}: {e.Message}");
        }
    }

    private static async Task<double> FirstWriteAsync(
        EtcdLocalCluster cluster, string[] survivors, int kill, long killedAt, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var firstSuccess = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var attempts = new List<Task>();
        var attempt = 0;
        try
        {
            while (!firstSuccess.Task.IsCompleted && Stopwatch.GetElapsedTime(killedAt) < timeout)
            {
                var target = survivors[attempt % survivors.Length];
                var value = string.Create(CultureInfo.InvariantCulture, $"kill {kill} attempt {attempt}");
                attempts.Add(Attempt(target, value));
                attempt++;
                await Task.WhenAny(firstSuccess.Task, Task.Delay(WriteIntervalMs, cancellationToken)).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(attempts).ConfigureAwait(false);
        }

        if (!firstSuccess.Task.IsCompleted)
        {
            throw new EtcdClusterException(string.Create(
                CultureInfo.InvariantCulture,
                $"kill {kill}: no write succeeded through {string.Join(" or ", survivors)} within {timeout.TotalSeconds:0} s; logs in {cluster.Folder}"));
        }

        return Stopwatch.GetElapsedTime(killedAt, await firstSuccess.Task.ConfigureAwait(false)).TotalMilliseconds;

        async Task Attempt(string target, string value)
        {
            if (await cluster.TryPutAsync(target, "workbook/failover", value, timeout, stop.Token).ConfigureAwait(false))
            {
                firstSuccess.TrySetResult(Stopwatch.GetTimestamp());
            }
        }
    }

    private static async Task<(string Leader, ulong Term)> AgreedLeaderAsync(
        EtcdLocalCluster cluster, string[] survivors, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            var statuses = new List<EtcdStatus>();
            foreach (var name in survivors)
            {
                statuses.Add(await cluster.StatusAsync(name, TimeSpan.FromMilliseconds(500), cancellationToken).ConfigureAwait(false));
            }

            if (statuses.All(s => s.Answered && s.LeaderId != 0 && s.LeaderId == statuses[0].LeaderId))
            {
                var leader = cluster.NameOf(statuses[0].LeaderId);
                if (survivors.Contains(leader))
                {
                    return (leader, statuses.Max(s => s.RaftTerm));
                }
            }

            await Task.Delay(20, cancellationToken).ConfigureAwait(false);
        }

        throw new EtcdClusterException(string.Create(
            CultureInfo.InvariantCulture,
            $"the surviving members {string.Join(" and ", survivors)} did not agree on a leader within {timeout.TotalSeconds:0} s; logs in {cluster.Folder}"));
    }

    private static string MachineDescription()
    {
        var cpu = "unknown CPU";
        try
        {
            cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? cpu;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not Linux, or not readable: say so.
        }

        return string.Create(
            CultureInfo.InvariantCulture,
            $"{cpu}, {Environment.ProcessorCount} logical CPUs, {RuntimeInformation.OSDescription}, {RuntimeInformation.OSArchitecture}");
    }
}

/// <summary>A whole measurement run.</summary>
/// <param name="EtcdVersion">etcd's version.</param>
/// <param name="Timing">The timing flags used.</param>
/// <param name="StartedUtc">When the run started.</param>
/// <param name="Kills">One row per kill.</param>
internal sealed record EtcdFailoverRun(string EtcdVersion, EtcdTiming Timing, DateTimeOffset StartedUtc, IReadOnlyList<EtcdFailoverKill> Kills);

/// <summary>One kill of the leader.</summary>
/// <param name="Kill">1, 2, ...</param>
/// <param name="KilledLeader">The member killed (the leader then).</param>
/// <param name="NewLeader">The leader the survivors agreed on afterwards.</param>
/// <param name="TermBefore">The raft term before the kill.</param>
/// <param name="TermAfter">The raft term of the new leader (TermAfter − TermBefore elections were started).</param>
/// <param name="FailoverMs">Milliseconds from the kill to the first acknowledged write.</param>
internal sealed record EtcdFailoverKill(int Kill, string KilledLeader, string NewLeader, ulong TermBefore, ulong TermAfter, double FailoverMs);
