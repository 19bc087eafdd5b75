using CsCheck;
using Workbook.Core.Resilience.Breakers;
using Workbook.Core.Resilience.Breakers.SideBySide;

namespace Workbook.Core.Tests.Resilience.Breakers;

// Properties of Polly.Core's breaker that the workbook's production breaker must share, checked on thousands of
// random scenarios (sequential calls on a fake clock). Each property is stated independently of Polly's code: the
// state machine of docs/strategies/circuit-breaker.md (App-vNext/Polly 173d6d1d) and the option meanings.
public sealed class PollyBreakerProperties
{
    private const string Seed = "0000000000Bk";
    private const int Iterations = 3000;

    private static readonly Gen<BreakerScenario> Scenarios =
        from ratioTenths in Gen.Int[1, 10]
        from minimumThroughput in Gen.Int[2, 6]
        from samplingTenths in Gen.Int[5, 30]
        from breakTenths in Gen.Int[5, 30]
        from failurePercent in Gen.Int[0, 100]
        from raw in Gen.Select(Gen.Int[0, 700], Gen.Int[0, 99], Gen.Int[0, 99]).Array[1, 120]
        select Build(ratioTenths / 10.0, minimumThroughput, samplingTenths * 100L, breakTenths * 100L, failurePercent, raw);

    private static BreakerScenario Build(double ratio, int minimumThroughput, long sampling, long brk, int failurePercent, (int Gap, int Kind, int Fail)[] raw)
    {
        long t = 0;
        var steps = new List<BreakerStep>(raw.Length);
        foreach (var (gap, kind, fail) in raw)
        {
            t += gap < 200 ? 0 : gap - 200; // about 30 % of steps share an instant with the previous one
            steps.Add(kind < 10 ? BreakerStep.Advance(t) : BreakerStep.Call(t, fail < failurePercent ? CallOutcome.Failure : CallOutcome.Success));
        }

        return new BreakerScenario("generated", "", new BreakerScenarioOptions(ratio, minimumThroughput, sampling, brk), steps);
    }

    [Fact]
    public void Transitions_FollowTheStateMachine_AndMatchTheReportedState()
    {
        Scenarios.Sample(s =>
        {
            var run = PollyBreakerRunner.Run(s);
            var state = BreakerState.Closed;
            foreach (var tr in run.Transitions)
            {
                bool legal = (tr.From, tr.To) is (BreakerState.Closed, BreakerState.Open) or (BreakerState.Open, BreakerState.HalfOpen)
                    or (BreakerState.HalfOpen, BreakerState.Closed) or (BreakerState.HalfOpen, BreakerState.Open);
                if (!legal || tr.From != state)
                {
                    return false;
                }

                state = tr.To;
            }

            // After every step the state provider reads the target of the last transition so far.
            return run.Steps.All(st => st.StateAfter == (st.TransitionsSoFar == 0 ? BreakerState.Closed : run.Transitions[st.TransitionsSoFar - 1].To));
        }, iter: Iterations, seed: Seed);
    }

    [Fact]
    public void WhileOpen_NoCallRuns_AndTheFirstCallAfterTheBreakIsASingleProbe()
    {
        Scenarios.Sample(s =>
        {
            var run = PollyBreakerRunner.Run(s);
            long openedAt = -1;
            int before = 0;
            var stateBefore = BreakerState.Closed;
            foreach (var st in run.Steps)
            {
                var made = run.Transitions.Skip(before).Take(st.TransitionsSoFar - before).ToList();
                if (st.Kind == BreakerStepKind.Advance && made.Count != 0)
                {
                    return false; // time alone never moves Polly's breaker
                }

                if (st.Kind == BreakerStepKind.Call && stateBefore == BreakerState.Open)
                {
                    bool breakOver = st.AtMilliseconds >= openedAt + s.Options.BreakDurationMilliseconds;
                    if (st.Executed != breakOver)
                    {
                        return false;
                    }

                    var expected = breakOver
                        ? new[]
                        {
                            new ScenarioTransition(st.AtMilliseconds, BreakerState.Open, BreakerState.HalfOpen),
                            new ScenarioTransition(st.AtMilliseconds, BreakerState.HalfOpen, st.Outcome == CallOutcome.Success ? BreakerState.Closed : BreakerState.Open),
                        }
                        : [];
                    if (!made.SequenceEqual(expected))
                    {
                        return false;
                    }
                }

                foreach (var tr in made.Where(tr => tr.To == BreakerState.Open))
                {
                    openedAt = tr.AtMilliseconds;
                }

                before = st.TransitionsSoFar;
                stateBefore = st.StateAfter;
            }

            return true;
        }, iter: Iterations, seed: Seed);
    }

    [Fact]
    public void ATrip_IsAFailedCallInClosed_WithAtLeastMinimumThroughputCallsInTheLastSamplingDuration()
    {
        Scenarios.Sample(s =>
        {
            var run = PollyBreakerRunner.Run(s);
            int before = 0;
            var stateBefore = BreakerState.Closed;
            var closedCalls = new List<(long At, bool Failed)>(); // calls run in Closed since the last close
            foreach (var st in run.Steps)
            {
                var made = run.Transitions.Skip(before).Take(st.TransitionsSoFar - before).ToList();
                if (stateBefore == BreakerState.Closed && st.Kind == BreakerStepKind.Call)
                {
                    if (!st.Executed)
                    {
                        return false; // a closed breaker runs every call
                    }

                    closedCalls.Add((st.AtMilliseconds, st.Outcome == CallOutcome.Failure));
                    bool tripped = made.Count == 1 && made[0].To == BreakerState.Open;
                    if (tripped)
                    {
                        // Polly counts a subset of the calls in (t - S, t]; so at least MinimumThroughput of them exist,
                        // and the failures among them are at least FailureRatio of the counted ones, hence >= 1.
                        var recent = closedCalls.Where(c => c.At > st.AtMilliseconds - s.Options.SamplingDurationMilliseconds).ToList();
                        if (st.Outcome != CallOutcome.Failure || recent.Count < s.Options.MinimumThroughput)
                        {
                            return false;
                        }
                    }
                    else if (made.Count != 0)
                    {
                        return false;
                    }
                }

                if (made.Any(tr => tr.To == BreakerState.Closed))
                {
                    closedCalls.Clear();
                }

                before = st.TransitionsSoFar;
                stateBefore = st.StateAfter;
            }

            return true;
        }, iter: Iterations, seed: Seed);
    }
}
