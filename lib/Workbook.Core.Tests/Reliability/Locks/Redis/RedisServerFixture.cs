using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Workbook.Core.Reliability.Locks.Redis;
using Workbook.Core.Tests.Resilience.Breakers;

namespace Workbook.Core.Tests.Reliability.Locks.Redis;

/// <summary>
/// A throwaway redis-server owned by the tests: started on a free loopback port the first time a test asks for it,
/// with no persistence, and killed when the test class is done, so no test depends on a server someone left running.
/// Without redis-server the asking test is skipped locally and fails with CI set (<see cref="ToolRequirement"/>).
/// </summary>
public sealed class RedisServerFixture : IAsyncLifetime
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private Process? server;
    private string? directory;

    /// <summary>The port the server listens on (0 before it is started).</summary>
    public int Port { get; private set; }

    /// <summary>A fresh port on loopback with nothing listening (the OS picked it, then it was closed).</summary>
    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Starts the server if needed (skipping or failing the test when redis-server is missing) and connects to it.</summary>
    public async Task<RedisConnection> ConnectAsync()
    {
        var redisServer = ToolRequirement.Require("redis-server", "redis-server");
        await gate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (server is null || server.HasExited)
            {
                await StartAsync(redisServer);
            }
        }
        finally
        {
            gate.Release();
        }

        var connection = await RedisConnection.OpenAsync(new RedisConnectOptions(port: Port, timeoutMs: 2000));
        Assert.True(connection.IsConnected, connection.Reason);
        return connection;
    }

    /// <inheritdoc/>
    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        if (server is { HasExited: false })
        {
            server.Kill(entireProcessTree: true);
            server.WaitForExit(5000);
        }

        server?.Dispose();
        if (directory is not null && Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        gate.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task StartAsync(string redisServer)
    {
        directory ??= Directory.CreateTempSubdirectory("workbook-redis-").FullName;
        Port = FreePort();
        var start = new ProcessStartInfo(redisServer)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = directory,
        };
        foreach (var argument in new[] { "--bind", "127.0.0.1", "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--save", "", "--appendonly", "no", "--dir", directory, "--loglevel", "warning" })
        {
            start.ArgumentList.Add(argument);
        }

        server = Process.Start(start) ?? throw new InvalidOperationException("could not start redis-server");
        server.OutputDataReceived += (_, _) => { };
        server.ErrorDataReceived += (_, _) => { };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            using var probe = await RedisConnection.OpenAsync(new RedisConnectOptions(port: Port, timeoutMs: 500));
            if (probe.IsConnected)
            {
                return;
            }

            Assert.False(server.HasExited, $"redis-server exited with code {(server.HasExited ? server.ExitCode : 0)} on port {Port}");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"redis-server on port {Port} did not answer within 10 s");
    }
}
