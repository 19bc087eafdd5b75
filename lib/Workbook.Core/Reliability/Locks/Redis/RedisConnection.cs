using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net.Sockets;
using StackExchange.Redis;

namespace Workbook.Core.Reliability.Locks.Redis;

/// <summary>
/// A connection to a Redis server, or the one-line reason there is none: <see cref="IsConnected"/> and
/// <see cref="Reason"/>, as every "no answer" in the library. Dispose it to close the connection.
/// </summary>
/// <remarks>
/// <see cref="OpenAsync"/> never hangs and never throws for a server that is down: the whole open (probe and
/// handshake together) ends within one deadline of <see cref="RedisConnectOptions.TimeoutMs"/>, each later command
/// and script is bounded by the same timeout, and a failure becomes a reason such as <c>no Redis at 127.0.0.1:6379 (connection refused); start one with ./workbook.sh redis start</c>.
/// </remarks>
public sealed class RedisConnection : IDisposable
{
    private readonly ConnectionMultiplexer? multiplexer;

    private RedisConnection(RedisConnectOptions options, ConnectionMultiplexer? multiplexer, string reason)
    {
        Options = options;
        this.multiplexer = multiplexer;
        Database = multiplexer?.GetDatabase();
        Reason = reason;
    }

    /// <summary>Where the connection goes and its timeout.</summary>
    public RedisConnectOptions Options { get; }

    /// <summary>Whether a server answered; <see cref="Database"/> is set only then.</summary>
    [MemberNotNullWhen(true, nameof(Database))]
    public bool IsConnected => Database is not null;

    /// <summary>The server's database 0 (null when not connected).</summary>
    public IDatabase? Database { get; }

    /// <summary>Why there is no connection, in one line (empty when connected).</summary>
    public string Reason { get; }

    /// <summary>Connects within the options' timeout (one deadline for the whole open), or says in one line why not.</summary>
    /// <param name="options">Where the server is; <see cref="RedisConnectOptions.FromEnvironment"/> when null.</param>
    /// <returns>The connection, or a result with <see cref="IsConnected"/> false and a <see cref="Reason"/>.</returns>
    public static async Task<RedisConnection> OpenAsync(RedisConnectOptions? options = null)
    {
        options ??= RedisConnectOptions.FromEnvironment();
        var configuration = new ConfigurationOptions
        {
            EndPoints = { { options.Host, options.Port } },
            ConnectTimeout = options.TimeoutMs,
            SyncTimeout = options.TimeoutMs,
            AsyncTimeout = options.TimeoutMs,
            ConnectRetry = 1,
            AbortOnConnectFail = true,
            ClientName = "workbook-ep23",
        };

        // Implementation note: the client reports a refused or unreachable server only as "UnableToConnect" (the
        // socket error goes to its log), so a TCP connect first finds the cause; then the client connects. Both share
        // one deadline: the client gets what the probe left, and WaitAsync enforces it should the client retry longer.
        var clock = Stopwatch.StartNew();
        using (var deadline = new CancellationTokenSource(options.TimeoutMs))
        {
            if (await ProbeAsync(options, deadline.Token).ConfigureAwait(false) is { Length: > 0 } cause)
            {
                return Failed(options, cause);
            }
        }

        var remainingMs = options.TimeoutMs - (int)clock.ElapsedMilliseconds;
        if (remainingMs <= 0)
        {
            return Failed(options, $"the port is open but gave {NoAnswer(options)} to the Redis handshake");
        }

        configuration.ConnectTimeout = remainingMs;
        var connecting = ConnectionMultiplexer.ConnectAsync(configuration);
        try
        {
            var multiplexer = await connecting.WaitAsync(TimeSpan.FromMilliseconds(remainingMs)).ConfigureAwait(false);
            return new RedisConnection(options, multiplexer, string.Empty);
        }
        catch (TimeoutException)
        {
            _ = connecting.ContinueWith(t => t.Result.Dispose(), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
            return Failed(options, $"the port is open but gave {NoAnswer(options)} to the Redis handshake");
        }
        catch (RedisException)
        {
            return Failed(options, $"the port is open but gave {NoAnswer(options)} to the Redis handshake");
        }
    }

    /// <summary>Closes the connection (nothing to do when not connected).</summary>
    public void Dispose() => multiplexer?.Dispose();

    /// <summary>"connected to host:port" or the reason.</summary>
    /// <returns>One line.</returns>
    public override string ToString() => IsConnected ? $"connected to {Options.Endpoint}" : Reason;

    private static RedisConnection Failed(RedisConnectOptions options, string cause) =>
        new(options, null, $"no Redis at {options.Endpoint} ({cause}); start one with {RedisConnectOptions.StartCommand}");

    private static string NoAnswer(RedisConnectOptions options) =>
        $"no answer within {options.TimeoutMs.ToString(CultureInfo.InvariantCulture)} ms";

    private static async Task<string> ProbeAsync(RedisConnectOptions options, CancellationToken deadline)
    {
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(options.Host, options.Port, deadline).ConfigureAwait(false);
            return string.Empty;
        }
        catch (OperationCanceledException)
        {
            return NoAnswer(options);
        }
        catch (SocketException error)
        {
            return error.SocketErrorCode switch
            {
                SocketError.ConnectionRefused => "connection refused",
                SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => "host not found",
                SocketError.TimedOut => NoAnswer(options),
                SocketError.NetworkUnreachable or SocketError.HostUnreachable => "unreachable",
                var other => other.ToString(),
            };
        }
    }
}
