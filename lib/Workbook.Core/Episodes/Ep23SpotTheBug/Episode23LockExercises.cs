using Workbook.Core.Exercises;
using Workbook.Core.Reliability.Locks;

namespace Workbook.Core.Episodes.Ep23SpotTheBug;

/// <summary>
/// Episode 23's exercises for the lock: when a lease lapses, the owner-checked release, the storage's fencing check and
/// the client's own lease check. The last three are also plugged into the seeded simulation (<see cref="Episode23LockTrials"/>).
/// </summary>
public static class Episode23LockExercises
{
    /// <summary>The exercises, in notebook order.</summary>
    public static IReadOnlyList<Exercise> All { get; } =
    [
        new()
        {
            Id = "ep23.lease-lapse",
            Title = "When does the lease lapse on the lock service?",
            Track = Track.Beginner,
            Signature = "double LeaseLapsesAtMs(double requestSentAtMs, double oneWayDelayMs, double leaseMs, double serviceClockDrift)",
            Reference = (Func<double, double, double, double, double>)LeaseLapsesAtMs,
            Cases =
            [
                [0.0, 1.0, 50.0, 0.0],
                [0.0, 1.0, 50.0, 0.5],
                [100.0, 5.0, 1000.0, 0.25],
                [0.0, 0.0, 50.0, -0.2],
                [10.0, 2.0, 30_000.0, 0.01],
            ],
            RelativeTolerance = 1e-9,
            Hints =
            [
                "The lease starts when the SET arrives (sent + delay). The service counts leaseMs on its own clock, which runs at 1 + drift times true " +
                "time, so leaseMs on its clock take leaseMs / (1 + drift) true milliseconds.",
            ],
            KnownMistakes =
            [
                new("multiplied by (1 + drift)", (Func<double, double, double, double, double>)((s, d, l, r) => s + d + (l * (1 + r))),
                    "A fast clock (drift > 0) reaches leaseMs SOONER: true time = clock time / (1 + drift). Multiplying makes a fast clock's lease longer."),
                new("from the send", (Func<double, double, double, double, double>)((s, d, l, r) => s + (l / (1 + r))),
                    "The service starts the lease when the request ARRIVES, one delay after it was sent."),
                new("drift ignored", (Func<double, double, double, double, double>)((s, d, l, r) => s + d + l),
                    "The service measures the lease on its own clock; with drift 0.5 it counts 50 ms in 33.3 true ms."),
            ],
        },
        new()
        {
            Id = "ep23.owner-checked-release",
            Title = "Release only your own lock",
            Track = Track.Intermediate,
            Signature = "bool Release(LockService service, string key, string owner, double nowMs)",
            Reference = (Func<LockService, string, string, double, bool>)Release,
            Cases = [],
            Hints =
            [
                "Your function runs inside the lock service as one atomic step (as a Lua script runs in Redis). Read the key with service.TryGet(key, " +
                "nowMs, out var value); only if it holds `owner` delete it with service.Delete(key, nowMs, out _) and return true; otherwise return false.",
            ],
            KnownMistakes =
            [
                new("unchecked DEL", (Func<LockService, string, string, double, bool>)((s, k, o, t) => s.Delete(k, t, out _)),
                    "A plain DEL removes whoever holds the key: after a pause your lease may have lapsed and another client taken the lock. Compare first."),
                new("checks but never deletes", (Func<LockService, string, string, double, bool>)((s, k, o, t) => s.Holds(k, o, t)),
                    "When the key holds your value, delete it; otherwise the others wait for your lease to run out."),
            ],
            Trial = Episode23LockTrials.Release,
            TimeLimit = TimeSpan.FromSeconds(10),
        },
        new()
        {
            Id = "ep23.fencing-check",
            Title = "The storage's fencing check",
            Track = Track.Intermediate,
            Signature = "bool AcceptWrite(long token, long[] earlierTokens)",
            Reference = (Func<long, long[], bool>)AcceptWrite,
            Cases =
            [
                [1L, Array.Empty<long>()],
                [2L, new long[] { 1 }],
                [1L, new long[] { 2 }],
                [5L, new long[] { 1, 2 }],
                [3L, new long[] { 3 }],
                [2L, new long[] { 3, 1 }],
                [4L, new long[] { 1, 3, 2 }],
                [3L, new long[] { 1, 5, 2 }],
            ],
            Hints =
            [
                "earlierTokens are the tokens of every write the storage received before this one (accepted or not), in arrival order. Accept the write " +
                "when its token is at least the highest of them (any token when there are none); a lower token comes from a client whose lease has passed on.",
            ],
            KnownMistakes =
            [
                new("strictly above", (Func<long, long[], bool>)((t, e) => e.Length == 0 || t > e.Max()),
                    "The same token again is the same lock holder (a retried write): accept a token equal to the highest, reject only lower ones."),
                new("compared with the last write", (Func<long, long[], bool>)((t, e) => e.Length == 0 || t >= e[^1]),
                    "Compare with the HIGHEST token seen, not the last one: after 3 and a rejected stale 1, a stale 2 must still be rejected."),
                new("next token only", (Func<long, long[], bool>)((t, e) => t == (e.Length == 0 ? 0 : e.Max()) + 1),
                    "Tokens need not arrive one by one: a client that skipped its write (or whose lease ran out) leaves a gap. Token 5 after 1 and 2 is fine."),
            ],
            Trial = Episode23LockTrials.Fencing,
            TimeLimit = TimeSpan.FromSeconds(10),
        },
        new()
        {
            Id = "ep23.lease-check",
            Title = "The client's own lease check, with clock drift",
            Track = Track.Expert,
            Signature = "bool LeaseStillValid(double requestSentAtMs, double replyReceivedAtMs, double nowMs, double leaseMs, double maxClockDrift)",
            Reference = (Func<double, double, double, double, double, bool>)LeaseStillValid,
            Cases =
            [
                [0.0, 4.0, 45.0, 50.0, 0.05],
                [0.0, 0.5, 48.0, 50.0, 0.05],
                [0.0, 0.5, 46.0, 50.0, 0.05],
                [0.0, 8.0, 50.0, 50.0, 0.0],
                [0.0, 4.0, 46.0, 50.0, 0.05],
                [0.0, 1.0, 49.999, 50.0, 0.0],
                [10.0, 14.0, 50.0, 50.0, 0.05],
                [0.0, 2.0, 10.0, 50.0, 0.5],
                [0.0, 2.0, 20.0, 50.0, 0.5],
                [1000.0, 1003.0, 1047.0, 50.0, 0.01],
                [0.0, 2.0, 14.0, 50.0, 0.5],
            ],
            Hints =
            [
                "All times are readings of the client's own clock, whose rate is within 1 ± maxClockDrift; the lock service's clock is within the same bound. " +
                "The lease may start as soon as the request arrives, so count from when it was sent. Find the longest true time the service surely keeps the " +
                "lease, then the most your clock can show for it.",
            ],
            KnownMistakes =
            [
                new("measured from the reply", (Func<double, double, double, double, double, bool>)((s, r, n, l, d) => n - r < l * (1 - d) / (1 + d)),
                    "The lease started when the request reached the service, before the reply came back: measure from when the request was SENT."),
                new("one clock's drift", (Func<double, double, double, double, double, bool>)((s, r, n, l, d) => n - s < l / (1 + d)),
                    "Two clocks drift: the service's may be fast (the lease lapses after lease / (1 + ρ) true ms) and yours slow (it shows only (1 − ρ) of them)."),
                new("no drift margin", (Func<double, double, double, double, double, bool>)((s, r, n, l, d) => n - s < l),
                    "Both clocks drift: the service's may be fast (the lease lapses at lease / (1 + ρ) true ms) and yours slow (it shows only (1 − ρ) of them); shrink by (1 − ρ) / (1 + ρ)."),
                new("shrunk twice by the slow clock", (Func<double, double, double, double, double, bool>)((s, r, n, l, d) => n - s < l * (1 - d) * (1 - d)),
                    "The service's fast clock ends the lease after lease / (1 + ρ) true ms, which is longer than lease (1 − ρ): divide by (1 + ρ) instead of " +
                    "multiplying by (1 − ρ) a second time. Too short a bound is safe but refuses writes the lease still covers."),
            ],
            Trial = Episode23LockTrials.LeaseCheck,
            TimeLimit = TimeSpan.FromSeconds(10),
        },
    ];

