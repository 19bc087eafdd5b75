namespace Workbook.Core.Physics;

/// <summary>
/// A published geodesic distance between two points on the ellipsoid, computed by someone else's
/// method: one row of <c>data/latency/geodesic-test-lines.csv</c>, an independent check of
/// <see cref="Geodesic.VincentyKm"/>.
/// </summary>
/// <param name="Name">A short name for the line, e.g. "GeographicLib test 3".</param>
/// <param name="Ellipsoid">The ellipsoid the distance was computed on: "WGS84" or "GRS80" (the same to far below a millimetre on these lines).</param>
/// <param name="From">The first point; its longitude wrapped into [-180, 180] (the same meridian as published).</param>
/// <param name="To">The second point; its longitude wrapped into [-180, 180].</param>
/// <param name="DistanceMeters">The published distance in metres.</param>
/// <param name="Source">Where the line and its distance are published.</param>
public sealed record PublishedGeodesic(string Name, string Ellipsoid, GeoPoint From, GeoPoint To, double DistanceMeters, string Source);
