using Workbook.Core.Episodes.Ep22BuildingBreakers;
using Workbook.Core.Exercises;

namespace Workbook.Core.Tests.Episodes.Ep22BuildingBreakers;

public sealed class Episode22ExpertExercisesTests
{
    private static Exercise Get(string id) => Episode22ExpertExercises.All.Single(e => e.Id == id);

    [Fact]
    public void EveryExerciseValidatesReferencesPassAndMistakesFail()
    {
        foreach (var e in Episode22ExpertExercises.All)
        {
            e.Validate();
            Assert.Equal(CheckStatus.Passed, ExerciseChecker.Check(e, e.Reference).Status);
            foreach (var m in e.KnownMistakes)
            {
                Assert.NotEqual(CheckStatus.Passed, ExerciseChecker.Check(e, m.Answer).Status);
            }
        }
    }

    // Independent values: the hand case of RocAnalysisTests (5/6); all ties 1/2; pooled 4/40 = 0.1 trips at >=.
    [Fact]
    public void ReferencesMatchHandValues()
    {
        var roc = (Func<double[], bool[], double>)Get("ep22.roc-auc").Reference;
        Assert.Equal(5.0 / 6, roc([0.9, 0.5, 0.5, 0.5, 0.2], [true, true, true, false, false]), 12);
        Assert.Equal(0.5, roc([0.3, 0.3, 0.3, 0.3], [true, false, true, false]), 12);
        var pooled = (Func<int[], int[], int, double, bool>)Get("ep22.pooled-trip").Reference;
        Assert.True(pooled([1, 1, 1, 1], [10, 10, 10, 10], 40, 0.1));
        Assert.False(pooled([10], [10], 40, 0.1));
        Assert.True(pooled([3, 9], [30, 10], 40, 0.3));
        Assert.False(pooled([3, 9], [30, 10], 40, 0.4));
        // Hystrix at 1.5/s: 15 calls < 20, never trips; at 2/s and p = 0: 0.
        var hystrix = (Func<double, double, double>)Get("ep22.hystrix-false-trip").Reference;
        Assert.Equal(0, hystrix(1.5, 0.3));
        Assert.Equal(0, hystrix(2.0, 0.0));
        // 5/s, p = 0.3: P(X >= 25 | 50, 0.3), summed here term by term.
        double tail = 0;
        for (int k = 25; k <= 50; k++)
        {
            double logC = 0;
            for (int j = 1; j <= k; j++) logC += Math.Log((50 - k + j) / (double)j);
            tail += Math.Exp(logC + (k * Math.Log(0.3)) + ((50 - k) * Math.Log(0.7)));
        }

        Assert.Equal(tail, hystrix(5.0, 0.3), tail * 1e-9);
    }
}
