using System.Runtime.CompilerServices;

namespace Workbook.Core.Reliability.Races.Interleavings;

/// <summary>
/// One scheduling point: an access to shared state that a simulated thread awaits. The explorer decides when it
/// runs; until then the thread is suspended. Await it at once (<c>await xs.CountAsync(t)</c>); it is not a Task.
/// </summary>
public abstract class SimStep : INotifyCompletion
{
    private protected SimStep(SimThread thread, string waitingFor)
    {
        Thread = thread ?? throw new ArgumentNullException(nameof(thread));
        WaitingFor = waitingFor;
    }

    internal SimThread Thread { get; }

    internal string WaitingFor { get; }

    internal Action? Continuation { get; set; }

    private protected Exception? Error { get; set; }

    /// <summary>Always false: every step waits for the scheduler.</summary>
    public bool IsCompleted => false;

    /// <summary>Registers the thread's continuation with the scheduler (compiler use).</summary>
    /// <param name="continuation">The rest of the thread.</param>
    public void OnCompleted(Action continuation) => Thread.Engine.Register(this, continuation);

    internal abstract bool CanRun { get; }

    /// <summary>Performs the access and returns the trace line (the thread's name is added by the engine).</summary>
    internal abstract string Execute();

    internal void Fail(Exception error) => Error = error;
}

/// <summary>A scheduling point with no result (an add, a lock entry).</summary>
public sealed class SimAction : SimStep
{
    private readonly Func<bool> _canRun;
    private readonly Func<string> _action;

    internal SimAction(SimThread thread, string waitingFor, Func<bool> canRun, Func<string> action)
        : base(thread, waitingFor)
    {
        _canRun = canRun;
        _action = action;
    }

    internal override bool CanRun => _canRun();

    /// <summary>The awaiter (compiler use).</summary>
    /// <returns>This step.</returns>
    public SimAction GetAwaiter() => this;

    /// <summary>Ends the await; rethrows what the access threw (compiler use).</summary>
    public void GetResult()
    {
        if (Error is not null)
        {
            throw Error;
        }
    }

    internal override string Execute() => _action();
}

/// <summary>A scheduling point that returns a value (a read).</summary>
/// <typeparam name="T">The value read.</typeparam>
public sealed class SimStep<T> : SimStep
{
    private readonly Func<bool> _canRun;
    private readonly Func<(T Value, string Line)> _read;
    private T _value = default!;

    internal SimStep(SimThread thread, string waitingFor, Func<bool> canRun, Func<(T Value, string Line)> read)
        : base(thread, waitingFor)
    {
        _canRun = canRun;
        _read = read;
    }

    internal override bool CanRun => _canRun();

    /// <summary>The awaiter (compiler use).</summary>
    /// <returns>This step.</returns>
    public SimStep<T> GetAwaiter() => this;

    /// <summary>Ends the await with the value read; rethrows what the access threw (compiler use).</summary>
    /// <returns>The value.</returns>
    public T GetResult() => Error is null ? _value : throw Error;

    internal override string Execute()
    {
        var (value, line) = _read();
        _value = value;
        return line;
    }
}
