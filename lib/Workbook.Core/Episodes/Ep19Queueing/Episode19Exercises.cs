using Workbook.Core.Episodes.Ep19Queueing.Errata;
using Workbook.Core.Queueing;
using Workbook.Core.Exercises;

namespace Workbook.Core.Episodes.Ep19Queueing;

/// <summary>
/// Episode 19 — Little's law, queueing models and capacity planning. The references are the
/// library's stable formulas; the known mistakes are the ones the seed sketch makes and the ones
/// learners make most.
/// </summary>
public static class Episode19Exercises
{
    /// <summary>All episode 19 exercises, in notebook order.</summary>
    public static IReadOnlyList<Exercise> All { get; } =
    [
        new()
        {
            Id = "ep19.littles-law",
            Title = "Little's law: how many requests are in flight?",
            Track = Track.Beginner,
            Signature = "double MeanInSystem(double arrivalRatePerSecond, double meanResponseTimeSeconds)",
            Reference = (Func<double, double, double>)((arrivalRatePerSecond, meanResponseTimeSeconds) =>
                LittlesLaw.MeanNumberInSystem(arrivalRatePerSecond, meanResponseTimeSeconds)),
            Cases = [[1000.0, 0.1], [50_000.0, 0.02], [0.5, 30.0], [1234.5, 0.0042]],
            Hints = ["L = λ × W: arrivals per second times seconds spent inside."],
            KnownMistakes =
            [
                new("divided", (Func<double, double, double>)((rate, seconds) => seconds / rate),
                    "L = λW multiplies: a longer stay or more arrivals both mean more requests inside."),
                new("rate over time", (Func<double, double, double>)((rate, seconds) => rate / seconds),
                    "Check the units: requests/s × s = requests. Multiply, do not divide."),
            ],
        },
        new()
        {
            Id = "ep19.mm1-wait",
            Title = "Mean wait in an M/M/1 queue",
            Track = Track.Beginner,
            Signature = "double MM1MeanWaitSeconds(double arrivalRatePerSecond, double meanServiceTimeSeconds)",
            Reference = (Func<double, double, double>)((arrivalRatePerSecond, meanServiceTimeSeconds) =>
                ((MMcSteadyState)MMcQueue.SingleServer(arrivalRatePerSecond, meanServiceTimeSeconds).Analyze()).MeanWaitSeconds),
            Cases = [[5.0, 0.1], [9.0, 0.1], [0.1, 1.0], [990.0, 0.001]],
            Hints = ["ρ = λS; the mean wait in queue is Wq = ρ/(1−ρ) × S."],
            KnownMistakes =
            [
                new("response time", (Func<double, double, double>)((rate, s) => s / (1 - rate * s)),
                    "S/(1−ρ) is the time in the system (wait + service). The wait in queue is ρ/(1−ρ) × S."),
                new("number waiting", (Func<double, double, double>)((rate, s) => rate * s / (1 - rate * s)),
                    "ρ/(1−ρ) is a count (mean number in system), not seconds: multiply by S."),
                new("service time used as a rate", (Func<double, double, double>)((rate, s) => rate / s / (1 - (rate / s)) / s),
                    "meanServiceTimeSeconds is a time S, not a rate: ρ = λ × S (the rate is μ = 1/S)."),
            ],
        },
        new()
        {
            Id = "ep19.erlang-c",
            Title = "Erlang C that works for a thousand servers",
            Track = Track.Beginner,
            Signature = "double ProbabilityOfWaiting(int servers, double offeredLoadErlangs)",
            Reference = (Func<int, double, double>)((servers, offeredLoadErlangs) => ErlangFormulas.ErlangC(servers, offeredLoadErlangs)),
            Cases = [[1, 0.5], [10, 5.0], [10, 9.0], [200, 180.0], [1100, 1000.0], [5000, 4950.0]],
            RelativeTolerance = 1e-9,
            Hints =
            [
                "Never form c! or A^c: A^c overflows a double once c·log10(A) > 308 (from c = 146 at 90 % load), and 171! overflows whatever A is.",
                "Erlang B: B(0) = 1, B(k) = A·B(k−1) / (k + A·B(k−1)); then C = B / (1 − ρ(1 − B)) with ρ = A/c.",
            ],
            KnownMistakes =
            [
                new("textbook factorial", (Func<int, double, double>)((c, a) => TextbookErlangC.ProbabilityOfWaiting(c, a)),
                    "The textbook form overflows for large c (NaN or ∞). Use the Erlang B recurrence and convert B to C."),
                new("Erlang B instead of C", (Func<int, double, double>)((c, a) => ErlangFormulas.ErlangB(c, a)),
                    "That is Erlang B (the blocking probability of a loss system). Convert: C = B / (1 − ρ(1 − B))."),
            ],
        },
        new()
        {
            Id = "ep19.wait-percentile",
            Title = "A waiting-time percentile of M/M/c",
            Track = Track.Intermediate,
            Signature = "double WaitPercentileSeconds(double arrivalRatePerSecond, double meanServiceTimeSeconds, int servers, double p)",
            Reference = (Func<double, double, int, double, double>)((arrivalRatePerSecond, meanServiceTimeSeconds, servers, p) =>
                ((MMcSteadyState)new MMcQueue(arrivalRatePerSecond, meanServiceTimeSeconds, servers).Analyze()).WaitingTime.PercentileSeconds(p)),
            // The last case is the zero branch: C(10, 5) = 0.036 < 1 − 0.9, so 90 % of arrivals never wait.
            Cases = [[9.0, 1.0, 10, 0.99], [9.0, 1.0, 10, 0.5], [50_000.0, 0.02, 1010, 0.99], [0.8, 1.0, 1, 0.9], [5.0, 1.0, 10, 0.999], [5.0, 1.0, 10, 0.9]],
            RelativeTolerance = 1e-9,
            AbsoluteTolerance = 1e-12,
            Hints =
            [
                "P(Wq > t) = C · e^{−(cμ−λ)t}: solve C · e^{−(cμ−λ)t} = 1 − p for t.",
                "If 1 − p ≥ C, at least a fraction p of arrivals do not wait at all: the percentile is 0.",
            ],
            KnownMistakes =
            [
                new("forgot P(wait)", (Func<double, double, int, double, double>)((rate, s, c, p) => -Math.Log(1 - p) / (c / s - rate)),
                    "Only a fraction C of arrivals waits at all: the tail is C · e^{−(cμ−λ)t}, not e^{−(cμ−λ)t}."),
                new("seed's ln(100)(1+ρ)", (Func<double, double, int, double, double>)((rate, s, c, p) =>
                        ((MMcSteadyState)new MMcQueue(rate, s, c).Analyze()).MeanWaitSeconds * Math.Log(100) * (1 + rate * s / c)),
                    "avg × ln(100) × (1+ρ) has no derivation. Use the exact tail P(Wq > t) = C · e^{−(cμ−λ)t}."),
                new("no zero branch", (Func<double, double, int, double, double>)((rate, s, c, p) =>
                        Math.Log(ErlangFormulas.ErlangC(c, rate * s) / (1 - p)) / (c / s - rate)),
                    "A negative wait: when 1 − p ≥ C, at least a fraction p of arrivals never wait, so the percentile is 0. Return max(0, …)."),
            ],
        },
        new()
        {
            Id = "ep19.lindley-step",
            Title = "One step of a queue simulation (Lindley's recursion)",
            Track = Track.Beginner,
            Signature = "double NextWaitSeconds(double waitSeconds, double serviceSeconds, double interarrivalSeconds)",
            Reference = (Func<double, double, double, double>)((waitSeconds, serviceSeconds, interarrivalSeconds) =>
                Math.Max(0, waitSeconds + serviceSeconds - interarrivalSeconds)),
            Cases = [[0.0, 1.0, 0.5], [0.0, 0.5, 1.0], [2.0, 1.0, 0.5], [2.0, 0.1, 5.0], [0.3, 0.2, 0.5]],
            Hints =
            [
                "The next customer arrives a gap after this one; this one leaves the queue after its wait and its service. The next waits for what is left, never less than zero.",
            ],
            KnownMistakes =
            [
                new("negative waits", (Func<double, double, double, double>)((w, s, a) => w + s - a),
                    "A wait cannot be negative: if the server is free when the next customer arrives, the wait is 0 (take the max with 0)."),
                new("gap and service swapped", (Func<double, double, double, double>)((w, s, a) => Math.Max(0, w + a - s)),
                    "The service adds to the next customer's wait and the gap between arrivals subtracts from it."),
            ],
        },
        new()
        {
            Id = "ep19.overload",
            Title = "Recognise overload: the fewest servers for a steady state",
            Track = Track.Beginner,
            Signature = "int MinimumServersForStability(double arrivalRatePerSecond, double meanServiceTimeSeconds)",
            Reference = (Func<double, double, int>)((arrivalRatePerSecond, meanServiceTimeSeconds) =>
                new MMcQueue(arrivalRatePerSecond, meanServiceTimeSeconds, 1).MinimumServersForStability),
            Cases = [[33.0, 0.5], [1000.0, 0.1], [500.0, 0.02], [10_000.0, 0.001], [50_000.0, 0.02]],
            Hints =
            [
                "Offered load A = λ × S erlangs. A steady state needs A / c < 1, strictly.",
            ],
            KnownMistakes =
            [
                new("seed's ceil(λ/μ)", (Func<double, double, int>)((rate, s) => (int)Math.Ceiling(rate * s)),
                    "With c = A exactly, ρ = 1: the queue never settles. You need c > A, i.e. floor(A) + 1 (the seed's ceil(λ/μ) is one short when A is a whole number)."),
                new("rounded", (Func<double, double, int>)((rate, s) => (int)Math.Round(rate * s)),
                    "Rounding can go below the load. The smallest c with c > A is floor(A) + 1."),
            ],
        },
        new()
        {
            Id = "ep19.kingman",
            Title = "Kingman's approximation for a G/G/1 queue",
            Track = Track.Beginner,
            Signature = "double KingmanMeanWaitSeconds(double arrivalRatePerSecond, double meanServiceTimeSeconds, double interarrivalScv, double serviceScv)",
            Reference = (Func<double, double, double, double, double>)((arrivalRatePerSecond, meanServiceTimeSeconds, interarrivalScv, serviceScv) =>
                QueueApproximations.KingmanMeanWaitSeconds(arrivalRatePerSecond, meanServiceTimeSeconds, interarrivalScv, serviceScv)),
            Cases = [[8.0, 0.1, 1.0, 1.0], [8.0, 0.1, 1.0, 0.0], [5.0, 0.1, 4.0, 1.0], [0.9, 1.0, 0.5, 2.0]],
            Hints =
            [
                "E[Wq] ≈ ρ/(1−ρ) × (ca² + cs²)/2 × E[S]: the M/M/1 wait scaled by the average variability.",
            ],
            KnownMistakes =
            [
                new("no variability term", (Func<double, double, double, double, double>)((rate, s, ca2, cs2) => rate * s / (1 - rate * s) * s),
                    "That is M/M/1, right only when both SCVs are 1. Multiply by (ca² + cs²)/2."),
                new("forgot the half", (Func<double, double, double, double, double>)((rate, s, ca2, cs2) => rate * s / (1 - rate * s) * (ca2 + cs2) * s),
                    "The variability factor is the average of the two SCVs: (ca² + cs²)/2."),
            ],
        },
        new()
        {
            Id = "ep19.size-for-slo",
            Title = "Size a service for a p99 waiting-time SLO",
            Track = Track.Intermediate,
            Signature = "int ServersForWaitSlo(double arrivalRatePerSecond, double meanServiceTimeSeconds, double p, double maxWaitSeconds)",
            Reference = (Func<double, double, double, double, int>)((arrivalRatePerSecond, meanServiceTimeSeconds, p, maxWaitSeconds) =>
                CapacityPlanner.MinimumServers(arrivalRatePerSecond, meanServiceTimeSeconds,
                    CapacityTarget.WaitingTimePercentileAtMost(p, maxWaitSeconds)).Servers!.Value),
            Cases = [[50_000.0, 0.02, 0.99, 0.030], [9.0, 1.0, 0.99, 1.0], [50_000.0, 0.02, 0.99, 0.001], [1000.0, 0.1, 0.9, 0.01], [100.0, 1.0, 0.99, 0.05], [0.5, 1.0, 0.5, 0.1]],
            Hints =
            [
                "Start at the fewest servers that are stable, floor(λS) + 1, and add servers until the p-th percentile of the wait is within the limit.",
            ],
            KnownMistakes =
            [
                new("stability only", (Func<double, double, double, double, int>)((rate, s, p, limit) => (int)Math.Floor(rate * s) + 1),
                    "Stable is not the same as fast: near ρ = 1 the wait is long. Keep adding servers until the percentile meets the limit."),
                new("utilisation rule of thumb", (Func<double, double, double, double, int>)((rate, s, p, limit) => (int)Math.Ceiling(rate * s / 0.8)),
                    "A fixed 80 % utilisation target ignores the SLO: large pools can run hotter, small ones need more headroom. Size against the percentile itself."),
                new("one short", (Func<double, double, double, double, int>)((rate, s, p, limit) =>
                        CapacityPlanner.MinimumServers(rate, s, CapacityTarget.WaitingTimePercentileAtMost(p, limit)).Servers!.Value - 1),
                    "One server short: with that many the percentile is still above the limit. Return the first c that meets it."),
            ],
        },
        new()
        {
            Id = "ep19.response-percentile",
            Title = "The M/M/c response-time percentile, by bisection on the exact tail",
            Track = Track.Expert,
            Signature = "double ResponsePercentileSeconds(double arrivalRatePerSecond, double meanServiceTimeSeconds, int servers, double p)",
            Reference = (Func<double, double, int, double, double>)((arrivalRatePerSecond, meanServiceTimeSeconds, servers, p) =>
                ((MMcSteadyState)new MMcQueue(arrivalRatePerSecond, meanServiceTimeSeconds, servers).Analyze()).ResponseTime.PercentileSeconds(p)),
            Cases =
            [
                [9.0, 1.0, 10, 0.99],              // θ = cμ − λ = 1 = μ exactly: the general formula is 0/0
                [8.999999999999, 1.0, 10, 0.99],   // θ − μ = 10⁻¹²: e^−μt − e^−θt cancels to a few digits
                [0.8, 1.0, 1, 0.99],               // M/M/1: exponential with rate μ − λ, p99 = ln(100)/0.2
                [9.5, 1.0, 10, 0.999],             // θ = 0.5 < μ
                [50_000.0, 0.02, 1010, 0.99],      // θ = 500/s > μ = 50/s, a big pool
                [1.0, 1.0, 10, 0.99],              // C ≈ 10⁻⁷: almost nobody waits, p99 ≈ S·ln 100
                [9.0, 1.0, 10, 0.999999999999],    // a far tail: 1 − CDF would keep only four digits
            ],
            RelativeTolerance = 1e-8,
            AbsoluteTolerance = 1e-12,
            Hints =
            [
                "With θ = cμ − λ and C = Erlang C: P(T > t) = e^−μt + Cμ(e^−μt − e^−θt)/(θ − μ). Find t with P(T > t) = 1 − p by bisection: start from [0, 1], double the upper end until P(T > hi) < 1 − p, then halve the bracket until it stops shrinking.",
                "θ = μ exactly when c − 1 = A (λ = 9, S = 1, c = 10): there P(T > t) = e^−μt(1 + Cμt). Near it, write (e^−μt − e^−θt)/(θ − μ) = t·e^−min(θ,μ)t·(1 − e^−x)/x with x = |θ − μ|t, and use 1 − x/2 + x²/6 − x³/24 when x is small.",
                "Compare the tail P(T > t) with 1 − p, not the CDF with p: for p close to 1, 1 − CDF has lost its digits.",
            ],
            KnownMistakes =
            [
                new("special case only at equality", (Func<double, double, int, double, double>)((rate, s, c, p) =>
                        BisectResponseTail(rate, s, c, p, generalOnly: false, nearCase: false, compareCdf: false)),
                    "Close to cμ − λ = μ the general formula subtracts two nearly equal exponentials and keeps only a few digits. Use t·e^−min(θ,μ)t·(1 − e^−x)/x with a series for small x = |θ − μ|t."),
                new("general formula only", (Func<double, double, int, double, double>)((rate, s, c, p) =>
                        BisectResponseTail(rate, s, c, p, generalOnly: true, nearCase: false, compareCdf: false)),
                    "At cμ − λ = μ (c − 1 = A, as in this case) the general formula is 0/0 = NaN, and every comparison with NaN is false, so the bisection runs to an end of its bracket. Use the limit e^−μt(1 + Cμt)."),
                new("1 − CDF", (Func<double, double, int, double, double>)((rate, s, c, p) =>
                        BisectResponseTail(rate, s, c, p, generalOnly: false, nearCase: true, compareCdf: true)),
                    "Right formula, lost digits: comparing CDF(t) = 1 − P(T > t) with p near 1 keeps only the digits of 1 − p that survive the subtraction. Compare P(T > t) with 1 − p."),
                new("exponential response (seed)", (Func<double, double, int, double, double>)((rate, s, c, p) =>
                        -((MMcSteadyState)new MMcQueue(rate, s, c).Analyze()).MeanResponseTimeSeconds * Math.Log(1 - p)),
                    "Only M/M/1's response time is exponential. For c > 1 it is a mix: with probability 1 − C just the service, with probability C an Exp(θ) wait plus the service. Solve the exact tail."),
                new("percentiles added", (Func<double, double, int, double, double>)((rate, s, c, p) =>
                        ((MMcSteadyState)new MMcQueue(rate, s, c).Analyze()).WaitingTime.PercentileSeconds(p) - (s * Math.Log(1 - p))),
                    "Percentiles do not add: the p99 of wait + service is not the p99 of the wait plus the p99 of the service (the two rarely peak together). Solve P(T > t) = 1 − p on the tail of the sum."),
            ],
        },
    ];

