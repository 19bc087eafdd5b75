namespace Workbook.Core.Reliability.Races.Interleavings;

/// <summary>What a <see cref="RaceSetup.FinalCheck"/> receives: the way to report a broken invariant.</summary>
public sealed class RaceChecker
{
    private readonly RunEngine _engine;

    internal RaceChecker(RunEngine engine) => _engine = engine;

    /// <summary>Records a broken invariant when <paramref name="condition"/> is false.</summary>
    /// <param name="condition">What must hold.</param>
    /// <param name="message">What went wrong, in words.</param>
    public void Check(bool condition, string message) => _engine.Check(condition, message);
}
