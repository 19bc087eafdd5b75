using Workbook.Core.Resilience;

namespace Workbook.Core.Tests.Resilience;

/// <summary>Windows too large for the critical-count search are rejected naming the caller's parameter.</summary>
public sealed class TripThresholdBadInputTests
{
    [Fact]
    public void CriticalFailureCount_WindowOfIntMaxValue_NamesWindowSizeAndTheRange()
    {
        BadInput.Rejects(() => TripThreshold.CriticalFailureCount(int.MaxValue, 0.05, 0.01), "windowSize", "windowSize must be an integer in [1, 1000000000]; got 2147483647.");
    }

    [Fact]
    public void SmallestWindow_MaxWindowSizeOfIntMaxValue_NamesMaxWindowSizeAndTheRange()
    {
        BadInput.Rejects(() => TripThreshold.SmallestWindow(0.01, 0.1, 0.05, 0.9, maxWindowSize: int.MaxValue), "maxWindowSize", "maxWindowSize must be an integer in [1, 1000000000]; got 2147483647.");
    }

    [Fact]
    public void CriticalFailureCount_AtTheLargestWindow_AgreesWithTheNormalApproximation()
    {
        // At n = 10⁹ the binomial is normal to many digits: k ≈ n p₀ + z₀.₉₉ √(n p₀ (1 − p₀)),
        // with z₀.₉₉ = 2.326348 (standard normal table). 50,000,000 + 2.326348 × 6892.02 ≈ 50,016,033.
        var k = TripThreshold.CriticalFailureCount(TripThreshold.MaximumWindowSize, 0.05, 0.01);

        Assert.InRange(k, 50_016_033 - 3, 50_016_033 + 3);
    }
}
