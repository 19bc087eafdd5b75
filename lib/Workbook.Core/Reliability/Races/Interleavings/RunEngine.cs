namespace Workbook.Core.Reliability.Races.Interleavings;

/// <summary>Runs one schedule of a <see cref="RaceSetup"/> on the calling thread, one scheduling point at a time.</summary>
/// <remarks>
/// Implementation note: each step's awaiter hands its continuation to <see cref="Register"/> instead of running it;
/// the loop picks a runnable thread (its pending step can run), performs the step, then calls the continuation
/// directly, so the thread runs synchronously to its next step. Nothing runs on the thread pool.
/// </remarks>
internal sealed class RunEngine
{
    private readonly List<Slot> _slots = [];
    private readonly List<string> _trace = [];
    private readonly List<int> _choices = [];
    private Slot? _current;
    private string? _violation;
    private bool _finished;

    public static InterleavingRun Run(RaceSetup setup, Func<IReadOnlyList<int>, int> choose, int stepBudget)
    {
        // Implementation note: a host's SynchronizationContext (a notebook kernel's) would make an awaited Task post its
        // continuation instead of running it inline; without one, awaits of the threads' own async methods run inline.
        var context = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            return new RunEngine().Execute(setup, choose, stepBudget);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(context);
        }
    }

    public void Register(SimStep step, Action continuation)
    {
        if (_finished)
        {
            return;                                   // a stale thread of a finished run (after an uncontrolled await)
        }

        var slot = _slots[step.Thread.Index];
        if (!ReferenceEquals(_current, slot))
        {
            _violation ??= $"{_current?.Thread.Name ?? "the setup"} used {step.Thread.Name}'s context: pass each thread its own";
        }

        slot.Pending = step;
        step.Continuation = continuation;
    }

    public void Check(bool condition, string message)
    {
        if (!condition)
        {
            _violation ??= message;
            _trace.Add($"CHECK FAILED: {message}");
        }
    }

    public void Log(SimThread t, string line) => _trace.Add($"{t.Name} {line}");

    /// <summary>Raised just before a thread's step runs (for checks that watch who ran while a call was in progress).</summary>
    public event Action<SimThread>? StepStarting;

    private InterleavingRun Execute(RaceSetup setup, Func<IReadOnlyList<int>, int> choose, int stepBudget)
    {
        for (int i = 0; i < setup.Threads.Count; i++)
        {
            _slots.Add(new Slot(new SimThread(this, i)));
        }

        try
        {
            foreach (var slot in _slots)
            {
                _current = slot;
                try
                {
                    slot.Task = setup.Threads[slot.Thread.Index](slot.Thread);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    slot.Task = Task.FromException(e);
                }

                if (Inspect(slot) is { } early)
                {
                    return early;
                }
            }

            int steps = 0;
            while (true)
            {
                if (_violation is not null)
                {
                    return End(InterleavingFailure.InvariantViolated, _violation, steps);
                }

                var open = _slots.Where(s => !s.Task!.IsCompleted).ToList();
                if (open.Count == 0)
                {
                    setup.FinalCheck?.Invoke(new RaceChecker(this));
                    return _violation is null
                        ? End(InterleavingFailure.None, "every thread finished", steps)
                        : End(InterleavingFailure.InvariantViolated, _violation, steps);
                }

                var runnable = open.Where(s => s.Pending!.CanRun).Select(s => s.Thread.Index).ToList();
                if (runnable.Count == 0)
                {
                    var blocked = string.Join("; ", open.Select(s => $"{s.Thread.Name} waits to {s.Pending!.WaitingFor}"));
                    return End(InterleavingFailure.Deadlock, $"deadlock: {blocked}", steps);
                }

                if (steps >= stepBudget)
                {
                    return End(InterleavingFailure.StepBudgetExceeded,
                        $"no end after {stepBudget:N0} steps (a loop that never ends under this schedule?)", steps);
                }

                int chosen = choose(runnable);
                var next = _slots[chosen];
                var step = next.Pending!;
                next.Pending = null;
                _choices.Add(chosen);
                steps++;
                StepStarting?.Invoke(next.Thread);
                try
                {
                    _trace.Add($"{next.Thread.Name} {step.Execute()}");
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    step.Fail(e);                     // rethrown inside the thread by GetResult
                }

                _current = next;
                step.Continuation!();
                if (Inspect(next) is { } ended)
                {
                    return ended;
                }
            }
        }
        finally
        {
            _finished = true;
        }
    }

    private InterleavingRun? Inspect(Slot slot)
    {
        var task = slot.Task!;
        if (task.IsFaulted || task.IsCanceled)
        {
            var error = task.Exception?.InnerException;
            var message = error is null ? "the thread was cancelled" : $"{error.GetType().Name}: {error.Message}";
            _trace.Add($"{slot.Thread.Name} throws {message}");
            return End(InterleavingFailure.Exception, $"{slot.Thread.Name} threw {message}", _choices.Count);
        }

        if (!task.IsCompleted && slot.Pending is null)
        {
            return End(InterleavingFailure.UncontrolledAwait,
                $"{slot.Thread.Name} awaited something that is not a step of the explorer's shared state (Task.Delay, Task.Yield, a real lock?)",
                _choices.Count);
        }

        return null;
    }

    private InterleavingRun End(InterleavingFailure failure, string message, int steps) =>
        new(failure, message, [.. _trace], [.. _choices], steps);

    private sealed class Slot(SimThread thread)
    {
        public SimThread Thread { get; } = thread;

        public Task? Task { get; set; }

        public SimStep? Pending { get; set; }
    }
}
