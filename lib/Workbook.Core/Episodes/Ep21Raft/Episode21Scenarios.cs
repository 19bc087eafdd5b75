using System.Globalization;
using Workbook.Core.Consensus;
using Workbook.Core.Consensus.Scenarios;

namespace Workbook.Core.Episodes.Ep21Raft;

/// <summary>The seeded runs the episode's figures draw; each is a pure function of its constants.</summary>
public static class Episode21Scenarios
{
    /// <summary>The seed of the main run.</summary>
    public const long RejoinSeed = 21;

    /// <summary>The seed of the message sequence run.</summary>
    public const long SequenceSeed = 7;

    /// <summary>Ticks of sending shown by the message sequence figure, from the first RequestVote.</summary>
    public const int SequenceWindowTicks = 16;

    /// <summary>The planted bug of the "bug caught" figure (<see cref="PlantedBugs"/>).</summary>
    public const string BugCaughtBugId = "two-votes-per-term";

    /// <summary>The scenario of the "bug caught" figure (<see cref="RaftScenarios"/>).</summary>
    public const string BugCaughtScenarioId = "raft.leader-failure";

    /// <summary>The seed of the "bug caught" figure: the first seed from 1 at which the bug breaks safety after the leader is cut off (seed 6 breaks it in the first election).</summary>
    public const long BugCaughtSeed = 9;

    /// <summary>The seed of the simulated side of the etcd failover figure.</summary>
    public const long FailoverSeed = 2026;

    /// <summary>Simulated leader kills in the etcd failover figure.</summary>
    public const int FailoverKills = 500;

    /// <summary>Ticks between client commands in the main run.</summary>
    public const int CommandEveryTicks = 8;

    /// <summary>The main run's ticks: a leader crash, its restart, a partition that cuts off the next leader, the heal, and the end.</summary>
    public static IReadOnlyList<long> RejoinTicks { get; } = [60, 110, 150, 210, 260];

    /// <summary>The message sequence run: 3 nodes, a heartbeat every 3 ticks, delays of 1 to 3 ticks and 10 % loss.</summary>
    public static RaftClusterOptions SequenceOptions { get; } =
        new(3, new NetworkOptions(minDelayTicks: 1, maxDelayTicks: 3, lossProbability: 0.1), electionTimeoutMinTicks: 12, electionTimeoutMaxTicks: 23, heartbeatIntervalTicks: 3);

    /// <summary>
    /// Five nodes on a reliable network (default timing: heartbeat every tick, election timeout 10 to 19 ticks),
    /// a client command to the leader every <see cref="CommandEveryTicks"/> ticks from tick 24; the leader crashes
    /// at tick 60 and restarts at 110; at 150 the leader of the day is cut off and a client hands it two commands;
    /// the partition heals at 210 and the run ends at 260.
    /// </summary>
    /// <returns>The run.</returns>
    public static RejoinRun Rejoin()
    {
        var cluster = new RaftCluster(new RaftClusterOptions(5), RejoinSeed);
        var commands = 0;
        void RunTo(long tick, int excluded)
        {
            while (cluster.Now < tick)
            {
                if (cluster.Now >= 24 && cluster.Now % CommandEveryTicks == 0
                    && cluster.RunningLeaders.FirstOrDefault(l => l.Id != excluded) is { } leader)
                {
                    cluster.Propose(leader.Id, "x=" + (++commands).ToString(CultureInfo.InvariantCulture));
                }

                cluster.Step();
            }
        }

        int LeaderNow() => cluster.RunningLeaders.Count > 0
            ? cluster.RunningLeaders[0].Id
            : throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"the scenario expects a leader at tick {cluster.Now}"));

        var (crash, restart, isolate, heal, end) = (RejoinTicks[0], RejoinTicks[1], RejoinTicks[2], RejoinTicks[3], RejoinTicks[4]);
        RunTo(crash, 0);
        var crashed = LeaderNow();
        cluster.Crash(crashed);
        RunTo(restart, 0);
        cluster.Restart(crashed);
        RunTo(isolate, 0);
        var isolated = LeaderNow();
        cluster.Isolate(isolated);
        cluster.Propose(isolated, "lost-1");
        RunTo(isolate + 3, isolated);
        cluster.Propose(isolated, "lost-2");
        RunTo(heal, isolated);
        var atHeal = LogMatrix.Of(cluster);
        cluster.Heal();
        RunTo(end, 0);
        return new RejoinRun(cluster, atHeal, crashed, isolated, crash, restart, isolate, heal);
    }

    /// <summary>The message sequence run: <see cref="SequenceOptions"/>, one command to the leader 3 ticks after it is elected, 60 ticks.</summary>
    /// <returns>The cluster after the run.</returns>
    public static RaftCluster Sequence()
    {
        var cluster = new RaftCluster(SequenceOptions, SequenceSeed);
        cluster.RunUntil(c => c.RunningLeaders.Count > 0, 200);
        cluster.RunTicks(3);
        cluster.Propose(cluster.RunningLeaders[0].Id, "x=1");
        cluster.RunTicks(checked((int)Math.Max(0, 60 - cluster.Now)));
        return cluster;
    }

    /// <summary>
    /// The "bug caught" run: <see cref="BugCaughtScenarioId"/> on its default cluster with the rules of
    /// <see cref="BugCaughtBugId"/>, seed <see cref="BugCaughtSeed"/>; the run stops at the violation.
    /// </summary>
    /// <returns>The scenario's outcome; its <c>Cluster</c> draws the timeline.</returns>
    public static ScenarioOutcome BugCaught()
    {
        var scenario = RaftScenarios.Get(BugCaughtScenarioId);
        return scenario.Run(scenario.DefaultOptions with { Rules = PlantedBugs.Get(BugCaughtBugId).Rules }, BugCaughtSeed);
    }

    /// <summary>The simulated side of the etcd comparison: <see cref="FailoverKills"/> kills with etcd's timing (the experiment's defaults), seed <see cref="FailoverSeed"/>.</summary>
    /// <returns>The experiment's result.</returns>
    public static FailoverExperimentResult Failover() => FailoverExperiment.Run(new FailoverExperimentOptions(kills: FailoverKills), FailoverSeed);
}