    /// <summary>
    /// A learner's bisection on the M/M/c response tail, with the typical shortcuts switched on or off,
    /// for the known mistakes of <c>ep19.response-percentile</c>.
    /// </summary>
    private static double BisectResponseTail(double rate, double s, int c, double p, bool generalOnly, bool nearCase, bool compareCdf)
    {
        var mu = 1 / s;
        var theta = (c / s) - rate;
        var pWait = ErlangFormulas.ErlangC(c, rate * s);
        double Tail(double t)
        {
            if (!generalOnly && theta == mu)
            {
                return Math.Exp(-mu * t) * (1 + (pWait * mu * t));
            }

            var x = Math.Abs(theta - mu) * t;
            if (nearCase && x < 1e-3)
            {
                var h = 1 - (x / 2) + (x * x / 6) - (x * x * x / 24);
                return Math.Exp(-mu * t) + (pWait * mu * t * Math.Exp(-Math.Min(theta, mu) * t) * h);
            }

            return Math.Exp(-mu * t) + (pWait * mu / (theta - mu) * (Math.Exp(-mu * t) - Math.Exp(-theta * t)));
        }

        bool Above(double t) => compareCdf ? 1 - Tail(t) < p : Tail(t) > 1 - p;
        double low = 0, high = 1;
        while (Above(high))
        {
            high *= 2;
        }

        for (var i = 0; i < 200; i++)
        {
            var middle = (low + high) / 2;
            if (Above(middle))
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return (low + high) / 2;
    }
}
