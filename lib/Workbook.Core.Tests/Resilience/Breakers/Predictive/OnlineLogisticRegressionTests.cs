using Workbook.Core.Resilience.Breakers.Predictive;
using Workbook.Core.Simulation;

namespace Workbook.Core.Tests.Resilience.Breakers.Predictive;

public sealed class OnlineLogisticRegressionTests
{
    [Fact]
    public void OneStepByHand()
    {
        // w = 0, b = 0: p = 0.5; label 1, η = 0.1, λ = 0: w = 0.1 · 0.5 · z = (0.1, -0.2), b = 0.05.
        var m = new OnlineLogisticRegression(2, 0.1, 0);
        m.Update([2.0, -4.0], true);
        Assert.Equal(0.1, m.Weights[0], 12);
        Assert.Equal(-0.2, m.Weights[1], 12);
        Assert.Equal(0.05, m.Bias, 12);
        Assert.Equal(0.05 + 0.1 + 0.2, m.LogOdds([1.0, -1.0]), 12);
        Assert.Equal(m.LogOdds([1.0, -1.0]), m.Bias + m.Contributions([1.0, -1.0]).Sum(), 12);
    }

    [Fact]
    public void SigmoidIsStableAtBothEnds()
    {
        Assert.Equal(1.0, OnlineLogisticRegression.Sigmoid(800));
        Assert.Equal(Math.Exp(-800), OnlineLogisticRegression.Sigmoid(-800), 1e-300);
        Assert.Equal(0.5, OnlineLogisticRegression.Sigmoid(0));
    }

    // Data drawn from a known logistic model: SGD recovers its coefficients within 0.3.
    [Fact]
    public void RecoversAKnownModel()
    {
        var rng = new Xoshiro256StarStar(5);
        var m = new OnlineLogisticRegression(2, 0.02, 0);
        for (int i = 0; i < 60_000; i++)
        {
            double a = (rng.NextDouble() * 4) - 2, b = (rng.NextDouble() * 4) - 2;
            double p = OnlineLogisticRegression.Sigmoid(-1 + (2 * a) - b);
            m.Update([a, b], rng.NextDouble() < p);
        }

        Assert.InRange(m.Bias, -1.3, -0.7);
        Assert.InRange(m.Weights[0], 1.7, 2.3);
        Assert.InRange(m.Weights[1], -1.3, -0.7);
    }

    [Fact]
    public void RejectsBadInput()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new OnlineLogisticRegression(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new OnlineLogisticRegression(2, 0));
        Assert.Throws<ArgumentException>(() => new OnlineLogisticRegression(2).LogOdds([1.0]));
    }
}
