using Workbook.Core.Physics;

namespace Workbook.Core.Tests.Physics;

public class LatencyDataTests(ITestOutputHelper output)
{
    [Fact]
    public void Cities_IncludeEveryPlaceTheEpisodeNeeds()
    {
        string[] expected =
        [
            "New York", "London", "Frankfurt", "San Francisco", "Singapore", "Sydney",
            "Los Angeles", "Paris", "Fremont", "Basildon", "Whitesand Bay", "Herring Cove", "Brean",
        ];

        Assert.Equal(expected, LatencyData.Cities.Select(c => c.Name));
    }

    [Fact]
    public void City_LooksUpByNameIgnoringCase()
    {
        Assert.Equal(51.5072, LatencyData.City("london").Location.LatitudeDegrees);
    }

    [Fact]
    public void City_UnknownName_ThrowsKeyNotFoundListingTheKnownNames()
    {
        var ex = Assert.Throws<KeyNotFoundException>(() => LatencyData.City("Atlantis"));

        Assert.Contains("'Atlantis'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("New York, London, Frankfurt", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryRowOfEveryFile_HasASource()
    {
        Assert.All(LatencyData.Cities, c => Assert.False(string.IsNullOrWhiteSpace(c.Source)));
        Assert.All(LatencyData.ReferenceDistances, d => Assert.False(string.IsNullOrWhiteSpace(d.Source)));
        Assert.All(LatencyData.MeasuredRoutes, r => Assert.False(string.IsNullOrWhiteSpace(r.Source)));
        Assert.All(LatencyData.CableLengths, c => Assert.False(string.IsNullOrWhiteSpace(c.Source)));
        Assert.All(LatencyData.GeodesicTestLines, g => Assert.False(string.IsNullOrWhiteSpace(g.Source)));
    }

    [Fact]
    public void ReferenceDistances_AreTheSixOfTheFactSheet()
    {
        Assert.Equal(
            ["New York-London 5585", "London-Frankfurt 640", "New York-San Francisco 4139",
             "London-Singapore 10852", "Sydney-Los Angeles 12063", "New York-Paris 5853"],
            LatencyData.ReferenceDistances.Select(d => $"{d.From.Name}-{d.To.Name} {d.DistanceKm}"));
    }

    [Fact]
    public void ReferenceDistances_AreVincentyOnOurPoints_RoundedTo1Km()
    {
        // Every residue is below half a kilometre, which rounding to 1 km alone explains. This checks
        // that cities.csv and the reference table describe the same points; it is not an independent
        // check of Vincenty (see GeodesicTests for published geodesics computed by other methods).
        foreach (var reference in LatencyData.ReferenceDistances)
        {
            double km = Geodesic.VincentyKm(reference.From.Location, reference.To.Location);
            output.WriteLine($"{reference.From.Name}-{reference.To.Name}: Vincenty {km:F3} km, reference {reference.DistanceKm} km");

            Assert.Equal(reference.DistanceKm, Math.Round(km));
            Assert.True(Math.Abs(km - reference.DistanceKm) < 0.5);
        }
    }

    [Fact]
    public void MeasuredRoutes_NameTheLink_AndTheTwoNewYorkLondonCableRowsAreOneCable()
    {
        var cableRows = LatencyData.MeasuredRoutes
            .Where(r => r.From.Name == "New York" && r.To.Name == "London" && r.Path == TransmissionPath.FiberCable)
            .ToList();

        Assert.Equal(2, cableRows.Count);
        Assert.Single(cableRows.Select(r => r.Link).Distinct());
        Assert.Contains("EXA Express", cableRows[0].Link, StringComparison.Ordinal);
        Assert.Contains("Hibernia Express", cableRows[0].Link, StringComparison.Ordinal);
        Assert.Equal([2015, 2024], cableRows.Select(r => r.Year));
        Assert.All(LatencyData.MeasuredRoutes.Where(r => r.Path == TransmissionPath.PublicInternet), r => Assert.Null(r.Link));
        Assert.All(LatencyData.MeasuredRoutes.Where(r => r.Path != TransmissionPath.PublicInternet), r => Assert.NotNull(r.Link));
    }

    [Fact]
    public void CableLengths_HoldTheExaExpress4600KmBetweenItsLandingPoints()
    {
        var cable = Assert.Single(LatencyData.CableLengths);

        Assert.Equal(("Herring Cove", "Brean", 4600.0), (cable.From.Name, cable.To.Name, cable.LengthKm));
        // A cable cannot be shorter than the geodesic between its landing points (about 4,440 km).
        Assert.True(cable.LengthKm > Geodesic.VincentyKm(cable.From.Location, cable.To.Location));
    }

    [Fact]
    public void ShortestPathThroughTheCable_IsTheCablePlusStraightLandLegs_AndLongerThanTheGreatCircle()
    {
        var cable = LatencyData.CableLengths[0];
        var newYork = LatencyData.City("New York");
        var london = LatencyData.City("London");

        double path = cable.ShortestPathKm(newYork, london);

        Assert.Equal(
            Geodesic.VincentyKm(newYork.Location, cable.From.Location) + 4600 + Geodesic.VincentyKm(cable.To.Location, london.Location),
            path, 9);
        Assert.InRange(path, 5700, 5800); // by hand (haversine legs): 954 + 4600 + 201 = 5,755 km
        Assert.True(path > Geodesic.VincentyKm(newYork.Location, london.Location));
        Assert.Equal(4600, cable.ShortestPathKm(cable.From, cable.To), 9);
    }

    [Fact]
    public void MeasuredExaExpressRoundTrips_AreAboveTheFloorOfThePublishedCableLength()
    {
        // The floor from the published length: no fiber path through this cable can be faster.
        var cable = LatencyData.CableLengths[0];
        double floorMs = Propagation.RoundTripMs(cable.ShortestPathKm(LatencyData.City("New York"), LatencyData.City("London")), Medium.StandardFiber);

        Assert.InRange(floorMs, 56.3, 56.5);
        Assert.All(
            LatencyData.MeasuredRoutes.Where(r => r.Link == cable.Cable),
            r => Assert.True(r.RttMs > floorMs, $"{r.Route}: {r.RttMs} ms vs floor {floorMs:F2} ms"));
    }

    [Fact]
    public void GeodesicTestLines_AreTheTwentyGeographicLibLinesAndGeoscienceAustraliasExample()
    {
        Assert.Equal(21, LatencyData.GeodesicTestLines.Count);
        Assert.Equal(20, LatencyData.GeodesicTestLines.Count(g => g.Ellipsoid == "WGS84"));
        // Published longitudes outside [-180, 180] are wrapped onto the same meridian: test 2 has 197.18234.
        Assert.Equal(197.18234 - 360, LatencyData.GeodesicTestLines[1].To.LongitudeDegrees, 9);
        Assert.Equal(54_972.271, LatencyData.GeodesicTestLines[^1].DistanceMeters);
    }

    [Fact]
    public void MeasuredRoutes_ResolveBothEndsToCities()
    {
        Assert.Equal(8, LatencyData.MeasuredRoutes.Count);
        foreach (var route in LatencyData.MeasuredRoutes)
        {
            Assert.Same(LatencyData.City(route.From.Name), route.From);
            Assert.Same(LatencyData.City(route.To.Name), route.To);
            Assert.NotEqual(route.From, route.To);
        }
    }

    [Fact]
    public void MeasuredRoutes_ThroughFiber_AreAllSlowerThanTheFiberLimit()
    {
        foreach (var route in LatencyData.MeasuredRoutes.Where(r => r.Path != TransmissionPath.Microwave))
        {
            output.WriteLine(
                $"{route.Route} ({route.Bound}): {route.RttMs} ms over {route.GreatCircleKm:F0} km; " +
                $"fiber limit {route.FiberLimitRoundTripMs:F2} ms; ratio {route.RatioToFiberLimit:F3}");

            // For an upper bound the true value lies in [limit, bound]; the bound itself must
            // still be above the limit or the reported figure would be physically impossible.
            Assert.True(route.RttMs > route.FiberLimitRoundTripMs, route.Route);
            Assert.True(route.RatioToFiberLimit > 1.0, route.Route);
        }
    }

    [Fact]
    public void BasildonFrankfurtMicrowave_BeatsTheFiberLimitButNotTheVacuumLimit()
    {
        var microwave = Assert.Single(LatencyData.MeasuredRoutes, r => r.Path == TransmissionPath.Microwave);
        double vacuumLimitMs = microwave.PhysicalLimitRoundTripMs(Medium.Vacuum);
        double airLimitMs = microwave.PhysicalLimitRoundTripMs(Medium.MicrowaveAir);
        output.WriteLine(
            $"{microwave.Route}: {microwave.RttMs} ms over {microwave.GreatCircleKm:F1} km; vacuum limit {vacuumLimitMs:F3} ms, " +
            $"air limit {airLimitMs:F3} ms, fiber limit {microwave.FiberLimitRoundTripMs:F3} ms");

        Assert.Equal(("Basildon", "Frankfurt", 4.6), (microwave.From.Name, microwave.To.Name, microwave.RttMs));
        Assert.True(microwave.RttMs > vacuumLimitMs);
        Assert.True(microwave.RttMs > airLimitMs);
        Assert.True(microwave.RttMs < microwave.FiberLimitRoundTripMs, "no fiber path could do this: that is the point of the link");
    }

    [Fact]
    public void EveryMeasuredRoute_IsSlowerThanLightInVacuum()
    {
        Assert.All(LatencyData.MeasuredRoutes, r => Assert.True(r.RttMs > r.PhysicalLimitRoundTripMs(Medium.Vacuum), r.Route));
    }

    [Fact]
    public void Ranges_ComeAsLowAndHighRowsOfTheSameRoute()
    {
        var lows = LatencyData.MeasuredRoutes.Where(r => r.Bound == RttBound.RangeLow).ToList();
        var highs = LatencyData.MeasuredRoutes.Where(r => r.Bound == RttBound.RangeHigh).ToList();

        Assert.Equal(lows.Select(r => r.Route), highs.Select(r => r.Route));
        foreach (var (low, high) in lows.Zip(highs))
        {
            Assert.True(low.RttMs < high.RttMs);
        }
    }

    [Fact]
    public void FactSheetFigures_AreAllPresent()
    {
        Assert.Equal(
            [58.95, 58.55, 60.8, 78.33, 77.49, 184.9, 192.0, 4.6],
            LatencyData.MeasuredRoutes.Select(r => r.RttMs));
        Assert.Null(LatencyData.MeasuredRoutes.Single(r => r.Path == TransmissionPath.Microwave).Year);
        Assert.Equal(RttBound.Upper, LatencyData.MeasuredRoutes[0].Bound);
    }

    [Fact]
    public void UnknownCityInAMeasuredRoute_FailsWithTheFileLineAndKnownNames()
    {
        const string csv = "route,from,to,rtt_ms,bound,path,link,source,year\nr,New York,Londn,60,exact,fiber-cable,c,s,2020\n";

        var ex = Assert.Throws<KeyNotFoundException>(() => LatencyData.ParseMeasuredRoutes(csv, "test.csv", LatencyData.Cities));

        Assert.Contains("'Londn'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("test.csv line 2", ex.Message, StringComparison.Ordinal);
        Assert.Contains("London", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("r,New York,London,60,maybe,fiber-cable,,s,2020", "column 'bound'")]
    [InlineData("r,New York,London,60,exact,pigeon,,s,2020", "column 'path'")]
    [InlineData("r,New York,London,-1,exact,fiber-cable,,s,2020", "column 'rtt_ms'")]
    [InlineData("r,New York,London,sixty,exact,fiber-cable,,s,2020", "column 'rtt_ms'")]
    [InlineData("r,New York,London,60,exact,fiber-cable,,,2020", "column 'source'")]
    [InlineData("r,New York,London,60,exact,fiber-cable,,s,last year", "column 'year'")]
    public void MalformedMeasuredRouteRows_FailNamingTheColumn(string row, string expected)
    {
        string csv = "route,from,to,rtt_ms,bound,path,link,source,year\n" + row + "\n";

        var ex = Assert.Throws<FormatException>(() => LatencyData.ParseMeasuredRoutes(csv, "test.csv", LatencyData.Cities));

        Assert.Contains("test.csv line 2", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("X,91,0,s", "latitude_deg")]
    [InlineData("X,0,-181,s", "longitude_deg")]
    [InlineData("X,NaN,0,s", "latitude_deg")]
    public void CitiesOutOfRange_FailNamingTheColumn(string row, string column)
    {
        var ex = Assert.Throws<FormatException>(() => LatencyData.ParseCities("city,latitude_deg,longitude_deg,source\n" + row, "c.csv"));

        Assert.Contains($"column '{column}'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateCityNames_AreRejected()
    {
        const string csv = "city,latitude_deg,longitude_deg,source\nA,0,0,s\na,1,1,s\n";

        var ex = Assert.Throws<FormatException>(() => LatencyData.ParseCities(csv, "c.csv"));

        Assert.Contains("c.csv line 3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MalformedCableLength_FailsNamingTheColumn()
    {
        const string csv = "cable,from,to,length_km,source\nX,Herring Cove,Brean,0,s\n";

        var ex = Assert.Throws<FormatException>(() => LatencyData.ParseCableLengths(csv, "k.csv", LatencyData.Cities));

        Assert.Contains("k.csv line 2, column 'length_km'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MalformedGeodesicLine_FailsNamingTheColumn()
    {
        const string csv = "name,ellipsoid,lat1_deg,lon1_deg,lat2_deg,lon2_deg,distance_m,source\nX,WGS84,95,0,0,0,1,s\n";

        var ex = Assert.Throws<FormatException>(() => LatencyData.ParseGeodesicTestLines(csv, "g.csv"));

        Assert.Contains("g.csv line 2, column 'lat1_deg'", ex.Message, StringComparison.Ordinal);
    }
}
