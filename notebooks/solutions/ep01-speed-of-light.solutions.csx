// Reference answers for notebooks/ep01-speed-of-light.ipynb, one block per exercise.
// Each block starts with the same "// exercise: <id>" line as the notebook's starter cell and can be
// pasted over it. The tests put every block into the notebook and expect every check to pass.

// exercise: ep01.fiber-one-way
double FiberOneWayMs(double distanceKm)
{
    const double c = 299_792_458.0;       // m/s
    const double groupIndex = 1.4682;     // standard single-mode fiber at 1550 nm
    var seconds = distanceKm * 1000 / (c / groupIndex);
    return seconds * 1000;
}

// exercise: ep01.round-trip
double RoundTripMs(double distanceKm, double velocityFactor)
{
    const double c = 299_792_458.0;
    return 2 * distanceKm * 1000 / (velocityFactor * c) * 1000;
}

// exercise: ep01.serialization
double SerializationMicroseconds(int packetBytes, double linkBitsPerSecond) =>
    packetBytes * 8.0 / linkBitsPerSecond * 1e6;

// exercise: ep01.great-circle
double HaversineKm(double lat1Deg, double lon1Deg, double lat2Deg, double lon2Deg)
{
    const double radiusKm = 6371.0088;
    double Rad(double degrees) => degrees * Math.PI / 180;
    var dLat = Rad(lat2Deg - lat1Deg);
    var dLon = Rad(lon2Deg - lon1Deg);
    var h = Math.Pow(Math.Sin(dLat / 2), 2) + Math.Cos(Rad(lat1Deg)) * Math.Cos(Rad(lat2Deg)) * Math.Pow(Math.Sin(dLon / 2), 2);
    return 2 * radiusKm * Math.Asin(Math.Sqrt(h));
}

// exercise: ep01.budget-radius
double MaxFiberDistanceKm(double roundTripBudgetMs)
{
    const double kmPerMs = 299_792.458 / 1.4682 / 1000;   // fiber speed in km per ms
    return roundTripBudgetMs / 2 * kmPerMs;
}

// exercise: ep01.hop-queueing
double HopQueueingMicroseconds(int packetBytes, double linkBitsPerSecond, double utilisation)
{
    var serviceUs = packetBytes * 8.0 / linkBitsPerSecond * 1e6;   // the link serves the queue, every packet in the same time
    return utilisation * serviceUs / (2 * (1 - utilisation));      // M/D/1 (Pollaczek–Khinchine with E[S²] = S²)
}

// exercise: ep01.route-rtt
double RouteRoundTripMs(double greatCircleKm, double routeStretch, int hops, double processingPerHopMicroseconds, int packetBytes, double linkBitsPerSecond, double utilisation)
{
    var propagationMs = greatCircleKm * routeStretch * 1000 / (299_792_458.0 / 1.4682) * 1000;
    var serviceUs = packetBytes * 8.0 / linkBitsPerSecond * 1e6;
    var waitUs = utilisation * serviceUs / (2 * (1 - utilisation));   // M/D/1: all packets have the same size
    var perHopUs = processingPerHopMicroseconds + serviceUs + waitUs;
    var oneWayMs = propagationMs + hops * perHopUs / 1000;
    return 2 * oneWayMs;
}

// exercise: ep01.https-last-byte
double HttpsTimeToLastByteMs(double rttMs, long responseBytes, int mssBytes, int initialWindowSegments, bool tls13)
{
    // Handshakes before the request: TCP 1 round trip, then TLS 1.3 1 or TLS 1.2 2.
    var handshakeRoundTrips = 1 + (tls13 ? 1 : 2);

    // Slow start: flight r carries IW·2^(r−1) segments; count flights until the running total covers the response.
    var segments = (responseBytes + mssBytes - 1) / mssBytes;   // round up: a partial segment is still a segment
    long window = initialWindowSegments, delivered = 0;
    var flights = 0;
    while (delivered < segments)                               // ≥ ends it: an exactly filled window is the last flight
    {
        delivered += window;
        window *= 2;
        flights++;
    }

    return (handshakeRoundTrips + flights) * rttMs;            // the first flight arrives one round trip after the request
}
