namespace Workbook.Core.Physics;

/// <summary>
/// How a client opens a connection and sends its first request: the transport and security
/// handshakes that must finish before the request can leave. See <see cref="ConnectionLatency"/>.
/// </summary>
public enum ConnectionSetup
{
    /// <summary>Plain TCP (no TLS): the three-way handshake, 1 round trip (RFC 9293, section 3.5).</summary>
    Tcp,

    /// <summary>TCP, then a full TLS 1.2 handshake: 1 + 2 round trips (RFC 5246, section 7.3).</summary>
    TcpTls12,

    /// <summary>TCP, then a full TLS 1.3 handshake: 1 + 1 round trips (RFC 8446, section 2).</summary>
    TcpTls13,

    /// <summary>
    /// TCP, then TLS 1.3 resumption with 0-RTT early data: the request rides on the ClientHello, so
    /// only the TCP round trip comes first (RFC 8446, section 2.3).
    /// </summary>
    TcpTls13ZeroRtt,

    /// <summary>QUIC, a new connection: transport and TLS 1.3 handshakes combined in 1 round trip (RFC 9000, section 7).</summary>
    Quic,

    /// <summary>QUIC resumption with 0-RTT data: the request goes in the first flight, no round trip first (RFC 9000, section 7).</summary>
    QuicZeroRtt,
}
