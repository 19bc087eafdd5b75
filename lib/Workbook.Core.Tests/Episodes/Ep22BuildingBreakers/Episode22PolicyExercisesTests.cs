using Workbook.Core.Episodes.Ep22BuildingBreakers;
using Workbook.Core.Exercises;
using Workbook.Core.Resilience.Policies;

namespace Workbook.Core.Tests.Episodes.Ep22BuildingBreakers;

/// <summary>
/// The policy exercises (not registered in the catalog on this branch, so the objects are used directly): every
/// reference passes, every known mistake fails with its own hint, and a few cases against hand-worked values.
/// </summary>
public class Episode22PolicyExercisesTests
{
    public static TheoryData<string> Ids => [.. Episode22PolicyExercises.All.Select(e => e.Id)];

    public static TheoryData<string, int> Mistakes =>
    [
        .. Episode22PolicyExercises.All.SelectMany(e => e.KnownMistakes.Select((_, i) => (e.Id, i))).Select(t => new TheoryDataRow<string, int>(t.Id, t.i)),
    ];

    [Theory]
    [MemberData(nameof(Ids))]
    public void Reference_Passes(string id)
    {
        var exercise = Get(id);
        var result = ExerciseChecker.Check(exercise, exercise.Reference);
        Assert.True(result.Status == CheckStatus.Passed, result.ToString());
        Assert.StartsWith("ep22.", id, StringComparison.Ordinal);
        Assert.NotEmpty(exercise.KnownMistakes);
    }

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void KnownMistake_Fails_WithItsOwnHint(string id, int index)
    {
        var mistake = Get(id).KnownMistakes[index];
        var result = ExerciseChecker.Check(Get(id), mistake.Answer);
        Assert.Equal(CheckStatus.Failed, result.Status);
        Assert.Contains(mistake.Hint, result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void HandWorkedValues()
    {
        var ceiling = (Func<double, double, int, double>)Get("ep22.backoff-ceiling").Reference;
        Assert.Equal(3_200, ceiling(100, 3_200, 6));     // 6,400 capped
        Assert.Equal(800, ceiling(100, 10_000, 3));      // 100 · 8

        var decorrelated = (Func<double, double, double, double, double>)Get("ep22.decorrelated-jitter").Reference;
        Assert.Equal(375, decorrelated(100, 10_000, 400, 0.25), 12);   // 100 + 0.25 · (1,200 − 100)
        Assert.Equal(1_000, decorrelated(100, 1_000, 900, 0.75));       // 100 + 0.75 · 2,600 = 2,050, capped

        var amplification = (Func<int, int, double>)Get("ep22.retry-amplification").Reference;
        Assert.Equal(16, amplification(2, 3));
        Assert.Equal(1_024, amplification(10, 1));
    }

    [Fact]
    public void RetryBudgetCases_AgreeWithTheRetryBudgetClass_ReplayedInTimeOrder()
    {
        var exercise = Get("ep22.retry-budget");
        var reference = (Func<double[], double[], double, double, double, double, bool>)exercise.Reference;
        foreach (var c in exercise.Cases)
        {
            var (requests, retries, now, window, ratio, minimum) = ((double[])c[0]!, (double[])c[1]!, (double)c[2]!, (double)c[3]!, (double)c[4]!, (double)c[5]!);
            var budget = new RetryBudget(new RetryBudgetOptions(window, minimum, ratio));
            // The retries in a case were allowed when made; replay every event in time order, then ask once more.
            foreach (var (t, isRetry) in requests.Select(t => (t, false)).Concat(retries.Select(t => (t, true))).OrderBy(e => e.t))
            {
                if (isRetry)
                {
                    Assert.True(budget.TryRetry(t));
                }
                else
                {
                    budget.RecordRequest(t);
                }
            }

            Assert.Equal(budget.TryRetry(now), reference(requests, retries, now, window, ratio, minimum));
        }
    }

    private static Exercise Get(string id) => Episode22PolicyExercises.All.Single(e => e.Id == id);
}
