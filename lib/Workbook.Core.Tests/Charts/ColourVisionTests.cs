using Workbook.Core.Charts;

namespace Workbook.Core.Tests.Charts;

public class ColourVisionTests
{
    /// <summary>
    /// Pairs from Table 1 of Sharma, Wu and Dalal (2005), "The CIEDE2000 color-difference formula: implementation
    /// notes, supplementary test data, and mathematical observations" (pair number, L*a*b* of both colours,
    /// published ΔE00 to four decimals). They include the hue-angle wrap-around cases (pairs 11 and 13) and
    /// near-black colours (pair 34).
    /// </summary>
    [Theory]
    [InlineData(1, 50.0000, 2.6772, -79.7751, 50.0000, 0.0000, -82.7485, 2.0425)]
    [InlineData(7, 50.0000, 0.0000, 0.0000, 50.0000, -1.0000, 2.0000, 2.3669)]
    [InlineData(11, 50.0000, 2.4900, -0.0010, 50.0000, -2.4900, 0.0011, 7.2195)]
    [InlineData(13, 50.0000, -0.0010, 2.4900, 50.0000, 0.0009, -2.4900, 4.8045)]
    [InlineData(17, 50.0000, 2.5000, 0.0000, 73.0000, 25.0000, -18.0000, 27.1492)]
    [InlineData(19, 50.0000, 2.5000, 0.0000, 56.0000, -27.0000, -3.0000, 31.9030)]
    [InlineData(25, 60.2574, -34.0099, 36.2677, 60.4626, -34.1751, 39.4387, 1.2644)]
    [InlineData(28, 35.0831, -44.1164, 3.7933, 35.0232, -40.0716, 1.5901, 1.8645)]
    [InlineData(31, 90.8027, -2.0831, 1.4410, 91.1528, -1.6435, 0.0447, 1.4441)]
    [InlineData(34, 2.0776, 0.0795, -1.1350, 0.9033, -0.0636, -0.5514, 0.9082)]
    public void DeltaE2000_MatchesSharmaWuDalalTestData(int pair, double l1, double a1, double b1, double l2, double a2, double b2, double published)
    {
        var first = new CieLab(l1, a1, b1);
        var second = new CieLab(l2, a2, b2);

        // The table rounds to 4 decimals, so agreement is to half a unit in the last place.
        Assert.True(Math.Abs(ColourVision.DeltaE2000(first, second) - published) <= 0.5e-4, $"pair {pair}");
        Assert.Equal(ColourVision.DeltaE2000(first, second), ColourVision.DeltaE2000(second, first), 12); // symmetric
        Assert.Equal(0, ColourVision.DeltaE2000(first, first), 12);
    }

    /// <summary>
    /// sRGB primaries and white in CIELAB (D65), as published by Bruce Lindbloom's colour calculator
    /// (brucelindbloom.com, sRGB, D65 reference white): red (53.2408, 80.0925, 67.2032), green (87.7347, −86.1827,
    /// 83.1793), blue (32.2970, 79.1875, −107.8602), white (100, 0, 0).
    /// </summary>
    [Theory]
    [InlineData("#FF0000", 53.2408, 80.0925, 67.2032)]
    [InlineData("#00FF00", 87.7347, -86.1827, 83.1793)]
    [InlineData("#0000FF", 32.2970, 79.1875, -107.8602)]
    [InlineData("#FFFFFF", 100.0, 0.0, 0.0)]
    [InlineData("#000000", 0.0, 0.0, 0.0)]
    public void ToLab_MatchesPublishedValuesForThePrimaries(string hex, double l, double a, double b)
    {
        var lab = ColourVision.ToLab(SrgbColour.FromHex(hex));

        Assert.Equal(l, lab.L, 0.001);
        Assert.Equal(a, lab.A, 0.001);
        Assert.Equal(b, lab.B, 0.001);
    }

