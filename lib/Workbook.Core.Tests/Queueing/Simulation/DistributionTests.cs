using Workbook.Core.Queueing.Simulation;
using Workbook.Core.Simulation;

namespace Workbook.Core.Tests.Queueing.Simulation;

/// <summary>
/// Each sampler hits the mean and SCV it promises. Tolerances are at least five standard deviations
/// of the estimate, measured by running each check with 100 other seeds (the "sd" quoted per test),
/// so a correct sampler does not fail by chance, while a wrong parameterisation (a variance off by
/// 5 %) does.
/// </summary>
public class DistributionTests
{
    private const int N = 4_000_000;

    [Fact]
    public void ExponentialService_HasItsMeanAndScvOne()
    {
        // Over 100 seeds: sd of the mean 0.05 % (= 1/√N), of the SCV 0.10 %.
        var (mean, scv) = SampleStatistics.OfServiceTimes(new ExponentialService(3.0), N, seed: 1);

        SimulationAssert.Relative(mean, 3.0, 0.003, "mean");
        SimulationAssert.Relative(scv, 1.0, 0.006, "SCV");
        Assert.Equal(1.0, new ExponentialService(3.0).Scv);
    }

    [Fact]
    public void PoissonArrivals_HaveMeanGapOneOverRateAndScvOne()
    {
        var arrivals = new PoissonArrivals(4.0);
        var (mean, scv) = SampleStatistics.OfGaps(arrivals, N, seed: 2);

        SimulationAssert.Relative(mean, 0.25, 0.003, "mean gap");
        SimulationAssert.Relative(scv, 1.0, 0.006, "SCV");
        Assert.Equal(4.0, arrivals.Rate);
        Assert.Equal(1.0, arrivals.InterarrivalScv);
    }

    [Fact]
    public void DeterministicSamplers_AreExact()
    {
        var random = new Xoshiro256StarStar(1);
        var arrivals = new DeterministicArrivals(8.0);
        var service = new DeterministicService(0.3);

        Assert.Equal(0.125, arrivals.NextInterarrivalTime(ref random));
        Assert.Equal(0.3, service.NextServiceTime(ref random));
        Assert.Equal(0.0, arrivals.InterarrivalScv);
        Assert.Equal(0.0, service.Scv);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(4.0)]
    [InlineData(10.0)]
    public void HyperexponentialArrivals_HitTheirMeanAndScv(double targetScv)
    {
        // The rare long phase makes the fourth moment large (E[X⁴]/m⁴ = 24·Σ pᵢ/(2pᵢ)⁴ ≈ 13,800 at
        // SCV 10). Over 100 seeds at SCV 10: sd of the mean 0.18 %, of the SCV 0.34 %.
        var arrivals = new HyperexponentialArrivals(rate: 2.0, scv: targetScv);
        var (mean, scv) = SampleStatistics.OfGaps(arrivals, N, seed: 3);

        SimulationAssert.Relative(mean, 0.5, 0.01, "mean gap");
        SimulationAssert.Relative(scv, targetScv, 0.025, "SCV");
        Assert.Equal(targetScv, arrivals.InterarrivalScv);
        Assert.Equal(0.5, arrivals.FirstPhaseProbability * arrivals.FirstPhaseMean * 2, 12); // balanced: p₁/μ₁ = m/2
    }

    [Theory]
    [InlineData(0.25)]
    [InlineData(1.0)]
    [InlineData(2.0)]
    public void LognormalService_HitsItsMeanAndScv(double targetScv)
    {
        // Lognormal: E[X⁴]/m⁴ = (1 + SCV)⁶, 729 at SCV 2. Over 100 seeds at SCV 2: sd of the mean
        // 0.08 %, of the SCV 0.53 %.
        var service = new LognormalService(mean: 5.0, scv: targetScv);
        var (mean, scv) = SampleStatistics.OfServiceTimes(service, N, seed: 4);

        SimulationAssert.Relative(mean, 5.0, 0.004, "mean");
        SimulationAssert.Relative(scv, targetScv, 0.04, "SCV");
        Assert.Equal(Math.Sqrt(Math.Log(1 + targetScv)), service.LogStandardDeviation, 12);
    }

    [Fact]
    public void PolarNormalSampler_IsStandardNormal()
    {
        var random = new Xoshiro256StarStar(5);
        var normal = new PolarNormalSampler();
        double sum = 0, squares = 0, fourth = 0;
        var beyondTwo = 0;
        for (var i = 0; i < N; i++)
        {
            var z = normal.Next(ref random);
            sum += z;
            squares += z * z;
            fourth += z * z * z * z;
            beyondTwo += Math.Abs(z) > 2 ? 1 : 0;
        }

        // SE: mean 5·10⁻⁴, variance 7·10⁻⁴, fourth moment ≈ 4.9·10⁻³ (of 3), P(|Z| > 2) = 0.0455 ± 1·10⁻⁴.
        Assert.InRange(sum / N, -0.0025, 0.0025);
        Assert.InRange(squares / N, 1 - 0.0035, 1 + 0.0035);
        Assert.InRange(fourth / N, 3 - 0.025, 3 + 0.025);
        Assert.InRange(beyondTwo / (double)N, 0.0455 - 0.0006, 0.0455 + 0.0006);
    }

