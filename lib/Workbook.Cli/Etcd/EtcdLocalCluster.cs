using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Workbook.Cli.Etcd;

/// <summary>
/// A 3-member etcd cluster on 127.0.0.1 in a temporary folder: free ports, one data folder and one log
/// file per member, etcd's own JSON gateway (<c>/v3/...</c>) as the client. Disposing it kills every
/// member it started and deletes the folder.
/// </summary>
/// <remarks>
/// Nothing listens beyond loopback. Members are killed with SIGKILL (<see cref="Process.Kill()"/> on
/// Unix) and restarted from their data folder with the same flags, as after a machine crash. Every
/// wait has a timeout and ends with a one-line reason (<see cref="EtcdClusterException"/>).
/// </remarks>
internal sealed class EtcdLocalCluster : IAsyncDisposable
{
    private readonly string etcdPath;
    private readonly EtcdTiming timing;
    private readonly string folder;
    private readonly Member[] members;
    private readonly HttpClient http;

    private EtcdLocalCluster(string etcdPath, EtcdTiming timing, string folder, Member[] members)
    {
        this.etcdPath = etcdPath;
        this.timing = timing;
        this.folder = folder;
        this.members = members;
        http = new HttpClient(new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(1),
            MaxConnectionsPerServer = 256,
            UseProxy = false,
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>The member names, n1..n3.</summary>
    public IReadOnlyList<string> Names => [.. members.Select(m => m.Name)];

    /// <summary>The temporary folder with the data folders and logs (deleted on dispose).</summary>
    public string Folder => folder;

    /// <summary>Starts three members on free loopback ports and waits until they agree on a leader.</summary>
    /// <param name="etcdPath">The etcd executable.</param>
    /// <param name="timing">Heartbeat and election timeout.</param>
    /// <param name="timeout">How long to wait for the first leader.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <exception cref="EtcdClusterException">A member would not start, or no leader within the timeout.</exception>
    public static async Task<EtcdLocalCluster> StartAsync(string etcdPath, EtcdTiming timing, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("workbook-etcd-").FullName;
        var ports = FreeLoopbackPorts(6);
        var members = Enumerable.Range(0, 3)
            .Select(i => new Member($"n{i + 1}", ports[2 * i], ports[(2 * i) + 1], Path.Combine(folder, $"n{i + 1}")))
            .ToArray();
        var cluster = new EtcdLocalCluster(etcdPath, timing, folder, members);
        try
        {
            foreach (var member in members)
            {
                cluster.Start(member);
            }

            await cluster.WaitUntilHealthyAsync(timeout, cancellationToken).ConfigureAwait(false);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Whether a member's process is running.</summary>
    public bool IsRunning(string name) => Find(name).Process is { HasExited: false };

    /// <summary>The client URL of a member.</summary>
    public Uri ClientUrl(string name) => Find(name).ClientUrl;

    /// <summary>Kills a member with SIGKILL and waits until the process is gone.</summary>
    public void Kill(string name)
    {
        var member = Find(name);
        if (member.Process is { } process)
        {
            process.Kill();
            process.WaitForExit();
            process.Dispose();
            member.Process = null;
        }
    }

    /// <summary>Restarts a killed member from its data folder with the same flags.</summary>
    public void Restart(string name)
    {
        var member = Find(name);
        if (member.Process is { HasExited: false })
        {
            throw new EtcdClusterException($"member {name} is still running; only a killed member can be restarted");
        }

        member.Process?.Dispose();
        Start(member);
    }

    /// <summary>Asks one member for its status; a failure (down, no answer within the timeout) gives <see cref="EtcdStatus.Unavailable"/>.</summary>
    public async Task<EtcdStatus> StatusAsync(string name, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var member = Find(name);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            using var content = new StringContent("{}", Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(new Uri(member.ClientUrl, "/v3/maintenance/status"), content, cts.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return EtcdStatus.Unavailable;
            }

            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cts.Token).ConfigureAwait(false));
            var root = json.RootElement;
            return new EtcdStatus(
                true,
                UInt64Field(root.GetProperty("header"), "member_id"),
                UInt64Field(root, "leader"),
                UInt64Field(root, "raftTerm"),
                UInt64Field(root, "raftIndex"),
                root.TryGetProperty("version", out var version) ? version.GetString() ?? "" : "");
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or JsonException or KeyNotFoundException or FormatException or InvalidOperationException
                                   && !cancellationToken.IsCancellationRequested)
        {
            return EtcdStatus.Unavailable;
        }
    }

    /// <summary>Writes one key through a member; true when etcd answered that the write committed.</summary>
    public async Task<bool> TryPutAsync(string name, string key, string value, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var member = Find(name);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        var body = "{\"key\":\"" + Convert.ToBase64String(Encoding.UTF8.GetBytes(key)) + "\",\"value\":\"" +
                   Convert.ToBase64String(Encoding.UTF8.GetBytes(value)) + "\"}";
        try
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(new Uri(member.ClientUrl, "/v3/kv/put"), content, cts.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return false;
            }

            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cts.Token).ConfigureAwait(false));
            return json.RootElement.TryGetProperty("header", out _) && !json.RootElement.TryGetProperty("error", out _);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or JsonException)
        {
            return false;
        }
    }

    /// <summary>
    /// Waits until every running member answers, all name the same leader, the leader is one of them
    /// and their raft indexes agree (the restarted member has caught up).
    /// </summary>
    /// <returns>The leader's name and term.</returns>
    /// <exception cref="EtcdClusterException">Not healthy within the timeout.</exception>
    public async Task<(string Leader, ulong Term)> WaitUntilHealthyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        var last = "no member answered";
        while (Stopwatch.GetTimestamp() < deadline)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var statuses = new List<(string Name, EtcdStatus Status)>();
            foreach (var member in members)
            {
                statuses.Add((member.Name, await StatusAsync(member.Name, TimeSpan.FromMilliseconds(500), cancellationToken).ConfigureAwait(false)));
            }

            foreach (var (name, status) in statuses.Where(s => s.Status.Answered))
            {
                Find(name).Id = status.MemberId;
            }

            var answered = statuses.Where(s => s.Status.Answered).ToList();
            if (answered.Count == members.Length
                && answered.All(s => s.Status.LeaderId != 0 && s.Status.LeaderId == answered[0].Status.LeaderId)
                && answered.All(s => s.Status.RaftIndex == answered[0].Status.RaftIndex)
                && members.FirstOrDefault(m => m.Id == answered[0].Status.LeaderId) is { } leader)
            {
                return (leader.Name, answered.Max(s => s.Status.RaftTerm));
            }

            last = string.Join(", ", statuses.Select(s => s.Status.Answered
                ? string.Create(CultureInfo.InvariantCulture, $"{s.Name}: leader {NameOf(s.Status.LeaderId)}, index {s.Status.RaftIndex}")
                : $"{s.Name}: no answer"));
            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }

        throw new EtcdClusterException(
            string.Create(CultureInfo.InvariantCulture, $"the etcd cluster was not healthy within {timeout.TotalSeconds:0} s ({last}); logs in {folder}"));
    }

    /// <summary>The member name of an etcd member id, or "none" for 0, or the id in hex if unknown.</summary>
    public string NameOf(ulong memberId) =>
        memberId == 0 ? "none" : members.FirstOrDefault(m => m.Id == memberId)?.Name ?? memberId.ToString("x", CultureInfo.InvariantCulture);

    /// <summary>Kills every member still running and deletes the temporary folder.</summary>
    public async ValueTask DisposeAsync() => await DisposeAsync(keepFolder: false).ConfigureAwait(false);

    /// <summary>Kills every member still running and deletes the temporary folder unless asked to keep it (for its logs).</summary>
    public ValueTask DisposeAsync(bool keepFolder)
    {
        foreach (var member in members)
        {
            if (member.Process is { } process)
            {
                try
                {
                    if (!process.HasExited)
                    {
                        process.Kill();
                        process.WaitForExit(5000);
                    }
                }
                catch (InvalidOperationException)
                {
                    // Already gone.
                }

                process.Dispose();
                member.Process = null;
            }
        }

        http.Dispose();
        if (!keepFolder)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A leftover temporary folder is harmless; the processes are what must not leak.
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>The etcd flags of one member, as passed on its command line.</summary>
    internal IReadOnlyList<string> Arguments(string name)
    {
        var member = Find(name);
        var initialCluster = string.Join(",", members.Select(m => $"{m.Name}={m.PeerUrl.ToString().TrimEnd('/')}"));
        return
        [
            "--name", member.Name,
            "--data-dir", member.DataDir,
            "--listen-peer-urls", member.PeerUrl.ToString().TrimEnd('/'),
            "--initial-advertise-peer-urls", member.PeerUrl.ToString().TrimEnd('/'),
            "--listen-client-urls", member.ClientUrl.ToString().TrimEnd('/'),
            "--advertise-client-urls", member.ClientUrl.ToString().TrimEnd('/'),
            "--initial-cluster", initialCluster,
            "--initial-cluster-state", "new",
            "--initial-cluster-token", "workbook-failover",
            .. timing.Flags,
            "--logger", "zap",
            "--log-outputs", Path.Combine(folder, member.Name + ".log"),
        ];
    }

    private void Start(Member member)
    {
        var info = new ProcessStartInfo(etcdPath)
        {
            UseShellExecute = false,
            RedirectStandardInput = false,
            RedirectStandardOutput = false,
            RedirectStandardError = false,
            WorkingDirectory = folder,
        };
        foreach (var argument in Arguments(member.Name))
        {
            info.ArgumentList.Add(argument);
        }

        try
        {
            member.Process = Process.Start(info) ?? throw new EtcdClusterException($"could not start {etcdPath}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new EtcdClusterException($"could not start {etcdPath}: {e.Message}");
        }
    }

    private Member Find(string name) =>
        members.FirstOrDefault(m => m.Name == name) ?? throw new ArgumentException($"{nameof(name)} must be one of n1, n2, n3; got '{name}'.", nameof(name));

    private static ulong UInt64Field(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value)
            ? ulong.Parse(value.GetString() ?? "0", NumberStyles.None, CultureInfo.InvariantCulture)
            : 0;

    private static int[] FreeLoopbackPorts(int count)
    {
        // Implementation note: the listeners are held until all ports are chosen, so the ports differ;
        // another process could still take one before etcd binds it (then etcd exits and the wait fails).
        var listeners = new List<TcpListener>();
        try
        {
            for (var i = 0; i < count; i++)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                listeners.Add(listener);
            }

            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener.Stop();
                listener.Dispose();
            }
        }
    }

    private sealed class Member(string name, int peerPort, int clientPort, string dataDir)
    {
        public string Name { get; } = name;

        public Uri PeerUrl { get; } = new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{peerPort}"));

        public Uri ClientUrl { get; } = new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{clientPort}"));

        public string DataDir { get; } = dataDir;

        public ulong Id { get; set; }

        public Process? Process { get; set; }
    }
}

