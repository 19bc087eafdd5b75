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
            "Los Angeles", "Paris", "Fremont", "Basildon", "Whitesand Bay",
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
    public void ReferenceDistances_AgreeWithVincentyWithin0Point1Percent()
    {
        // Not to the metre: the published distances are rounded to 1 km and were computed from
        // city-centre points that may differ from cities.csv by a few hundred metres.
        foreach (var reference in LatencyData.ReferenceDistances)
        {
            double km = Geodesic.VincentyKm(reference.From.Location, reference.To.Location);
            double relative = Math.Abs(km - reference.DistanceKm) / reference.DistanceKm;
            output.WriteLine($"{reference.From.Name}-{reference.To.Name}: Vincenty {km:F1} km, reference {reference.DistanceKm} km ({relative:P3})");

            Assert.True(relative < 0.001, $"{reference.From.Name}-{reference.To.Name}: {km:F1} km vs {reference.DistanceKm} km");
        }
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
        const string csv = "route,from,to,rtt_ms,bound,path,source,year\nr,New York,Londn,60,exact,fiber-cable,s,2020\n";

        var ex = Assert.Throws<KeyNotFoundException>(() => LatencyData.ParseMeasuredRoutes(csv, "test.csv", LatencyData.Cities));

        Assert.Contains("'Londn'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("test.csv line 2", ex.Message, StringComparison.Ordinal);
        Assert.Contains("London", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("r,New York,London,60,maybe,fiber-cable,s,2020", "column 'bound'")]
    [InlineData("r,New York,London,60,exact,pigeon,s,2020", "column 'path'")]
    [InlineData("r,New York,London,-1,exact,fiber-cable,s,2020", "column 'rtt_ms'")]
    [InlineData("r,New York,London,sixty,exact,fiber-cable,s,2020", "column 'rtt_ms'")]
    [InlineData("r,New York,London,60,exact,fiber-cable,,2020", "column 'source'")]
    [InlineData("r,New York,London,60,exact,fiber-cable,s,last year", "column 'year'")]
    public void MalformedMeasuredRouteRows_FailNamingTheColumn(string row, string expected)
    {
        string csv = "route,from,to,rtt_ms,bound,path,source,year\n" + row + "\n";

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
}
