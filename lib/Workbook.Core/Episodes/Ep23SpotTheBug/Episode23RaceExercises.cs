using Workbook.Core.Exercises;
using Workbook.Core.Reliability.Races.Interleavings;

namespace Workbook.Core.Episodes.Ep23SpotTheBug;

/// <summary>Episode 23's exercises for the race: counting interleavings, fixing the pool, and a blocking pool.</summary>
public static class Episode23RaceExercises
{
    /// <summary>The exercises, in notebook order.</summary>
    public static IReadOnlyList<Exercise> All { get; } =
    [
        new()
        {
            Id = "ep23.count-interleavings",
            Title = "How many interleavings do m threads of k atomic steps have?",
            Track = Track.Beginner,
            Signature = "long CountInterleavings(int threads, int stepsPerThread)",
            Reference = (Func<int, int, long>)CountInterleavings,
            Cases = [[1, 5], [2, 1], [2, 2], [2, 3], [3, 1], [3, 2], [2, 10], [4, 2], [3, 4]],
            Hints =
            [
                "A schedule is a word of m·k letters (which thread runs each step) with each thread's letter k times: each thread's own steps keep " +
                "their order. Choose the k positions of thread 1 among m·k, then thread 2's among the rest: C(mk, k)·C((m−1)k, k)·…, which is " +
                "(mk)! / (k!)^m. For 2 threads of 3 steps: C(6, 3) = 20.",
            ],
            KnownMistakes =
            [
                new("every order of all steps", (Func<int, int, long>)((m, k) => Factorial(m * k)),
                    "(mk)! counts every order of the steps, including those where a thread runs its own steps out of order; divide by k! for each thread."),
                new("any thread at every step", (Func<int, int, long>)((m, k) => (long)Math.Pow(m, m * k)),
                    "m^(mk) lets a thread be chosen more than k times; each thread runs exactly k steps, so count the placements of each thread's k steps."),
            ],
        },
        new()
        {
            Id = "ep23.fix-pool",
            Title = "Fix the seed's pool: no schedule double-checks out, and a free connection is handed out",
            Track = Track.Intermediate,
            Signature = "ISimPool NewFixedPool(SharedList<int> free, SimLock gate)",
            Reference = (Func<SharedList<int>, SimLock, ISimPool>)((free, gate) => new LockedSimPool(free, gate)),
            Cases = [],
            Hints =
            [
                "The check (CountAsync) and the act (LastAsync, RemoveLastAsync) must happen while the thread holds the lock: enter the gate " +
                "before the count and exit it after the remove (in a finally, or on both paths). A release adds under the same lock. The trial " +
                "also checks liveness: a thread must get a connection whenever the pool has one for every thread, or it asks alone while one is free.",
            ],
            KnownMistakes =
            [
                new("lock around the check only", (Func<SharedList<int>, SimLock, ISimPool>)((free, gate) => new RacePoolSlips.LockAroundCheckOnly(free, gate)),
                    "Your lock covers the count but not the read and the remove: two threads can both see 2 free, leave the lock, and read the same " +
                    "last id. Hold the lock from the count to the remove."),
                new("count > 1 (off by one)", (Func<SharedList<int>, SimLock, ISimPool>)((free, gate) => new RacePoolSlips.OffByOneCount(free, gate)),
                    "Your pool refused a thread while a connection was still free: a count of 1 is one free connection. Take when the count is " +
                    "above 0 (count > 0), not above 1; refuse only when the list is empty."),
                new("always refuses", (Func<SharedList<int>, SimLock, ISimPool>)((_, _) => new RacePoolSlips.AlwaysRefuses()),
                    "Your pool refused a thread while every connection was free. Refusing everyone never double-checks out, but a pool must hand " +
                    "out what it has: under the lock, take the last id whenever the count is above 0."),
            ],
            Trial = Episode23RaceTrials.FixPool,
            TimeLimit = TimeSpan.FromSeconds(20),
        },
        new()
        {
            Id = "ep23.blocking-pool",
            Title = "A blocking pool: checkout waits for a release and is woken by it",
            Track = Track.Expert,
            Signature = "ISimBlockingPool NewBlockingPool(SharedList<int> free, SimCondition available)",
            Reference = (Func<SharedList<int>, SimCondition, ISimBlockingPool>)((free, available) => new BlockingSimPool(free, available)),
            Cases = [],
            Hints =
            [
                "Checkout: enter available.Gate; while the count is 0, await available.WaitAsync(t) (it releases the gate while asleep and re-enters " +
                "it when woken); then read and remove the last id and exit. Release: enter, add, available.Pulse(t), exit. A woken thread may find " +
                "the list empty again, because another caller entered the gate first.",
            ],
            KnownMistakes =
            [
                new("if instead of while", (Func<SharedList<int>, SimCondition, ISimBlockingPool>)((free, available) => new RacePoolSlips.IfInsteadOfWhile(free, available)),
                    "Being woken does not mean a connection is still free: between the pulse and your re-entry, a third caller can enter the gate and " +
                    "take it. Wait in a loop (while the count is 0), not once (if)."),
            ],
            Trial = Episode23RaceTrials.BlockingPool,
            TimeLimit = TimeSpan.FromSeconds(20),
        },
    ];

    private static long CountInterleavings(int threads, int stepsPerThread)
    {
        // (mk)! / (k!)^m as a product of binomials C(ik, k), i = 1 … m, each built exactly step by step.
        long total = 1;
        for (int i = 1; i <= threads; i++)
        {
            long binomial = 1;
            for (int j = 1; j <= stepsPerThread; j++)
            {
                binomial = binomial * ((i - 1) * stepsPerThread + j) / j;
            }

            total *= binomial;
        }

        return total;
    }

    private static long Factorial(int n)
    {
        long f = 1;
        for (int i = 2; i <= n; i++)
        {
            f *= i;
        }

        return f;
    }
}
