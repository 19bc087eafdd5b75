using Workbook.Core.Resilience.Breakers;
using Workbook.Core.Resilience.Breakers.Scenarios;

namespace Workbook.Core.Episodes.Ep22BuildingBreakers;

/// <summary>The library's <see cref="BeginnerBreaker"/> driven through <see cref="IReplayableBreaker"/> on a logical clock in seconds: the reference of <c>ep22.beginner-breaker</c>.</summary>
internal sealed class BeginnerBreakerAdapter : IReplayableBreaker
{
    private readonly LogicalClock clock = new();
    private readonly BeginnerBreaker breaker;

    public BeginnerBreakerAdapter(int failureThreshold, double resetTimeout) =>
        breaker = new BeginnerBreaker(failureThreshold, TimeSpan.FromSeconds(resetTimeout), clock);

    public bool TryCall(double time)
    {
        clock.Set(time, TimeSpan.FromSeconds(1));
        return breaker.AllowRequest();
    }

    public void Record(bool success, double time)
    {
        clock.Set(time, TimeSpan.FromSeconds(1));
        if (success)
        {
            breaker.RecordSuccess();
        }
        else
        {
            breaker.RecordFailure();
        }
    }

    public BreakerState StateAt(double time)
    {
        clock.Set(time, TimeSpan.FromSeconds(1));
        return breaker.State;
    }
}

/// <summary>The library's <see cref="IntermediateBreaker"/> driven through <see cref="IReplayableBreaker"/> on a logical clock in seconds: the reference of <c>ep22.count-window-breaker</c>.</summary>
internal sealed class IntermediateBreakerAdapter : IReplayableBreaker
{
    private readonly LogicalClock clock = new();
    private readonly IntermediateBreaker breaker;

    public IntermediateBreakerAdapter(CountWindowSettings settings) =>
        breaker = new IntermediateBreaker(settings.ToOptions(), clock);

    public bool TryCall(double time)
    {
        clock.Set(time, TimeSpan.FromSeconds(1));
        return breaker.AllowRequest();
    }

    public void Record(bool success, double time)
    {
        clock.Set(time, TimeSpan.FromSeconds(1));
        if (success)
        {
            breaker.RecordSuccess();
        }
        else
        {
            breaker.RecordFailure();
        }
    }

    public BreakerState StateAt(double time)
    {
        clock.Set(time, TimeSpan.FromSeconds(1));
        return breaker.State;
    }
}
