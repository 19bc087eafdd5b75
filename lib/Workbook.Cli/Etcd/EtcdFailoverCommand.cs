using System.Globalization;
using System.Text;

namespace Workbook.Cli.Etcd;

/// <summary>
/// The <c>etcd-failover</c> command: measures how long a local 3-member etcd cluster takes to serve a
/// write after its leader is killed (Episode 21's real-system side by side), and writes a CSV.
/// </summary>
/// <remarks>
/// <code>etcd-failover [--kills &lt;n&gt;] [--out &lt;file.csv&gt;] [--timeout &lt;seconds&gt;] [--etcd &lt;path&gt;]</code>
/// Defaults: 30 kills, <c>out/etcd-failover.csv</c>, 30 s per wait, <c>etcd</c> from <c>PATH</c>.
/// Exit codes: 0 written; 1 the cluster did not start, fail over or recover in time (one-line reason,
/// the logs are kept); 2 bad usage; 3 etcd is not installed (the message says how to install it).
/// </remarks>
internal static class EtcdFailoverCommand
{
    /// <summary>The one-line usage.</summary>
    public const string Usage = "workbook etcd-failover [--kills <n>] [--out <file.csv>] [--timeout <seconds>] [--etcd <path>]";

    /// <summary>The default number of kills.</summary>
    public const int DefaultKills = 30;

    /// <summary>Runs the command; returns the exit code.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, Func<string, string?> getEnvironmentVariable)
    {
        var kills = DefaultKills;
        var output = Path.Combine("out", "etcd-failover.csv");
        var timeoutSeconds = 30.0;
        string? etcd = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--help" or "-h":
                    stdout.WriteLine(Usage);
                    return ExitCodes.Ok;
                case "--kills":
                    kills = ParseInt(args, ref i, 1, EtcdFailoverMeasurement.MaxKills);
                    break;
                case "--out":
                    output = Value(args, ref i);
                    break;
                case "--timeout":
                    timeoutSeconds = ParseInt(args, ref i, 5, 600);
                    break;
                case "--etcd":
                    etcd = Value(args, ref i);
                    break;
                default:
                    throw new UsageException($"unknown option '{args[i]}' for 'etcd-failover'. Usage: {Usage}");
            }
        }

        var etcdPath = etcd is null ? FindOnPath("etcd", getEnvironmentVariable("PATH")) : Path.GetFullPath(etcd);
        if (etcdPath is null)
        {
            stderr.WriteLine("workbook: etcd is not on PATH; install it (Debian/Ubuntu: sudo apt-get install etcd-server) or name it with --etcd <path>.");
            return ExitCodes.MissingTool;
        }

        if (!File.Exists(etcdPath))
        {
            throw new UsageException($"--etcd {etcd} does not exist.");
        }

        var outputPath = PrepareOutputFile(output);
        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"etcd-failover: {kills} kills with {etcdPath}; each wait at most {timeoutSeconds:0} s"));
            var run = await EtcdFailoverMeasurement.RunAsync(etcdPath, kills, TimeSpan.FromSeconds(timeoutSeconds), stdout, cancel.Token).ConfigureAwait(false);
            var commandLine = "./workbook.sh etcd-failover " + string.Join(' ', args);
            await File.WriteAllTextAsync(outputPath, EtcdFailoverMeasurement.ToCsv(run, commandLine.TrimEnd()), new UTF8Encoding(false)).ConfigureAwait(false);
            var sorted = run.Kills.Select(k => k.FailoverMs).Order().ToArray();
            stdout.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"etcd-failover: wrote {outputPath}; failover ms: min {sorted[0]:0}, median {sorted[sorted.Length / 2]:0}, max {sorted[^1]:0}"));
            return ExitCodes.Ok;
        }
        catch (EtcdClusterException e)
        {
            stderr.WriteLine("workbook: etcd-failover: " + e.Message);
            return ExitCodes.Failed;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            stderr.WriteLine("workbook: etcd-failover: cancelled; the etcd members were stopped and nothing was written.");
            return ExitCodes.Failed;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"workbook: etcd-failover: could not write {outputPath}: {OutputFolder.Reason(e)}.");
            return ExitCodes.BadInput;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    /// <summary>The first executable named <paramref name="name"/> in a PATH string, or null.</summary>
    internal static string? FindOnPath(string name, string? path) =>
        (path ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);

    private static string PrepareOutputFile(string output)
    {
        if (string.IsNullOrWhiteSpace(output) || output.EndsWith('/') || Directory.Exists(output))
        {
            throw new UsageException($"--out needs a file name such as data/consensus/etcd-failover.csv; got '{output}'.");
        }

        var full = Path.GetFullPath(output);
        OutputFolder.Prepare("--out", Path.GetDirectoryName(full)!);
        return full;
    }

    private static string Value(IReadOnlyList<string> args, ref int i)
    {
        if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
        {
            throw new UsageException($"{args[i]} needs a value.");
        }

        return args[++i];
    }

    private static int ParseInt(IReadOnlyList<string> args, ref int i, int min, int max)
    {
        var option = args[i];
        var text = Value(args, ref i);
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"{option} must be a whole number from {min} to {max}; got '{text}'."));
        }

        return value;
    }
}
