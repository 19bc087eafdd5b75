// Typical wrong answers for notebooks/ep01-speed-of-light.ipynb, one block per exercise, in the
// same format as the .solutions.csx file. The tests put every block into the notebook and expect
// every check to report "failed".

// exercise: ep01.fiber-one-way
double FiberOneWayMs(double distanceKm) => distanceKm * 1000 / 299_792_458.0 * 1000;   // vacuum speed

// exercise: ep01.round-trip
double RoundTripMs(double distanceKm, double velocityFactor) => distanceKm * 1000 / (velocityFactor * 299_792_458.0) * 1000;   // one way

// exercise: ep01.serialization
double SerializationMicroseconds(int packetBytes, double linkBitsPerSecond) => packetBytes / linkBitsPerSecond * 1e6;   // bytes, not bits

// exercise: ep01.great-circle
double HaversineKm(double lat1Deg, double lon1Deg, double lat2Deg, double lon2Deg)
{
    // degrees passed straight to Math.Sin / Math.Cos
    var h = Math.Pow(Math.Sin((lat2Deg - lat1Deg) / 2), 2) + Math.Cos(lat1Deg) * Math.Cos(lat2Deg) * Math.Pow(Math.Sin((lon2Deg - lon1Deg) / 2), 2);
    return 2 * 6371.0088 * Math.Asin(Math.Sqrt(h));
}

// exercise: ep01.budget-radius
double MaxFiberDistanceKm(double roundTripBudgetMs) => roundTripBudgetMs * 299_792.458 / 1.4682 / 1000;   // whole budget one way

// exercise: ep01.hop-queueing
double HopQueueingMicroseconds(int packetBytes, double linkBitsPerSecond, double utilisation) =>
    utilisation / (1 - utilisation) * (packetBytes * 8.0 / linkBitsPerSecond * 1e6);   // M/M/1 wait: exponential service, not fixed

// exercise: ep01.route-rtt
double RouteRoundTripMs(double greatCircleKm, double routeStretch, int hops, double processingPerHopMicroseconds, int packetBytes, double linkBitsPerSecond, double utilisation)
{
    // the seed's composition: per-hop delays added once to a round-trip propagation
    var serviceUs = packetBytes * 8.0 / linkBitsPerSecond * 1e6;
    var propagationRttMs = 2 * greatCircleKm * routeStretch * 1000 / (299_792_458.0 / 1.4682) * 1000;
    return propagationRttMs + hops * (processingPerHopMicroseconds + serviceUs + utilisation * serviceUs / (2 * (1 - utilisation))) / 1000;
}

// exercise: ep01.https-last-byte
double HttpsTimeToLastByteMs(double rttMs, long responseBytes, int mssBytes, int initialWindowSegments, bool tls13)
{
    // compares the last flight alone (not the running total) with the segments
    var handshakeRoundTrips = tls13 ? 2 : 3;
    var segments = (responseBytes + mssBytes - 1) / mssBytes;
    var flights = 1;
    for (long window = initialWindowSegments; window < segments; window *= 2)
    {
        flights++;
    }

    return (handshakeRoundTrips + flights) * rttMs;
}
