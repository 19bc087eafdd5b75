namespace Workbook.Core.Physics;

/// <summary>A named place with WGS84 coordinates: one row of <c>data/latency/cities.csv</c>.</summary>
/// <param name="Name">The name the other data files use for it, e.g. "New York".</param>
/// <param name="Location">Latitude and longitude in degrees.</param>
/// <param name="Source">Where the coordinates come from.</param>
/// <remarks>
/// Most entries are city-centre points. A measured round trip starts and ends at landing stations
/// and data centres, not at a city hall, so distances between cities carry an uncertainty of a few
/// tens of kilometres.
/// </remarks>
public sealed record City(string Name, GeoPoint Location, string Source);
