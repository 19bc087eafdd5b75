using Workbook.Core.Data;

namespace Workbook.Core.Physics;

/// <summary>
/// The episode's sourced data: city coordinates, reference distances and measured round-trip
/// times, read from the CSV files under <c>data/latency/</c> that ship inside the library.
/// </summary>
/// <remarks>
/// Every row carries its source, so a notebook that shows a figure can cite it. The files are
/// embedded resources named <c>data/latency/&lt;file&gt;</c>, read once on first use, so notebooks,
/// the CLI and the tests see the same rows. City names are resolved when a file is read: a typo fails
/// loudly, with the list of known names.
/// </remarks>
public static class LatencyData
{
    internal const string CitiesResource = "data/latency/cities.csv";
    internal const string ReferenceDistancesResource = "data/latency/reference-distances.csv";
    internal const string MeasuredRoutesResource = "data/latency/measured-rtt.csv";
    internal const string CableLengthsResource = "data/latency/cable-lengths.csv";
    internal const string GeodesicTestLinesResource = "data/latency/geodesic-test-lines.csv";

    private static readonly Lazy<IReadOnlyList<City>> cities =
        new(() => ParseCities(ReadResource(CitiesResource), CitiesResource));

    private static readonly Lazy<IReadOnlyList<ReferenceDistance>> referenceDistances =
        new(() => ParseReferenceDistances(ReadResource(ReferenceDistancesResource), ReferenceDistancesResource, Cities));

    private static readonly Lazy<IReadOnlyList<MeasuredRoute>> measuredRoutes =
        new(() => ParseMeasuredRoutes(ReadResource(MeasuredRoutesResource), MeasuredRoutesResource, Cities));

    private static readonly Lazy<IReadOnlyList<PublishedCableLength>> cableLengths =
        new(() => ParseCableLengths(ReadResource(CableLengthsResource), CableLengthsResource, Cities));

    private static readonly Lazy<IReadOnlyList<PublishedGeodesic>> geodesicTestLines =
        new(() => ParseGeodesicTestLines(ReadResource(GeodesicTestLinesResource), GeodesicTestLinesResource));

    /// <summary>The cities of <c>data/latency/cities.csv</c>, in file order.</summary>
    public static IReadOnlyList<City> Cities => cities.Value;

    /// <summary>The published WGS84 distances of <c>data/latency/reference-distances.csv</c>.</summary>
    public static IReadOnlyList<ReferenceDistance> ReferenceDistances => referenceDistances.Value;

    /// <summary>The measured round-trip times of <c>data/latency/measured-rtt.csv</c>.</summary>
    /// <remarks>A reported range appears as two rows, <see cref="RttBound.RangeLow"/> and <see cref="RttBound.RangeHigh"/>.</remarks>
    public static IReadOnlyList<MeasuredRoute> MeasuredRoutes => measuredRoutes.Value;

    /// <summary>The published submarine cable lengths of <c>data/latency/cable-lengths.csv</c>.</summary>
    public static IReadOnlyList<PublishedCableLength> CableLengths => cableLengths.Value;

    /// <summary>
    /// Published geodesics of <c>data/latency/geodesic-test-lines.csv</c>, computed by other methods
    /// (GeographicLib, Geoscience Australia): an independent check of <see cref="Geodesic.VincentyKm"/>.
    /// </summary>
    public static IReadOnlyList<PublishedGeodesic> GeodesicTestLines => geodesicTestLines.Value;

    /// <summary>Looks up a city by name, ignoring case.</summary>
    /// <param name="name">A name from the <c>city</c> column, e.g. "London".</param>
    /// <exception cref="KeyNotFoundException">No city has that name; the message lists the names there are.</exception>
    public static City City(string name) => FindCity(Cities, name, usedBy: null);