    [Fact]
    public void SrgbDecoding_MatchesTheStandardAndRoundTrips()
    {
        // IEC 61966-2-1: 128/255 decodes to ((128/255 + 0.055) / 1.055)^2.4 = 0.2158605 (the WCAG luminance of mid grey),
        // and the two branches meet at 0.04045 ↔ 0.0031308.
        Assert.Equal(0.2158605, ColourVision.ToLinear(128 / 255.0), 1e-7);
        Assert.Equal(ColourVision.ToLinear(0.04045), Math.Pow((0.04045 + 0.055) / 1.055, 2.4), 1e-7);
        for (var i = 0; i <= 255; i++)
        {
            Assert.Equal(i / 255.0, ColourVision.ToEncoded(ColourVision.ToLinear(i / 255.0)), 12);
        }
    }

    [Theory]
    [InlineData(ColourVisionDeficiency.Deuteranopia)]
    [InlineData(ColourVisionDeficiency.Protanopia)]
    public void Simulation_KeepsGreysAndSeesOnlyTwoDimensions(ColourVisionDeficiency deficiency)
    {
        var m = ColourVision.SimulationMatrix(deficiency);

        // Each row of the published matrix sums to 1, so a grey stays that grey (a transcription check).
        foreach (var level in new[] { 0.0, 0.2, 0.5, 0.8, 1.0 })
        {
            var grey = ColourVision.Simulate(new SrgbColour(level, level, level), deficiency);
            Assert.Equal((level, level, level), (Math.Round(grey.R, 5), Math.Round(grey.G, 5), Math.Round(grey.B, 5)));
        }

        // A dichromat has two working cone types: the simulated colours lie in a plane, so the matrix is singular.
        var determinant = m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6]) + m[2] * (m[3] * m[7] - m[4] * m[6]);
        Assert.True(Math.Abs(determinant) < 1e-5, $"det = {determinant}");
    }

    [Fact]
    public void Simulation_LeavesNormalVisionAlone_AndRejectsUnknownDeficiencies()
    {
        var colour = SrgbColour.FromHex("#D55E00");

        Assert.Equal(colour, ColourVision.Simulate(colour, ColourVisionDeficiency.None));
        BadInput.Rejects(() => ColourVision.Simulate(colour, (ColourVisionDeficiency)7), "deficiency", "one of None, Deuteranopia, Protanopia");
        Assert.Throws<ArgumentException>(() => SrgbColour.FromHex("red"));
        Assert.Throws<ArgumentException>(() => SrgbColour.FromHex("#12345G"));
    }

    /// <summary>
    /// The old default palette's red and green (#d62728, #2ca02c; the issue measured ΔE 7.3 for such a pair with
    /// another method) are far apart for normal vision but close under deuteranopia: 4.6 ΔE00 with this model, below
    /// the figure rule's threshold, so a figure with them side by side and no other cue fails it.
    /// </summary>
    [Fact]
    public void OldRedAndGreen_CollapseUnderDeuteranopia()
    {
        var normal = ColourVision.Difference("#d62728", "#2ca02c", ColourVisionDeficiency.None);
        var deuteranopia = ColourVision.Difference("#d62728", "#2ca02c", ColourVisionDeficiency.Deuteranopia);

        Assert.True(normal > 60, $"normal vision: {normal}");
        Assert.InRange(deuteranopia, 3, 6);
        Assert.True(deuteranopia < SeriesStyles.MinimumDeltaE00);
    }

    [Fact]
    public void OkabeIto_EveryPairStaysApartForAllThreeVisions()
    {
        var colours = Palette.OkabeIto;
        for (var i = 0; i < colours.Count; i++)
        {
            for (var j = i + 1; j < colours.Count; j++)
            {
                var worst = SeriesStyles.WorstColourDifference(colours[i], colours[j]);
                Assert.True(worst >= SeriesStyles.MinimumDeltaE00, $"{colours[i]} vs {colours[j]}: {worst:0.0}");
            }
        }
    }
}
