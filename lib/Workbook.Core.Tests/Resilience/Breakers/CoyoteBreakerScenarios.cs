using Microsoft.Coyote.Specifications;
using Microsoft.Extensions.Time.Testing;
using Workbook.Core.Resilience.Breakers;

namespace Workbook.Core.Tests.Resilience.Breakers;

/// <summary>
/// The concurrent scenarios Coyote explores (each public static method is one test entry; run them through
/// <see cref="CoyoteHarness"/>, which runs the rewritten copy of this class). Time stands still during a
/// scenario, so each break ends at most once and every probe is answered or superseded by a reset.
/// Invariants: at most one probe (N for the intermediate breaker) in flight, every attempt granted or
/// rejected, one Open→HalfOpen transition per probe grant, and the StateChanged events form one chain.
/// </summary>
public static class CoyoteBreakerScenarios
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Three callers race for the half-open probe of a <see cref="ProductionBreaker"/>.</summary>
    public static Task ProductionHalfOpen() => ProbeRace(time => new RealProduction(time), withReset: false);

    /// <summary>As <see cref="ProductionHalfOpen"/>, with a fourth task resetting the breaker by hand meanwhile.</summary>
    public static Task ProductionHalfOpenWithReset() => ProbeRace(time => new RealProduction(time), withReset: true);

    /// <summary>The race on <see cref="CoyoteMutantBreaker"/> with its lock in place (a control: it must pass).</summary>
    public static Task MutantWithLock() => ProbeRace(time => new CoyoteMutantBreaker(time, ProbeMutation.None), withReset: false);

    /// <summary>The race on <see cref="CoyoteMutantBreaker"/> granting the probe without the lock (it must fail).</summary>
    public static Task MutantWithoutLock() => ProbeRace(time => new CoyoteMutantBreaker(time, ProbeMutation.GrantWithoutLock), withReset: false);

    /// <summary>The race on <see cref="CoyoteMutantBreaker"/> not re-reading the state under the lock (it must fail).</summary>
    public static Task MutantWithoutRecheck() => ProbeRace(time => new CoyoteMutantBreaker(time, ProbeMutation.NoRecheckUnderLock), withReset: false);

    /// <summary>Three callers race for the two half-open probes of an <see cref="IntermediateBreaker"/>; a fourth reads its state.</summary>
    public static async Task IntermediateHalfOpen()
    {
        const int probes = 2, callers = probes + 1;
        var time = new FakeTimeProvider(Start);
        var breaker = new IntermediateBreaker(new IntermediateBreakerOptions(4, 2, 0.5, TimeSpan.FromSeconds(2), probes), time);
        for (int i = 0; i < 2; i++)
        {
            Specification.Assert(breaker.AllowRequest(), "closed breaker rejected a call");
            breaker.RecordFailure(); // 2 of 2 failed: open
        }

        var events = new EventLog();
        breaker.StateChanged += events.Add;
        time.Advance(TimeSpan.FromSeconds(2));
        int inFlight = 0, granted = 0, rejected = 0;
        var tasks = Enumerable.Range(0, callers).Select(caller => Task.Run(() =>
        {
            if (!breaker.AllowRequest())
            {
                Interlocked.Increment(ref rejected);
                return;
            }

            Interlocked.Increment(ref granted);
            int now = Interlocked.Increment(ref inFlight);
            Specification.Assert(now <= probes, $"{now} calls in flight while at most {probes} probes may be");
            Interlocked.Decrement(ref inFlight);
            if (caller == callers - 1)
            {
                breaker.RecordFailure();
            }
            else
            {
                breaker.RecordSuccess();
            }
        })).Append(Task.Run(() => _ = breaker.State)).ToArray();
        await Task.WhenAll(tasks);

        Specification.Assert(granted + rejected == callers, $"{granted} granted + {rejected} rejected != {callers} attempts");
        Specification.Assert(granted >= 1, "no caller got a probe although the break was over");
        events.AssertChain(BreakerState.Open, breaker.State);
        Specification.Assert(events.Count(BreakerState.Open, BreakerState.HalfOpen) == 1, $"Open→HalfOpen {events.Count(BreakerState.Open, BreakerState.HalfOpen)} times, expected once: {events}");
    }

    private static async Task ProbeRace(Func<TimeProvider, IProbeBreaker> create, bool withReset)
    {
        const int callers = 3, attempts = 2;
        var time = new FakeTimeProvider(Start);
        var breaker = create(time);
        for (int i = 0; i < 4; i++)
        {
            Specification.Assert(breaker.TryAcquire(out var permit), "closed breaker rejected a call");
            breaker.RecordFailure(permit); // 4 of 4 failed: open
        }

        var events = new EventLog();
        breaker.StateChanged += events.Add;
        time.Advance(TimeSpan.FromSeconds(2)); // the break is over
        int inFlight = 0, granted = 0, rejected = 0, probeGrants = 0;
        var tasks = Enumerable.Range(0, callers).Select(caller => Task.Run(() =>
        {
            for (int a = 0; a < attempts; a++)
            {
                if (!breaker.TryAcquire(out var permit))
                {
                    Interlocked.Increment(ref rejected);
                    continue;
                }

                Interlocked.Increment(ref granted);
                if (permit.IsProbe)
                {
                    Interlocked.Increment(ref probeGrants);
                    int now = Interlocked.Increment(ref inFlight);
                    Specification.Assert(now == 1, $"{now} half-open probes in flight at once");
                    Interlocked.Decrement(ref inFlight);
                }

                if ((caller + a) % 2 == 0)
                {
                    breaker.RecordSuccess(permit);
                }
                else
                {
                    breaker.RecordFailure(permit);
                }
            }
        }));
        if (withReset)
        {
            tasks = tasks.Append(Task.Run(breaker.Reset));
        }

        await Task.WhenAll(tasks.ToArray());

        Specification.Assert(granted + rejected == callers * attempts, $"{granted} granted + {rejected} rejected != {callers * attempts} attempts");
        Specification.Assert(probeGrants >= 1 || withReset, "no caller got the probe although the break was over");
        events.AssertChain(BreakerState.Open, breaker.State);
        int halfOpens = events.Count(BreakerState.Open, BreakerState.HalfOpen);
        Specification.Assert(halfOpens == probeGrants, $"{probeGrants} probes granted but Open→HalfOpen {halfOpens} times: {events}");
    }

    /// <summary>The state-change events in the order the breaker raised them.</summary>
    private sealed class EventLog
    {
        private readonly List<BreakerTransition> _events = [];

        public void Add(BreakerTransition transition)
        {
            lock (_events)
            {
                _events.Add(transition);
            }
        }

        public int Count(BreakerState from, BreakerState to) => _events.Count(e => e.From == from && e.To == to);

        /// <summary>Asserts that the events form one chain from <paramref name="first"/> to <paramref name="last"/>.</summary>
        public void AssertChain(BreakerState first, BreakerState last)
        {
            var state = first;
            foreach (var e in _events)
            {
                Specification.Assert(e.From == state && e.From != e.To, $"transition {e.From}→{e.To} does not follow {state}: {this}");
                state = e.To;
            }

            Specification.Assert(state == last, $"the events end in {state} but the breaker is {last}: {this}");
        }

        public override string ToString() => string.Join(", ", _events.Select(e => $"{e.From}→{e.To}"));
    }
}

/// <summary>The calls the probe race makes, so the real breaker and the mutant run the same scenario.</summary>
internal interface IProbeBreaker
{
    event Action<BreakerTransition>? StateChanged;

    BreakerState State { get; }

    bool TryAcquire(out CallPermit permit);

    void RecordSuccess(CallPermit permit);

    void RecordFailure(CallPermit permit);

    void Reset();
}

internal sealed class RealProduction(TimeProvider time) : IProbeBreaker
{
    private readonly ProductionBreaker _breaker = new(new ProductionBreakerOptions(0.5, 4, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2)), time);

    public event Action<BreakerTransition>? StateChanged
    {
        add => _breaker.StateChanged += value;
        remove => _breaker.StateChanged -= value;
    }

    public BreakerState State => _breaker.State;

    public bool TryAcquire(out CallPermit permit) => _breaker.TryAcquire(out permit);

    public void RecordSuccess(CallPermit permit) => _breaker.RecordSuccess(permit);

    public void RecordFailure(CallPermit permit) => _breaker.RecordFailure(permit);

    public void Reset() => _breaker.Reset();
}
