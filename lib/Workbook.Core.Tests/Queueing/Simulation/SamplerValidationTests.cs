using Workbook.Core.Queueing.Simulation;

namespace Workbook.Core.Tests.Queueing.Simulation;

/// <summary>Every constructor rejects NaN, infinities and out-of-range values, naming the parameter and the range.</summary>
public class SamplerValidationTests
{
    public static TheoryData<double> NotPositiveFinite => new() { 0.0, -1.0, double.NaN, double.PositiveInfinity, double.NegativeInfinity };

    private static void AssertOutOfRange(Action create, string paramName, string allowed) =>
        BadInput.Rejects(create, paramName, $"{paramName} must be {allowed}; got ");

    [Theory]
    [MemberData(nameof(NotPositiveFinite))]
    public void RatesAndMeans_MustBePositiveAndFinite(double value)
    {
        const string positive = "a finite number > 0";
        AssertOutOfRange(() => _ = new PoissonArrivals(value), "rate", positive);
        AssertOutOfRange(() => _ = new DeterministicArrivals(value), "rate", positive);
        AssertOutOfRange(() => _ = new HyperexponentialArrivals(value, 2), "rate", positive);
        AssertOutOfRange(() => _ = new ExponentialService(value), "mean", positive);
        AssertOutOfRange(() => _ = new DeterministicService(value), "mean", positive);
        AssertOutOfRange(() => _ = new LognormalService(value, 1), "mean", positive);
        AssertOutOfRange(() => _ = new LognormalService(1, value), "scv", positive);
        AssertOutOfRange(() => _ = new MarkovModulatedPoissonArrivals(1, 1, value, 1), "switchRate12", positive);
        AssertOutOfRange(() => _ = new MarkovModulatedPoissonArrivals(1, 1, 1, value), "switchRate21", positive);
    }

    [Theory]
    [InlineData(0.99)]
    [InlineData(0.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void HyperexponentialScv_MustBeAtLeastOne(double scv)
    {
        AssertOutOfRange(() => _ = new HyperexponentialArrivals(1, scv), "scv", "a finite number >= 1");
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void MmppRates_MustBeNonNegativeAndFinite(double rate)
    {
        AssertOutOfRange(() => _ = new MarkovModulatedPoissonArrivals(rate, 1, 1, 1), "rate1", "a finite number >= 0");
        AssertOutOfRange(() => _ = new MarkovModulatedPoissonArrivals(1, rate, 1, 1), "rate2", "a finite number >= 0");
    }

    [Fact]
    public void MmppRates_MustNotBothBeZero()
    {
        BadInput.Rejects(() => new MarkovModulatedPoissonArrivals(0, 0, 1, 1), "rate2", "rate2 must be a finite number > 0 when rate1 is 0; got 0.");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(99.0)]
    [InlineData(double.NaN)]
    public void Percentile_IsAFractionIn0To1(double probability)
    {
        var distribution = new EmpiricalDistribution([1.0, 2.0]);

        AssertOutOfRange(() => distribution.Percentile(probability), "probability", "a finite number in (0, 1)");
    }
}