/// <summary>etcd's timing flags, in milliseconds.</summary>
/// <param name="HeartbeatMs">--heartbeat-interval.</param>
/// <param name="ElectionTimeoutMs">--election-timeout.</param>
internal sealed record EtcdTiming(int HeartbeatMs, int ElectionTimeoutMs)
{
    /// <summary>etcd's defaults, 100 ms and 1,000 ms (also what the measurement uses).</summary>
    public static EtcdTiming Default { get; } = new(100, 1000);

    /// <summary>The flags as etcd takes them.</summary>
    public IReadOnlyList<string> Flags =>
    [
        "--heartbeat-interval", HeartbeatMs.ToString(CultureInfo.InvariantCulture),
        "--election-timeout", ElectionTimeoutMs.ToString(CultureInfo.InvariantCulture),
    ];
}

/// <summary>One member's answer to <c>/v3/maintenance/status</c>.</summary>
/// <param name="Answered">Whether the member answered; the other values are 0 when it did not.</param>
/// <param name="MemberId">The member's own id.</param>
/// <param name="LeaderId">The leader it knows, 0 for none.</param>
/// <param name="RaftTerm">Its raft term.</param>
/// <param name="RaftIndex">Its last raft log index.</param>
/// <param name="Version">The etcd version it reports.</param>
internal sealed record EtcdStatus(bool Answered, ulong MemberId, ulong LeaderId, ulong RaftTerm, ulong RaftIndex, string Version)
{
    /// <summary>No answer.</summary>
    public static EtcdStatus Unavailable { get; } = new(false, 0, 0, 0, 0, "");
}

/// <summary>The etcd cluster could not be started, did not become healthy, or did not fail over in time; the message is one line.</summary>
internal sealed class EtcdClusterException(string message) : Exception(message);
