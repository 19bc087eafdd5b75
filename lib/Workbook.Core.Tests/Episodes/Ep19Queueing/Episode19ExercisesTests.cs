using Workbook.Core.Episodes.Ep19Queueing;
using Workbook.Core.Exercises;
using Workbook.Core.Tests.Queueing;

namespace Workbook.Core.Tests.Episodes.Ep19Queueing;

/// <summary>
/// The episode 19 exercises against values that do not come from their own references: the 96-digit
/// oracle, closed forms, and the tracks the workbook's rules assign.
/// </summary>
public class Episode19ExercisesTests
{
    private static Exercise Get(string id) => Episode19Exercises.All.Single(e => e.Id == id);

    [Fact]
    public void ResponsePercentile_ReferenceMatchesTheOracle_OnEveryCase()
    {
        var exercise = Get("ep19.response-percentile");
        foreach (var arguments in exercise.Cases)
        {
            var (lambda, s, c, p) = ((double)arguments[0]!, (double)arguments[1]!, (int)arguments[2]!, (double)arguments[3]!);
            var reference = (double)exercise.Reference.DynamicInvoke(arguments)!;
            var oracle = new MMcOracle(lambda, s, c).ResponsePercentile(p);

            Assert.True(Math.Abs(reference - oracle) <= 1e-10 * oracle, $"λ = {lambda}, S = {s}, c = {c}, p = {p}: {reference:R} vs oracle {oracle:R}");
        }
    }

    [Fact]
    public void ResponsePercentile_CasesCoverEveryBranch()
    {
        var cases = Get("ep19.response-percentile").Cases
            .Select(a => (Lambda: (double)a[0]!, S: (double)a[1]!, C: (int)a[2]!, P: (double)a[3]!))
            .ToList();
        double Offset((double Lambda, double S, int C, double P) x) => x.C - 1 - (x.Lambda * x.S); // (θ − μ)·S

        Assert.Contains(cases, x => Offset(x) == 0);                                  // θ = μ exactly
        Assert.Contains(cases, x => Offset(x) != 0 && Math.Abs(Offset(x)) < 1e-9);    // the general formula cancels
        Assert.Contains(cases, x => Offset(x) < 0);                                   // θ < μ
        Assert.Contains(cases, x => Offset(x) > 1);                                   // θ > μ
        Assert.Contains(cases, x => x.C == 1);                                        // M/M/1, exponential
        Assert.Contains(cases, x => 1 - x.P < 1e-9);                                  // far tail
        Assert.Contains(cases, x => Workbook.Core.Queueing.ErlangFormulas.ErlangC(x.C, x.Lambda * x.S) < 1e-6); // almost nobody waits
    }

    [Fact]
    public void ResponsePercentile_ForMM1_IsTheExponentialPercentile()
    {
        // M/M/1's response time is exponential with rate μ − λ: p99 = ln(100)/(1 − 0.8) = 23.0259 s.
        var reference = (double)Get("ep19.response-percentile").Reference.DynamicInvoke(0.8, 1.0, 1, 0.99)!;

        Assert.Equal(Math.Log(100) / 0.2, reference, 1e-12);
    }

    [Fact]
    public void WaitPercentile_HasACaseWhoseAnswerIsZero_AndTheMistakeWithoutMaxFails()
    {
        var exercise = Get("ep19.wait-percentile");
        var zero = exercise.Cases.Single(a => (double)a[0]! == 5.0 && (double)a[3]! == 0.9);

        // C(10, 5) = 0.0361 (Erlang C from the oracle) is below 1 − 0.9: the 90th percentile wait is 0.
        Assert.True(MMcOracle.ErlangBAndC(5.0, 10).C.ToDouble() < 0.1);
        Assert.Equal(0.0, (double)exercise.Reference.DynamicInvoke(zero)!);
        var noMax = exercise.KnownMistakes.Single(m => m.Name == "no zero branch");
        var result = ExerciseChecker.Check(exercise, noMax.Answer);
        Assert.Equal(CheckStatus.Failed, result.Status);
        Assert.Equal(noMax.Hint, result.Hint);
    }

    [Theory]
    [InlineData("ep19.littles-law", Track.Beginner)]
    [InlineData("ep19.mm1-wait", Track.Beginner)]
    [InlineData("ep19.lindley-step", Track.Beginner)]   // one line: a max of two numbers
    [InlineData("ep19.overload", Track.Beginner)]
    [InlineData("ep19.kingman", Track.Beginner)]        // a formula shown in the notebook, transcribed
    [InlineData("ep19.erlang-c", Track.Beginner)]       // the notebook shows the recurrence; add the B → C line
    [InlineData("ep19.wait-percentile", Track.Intermediate)]
    [InlineData("ep19.size-for-slo", Track.Intermediate)] // a search over c reusing the two above
    [InlineData("ep19.response-percentile", Track.Expert)] // bisection with its degenerate and cancelling cases
    public void Tracks_FollowTheWorkbookRules(string id, Track track) => Assert.Equal(track, Get(id).Track);

    [Fact]
    public void LoadSensitivity_NumbersOfTheNotebook_MatchTheOracle()
    {
        // At 1,003 servers and S = 20 ms: p99 wait = ln(C/0.01)·S/(c − A), with C from 96-digit arithmetic.
        static double P99WaitMs(double lambda) => 1000 * new MMcOracle(lambda, 0.020, 1003).WaitingPercentile(0.99).ToDouble();

        Assert.Equal(29.90, P99WaitMs(50_000), 0.01);
        Assert.Equal(91.31, P99WaitMs(50_100), 0.01);
    }
}
