namespace Workbook.Core.Physics;

/// <summary>
/// The round trips a fresh connection spends before its response arrives: handshakes first, then the
/// request, then (for a large response) TCP slow start.
/// </summary>
/// <remarks>
/// The first byte arrives (handshake round trips + 1) × RTT after the client starts: 4 RTT for
/// TCP + TLS 1.2, 3 for TCP + TLS 1.3, 2 for QUIC, 1 for QUIC 0-RTT. The last byte of a large
/// response waits for TCP slow start (RFC 6928 initial window, RFC 5681 section 3.1 doubling). The
/// model ignores bandwidth, delayed acknowledgements, server time and DNS.
/// </remarks>
public static class ConnectionLatency
{
    /// <summary>The initial congestion window of RFC 6928: 10 segments.</summary>
    public const int DefaultInitialWindowSegments = 10;

    /// <summary>The largest response <see cref="SlowStartRounds"/> accepts: 10^15 bytes (a petabyte), far from overflow.</summary>
    public const long MaximumResponseBytes = 1_000_000_000_000_000;

    /// <summary>A typical maximum segment size on Ethernet: 1500-byte MTU − 20 (IPv4) − 20 (TCP) = 1460 bytes.</summary>
    public const int DefaultMaximumSegmentBytes = 1460;

    /// <summary>The round trips spent on handshakes before the request can be sent.</summary>
    /// <param name="setup">The transport and security stack.</param>
    /// <returns>1 for TCP, 3 for TCP + TLS 1.2, 2 for TCP + TLS 1.3, 1 for TCP + TLS 1.3 0-RTT and for QUIC, 0 for QUIC 0-RTT.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="setup"/> is not a defined value.</exception>
    public static int HandshakeRoundTrips(ConnectionSetup setup) => setup switch
    {
        ConnectionSetup.Tcp => 1,
        ConnectionSetup.TcpTls12 => 1 + 2,
        ConnectionSetup.TcpTls13 => 1 + 1,
        ConnectionSetup.TcpTls13ZeroRtt => 1,
        ConnectionSetup.Quic => 1,
        ConnectionSetup.QuicZeroRtt => 0,
        _ => throw new ArgumentOutOfRangeException(
            nameof(setup), setup, $"setup must be one of {string.Join(", ", Enum.GetNames<ConnectionSetup>())}; got {setup}."),
    };

    /// <summary>The round trips from the client's first packet to the first byte of the response: handshakes + 1.</summary>
    /// <param name="setup">The transport and security stack.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="setup"/> is not a defined value.</exception>
    public static int RoundTripsToFirstByte(ConnectionSetup setup) => HandshakeRoundTrips(setup) + 1;

    /// <summary>The time from the client's first packet to the first byte of the response, in milliseconds.</summary>
    /// <param name="roundTripMs">The network round-trip time in milliseconds; a finite number &gt;= 0.</param>
    /// <param name="setup">The transport and security stack.</param>
    /// <returns><see cref="RoundTripsToFirstByte"/> × <paramref name="roundTripMs"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public static double TimeToFirstByteMs(double roundTripMs, ConnectionSetup setup)
    {
        Guard.NonNegativeFinite(roundTripMs, nameof(roundTripMs));
        return RoundTripsToFirstByte(setup) * roundTripMs;
    }

    /// <summary>
    /// The slow-start rounds needed to deliver a response of <paramref name="responseBytes"/> on a new
    /// connection: the smallest R with IW·(2^R − 1) ≥ ⌈bytes / MSS⌉.
    /// </summary>
    /// <param name="responseBytes">The response size in bytes; an integer in [1, 10^15].</param>
    /// <param name="maximumSegmentBytes">The maximum segment size (MSS) in bytes; at least 1.</param>
    /// <param name="initialWindowSegments">The initial congestion window IW in segments; at least 1.</param>
    /// <returns>1 when the response fits the initial window (exactly filling it included), more otherwise.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public static int SlowStartRounds(
        long responseBytes, int maximumSegmentBytes = DefaultMaximumSegmentBytes, int initialWindowSegments = DefaultInitialWindowSegments)
    {
        if (responseBytes is < 1 or > MaximumResponseBytes)
        {
            throw Guard.OutOfRange(
                nameof(responseBytes), "an integer in [1, 10^15]", responseBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        Guard.Positive(maximumSegmentBytes, nameof(maximumSegmentBytes));
        Guard.Positive(initialWindowSegments, nameof(initialWindowSegments));

        // Implementation note: integer arithmetic throughout, so an exactly filled window is never
        // pushed into the next round by rounding (a log2 formula is off by one there).
        long segments = (responseBytes + maximumSegmentBytes - 1) / maximumSegmentBytes;
        long window = initialWindowSegments;
        long delivered = 0;
        int rounds = 0;
        while (true)
        {
            delivered += window;
            rounds++;
            if (delivered >= segments)
            {
                return rounds;
            }

            window *= 2;
        }
    }

    /// <summary>
    /// The time from the client's first packet to the last byte of a response of
    /// <paramref name="responseBytes"/> on a new connection, in milliseconds: (handshake round trips +
    /// slow-start rounds) × RTT.
    /// </summary>
    /// <param name="roundTripMs">The network round-trip time in milliseconds; a finite number &gt;= 0.</param>
    /// <param name="setup">The transport and security stack.</param>
    /// <param name="responseBytes">The response size in bytes; an integer in [1, 10^15].</param>
    /// <param name="maximumSegmentBytes">The maximum segment size in bytes; at least 1. Default 1460.</param>
    /// <param name="initialWindowSegments">The initial congestion window in segments; at least 1. Default 10.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public static double TimeToLastByteMs(
        double roundTripMs,
        ConnectionSetup setup,
        long responseBytes,
        int maximumSegmentBytes = DefaultMaximumSegmentBytes,
        int initialWindowSegments = DefaultInitialWindowSegments)
    {
        Guard.NonNegativeFinite(roundTripMs, nameof(roundTripMs));
        return (HandshakeRoundTrips(setup) + SlowStartRounds(responseBytes, maximumSegmentBytes, initialWindowSegments)) * roundTripMs;
    }
}
