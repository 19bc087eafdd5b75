using Workbook.Core.Resilience;
using Workbook.Core.Resilience.Breakers.Predictive;

namespace Workbook.Core.Tests.Resilience.Breakers.Predictive;

public sealed class PredictiveBreakerStudyTests
{
    private static readonly Lazy<PredictiveStudyResult> Study = new(() => PredictiveBreakerStudy.Run());

    [Fact]
    public void PrintsTheNumbers()
    {
        var r = Study.Value;
        var o = TestContext.Current.TestOutputHelper!;
        o.WriteLine($"threshold {r.Threshold} AUC pred {r.PredictiveRoc.Area:G4} (MW {r.PredictiveMannWhitney:G4}) ratio {r.RatioRoc.Area:G4} (MW {r.RatioMannWhitney:G4})");
        o.WriteLine($"sudden: pred {r.PredictiveAreaSudden:G4} ratio {r.RatioAreaSudden:G4}; drift: pred {r.PredictiveAreaDrift:G4} ratio {r.RatioAreaDrift:G4}");
        o.WriteLine($"false trips/h pred {r.PredictiveFalseTripsPerHour:G4} ratio {r.RatioFalseTripsPerHour:G4}");
        o.WriteLine($"ratio baseline predicted {r.RatioPredictedBaselineFalseTripsPerHour:G4} measured {r.RatioMeasuredBaselineFalseTripsPerHour:G4} ± {r.RatioMeasuredBaselineStandardError:G3}");
        foreach (var d in r.Detections) o.WriteLine(d.ToString());
        o.WriteLine($"weights {string.Join(", ", r.TrainedWeights.Select(w => w.ToString("G3")))} bias {r.TrainedBias:G3}");
        if (r.Explanation is { } e)
        {
            o.WriteLine($"explain seed {e.Seed} step {e.Step} ({e.StepsBeforeOutage} before) bias {e.Bias:G3} logit {e.LogOdds:G3} p {e.Probability:G3}");
            foreach (var c in e.Contributions) o.WriteLine(c.ToString());
        }
    }

    [Fact]
    public void SortingAndMannWhitneyAgree()
    {
        var r = Study.Value;
        Assert.Equal(r.PredictiveMannWhitney, r.PredictiveRoc.Area, 10);
        Assert.Equal(r.RatioMannWhitney, r.RatioRoc.Area, 10);
    }

    // Episode 13's binomial tail predicts the ratio breaker's false trips on a healthy trace: within 3 standard errors.
    [Fact]
    public void RatioBreakerFalseTripsMatchTheBinomialTail()
    {
        var r = Study.Value;
        Assert.InRange(r.RatioMeasuredBaselineFalseTripsPerHour,
            r.RatioPredictedBaselineFalseTripsPerHour - (3 * r.RatioMeasuredBaselineStandardError),
            r.RatioPredictedBaselineFalseTripsPerHour + (3 * r.RatioMeasuredBaselineStandardError));
    }

    [Fact]
    public void ReproducibleForASeed()
    {
        var again = PredictiveBreakerStudy.Run();
        Assert.Equal(Study.Value.PredictiveRoc.Area, again.PredictiveRoc.Area);
        Assert.Equal(Study.Value.PredictiveFalseTripsPerHour, again.PredictiveFalseTripsPerHour);
    }

    [Fact]
    public void ExplanationSumsToTheLogOdds()
    {
        var e = Study.Value.Explanation;
        Assert.NotNull(e);
        Assert.Equal(e.LogOdds, e.Bias + e.Contributions.Sum(c => c.Contribution), 12);
        Assert.True(e.Probability >= Study.Value.Threshold);
    }

    [Fact]
    public void RejectsATrainingSeedAmongTheEvaluationSeeds() =>
        Assert.Throws<ArgumentException>(() => new PredictiveStudyOptions(trainSeed: 1, evaluationSeeds: [1, 2]));
}
