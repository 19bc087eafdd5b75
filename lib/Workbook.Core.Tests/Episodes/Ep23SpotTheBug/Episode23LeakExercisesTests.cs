using Workbook.Core.Exercises;
using Workbook.Core.Reliability.Leaks;

namespace Workbook.Core.Tests.Episodes.Ep23SpotTheBug;

/// <summary>
/// The leak exercises' trials, seen from the learner: each typical mistake fails at the check that shows it (worked
/// out by hand from the trial's stream) with its own hint; a correct alternative design passes; code that is not
/// written yet, throws or returns nothing is reported, never fatal.
/// </summary>
public class Episode23LeakExercisesTests
{
    [Theory]
    [InlineData("ep23.bounded-tracker", "a list that only looks bounded", "the 1st event is still reachable from your tracker after 5,000 later events")]
    [InlineData("ep23.bounded-tracker", "still keeps a stack trace", "bytes per event (more than 512)")]
    // Capacity 3, e1 … e2: the snapshot must be e1, e2; newest first gives e2, e1.
    [InlineData("ep23.bounded-tracker", "newest first", "Snapshot() gave e2 at 2 s, e1 at 1 s; expected the last 2, oldest first: e1 at 1 s, e2 at 2 s")]
    // Keys q=0 (the value check), then /hot and q=1 … q=99: the cache holds 101 distinct keys at request 99.
    [InlineData("ep23.bounded-cache", "ConcurrentDictionary without eviction", "after 101 distinct keys the cache holds 101 entries, more than its capacity of 100")]
    // Full at 100 keys (q=0, /hot, q=1 … q=98); q=99 clears and is added, q=100 too; /hot is asked again at request 101 with 2 entries.
    [InlineData("ep23.bounded-cache", "clear everything when full", "had to be computed again at request 101, and the cache held only 2 entries just before")]
    // FIFO: insertions q=0, /hot, q=1 … q=100 (102 keys by request 100); the 101st evicts q=0, the 102nd (q=100) evicts /hot,
    // which is asked again at request 101 with a full cache of 100 entries.
    [InlineData("ep23.bounded-cache", "first in, first out", "had to be computed again at request 101")]
    public void EveryKnownMistake_FailsAtTheCheckThatShowsIt_WithItsOwnHint(string id, string mistakeName, string message)
    {
        var exercise = ExerciseCatalog.Get(id);
        var mistake = exercise.KnownMistakes.Single(m => m.Name == mistakeName);

        var result = ExerciseChecker.Check(exercise, mistake.Answer);

        Assert.Equal(CheckStatus.Failed, result.Status);
        Assert.Equal(mistake.Hint, result.Hint);
        Assert.Contains(message, result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheReferences_Pass()
    {
        foreach (var id in new[] { "ep23.bounded-tracker", "ep23.bounded-cache" })
        {
            var result = Checks.Check(id, ExerciseCatalog.Get(id).Reference);
            Assert.True(result.Status == CheckStatus.Passed, $"{id}: {result.Message}");
        }
    }

    [Fact]
    public void ABoundedTrackerBuiltOnAQueue_Passes()
    {
        // Another correct design: a queue that drops the oldest. It allocates nothing per event once grown.
        var result = Checks.Check("ep23.bounded-tracker", (int capacity) => (IRecentEventTracker)new QueueTracker(capacity));
        Assert.True(result.Status == CheckStatus.Passed, result.Message);
        Assert.Contains("an early event released after 5,000 more", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEvictingDictionaryThatForgetsToEvict_OnlyPastCapacity_IsCaught()
    {
        // Evicts one entry at capacity + 1 (off by one): 101 entries after the 101st distinct key.
        var result = Checks.Check("ep23.bounded-cache", (int capacity) => (IRequestCache)new OffByOneCache(capacity));
        Assert.Equal(CheckStatus.Failed, result.Status);
        Assert.Contains("holds 101 entries", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheStarterCells_AreNotAttempted()
    {
        Assert.Equal(CheckStatus.NotAttempted, Checks.Check("ep23.bounded-tracker", (int capacity) => (IRecentEventTracker)new StarterTracker()).Status);
        Assert.Equal(CheckStatus.NotAttempted, Checks.Check("ep23.bounded-tracker", (Func<int, IRecentEventTracker>)(capacity => throw new NotImplementedException())).Status);
        Assert.Equal(CheckStatus.NotAttempted, Checks.Check("ep23.bounded-cache", (int capacity) => (IRequestCache)new StarterCache()).Status);
        Assert.Equal(CheckStatus.NotAttempted, Checks.Check("ep23.leak-bytes", (Func<long, int, int, int, long>)((n, c, s, o) => throw new NotImplementedException())).Status);
    }

    [Fact]
    public void CodeThatThrows_OrReturnsNothing_IsReportedAsAnError()
    {
        var threw = Checks.Check("ep23.bounded-cache", (int capacity) => (IRequestCache)new ThrowingCache());
        Assert.Equal(CheckStatus.Error, threw.Status);
        Assert.Contains("threw InvalidOperationException during the trial", threw.Message, StringComparison.Ordinal);

        var nothing = Checks.Check("ep23.bounded-tracker", (int capacity) => (IRecentEventTracker)null!);
        Assert.Equal(CheckStatus.Error, nothing.Status);
        Assert.Contains("not a new tracker implementing IRecentEventTracker", nothing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LeakBytes_Mistakes_GetTheirHints()
    {
        var exercise = ExerciseCatalog.Get("ep23.leak-bytes");
        foreach (var mistake in exercise.KnownMistakes)
        {
            var result = ExerciseChecker.Check(exercise, mistake.Answer);
            Assert.Equal(CheckStatus.Failed, result.Status);
            Assert.Equal(mistake.Hint, result.Hint);
        }
    }

    private sealed class QueueTracker(int capacity) : IRecentEventTracker
    {
        private readonly Queue<TrackedEvent> events = new(capacity);

        public int Capacity => capacity;

        public void Track(string eventType, double timestampSeconds)
        {
            if (events.Count == capacity)
            {
                events.Dequeue();
            }

            events.Enqueue(new TrackedEvent(timestampSeconds, eventType));
        }

        public IReadOnlyList<TrackedEvent> Snapshot() => events.ToArray();
    }

    private sealed class OffByOneCache(int capacity) : IRequestCache
    {
        private readonly LruRequestCache inner = new(capacity + 1);

        public int Count => inner.Count;

        public string GetOrAdd(string key, Func<string, string> compute) => inner.GetOrAdd(key, compute);
    }

    private sealed class StarterTracker : IRecentEventTracker
    {
        public int Capacity => throw new NotImplementedException();

        public void Track(string eventType, double timestampSeconds) => throw new NotImplementedException();

        public IReadOnlyList<TrackedEvent> Snapshot() => throw new NotImplementedException();
    }

    private sealed class StarterCache : IRequestCache
    {
        public int Count => throw new NotImplementedException();

        public string GetOrAdd(string key, Func<string, string> compute) => throw new NotImplementedException();
    }

    private sealed class ThrowingCache : IRequestCache
    {
        public int Count => 0;

        public string GetOrAdd(string key, Func<string, string> compute) => throw new InvalidOperationException("no cache yet");
    }
}
