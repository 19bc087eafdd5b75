namespace Workbook.Core.Consensus;

/// <summary>One simulated leader kill of a <see cref="FailoverExperiment"/>; times are ticks after the crash.</summary>
/// <param name="Kill">1, 2, ...</param>
/// <param name="CrashTick">The tick at whose start the leader crashed.</param>
/// <param name="KilledLeaderId">The leader that crashed.</param>
/// <param name="NewLeaderId">The leader that committed the client's write.</param>
/// <param name="TermBefore">The killed leader's term.</param>
/// <param name="TermAfter">The new leader's term; TermAfter − TermBefore elections were started.</param>
/// <param name="FirstCandidateTicks">Ticks until the first survivor's election timer fired (detection).</param>
/// <param name="LeaderElectedTicks">Ticks until the new leader was elected.</param>
/// <param name="FailoverTicks">Ticks until the new leader committed a client write proposed to it.</param>
public sealed record FailoverSample(
    int Kill,
    long CrashTick,
    int KilledLeaderId,
    int NewLeaderId,
    long TermBefore,
    long TermAfter,
    long FirstCandidateTicks,
    long LeaderElectedTicks,
    long FailoverTicks)
{
    /// <summary>The number of elections started (terms used) before the write committed.</summary>
    public long Elections => TermAfter - TermBefore;

    /// <summary><see cref="FailoverTicks"/> read as milliseconds (<see cref="FailoverExperimentOptions.MillisecondsPerTick"/>).</summary>
    public double FailoverMilliseconds => FailoverTicks * FailoverExperimentOptions.MillisecondsPerTick;
}
