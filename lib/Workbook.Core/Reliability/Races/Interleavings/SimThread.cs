namespace Workbook.Core.Reliability.Races.Interleavings;

/// <summary>A simulated thread's context: its name, and the way to report a broken invariant or add a trace line.</summary>
/// <remarks>Each thread of a <see cref="RaceSetup"/> receives its own; pass it to every shared access (<c>await xs.CountAsync(t)</c>).</remarks>
public sealed class SimThread
{
    internal SimThread(RunEngine engine, int index)
    {
        Engine = engine;
        Index = index;
        Name = $"t{index + 1}";
    }

    /// <summary>The thread's position in <see cref="RaceSetup.Threads"/>, from 0.</summary>
    public int Index { get; }

    /// <summary>The thread's name in traces: t1, t2, …</summary>
    public string Name { get; }

    internal RunEngine Engine { get; }

    /// <summary>Records a broken invariant when <paramref name="condition"/> is false; the run stops and reports it.</summary>
    /// <param name="condition">What must hold.</param>
    /// <param name="message">What went wrong, in words ("t2 got connection 1, which t1 holds").</param>
    public void Check(bool condition, string message) => Engine.Check(condition, message);

    /// <summary>Adds a line to the trace (not a scheduling point).</summary>
    /// <param name="line">What happened, without the thread's name.</param>
    public void Log(string line) => Engine.Log(this, line);

    /// <inheritdoc/>
    public override string ToString() => Name;
}
