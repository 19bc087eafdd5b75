namespace Workbook.Core.Physics;

/// <summary>
/// Which queue models the wait at each router's output port in <see cref="RouteLatency.Compute"/>:
/// the port's server is the outgoing link, and its service time is one packet's serialization time.
/// </summary>
public enum HopQueueModel
{
    /// <summary>
    /// M/D/1 (the default): Poisson arrivals, a fixed service time. Right when every packet has the
    /// route's one packet size, as <see cref="RouteOptions.PacketBytes"/> says. Mean wait ρS / (2(1 − ρ)).
    /// </summary>
    MD1,

    /// <summary>
    /// M/M/1: Poisson arrivals, exponentially distributed service times. Twice the M/D/1 wait,
    /// ρS / (1 − ρ); a pessimistic stand-in for a mix of packet sizes.
    /// </summary>
    MM1,
}
