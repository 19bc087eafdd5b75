using Workbook.Core.Resilience.Breakers;
using Workbook.Core.Simulation;

namespace Workbook.Core.Resilience.Policies;

/// <summary>
/// A seeded discrete-event simulation (simulated time, no sleeping) of a client calling a dependency through retry,
/// a <see cref="ProductionBreaker"/> and a timeout in one of two orders (<see cref="CompositionOrder"/>).
/// </summary>
/// <remarks>
/// Both orders see the same arrivals and the same dependency (common random numbers: the k-th call of a run gets
/// the k-th outcome draw), so the differences come from the order alone. Recommended order: an attempt that
/// times out is a failure the breaker counts, and once it opens, retries are rejected without a call. Other order:
/// a hung attempt is only ended by the outer deadline, a cancellation the breaker does not count (Polly's default).
/// </remarks>
public static class CompositionSimulation
{
    private const double FastFailureMilliseconds = 5;
    private const double HealthyFloorMilliseconds = 10;
    private const double HealthyMeanExtraMilliseconds = 20;

    /// <summary>Runs the simulation for one order.</summary>
    /// <param name="options">The world and the policies.</param>
    /// <param name="order">Which way the policies are nested.</param>
    /// <returns>Every request and every dependency call.</returns>
    public static CompositionRun Run(CompositionSimulationOptions options, CompositionOrder order)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new World(options, order).Run();
    }

    private sealed class World
    {
        private readonly CompositionSimulationOptions _options;
        private readonly CompositionOrder _order;
        private readonly SimulatedTimeProvider _clock = new();
        private readonly ProductionBreaker _breaker;
        private readonly TimeoutPolicy _attemptTimeout;
        private readonly PriorityQueue<Action, (double Time, long Sequence)> _events = new();
        private readonly List<Pending> _requests = [];
        private readonly List<double> _callTimes = [];
        private Xoshiro256StarStar _arrivals;
        private Xoshiro256StarStar _calls;
        private Xoshiro256StarStar _jitter;
        private long _sequence;
        private int _openings;

        public World(CompositionSimulationOptions options, CompositionOrder order)
        {
            _options = options;
            _order = order;
            _breaker = new ProductionBreaker(options.Breaker, _clock);
            _breaker.StateChanged += t => _openings += t.To == BreakerState.Open ? 1 : 0;
            _attemptTimeout = new TimeoutPolicy(options.AttemptTimeoutMilliseconds, _clock);
            _arrivals = new Xoshiro256StarStar(options.Seed);
            _calls = new Xoshiro256StarStar(unchecked(options.Seed + 1_000_003));
            _jitter = new Xoshiro256StarStar(unchecked(options.Seed + 2_000_003));
        }

        private double Now => _clock.NowMilliseconds;

        public CompositionRun Run()
        {
            for (var t = _arrivals.NextExponential(1000 / _options.RequestsPerSecond); t < _options.DurationMilliseconds;
                 t += _arrivals.NextExponential(1000 / _options.RequestsPerSecond))
            {
                var request = new Pending(t);
                _requests.Add(request);
                At(t, () => Arrive(request));
            }

            while (_events.TryDequeue(out var action, out var when))
            {
                _clock.AdvanceTo(when.Time);
                action();
            }

            var records = _requests.Select(r => new SimulatedRequest(r.Start, r.End, r.Succeeded, r.Attempts)).ToList();
            return new CompositionRun(_order, _options, records, _callTimes, _openings);
        }

        private void Arrive(Pending request)
        {
            if (_order == CompositionOrder.RetryOutsideBreaker)
            {
                OuterRetryAttempt(request, retry: 0, previousDelay: _options.Backoff.BaseDelayMilliseconds);
                return;
            }

            // timeout(breaker(retry(call))): one deadline for everything; the breaker is asked once per request.
            At(Now + _options.OverallTimeoutMilliseconds, () => request.Finish(Now, succeeded: false));
            if (!_breaker.TryAcquire(out var permit))
            {
                request.Finish(Now, succeeded: false);
                return;
            }

            InnerRetryAttempt(request, permit, retry: 0, previousDelay: _options.Backoff.BaseDelayMilliseconds);
        }

        // retry(breaker(timeout(call))): each attempt asks the breaker, has its own deadline, and reports to the breaker.
        private void OuterRetryAttempt(Pending request, int retry, double previousDelay)
        {
            if (!_breaker.TryAcquire(out var permit))
            {
                request.Finish(Now, succeeded: false);   // an open circuit is not retried
                return;
            }

            var call = MakeCall(request);
            var seen = _attemptTimeout.Clip(call.Milliseconds);
            At(Now + seen.WaitedMilliseconds, () =>
            {
                if (call.Succeeds && !seen.TimedOut)
                {
                    _breaker.RecordSuccess(permit);
                    request.Finish(Now, succeeded: true);
                    return;
                }

                _breaker.RecordFailure(permit);
                if (retry >= _options.Backoff.MaxRetryAttempts)
                {
                    request.Finish(Now, succeeded: false);
                    return;
                }

                var delay = Backoff.NextDelay(_options.Backoff, retry, previousDelay, ref _jitter);
                At(Now + delay, () => OuterRetryAttempt(request, retry + 1, delay));
            });
        }

        // Inside the breaker, the retry sees raw answers; a call that never answers is ended only by the outer deadline,
        // a cancellation the breaker does not record (Polly's default ShouldHandle skips OperationCanceledException).
        private void InnerRetryAttempt(Pending request, CallPermit permit, int retry, double previousDelay)
        {
            if (request.Done)
            {
                return;
            }

            var call = MakeCall(request);
            if (double.IsPositiveInfinity(call.Milliseconds))
            {
                return;
            }

            At(Now + call.Milliseconds, () =>
            {
                if (request.Done)
                {
                    return;   // the outer deadline has already answered the caller
                }

                if (call.Succeeds)
                {
                    _breaker.RecordSuccess(permit);
                    request.Finish(Now, succeeded: true);
                }
                else if (retry >= _options.Backoff.MaxRetryAttempts)
                {
                    _breaker.RecordFailure(permit);
                    request.Finish(Now, succeeded: false);
                }
                else
                {
                    var delay = Backoff.NextDelay(_options.Backoff, retry, previousDelay, ref _jitter);
                    At(Now + delay, () => InnerRetryAttempt(request, permit, retry + 1, delay));
                }
            });
        }

        /// <summary>One call on the dependency: how long until it answers (+∞: never) and whether it succeeds.</summary>
        private (double Milliseconds, bool Succeeds) MakeCall(Pending request)
        {
            request.Attempts++;
            _callTimes.Add(Now);
            var u = _calls.NextDouble();
            var extra = _calls.NextExponential(HealthyMeanExtraMilliseconds);
            if (_options.InOutage(Now))
            {
                return u < _options.HangProbability ? (double.PositiveInfinity, false) : (FastFailureMilliseconds, false);
            }

            return (HealthyFloorMilliseconds + extra, u >= _options.HealthyFailureProbability);
        }

        private void At(double time, Action action) => _events.Enqueue(action, (time, _sequence++));
    }

    private sealed class Pending(double start)
    {
        public double Start { get; } = start;

        public double End { get; private set; } = double.NaN;

        public bool Succeeded { get; private set; }

        public int Attempts { get; set; }

        public bool Done => !double.IsNaN(End);

        public void Finish(double now, bool succeeded)
        {
            if (Done)
            {
                return;
            }

            End = now;
            Succeeded = succeeded;
        }
    }
}