    internal static IReadOnlyList<City> ParseCities(string csvText, string sourceName)
    {
        var result = new List<City>();
        foreach (var row in Csv.Parse(csvText, sourceName))
        {
            string name = row.Text("city");
            double latitude = Checked(row, "latitude_deg", lat => lat is >= -90 and <= 90, "a latitude in [-90, 90]");
            double longitude = Checked(row, "longitude_deg", lon => lon is >= -180 and <= 180, "a longitude in [-180, 180]");
            if (result.Exists(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                throw row.Error("city", name, "a name not already used by an earlier row");
            }

            result.Add(new City(name, new GeoPoint(latitude, longitude), row.Text("source")));
        }

        return result;
    }

    internal static IReadOnlyList<ReferenceDistance> ParseReferenceDistances(
        string csvText, string sourceName, IReadOnlyList<City> knownCities) =>
        ParseRows(csvText, sourceName, row => new ReferenceDistance(
            CityIn(row, "from", knownCities, sourceName),
            CityIn(row, "to", knownCities, sourceName),
            Checked(row, "distance_km", d => d >= 0, "a distance >= 0"),
            row.Text("source")));

    internal static IReadOnlyList<MeasuredRoute> ParseMeasuredRoutes(
        string csvText, string sourceName, IReadOnlyList<City> knownCities) =>
        ParseRows(csvText, sourceName, row => new MeasuredRoute(
            row.Text("route"),
            CityIn(row, "from", knownCities, sourceName),
            CityIn(row, "to", knownCities, sourceName),
            Checked(row, "rtt_ms", ms => ms > 0, "a round-trip time > 0"),
            row["bound"] switch
            {
                "exact" => RttBound.Exact,
                "upper" => RttBound.Upper,
                "range-low" => RttBound.RangeLow,
                "range-high" => RttBound.RangeHigh,
                var other => throw row.Error("bound", other, "one of exact, upper, range-low, range-high"),
            },
            row["path"] switch
            {
                "fiber-cable" => TransmissionPath.FiberCable,
                "public-internet" => TransmissionPath.PublicInternet,
                "microwave" => TransmissionPath.Microwave,
                var other => throw row.Error("path", other, "one of fiber-cable, public-internet, microwave"),
            },
            row["link"].Length == 0 ? null : row["link"],
            row.Text("source"),
            row.OptionalInt32("year")));

    internal static IReadOnlyList<PublishedCableLength> ParseCableLengths(
        string csvText, string sourceName, IReadOnlyList<City> knownCities) =>
        ParseRows(csvText, sourceName, row => new PublishedCableLength(
            row.Text("cable"),
            CityIn(row, "from", knownCities, sourceName),
            CityIn(row, "to", knownCities, sourceName),
            Checked(row, "length_km", km => km > 0, "a length > 0"),
            row.Text("source")));

    internal static IReadOnlyList<PublishedGeodesic> ParseGeodesicTestLines(string csvText, string sourceName) =>
        ParseRows(csvText, sourceName, row => new PublishedGeodesic(
            row.Text("name"),
            row.Text("ellipsoid"),
            WrappedPoint(row, "lat1_deg", "lon1_deg"),
            WrappedPoint(row, "lat2_deg", "lon2_deg"),
            Checked(row, "distance_m", m => m >= 0, "a distance >= 0"),
            row.Text("source")));

    private static List<T> ParseRows<T>(string csvText, string sourceName, Func<CsvRow, T> parse) =>
        Csv.Parse(csvText, sourceName).Select(parse).ToList();

    private static double Checked(CsvRow row, string column, Func<double, bool> isValid, string expected)
    {
        double value = row.Double(column);
        return isValid(value) ? value : throw row.Error(column, row[column], expected);
    }

    private static GeoPoint WrappedPoint(CsvRow row, string latitudeColumn, string longitudeColumn)
    {
        double latitude = Checked(row, latitudeColumn, lat => lat is >= -90 and <= 90, "a latitude in [-90, 90]");

        // Published test sets use longitudes outside [-180, 180]; the meridian is the same.
        return new GeoPoint(latitude, Math.IEEERemainder(row.Double(longitudeColumn), 360.0));
    }

    private static City CityIn(CsvRow row, string column, IReadOnlyList<City> knownCities, string sourceName) =>
        FindCity(knownCities, row.Text(column), $"{sourceName} line {row.LineNumber}");

    private static City FindCity(IReadOnlyList<City> knownCities, string name, string? usedBy)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var city in knownCities)
        {
            if (string.Equals(city.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return city;
            }
        }

        throw new KeyNotFoundException(
            $"No city named '{name}'{(usedBy is null ? "" : $" (used by {usedBy})")}. Known cities, from {CitiesResource}: " +
            $"{string.Join(", ", knownCities.Select(c => c.Name))}.");
    }

    private static string ReadResource(string logicalName)
    {
        var assembly = typeof(LatencyData).Assembly;
        using var stream = assembly.GetManifestResourceStream(logicalName)
            ?? throw new InvalidOperationException(
                $"The embedded resource '{logicalName}' is missing from {assembly.GetName().Name}. Embedded resources: " +
                $"{string.Join(", ", assembly.GetManifestResourceNames())}. Check the EmbeddedResource item in Workbook.Core.csproj.");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
