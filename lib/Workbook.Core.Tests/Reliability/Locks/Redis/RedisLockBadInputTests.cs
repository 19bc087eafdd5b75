using Workbook.Core.Reliability.Locks.Redis;

namespace Workbook.Core.Tests.Reliability.Locks.Redis;

/// <summary>Bad input and a server that is down: none of these needs redis-server.</summary>
public sealed class RedisLockBadInputTests
{
    [Fact]
    public void ConnectOptions_RejectBadPortTimeoutAndHost()
    {
        BadInput.Rejects(() => _ = new RedisConnectOptions(port: 0), "port", "an integer in [1, 65535]");
        BadInput.Rejects(() => _ = new RedisConnectOptions(port: 65536), "port", "an integer in [1, 65535]");
        BadInput.Rejects(() => _ = new RedisConnectOptions(timeoutMs: -1), "timeoutMs", "an integer in [1, 60000]");
        BadInput.Rejects(() => _ = new RedisConnectOptions(timeoutMs: 0), "timeoutMs", "an integer in [1, 60000]");
        BadInput.RejectsArgument(() => _ = new RedisConnectOptions(host: " "), "host", "must contain text");
        BadInput.RejectsArgument(() => RedisConnectOptions.Parse("localhost:x"), "endpoint", "host:port with a port in [1, 65535]");
        BadInput.RejectsArgument(() => RedisConnectOptions.Parse(":6379"), "endpoint", "host:port with a port in [1, 65535]");
        BadInput.RejectsArgument(() => RedisConnectOptions.Parse("localhost:0"), "endpoint", "host:port with a port in [1, 65535]");
        BadInput.RejectsArgument(() => RedisConnectOptions.Parse(""), "endpoint", "must contain text");
    }

    [Fact]
    public void ConnectOptions_Parse_ReadsHostAndPort()
    {
        Assert.Equal("10.1.2.3:7000", RedisConnectOptions.Parse("10.1.2.3:7000").Endpoint);
        Assert.Equal("redis.local:6379", RedisConnectOptions.Parse("redis.local").Endpoint);
        Assert.Equal(250, RedisConnectOptions.Parse("127.0.0.1:6380", timeoutMs: 250).TimeoutMs);
    }

    [Fact]
    public void ScenarioTiming_RejectsLeasesAndPausesWithoutMargin()
    {
        BadInput.Rejects(() => _ = new RedisScenarioTiming(leaseMs: 0), "leaseMs", "an integer in [10, 10000]");
        BadInput.Rejects(() => _ = new RedisScenarioTiming(leaseMs: -200), "leaseMs", "an integer in [10, 10000]");
        // 200 + 100 = 300: a pause of 299 ms leaves less than 100 ms between lease end and wake-up.
        BadInput.Rejects(() => _ = new RedisScenarioTiming(leaseMs: 200, pauseMs: 299), "pauseMs", "an integer >= leaseMs + 100 = 300");
        // max(5000, 10 × 800) = 8000.
        BadInput.Rejects(() => _ = new RedisScenarioTiming(leaseMs: 200, pauseMs: 800, longLeaseMs: 7999), "longLeaseMs", "= 8000");
        _ = new RedisScenarioTiming(leaseMs: 200, pauseMs: 300, longLeaseMs: 5000);
    }

    [Fact]
    public async Task Connect_ToClosedPort_ReturnsOneLineReasonSayingHowToStartOne()
    {
        var port = RedisServerFixture.FreePort();

        using var connection = await RedisConnection.OpenAsync(new RedisConnectOptions(port: port, timeoutMs: 1000));

        Assert.False(connection.IsConnected);
        Assert.Null(connection.Database);
        Assert.Equal($"no Redis at 127.0.0.1:{port} (connection refused); start one with ./workbook.sh redis start", connection.Reason);
        Assert.Equal(connection.Reason, connection.ToString());
    }

    [Fact]
    public async Task Connect_ToAnAddressThatNeverAnswers_ReturnsOneLineReason()
    {
        // 192.0.2.0/24 is TEST-NET-1 (RFC 5737): never routed, so the connect either times out or is refused by the network stack.
        using var connection = await RedisConnection.OpenAsync(new RedisConnectOptions(host: "192.0.2.1", port: 6379, timeoutMs: 300));

        Assert.False(connection.IsConnected);
        Assert.StartsWith("no Redis at 192.0.2.1:6379 (", connection.Reason, StringComparison.Ordinal);
        Assert.EndsWith("); start one with ./workbook.sh redis start", connection.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', connection.Reason);
    }

    [Fact]
    public async Task Connect_ToAPortThatAcceptsButNeverSpeaksRedis_ReturnsOneLineReason()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start(); // the kernel completes TCP handshakes into the backlog; nothing ever replies
        try
        {
            var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;

            using var connection = await RedisConnection.OpenAsync(new RedisConnectOptions(port: port, timeoutMs: 300));

            Assert.False(connection.IsConnected);
            Assert.Equal($"no Redis at 127.0.0.1:{port} (the port is open but gave no answer within 300 ms to the Redis handshake); start one with ./workbook.sh redis start", connection.Reason);
        }
        finally
        {
            listener.Stop();
        }
    }

    [Fact]
    public async Task Lock_OnAConnectionThatIsDown_IsRejectedWithTheReason()
    {
        using var connection = await RedisConnection.OpenAsync(new RedisConnectOptions(port: RedisServerFixture.FreePort()));

        var error = BadInput.RejectsArgument(() => _ = new RedisLock(connection, "p:", "lock"), "connection", "connection must be connected");
        Assert.Contains("no Redis at", error.Message, StringComparison.Ordinal);
    }
}
