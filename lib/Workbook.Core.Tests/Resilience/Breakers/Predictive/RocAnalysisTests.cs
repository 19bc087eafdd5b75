using Workbook.Core.Resilience.Breakers.Predictive;
using Workbook.Core.Simulation;

namespace Workbook.Core.Tests.Resilience.Breakers.Predictive;

public sealed class RocAnalysisTests
{
    // Hand case: positives {0.9, 0.5, 0.5}, negatives {0.5, 0.2}. Pairs (p > n counts 1, tie 1/2):
    // 0.9 beats both (2); each 0.5 ties 0.5 (1/2) and beats 0.2 (1): 1.5 each. U = 5, AUC = 5/6.
    [Fact]
    public void HandCaseWithTies()
    {
        double[] s = [0.9, 0.5, 0.5, 0.5, 0.2];
        bool[] y = [true, true, true, false, false];
        var roc = RocAnalysis.Compute(s, y);
        Assert.Equal(5.0 / 6, roc.Area, 12);
        Assert.Equal(5.0 / 6, RocAnalysis.MannWhitneyArea(s, y), 12);
        Assert.Equal(4, roc.Points.Count); // (0,0), after 0.9, after the 0.5 group, after 0.2
        Assert.Equal(0.5, roc.Points[2].FalsePositiveRate, 12);
        Assert.Equal(1.0, roc.Points[2].TruePositiveRate, 12);
    }

    [Fact]
    public void AllTiedIsOneHalfAndPerfectIsOne()
    {
        Assert.Equal(0.5, RocAnalysis.Compute([1.0, 1, 1, 1], [true, false, true, false]).Area, 12);
        Assert.Equal(1.0, RocAnalysis.Compute([3.0, 2, 1, 0], [true, true, false, false]).Area, 12);
        Assert.Equal(0.0, RocAnalysis.Compute([0.0, 1, 2, 3], [true, true, false, false]).Area, 12);
    }

    [Fact]
    public void OneClassHasNoCurve()
    {
        var roc = RocAnalysis.Compute([1.0, 2], [true, true]);
        Assert.False(roc.HasValue);
        Assert.Contains("both classes", roc.Reason);
        Assert.Throws<ArgumentException>(() => RocAnalysis.MannWhitneyArea([1.0, 2], [false, false]));
        Assert.Throws<ArgumentException>(() => RocAnalysis.Compute([1.0], [true, false]));
        Assert.Throws<ArgumentException>(() => RocAnalysis.Compute([double.NaN, 1], [true, false]));
    }

    // Brute force over all pairs, independent of both sorting methods; scores rounded to force ties.
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void BothMethodsMatchPairCounting(long seed)
    {
        var rng = new Xoshiro256StarStar(seed);
        int n = 300;
        var s = new double[n];
        var y = new bool[n];
        for (int i = 0; i < n; i++)
        {
            y[i] = rng.NextDouble() < 0.3;
            s[i] = Math.Round((y[i] ? 0.6 : 0.4) + (rng.NextDouble() * 0.5), 1);
        }

        double wins = 0;
        int pairs = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                if (y[i] && !y[j])
                {
                    pairs++;
                    wins += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
                }
            }
        }

        Assert.Equal(wins / pairs, RocAnalysis.Compute(s, y).Area, 12);
        Assert.Equal(wins / pairs, RocAnalysis.MannWhitneyArea(s, y), 12);
    }
}
