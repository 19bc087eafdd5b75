using System.Globalization;

namespace Workbook.Core.Reliability.Locks.Redis;

/// <summary>Where to find a Redis server and how long to wait for it: a host, a port and one bounded timeout.</summary>
/// <remarks>
/// The timeout bounds the connect, every command and every script, so a server that is down or stuck gives
/// an answer (<see cref="RedisConnection.IsConnected"/> false, with a one-line reason) within about that time,
/// never a hang. <see cref="FromEnvironment"/> reads <c>WORKBOOK_REDIS</c> (<c>host:port</c>), which is how
/// tests point a notebook at their own server.
/// </remarks>
public sealed record RedisConnectOptions
{
    /// <summary>The environment variable <see cref="FromEnvironment"/> reads: <c>host:port</c> or <c>host</c>.</summary>
    public const string EnvironmentVariable = "WORKBOOK_REDIS";

    /// <summary>The command that starts a throwaway server, quoted in every "no server" reason.</summary>
    public const string StartCommand = "./workbook.sh redis start";

    /// <summary>Creates the options.</summary>
    /// <param name="host">The server's host name or address; not blank.</param>
    /// <param name="port">The server's TCP port; an integer in [1, 65535].</param>
    /// <param name="timeoutMs">The bound on connecting and on each command, in milliseconds; an integer in [1, 60000].</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="port"/> or <paramref name="timeoutMs"/> is out of range.</exception>
    /// <exception cref="ArgumentException"><paramref name="host"/> is empty or blank.</exception>
    public RedisConnectOptions(string host = "127.0.0.1", int port = 6379, int timeoutMs = 3000)
    {
        Host = Guard.NotBlank(host, nameof(host)).Trim();
        Port = InRange(port, 1, 65535, nameof(port));
        TimeoutMs = InRange(timeoutMs, 1, 60000, nameof(timeoutMs));
    }

    /// <summary>The server's host.</summary>
    /// <value>The default is 127.0.0.1 (loopback, where <c>./workbook.sh redis start</c> binds).</value>
    public string Host { get; }

    /// <summary>The server's port.</summary>
    /// <value>The default is 6379, Redis's own default.</value>
    public int Port { get; }

    /// <summary>The bound on connecting and on each command, in milliseconds.</summary>
    /// <value>The default is 3000 ms. A loopback server answers in well under a millisecond and a closed port is refused at once; the margin is for the client's first connection in a busy kernel (loading and compiling the client).</value>
    public int TimeoutMs { get; }

    /// <summary>The endpoint as <c>host:port</c>.</summary>
    public string Endpoint => $"{Host}:{Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Parses <c>host:port</c> or <c>host</c> (port 6379).</summary>
    /// <param name="endpoint">The endpoint text; not blank.</param>
    /// <param name="timeoutMs">As in the constructor.</param>
    /// <returns>The options.</returns>
    /// <exception cref="ArgumentException"><paramref name="endpoint"/> is blank or its port is not an integer in [1, 65535].</exception>
    public static RedisConnectOptions Parse(string endpoint, int timeoutMs = 3000)
    {
        Guard.NotBlank(endpoint, nameof(endpoint));
        var colon = endpoint.LastIndexOf(':');
        if (colon < 0)
        {
            return new RedisConnectOptions(endpoint, timeoutMs: timeoutMs);
        }

        var host = endpoint[..colon];
        if (string.IsNullOrWhiteSpace(host)
            || !int.TryParse(endpoint[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            || port is < 1 or > 65535)
        {
            throw new ArgumentException($"endpoint must be host:port with a port in [1, 65535]; got '{endpoint}'.", nameof(endpoint));
        }

        return new RedisConnectOptions(host, port, timeoutMs);
    }

    /// <summary>The options named by <c>WORKBOOK_REDIS</c>, or the defaults (127.0.0.1:6379) when it is unset or blank.</summary>
    /// <param name="timeoutMs">As in the constructor.</param>
    /// <returns>The options.</returns>
    /// <exception cref="ArgumentException">The variable is set but is not <c>host:port</c>.</exception>
    public static RedisConnectOptions FromEnvironment(int timeoutMs = 3000)
    {
        var value = Environment.GetEnvironmentVariable(EnvironmentVariable);
        return string.IsNullOrWhiteSpace(value) ? new RedisConnectOptions(timeoutMs: timeoutMs) : Parse(value, timeoutMs);
    }

    private static int InRange(int value, int low, int high, string paramName) =>
        value < low || value > high
            ? throw Guard.OutOfRange(paramName, $"an integer in [{low.ToString(CultureInfo.InvariantCulture)}, {high.ToString(CultureInfo.InvariantCulture)}]", value.ToString(CultureInfo.InvariantCulture))
            : value;
}
