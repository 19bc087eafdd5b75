using Workbook.Core.Simulation;

namespace Workbook.Core.Tests.Simulation;

public class EstimateTests
{
    [Fact]
    public void HalfWidth_IsTheStudentTQuantileTimesTheStandardError()
    {
        // t(0.975, 29) = 2.045 and t(0.975, 4) = 2.776 in every printed t table
        // (e.g. NIST/SEMATECH e-Handbook, table 1.3.6.7.2); three decimals, so 5e-4 absolute.
        var thirty = new Estimate(mean: 10, standardError: 0.5, samples: 30);
        var five = new Estimate(mean: 10, standardError: 0.5, samples: 5);

        Assert.Equal(29, thirty.DegreesOfFreedom);
        Assert.Equal(2.045 * 0.5, thirty.HalfWidth, 5e-4 * 0.5);
        Assert.Equal(2.776 * 0.5, five.HalfWidth, 5e-4 * 0.5);
        Assert.Equal(10 - five.HalfWidth, five.Lower);
        Assert.True(five.Contains(11.3) && !five.Contains(11.4));
    }

    [Fact]
    public void HalfWidth_AtANinetyPercentLevel_IsNarrower()
    {
        // t(0.95, 29) = 1.699 (same table).
        var estimate = new Estimate(mean: 0, standardError: 1, samples: 30, level: 0.90);

        Assert.Equal(1.699, estimate.HalfWidth, 5e-4);
    }

    [Fact]
    public void BadInput_IsRejected_NamingTheParameterAndTheRange()
    {
        BadInput.Rejects(() => new Estimate(3, 0, samples: 1), "samples", "an integer >= 2");
        BadInput.Rejects(() => new Estimate(3, 0, samples: 10, censored: 11), "censored", "in [0, samples = 10]");
        BadInput.Rejects(() => new Estimate(3, double.NaN, samples: 10), "standardError", "a finite number >= 0");
        BadInput.Rejects(() => new Estimate(3, -1, samples: 10), "standardError", "a finite number >= 0");
        BadInput.Rejects(() => new Estimate(double.NaN, 1, samples: 10), "mean", "a finite number");
        BadInput.Rejects(() => new Estimate(3, 1, samples: 10, level: 1), "level", "(0, 1)");
    }

    [Fact]
    public void FromSums_IsTheSampleMeanAndItsStandardError()
    {
        // Samples 1, 2, 3, 4: mean 2.5, sample variance (2.25 + 0.25 + 0.25 + 2.25)/3 = 5/3,
        // standard error √(5/3 / 4) = 0.645497.
        var estimate = Estimate.FromSums(sum: 10, sumOfSquares: 30, samples: 4, censored: 1);

        Assert.Equal(2.5, estimate.Mean, 12);
        Assert.Equal(Math.Sqrt(5.0 / 12.0), estimate.StandardError, 12);
        Assert.Equal(4, estimate.Samples);
        Assert.Equal(1, estimate.Censored);
    }

    [Fact]
    public void Proportion_HasTheBinomialStandardError()
    {
        // p̂ = 0.25 of 100 runs: √(0.25 × 0.75 / 100) = 0.0433013.
        var estimate = Estimate.Proportion(0.25, 100);

        Assert.Equal(0.0433013, estimate.StandardError, 1e-7);
        Assert.Equal(100, estimate.Samples);
    }

    [Fact]
    public void Formats_MeanAndHalfWidth_AndSaysHowManySamplesWereCensored()
    {
        var estimate = new Estimate(4.0123456, 0.031234 / 2.045229642132703, 30);
        var censored = new Estimate(4.0123456, 0.031234 / 2.045229642132703, 30, censored: 3);

        Assert.Equal("4.01235 ± 0.0312 (95 %)", estimate.ToString());
        Assert.Equal("4.01235 ± 0.0312 (95 %), 3 of 30 censored", censored.ToString());
    }
}