    /// <summary>Reference of <c>ep23.lease-lapse</c>: the SET arrives one delay after it is sent; the service counts the lease on its own clock.</summary>
    internal static double LeaseLapsesAtMs(double requestSentAtMs, double oneWayDelayMs, double leaseMs, double serviceClockDrift) =>
        requestSentAtMs + oneWayDelayMs + (leaseMs / (1 + serviceClockDrift));

    /// <summary>Reference of <c>ep23.owner-checked-release</c>: the Lua release script's logic.</summary>
    internal static bool Release(LockService service, string key, string owner, double nowMs)
    {
        if (!service.TryGet(key, nowMs, out var value) || value != owner)
        {
            return false;
        }

        return service.Delete(key, nowMs, out _);
    }

    /// <summary>Reference of <c>ep23.fencing-check</c>: accept a token at or above every token seen.</summary>
    internal static bool AcceptWrite(long token, long[] earlierTokens) => earlierTokens.Length == 0 || token >= earlierTokens.Max();

    /// <summary>
    /// Reference of <c>ep23.lease-check</c>. The service keeps the lease at least lease / (1 + ρ) true ms after the request was sent;
    /// the client's clock shows at least (1 − ρ) of the true time, so the check passes while its reading is below lease (1 − ρ) / (1 + ρ).
    /// </summary>
    internal static bool LeaseStillValid(double requestSentAtMs, double replyReceivedAtMs, double nowMs, double leaseMs, double maxClockDrift) =>
        nowMs - requestSentAtMs < leaseMs * (1 - maxClockDrift) / (1 + maxClockDrift);
}
