using Workbook.Core.Episodes.Ep01SpeedOfLight;
using Workbook.Core.Exercises;

namespace Workbook.Core.Tests.Episodes.Ep01SpeedOfLight;

/// <summary>
/// Episode 1's exercises against expected values worked out by hand, not taken from the references
/// (ExerciseCatalogTests checks that each reference passes and each known mistake fails).
/// </summary>
public class Episode01ExercisesTests
{
    private static Exercise Get(string id) => Episode01Exercises.All.Single(e => e.Id == id);

    [Theory]
    [InlineData(100.0, 1L, 1460, 10, true, 300.0)]             // TCP 1 + TLS 1.3 1 + 1 flight
    [InlineData(100.0, 14_600L, 1460, 10, true, 300.0)]        // exactly the initial window
    [InlineData(100.0, 14_601L, 1460, 10, true, 400.0)]        // 11 segments: a second flight
    [InlineData(100.0, 43_800L, 1460, 10, false, 500.0)]       // TCP 1 + TLS 1.2 2 + 10 + 20 segments
    [InlineData(100.0, 43_801L, 1460, 10, false, 600.0)]       // 31 segments: a third flight
    [InlineData(58.55, 1_000_000L, 1460, 10, true, 526.95)]    // 685 segments: 7 flights; (2 + 7) × 58.55
    [InlineData(20.0, 100_000L, 1460, 4, false, 160.0)]        // 69 segments from IW 4: 5 flights; (3 + 5) × 20
    public void HttpsLastByte_ReferenceMatchesHandCounts(double rtt, long bytes, int mss, int iw, bool tls13, double expectedMs)
    {
        var reference = (Func<double, long, int, int, bool, double>)Get("ep01.https-last-byte").Reference;

        Assert.Equal(expectedMs, reference(rtt, bytes, mss, iw, tls13), 9);
    }

    [Fact]
    public void HttpsLastByte_CoversTheEdgeCases_FitsExactlyFillsAndSeveralRounds()
    {
        var cases = Get("ep01.https-last-byte").Cases;

        Assert.Contains(cases, c => (long)c[1]! == 14_600L);     // exactly fills the initial window
        Assert.Contains(cases, c => (long)c[1]! == 14_601L);     // one byte over
        Assert.Contains(cases, c => (long)c[1]! == 1L);          // fits
        Assert.Contains(cases, c => (bool)c[4]!);                // TLS 1.3
        Assert.Contains(cases, c => !(bool)c[4]!);               // TLS 1.2
        Assert.Contains(cases, c => (double)c[0]! == 0.0);       // degenerate: no distance
    }

    [Theory]
    [InlineData(1500, 10e9, 0.7, 1.4)]   // 0.7 × 1.2 / (2 × 0.3)
    [InlineData(1500, 1e9, 0.9, 54.0)]   // 0.9 × 12 / (2 × 0.1)
    [InlineData(1500, 10e9, 0.0, 0.0)]
    public void HopQueueing_IsTheMD1Wait(int bytes, double rate, double rho, double expectedUs)
    {
        var reference = (Func<int, double, double, double>)Get("ep01.hop-queueing").Reference;

        Assert.Equal(expectedUs, reference(bytes, rate, rho), 9);
    }

    [Fact]
    public void Tracks_OnlyTheDerivationExerciseIsExpert()
    {
        Assert.Equal(["ep01.https-last-byte"], Episode01Exercises.All.Where(e => e.Track == Track.Expert).Select(e => e.Id));
        Assert.Equal(Track.Intermediate, Get("ep01.hop-queueing").Track);
        Assert.Equal(Track.Intermediate, Get("ep01.route-rtt").Track);
    }
}
