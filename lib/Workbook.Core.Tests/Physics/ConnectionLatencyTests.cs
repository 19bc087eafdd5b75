using Workbook.Core.Physics;

namespace Workbook.Core.Tests.Physics;

public class ConnectionLatencyTests
{
    // Round trips before the request can leave, counted from the message flows of the RFCs:
    // TCP SYN / SYN-ACK (RFC 9293 §3.5; the ACK travels with the first data), TLS 1.2 full handshake
    // ClientHello → ServerHello…Done, ClientKeyExchange…Finished → Finished (RFC 5246 §7.3: 2 flights
    // each way), TLS 1.3 ClientHello+key share → ServerHello…Finished (RFC 8446 §2: 1), TLS 1.3 early
    // data on the ClientHello (RFC 8446 §2.3: 0), QUIC Initial → Initial+Handshake (RFC 9000 §7: 1),
    // QUIC 0-RTT (0).
    [Theory]
    [InlineData(ConnectionSetup.Tcp, 1)]
    [InlineData(ConnectionSetup.TcpTls12, 3)]
    [InlineData(ConnectionSetup.TcpTls13, 2)]
    [InlineData(ConnectionSetup.TcpTls13ZeroRtt, 1)]
    [InlineData(ConnectionSetup.Quic, 1)]
    [InlineData(ConnectionSetup.QuicZeroRtt, 0)]
    public void HandshakeRoundTrips_FollowTheRfcMessageFlows(ConnectionSetup setup, int expected)
    {
        Assert.Equal(expected, ConnectionLatency.HandshakeRoundTrips(setup));
        Assert.Equal(expected + 1, ConnectionLatency.RoundTripsToFirstByte(setup));
    }

    [Fact]
    public void TimeToFirstByte_NewYorkLondonOverEXAExpress_Is175Point65MsWithTls13()
    {
        // 3 × 58.55 = 175.65 ms; TLS 1.2: 4 × 58.55 = 234.2 ms; QUIC 0-RTT: one round trip.
        Assert.Equal(175.65, ConnectionLatency.TimeToFirstByteMs(58.55, ConnectionSetup.TcpTls13), 9);
        Assert.Equal(234.2, ConnectionLatency.TimeToFirstByteMs(58.55, ConnectionSetup.TcpTls12), 9);
        Assert.Equal(58.55, ConnectionLatency.TimeToFirstByteMs(58.55, ConnectionSetup.QuicZeroRtt), 12);
    }

    // Slow start by hand: flight r carries IW·2^(r−1) segments; the running total after R flights is IW·(2^R − 1).
    [Theory]
    [InlineData(1L, 1460, 10, 1)]              // 1 segment
    [InlineData(14_600L, 1460, 10, 1)]         // exactly the initial window of 10
    [InlineData(14_601L, 1460, 10, 2)]         // 11 segments: 10 + 20
    [InlineData(43_800L, 1460, 10, 2)]         // exactly 30 = 10 + 20
    [InlineData(43_801L, 1460, 10, 3)]         // 31 segments
    [InlineData(1_000_000L, 1460, 10, 7)]      // 685 segments: 630 < 685 <= 1270
    [InlineData(100_000L, 1460, 4, 5)]         // 69 segments: 4 + 8 + 16 + 32 = 60 < 69 <= 124
    [InlineData(5_000L, 536, 1, 4)]            // 10 segments: 1 + 2 + 4 = 7 < 10 <= 15
    public void SlowStartRounds_MatchHandCounts(long bytes, int mss, int iw, int expected)
    {
        Assert.Equal(expected, ConnectionLatency.SlowStartRounds(bytes, mss, iw));
    }

    [Fact]
    public void SlowStartRounds_AgreeWithAFlightByFlightSimulation()
    {
        // The slow, obvious version: send flights, doubling, until the bytes are gone.
        static int Simulate(long bytes, int mss, int iw)
        {
            long left = bytes;
            long window = iw;
            var flights = 0;
            while (left > 0)
            {
                left -= window * mss;
                window *= 2;
                flights++;
            }

            return flights;
        }

        foreach (var mss in new[] { 1, 536, 1460, 8960 })
        {
            foreach (var iw in new[] { 1, 2, 4, 10, 32 })
            {
                for (long bytes = 1; bytes < 3_000_000; bytes = bytes * 3 / 2 + 1)
                {
                    Assert.Equal(Simulate(bytes, mss, iw), ConnectionLatency.SlowStartRounds(bytes, mss, iw));
                }
            }
        }
    }

    [Fact]
    public void TimeToLastByte_IsHandshakesPlusSlowStartRounds()
    {
        // 1 MB over TLS 1.3 at 58.55 ms: (2 + 7) × 58.55 = 526.95 ms; over QUIC 0-RTT: 7 × 58.55.
        Assert.Equal(526.95, ConnectionLatency.TimeToLastByteMs(58.55, ConnectionSetup.TcpTls13, 1_000_000), 9);
        Assert.Equal(409.85, ConnectionLatency.TimeToLastByteMs(58.55, ConnectionSetup.QuicZeroRtt, 1_000_000), 9);
    }

    [Fact]
    public void LargestResponse_DoesNotOverflow()
    {
        // 10^15 segments of 1 byte from a window of 1: 2^50 − 1 ≥ 10^15 > 2^49 − 1, so 50 rounds.
        Assert.Equal(50, ConnectionLatency.SlowStartRounds(ConnectionLatency.MaximumResponseBytes, 1, 1));
    }

    [Theory]
    [InlineData(0L, 1460, 10, "responseBytes", "responseBytes must be an integer in [1, 10^15]; got 0.")]
    [InlineData(1_000_000_000_000_001L, 1460, 10, "responseBytes", "responseBytes must be an integer in [1, 10^15]")]
    [InlineData(100L, 0, 10, "maximumSegmentBytes", "maximumSegmentBytes must be an integer > 0; got 0.")]
    [InlineData(100L, 1460, 0, "initialWindowSegments", "initialWindowSegments must be an integer > 0; got 0.")]
    public void SlowStartRounds_RejectsBadInput_NamingTheParameter(long bytes, int mss, int iw, string parameter, string message)
    {
        BadInput.Rejects(() => ConnectionLatency.SlowStartRounds(bytes, mss, iw), parameter, message);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void RejectsABadRoundTrip(double rttMs)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => ConnectionLatency.TimeToFirstByteMs(rttMs, ConnectionSetup.Tcp));

        Assert.Equal("roundTripMs", ex.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => ConnectionLatency.TimeToLastByteMs(rttMs, ConnectionSetup.Tcp, 1));
    }

    [Fact]
    public void RejectsAnUndefinedSetup()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => ConnectionLatency.HandshakeRoundTrips((ConnectionSetup)99));

        Assert.Equal("setup", ex.ParamName);
    }
}
