using Workbook.Core.Resilience.Policies;
using Workbook.Core.Simulation;

namespace Workbook.Core.Tests.Resilience.Policies;

/// <summary>
/// Backoff against closed forms: hand-computed ceilings, and seeded samples whose mean, bounds and
/// Kolmogorov–Smirnov distance match the uniform laws of Brooker's 2015 formulas.
/// </summary>
public class BackoffTests
{
    private const int Samples = 20_000;

    // Kolmogorov's asymptotic critical value at α = 0.001 is 1.95 / √n; a seeded sample is fixed, so this
    // is a stated tolerance, not a flaky test.
    private static readonly double KsTolerance = 1.95 / Math.Sqrt(Samples);

    [Theory]
    [InlineData(-1.0, "baseDelayMilliseconds", ">= 0")]
    [InlineData(double.NaN, "baseDelayMilliseconds", ">= 0")]
    [InlineData(double.PositiveInfinity, "baseDelayMilliseconds", ">= 0")]
    public void BadBaseDelay_IsRejected_NamingTheOptionAndRange(double baseDelay, string name, string range)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new BackoffOptions(baseDelay, 1_000));
        Assert.Equal(name, e.ParamName);
        Assert.Contains(range, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CapBelowBase_AndNegativeAttempts_AreRejected()
    {
        var cap = Assert.Throws<ArgumentOutOfRangeException>(() => new BackoffOptions(100, 99));
        Assert.Equal("capMilliseconds", cap.ParamName);
        Assert.Contains(">= 100", cap.Message, StringComparison.Ordinal);
        var attempts = Assert.Throws<ArgumentOutOfRangeException>(() => new BackoffOptions(100, 1_000, -1));
        Assert.Equal("maxRetryAttempts", attempts.ParamName);
        Assert.Equal("jitter", Assert.Throws<ArgumentOutOfRangeException>(() => new BackoffOptions(jitter: (JitterKind)9)).ParamName);
    }

    [Theory]
    [InlineData(0, 100)]
    [InlineData(3, 800)]
    [InlineData(6, 6_400)]
    [InlineData(7, 10_000)]      // 12,800 capped
    [InlineData(5_000, 10_000)]  // 2^5000 overflows a double; the cap still holds
    public void Ceiling_IsBaseTimesTwoToTheK_Capped(int retry, double expected) =>
        Assert.Equal(expected, Backoff.Ceiling(new BackoffOptions(100, 10_000), retry));

    [Fact]
    public void NoJitter_IsTheCeiling_AndAZeroBaseStaysZero()
    {
        Assert.Equal(800, Backoff.NextDelay(new BackoffOptions(100, 10_000, jitter: JitterKind.None), 3, 0, 0.7));
        Assert.Equal(0, Backoff.Ceiling(new BackoffOptions(0, 10), 3_000));
    }

    [Fact]
    public void FullJitter_IsUniformOnZeroToTheCeiling()
    {
        var sample = Draw(new BackoffOptions(100, 10_000, jitter: JitterKind.Full), retry: 3, previous: 100);
        AssertUniform(sample, 0, 800);
    }

    [Fact]
    public void EqualJitter_IsUniformOnHalfTheCeilingToTheCeiling()
    {
        var sample = Draw(new BackoffOptions(100, 10_000, jitter: JitterKind.Equal), retry: 3, previous: 100);
        AssertUniform(sample, 400, 800);
    }

    [Fact]
    public void DecorrelatedJitter_IsUniformOnBaseToThreeTimesThePrevious_IgnoringK()
    {
        var sample = Draw(new BackoffOptions(100, 10_000, jitter: JitterKind.Decorrelated), retry: 9, previous: 400);
        AssertUniform(sample, 100, 1_200);
    }

    [Fact]
    public void DecorrelatedJitter_WithTheCapBinding_HasAnAtomAtTheCap_AndTheClosedFormMean()
    {
        // min(c, U(a, b)) with a = 100, b = 1,200, c = 1,000: P(cap) = (b − c)/(b − a) = 2/11;
        // mean = ((c² − a²)/2 + c(b − c)) / (b − a) = (495,000 + 200,000) / 1,100 = 631.818…
        var sample = Draw(new BackoffOptions(100, 1_000, jitter: JitterKind.Decorrelated), retry: 0, previous: 400);
        var atCap = sample.Count(d => d == 1_000) / (double)Samples;
        Assert.InRange(atCap, 2.0 / 11 - 4 * Math.Sqrt(2.0 / 11 * 9 / 11 / Samples), 2.0 / 11 + 4 * Math.Sqrt(2.0 / 11 * 9 / 11 / Samples));
        Assert.InRange(sample.Average(), 631.818 - 4 * StandardError(sample), 631.818 + 4 * StandardError(sample));
        Assert.All(sample, d => Assert.InRange(d, 100, 1_000));
    }

    [Fact]
    public void Schedule_IsReproducibleFromTheSeed_AndDiffersBetweenSeeds()
    {
        var options = new BackoffOptions(100, 5_000, 8, JitterKind.Decorrelated);
        Assert.Equal(Backoff.Schedule(options, 7), Backoff.Schedule(options, 7));
        Assert.NotEqual(Backoff.Schedule(options, 7), Backoff.Schedule(options, 8));
        Assert.Equal(8, Backoff.Schedule(options, 7).Count);
        Assert.Empty(Backoff.Schedule(new BackoffOptions(100, 5_000, 0, JitterKind.Full), 7));
    }

    [Fact]
    public void Schedule_DecorrelatedDelays_StayWithinBaseAndThreeTimesTheirPredecessor()
    {
        var options = new BackoffOptions(100, 5_000, 12, JitterKind.Decorrelated);
        for (long seed = 0; seed < 50; seed++)
        {
            var delays = Backoff.Schedule(options, seed);
            var previous = 100.0;
            foreach (var d in delays)
            {
                Assert.InRange(d, 100, Math.Min(5_000, 3 * previous));
                previous = d;
            }
        }
    }

    private static double[] Draw(BackoffOptions options, int retry, double previous)
    {
        var random = new Xoshiro256StarStar(20_150_304);
        return [.. Enumerable.Range(0, Samples).Select(_ => Backoff.NextDelay(options, retry, previous, ref random))];
    }

    private static void AssertUniform(double[] sample, double low, double high)
    {
        Assert.All(sample, d => Assert.InRange(d, low, high));
        // Mean (low + high)/2 within 4 standard errors of the uniform law, (high − low)/√(12 n).
        var se = (high - low) / Math.Sqrt(12.0 * sample.Length);
        Assert.InRange(sample.Average(), (low + high) / 2 - 4 * se, (low + high) / 2 + 4 * se);
        Assert.True(KolmogorovSmirnov(sample, x => (x - low) / (high - low)) < KsTolerance);
    }

    private static double KolmogorovSmirnov(double[] sample, Func<double, double> cdf)
    {
        var sorted = sample.Order().ToArray();
        var d = 0.0;
        for (var i = 0; i < sorted.Length; i++)
        {
            var f = cdf(sorted[i]);
            d = Math.Max(d, Math.Max((i + 1.0) / sorted.Length - f, f - (double)i / sorted.Length));
        }

        return d;
    }

    private static double StandardError(double[] sample)
    {
        var mean = sample.Average();
        return Math.Sqrt(sample.Sum(x => (x - mean) * (x - mean)) / (sample.Length - 1) / sample.Length);
    }
}
