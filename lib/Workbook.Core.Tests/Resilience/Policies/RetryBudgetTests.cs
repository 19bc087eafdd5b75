using Workbook.Core.Resilience.Policies;

namespace Workbook.Core.Tests.Resilience.Policies;

/// <summary>The retry budget against Finagle's documented examples and the ratio it must hold under load.</summary>
public class RetryBudgetTests
{
    [Fact]
    public void TenRequests_AtRatioPointOne_AllowOneRetry_AsFinaglesDocsSay()
    {
        // Finagle's RetryBudget docs: "if 0.1 is used, then for every 10 calls to deposit, 1 retry will be allowed".
        var budget = new RetryBudget(new RetryBudgetOptions(windowMilliseconds: 10_000, minRetriesPerSecond: 0, retryRatio: 0.1));
        for (var i = 0; i < 10; i++)
        {
            budget.RecordRequest(i);
        }

        Assert.Equal(1, budget.Balance(10));
        Assert.True(budget.TryRetry(10));
        Assert.False(budget.TryRetry(11));
        Assert.Equal(0, budget.Balance(11));
    }

    [Fact]
    public void Deposits_ExpireAfterTheWindow_LeavingTheReserve()
    {
        // Reserve 0.5/s × 2 s = 1 retry.
        var budget = new RetryBudget(new RetryBudgetOptions(windowMilliseconds: 2_000, minRetriesPerSecond: 0.5, retryRatio: 1));
        budget.RecordRequest(0);
        budget.RecordRequest(0);
        Assert.Equal(3, budget.Balance(1_999));
        Assert.Equal(1, budget.Balance(2_000));   // now − t >= window: expired
        Assert.True(budget.TryRetry(2_000));
        Assert.False(budget.TryRetry(3_999));
        Assert.True(budget.TryRetry(4_000));      // the first retry has expired too
    }

    [Fact]
    public void UnderSteadyFailure_RetriesPerRequest_ConvergeToTheRatio()
    {
        // 100 requests/s for 60 s, every request wants a retry; no reserve. Over the last 50 s the
        // allowed retries per request must be the ratio, 0.2 (within one retry per window of 1,000 requests).
        var budget = new RetryBudget(new RetryBudgetOptions(windowMilliseconds: 10_000, minRetriesPerSecond: 0, retryRatio: 0.2));
        var allowedLate = 0;
        for (var i = 0; i < 6_000; i++)
        {
            double now = i * 10;
            budget.RecordRequest(now);
            if (budget.TryRetry(now) && now >= 10_000)
            {
                allowedLate++;
            }
        }

        Assert.InRange(allowedLate / 5_000.0, 0.2 - 0.001, 0.2 + 0.001);
    }

    [Theory]
    [InlineData(999.0, 10.0, 0.2, "windowMilliseconds")]
    [InlineData(60_001.0, 10.0, 0.2, "windowMilliseconds")]
    [InlineData(10_000.0, -1.0, 0.2, "minRetriesPerSecond")]
    [InlineData(10_000.0, double.NaN, 0.2, "minRetriesPerSecond")]
    [InlineData(10_000.0, 10.0, 1_000.5, "retryRatio")]
    [InlineData(10_000.0, 10.0, -0.1, "retryRatio")]
    public void BadOptions_AreRejected_NamingTheOption(double window, double minimum, double ratio, string name) =>
        Assert.Equal(name, Assert.Throws<ArgumentOutOfRangeException>(() => new RetryBudgetOptions(window, minimum, ratio)).ParamName);

    [Fact]
    public void TimeGoingBackwards_IsRejected()
    {
        var budget = new RetryBudget(new RetryBudgetOptions());
        budget.RecordRequest(100);
        Assert.Equal("nowMilliseconds", Assert.Throws<ArgumentOutOfRangeException>(() => budget.TryRetry(99)).ParamName);
    }
}
