using Workbook.Core.Consensus;

namespace Workbook.Core.Episodes.Ep21Raft;

/// <summary>The episode's main run (<see cref="Episode21Scenarios.Rejoin"/>) and the ticks at which things were done to it.</summary>
/// <param name="Cluster">The cluster after the run.</param>
/// <param name="AtHeal">The log matrix just before the partition healed.</param>
/// <param name="CrashedLeader">The leader crashed at <paramref name="CrashTick"/>.</param>
/// <param name="IsolatedLeader">The leader cut off at <paramref name="IsolateTick"/>.</param>
/// <param name="CrashTick">When the first leader crashed.</param>
/// <param name="RestartTick">When it restarted.</param>
/// <param name="IsolateTick">When the second leader was cut off (and got two commands it cannot commit).</param>
/// <param name="HealTick">When the partition healed.</param>
public sealed record RejoinRun(RaftCluster Cluster, LogMatrix AtHeal, int CrashedLeader, int IsolatedLeader, long CrashTick, long RestartTick, long IsolateTick, long HealTick);
