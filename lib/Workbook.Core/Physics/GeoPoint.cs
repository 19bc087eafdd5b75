namespace Workbook.Core.Physics;

/// <summary>
/// A position on the Earth as geodetic latitude and longitude in degrees (WGS84, as GPS reports them).
/// </summary>
/// <param name="LatitudeDegrees">Latitude in degrees, north positive; a finite number in [-90, 90].</param>
/// <param name="LongitudeDegrees">Longitude in degrees, east positive; a finite number in [-180, 180].</param>
/// <remarks>
/// Both coordinates are validated when the point is constructed and in <c>with</c> expressions.
/// <c>default(GeoPoint)</c> is (0, 0), a valid point in the Gulf of Guinea.
/// </remarks>
public readonly record struct GeoPoint(double LatitudeDegrees, double LongitudeDegrees)
{
    private readonly double latitudeDegrees = Guard.InRangeInclusive(LatitudeDegrees, -90, 90, nameof(LatitudeDegrees));
    private readonly double longitudeDegrees = Guard.InRangeInclusive(LongitudeDegrees, -180, 180, nameof(LongitudeDegrees));

    /// <summary>Latitude in degrees, north positive, in [-90, 90].</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to NaN, an infinity, or a value outside [-90, 90].</exception>
    public double LatitudeDegrees
    {
        get => latitudeDegrees;
        init => latitudeDegrees = Guard.InRangeInclusive(value, -90, 90, nameof(LatitudeDegrees));
    }

    /// <summary>Longitude in degrees, east positive, in [-180, 180].</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to NaN, an infinity, or a value outside [-180, 180].</exception>
    public double LongitudeDegrees
    {
        get => longitudeDegrees;
        init => longitudeDegrees = Guard.InRangeInclusive(value, -180, 180, nameof(LongitudeDegrees));
    }
}