    [Fact]
    public void Mmpp_RateAndIndexOfDispersion_MatchTheirDefinitions()
    {
        // λ₁ = 10, λ₂ = 1, r₁₂ = r₂₁ = 0.5: half the time in each phase, λ̄ = 5.5, and
        // I(∞) = 1 + 2·¼·81 / (1 · 5.5) = 8.3636…
        var mmpp = new MarkovModulatedPoissonArrivals(10, 1, 0.5, 0.5);

        Assert.Equal(5.5, mmpp.Rate, 12);
        Assert.Equal(1 + 40.5 / 5.5, mmpp.AsymptoticIndexOfDispersion, 12);
    }

    [Fact]
    public void Mmpp_WithEqualRates_IsPoisson()
    {
        var mmpp = new MarkovModulatedPoissonArrivals(3, 3, 0.2, 0.7);

        Assert.Equal(3.0, mmpp.Rate, 12);
        Assert.Equal(1.0, mmpp.InterarrivalScv, 12);
        Assert.Equal(1.0, mmpp.AsymptoticIndexOfDispersion, 12);
    }

    [Theory]
    [InlineData(5.0, 0.3, 0.1)]
    [InlineData(1.0, 2.0, 0.5)]
    public void InterruptedPoisson_IsRenewal_SoItsGapScvEqualsItsIndexOfDispersion(double rate, double offRate, double onRate)
    {
        // With λ₂ = 0 the gaps are independent (each starts in the on phase), so the two measures must
        // agree. They come from separate formulas (a 2 × 2 phase-type moment and the rate-process
        // variance), and both equal the known IPP value 1 + 2λr₁₂/(r₁₂ + r₂₁)².
        var ipp = new MarkovModulatedPoissonArrivals(rate, 0, offRate, onRate);
        var known = 1 + 2 * rate * offRate / Math.Pow(offRate + onRate, 2);

        Assert.Equal(known, ipp.InterarrivalScv, 10);
        Assert.Equal(known, ipp.AsymptoticIndexOfDispersion, 10);
    }

    [Fact]
    public void Mmpp_SampledGaps_HaveTheStatedMeanAndScv()
    {
        // Gaps are correlated over about λ̄/(r₁₂ + r₂₁) = 5.5 arrivals, which widens the spread of the
        // sample mean. Over 100 seeds: sd of the mean 0.16 %, of the SCV 0.21 %.
        var mmpp = new MarkovModulatedPoissonArrivals(10, 1, 0.5, 0.5);
        var (mean, scv) = SampleStatistics.OfGaps(mmpp, N, seed: 6);

        SimulationAssert.Relative(mean, 1 / 5.5, 0.01, "mean gap");
        SimulationAssert.Relative(scv, mmpp.InterarrivalScv, 0.015, "SCV");
        Assert.True(mmpp.InterarrivalScv > 1 && mmpp.InterarrivalScv < mmpp.AsymptoticIndexOfDispersion);
    }

    [Fact]
    public void Mmpp_CountsInLongWindows_HaveTheStatedIndexOfDispersion()
    {
        // For a window of length t, Var N(t) / E N(t) = 1 + (I(∞) − 1)·(1 − (1 − e^(−γt))/(γt)), γ = r₁₂ + r₂₁.
        // With t = 50 (γt = 50) that is 98 % of the way to I(∞). 20,000 windows estimate the variance to
        // about √(2/20000) = 1 % (windows are nearly independent: 50 ≫ 1/γ); over 100 seeds the sd was 0.9 %.
        const double window = 50, gamma = 1.0;
        const int windows = 20_000;
        var mmpp = new MarkovModulatedPoissonArrivals(10, 1, 0.5, 0.5);
        var expected = 1 + (mmpp.AsymptoticIndexOfDispersion - 1) * (1 - (1 - Math.Exp(-gamma * window)) / (gamma * window));

        var random = new Xoshiro256StarStar(7);
        var counts = new int[windows];
        var time = mmpp.NextInterarrivalTime(ref random);
        while (time < window * windows)
        {
            counts[(int)(time / window)]++;
            time += mmpp.NextInterarrivalTime(ref random);
        }

        var mean = counts.Average();
        var variance = counts.Select(n => (n - mean) * (n - mean)).Sum() / (windows - 1);
        SimulationAssert.Relative(mean, 5.5 * window, 0.01, "mean count");
        SimulationAssert.Relative(variance / mean, expected, 0.06, "index of dispersion");
    }
}
