using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Workbook.Core.Simulation;

namespace Workbook.Core.Consensus;

/// <summary>
/// One Raft server as a pure state machine: messages (<see cref="Step"/>), logical clock ticks
/// (<see cref="Tick"/>) and client commands (<see cref="Propose"/>) go in; messages to send, state to
/// persist and committed entries to apply come out as data (<see cref="RaftOutput"/>).
/// </summary>
/// <remarks>
/// It follows Figure 2 of the extended Raft paper (Ongaro and Ousterhout, 2014), plus the conflict-term
/// hint for fast back-up (section 5.3) and log compaction by snapshots with InstallSnapshot (section 7,
/// Figure 13; see <see cref="Snapshot"/>). No threads, timers or I/O: the caller
/// delivers messages and ticks, in any order, and must persist <see cref="RaftOutput.PersistentState"/>
/// before sending. Election timeouts are drawn from a seeded <see cref="Xoshiro256StarStar"/>, anew at
/// every reset, so a run is a function of the inputs and the seed. The shape follows etcd's raft package;
/// the code is this workbook's own.
/// </remarks>
public sealed partial class RaftNode
{
    private readonly int[] peers;
    private readonly Dictionary<int, long> nextIndex = [];
    private readonly Dictionary<int, long> matchIndex = [];
    private readonly HashSet<int> votesGranted = [];
    private readonly List<RaftMessage> outbox = [];
    private readonly List<RoleChange> roleChanges = [];
    private readonly ElectionTimeoutContext timeoutContext;
    private Xoshiro256StarStar random;
    private ImmutableList<LogEntry> log;
    private RaftSnapshot snapshot;
    private RaftSnapshot installedSnapshot = RaftSnapshot.None;
    private CompactedLog? compactedView;
    private RaftPersistentState persistentState;
    private bool persistentStateChanged;
    private int electionElapsedTicks;
    private int heartbeatElapsedTicks;

    /// <summary>Creates a node that starts as a follower, either new or restarted from the state it persisted before a crash.</summary>
    /// <param name="options">The node's id, cluster and timing.</param>
    /// <param name="seed">The seed of the generator that draws election timeouts.</param>
    /// <param name="persisted">The state the node last persisted, or null (the default) for a node that has never run.</param>
    /// <param name="rules">The rules the node follows, or null (the default) for <see cref="RaftRules.Standard"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The persisted vote names a node outside the cluster.</exception>
    /// <exception cref="InvalidOperationException">The rules' election timeout is below 1 tick.</exception>
    public RaftNode(RaftOptions options, long seed, RaftPersistentState? persisted = null, RaftRules? rules = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        persisted ??= RaftPersistentState.Initial;
        if (persisted.HasVoted && !options.ClusterNodeIds.Contains(persisted.VotedFor.Value))
        {
            throw new ArgumentException(
                $"{nameof(persisted)}.VotedFor must be one of the cluster's node ids [{string.Join(", ", options.ClusterNodeIds)}]; got {persisted.VotedFor.Value.ToString(CultureInfo.InvariantCulture)}.",
                nameof(persisted));
        }

        Options = options;
        Rules = rules ?? RaftRules.Standard;
        peers = [.. options.ClusterNodeIds.Where(id => id != options.NodeId)];
        random = new Xoshiro256StarStar(seed);
        timeoutContext = new ElectionTimeoutContext(options.ElectionTimeoutMinTicks, options.ElectionTimeoutMaxTicks, () => random.NextUInt64());
        CurrentTerm = persisted.CurrentTerm;
        VotedFor = persisted.VotedFor;
        log = persisted.Log;
        snapshot = persisted.Snapshot;

        // Section 7: the entries a snapshot replaced were committed and applied (the application loads the snapshot itself).
        CommitIndex = snapshot.LastIncludedIndex;
        LastApplied = snapshot.LastIncludedIndex;
        persistentState = persisted;
        ResetElectionTimer();
    }

    /// <summary>The options the node was created with.</summary>
    public RaftOptions Options { get; }

    /// <summary>The rules the node follows (<see cref="RaftRules.Standard"/> unless a learner's code or a planted bug replaces a piece).</summary>
    public RaftRules Rules { get; }

    /// <summary>This node's id.</summary>
    public int Id => Options.NodeId;

    /// <summary>The node's current role.</summary>
    public RaftRole Role { get; private set; }

    /// <summary>The latest term the node has seen (persistent).</summary>
    public long CurrentTerm { get; private set; }

    /// <summary>Whether the node has voted in <see cref="CurrentTerm"/>.</summary>
    [MemberNotNullWhen(true, nameof(VotedFor))]
    public bool HasVoted => VotedFor is not null;

    /// <summary>The candidate voted for in <see cref="CurrentTerm"/> (persistent); null exactly when <see cref="HasVoted"/> is false.</summary>
    public int? VotedFor { get; private set; }

    /// <summary>The log (persistent), entry i at position i − 1; a <see cref="CompactedLog"/> once a snapshot replaced its prefix.</summary>
    public IReadOnlyList<LogEntry> Log => LogView;

    /// <summary>The snapshot that replaced the log's prefix (persistent); <see cref="RaftSnapshot.None"/> until the first <see cref="Snapshot"/> or InstallSnapshot.</summary>
    public RaftSnapshot CurrentSnapshot => snapshot;

    /// <summary>The index of the last log entry, 0 for an empty log (the snapshot's index when no entry follows it).</summary>
    public long LastLogIndex => snapshot.LastIncludedIndex + log.Count;

    /// <summary>The term of the last log entry, 0 for an empty log.</summary>
    public long LastLogTerm => TermAt(LastLogIndex);

    /// <summary>The highest index known to be committed (volatile: after a restart, the snapshot's index, or 0, until a leader says more).</summary>
    public long CommitIndex { get; private set; }

    /// <summary>The highest index handed out in <see cref="RaftOutput.CommittedEntries"/> (volatile).</summary>
    public long LastApplied { get; private set; }

    /// <summary>Whether the node knows the leader of its current term.</summary>
    [MemberNotNullWhen(true, nameof(KnownLeaderId))]
    public bool KnowsLeader => KnownLeaderId is not null;

    /// <summary>The leader of <see cref="CurrentTerm"/> as far as this node knows; null exactly when <see cref="KnowsLeader"/> is false.</summary>
    public int? KnownLeaderId { get; private set; }

    /// <summary>The election timeout currently drawn, in ticks (redrawn at every reset of the election timer).</summary>
    public int ElectionTimeoutTicks { get; private set; }

    /// <summary>Ticks since the election timer was last reset.</summary>
    public int ElectionElapsedTicks => electionElapsedTicks;

    /// <summary>The persistent state as the node holds it now.</summary>
    public RaftPersistentState PersistentState => CurrentPersistentState();

    /// <summary>On a leader, the next index to send to each peer; empty on other roles.</summary>
    public IReadOnlyDictionary<int, long> NextIndex => nextIndex;

    /// <summary>On a leader, the highest index known to be replicated on each peer; empty on other roles.</summary>
    public IReadOnlyDictionary<int, long> MatchIndex => matchIndex;

    /// <summary>Advances the logical clock by one tick: a leader may send heartbeats; a follower or candidate may start an election.</summary>
    /// <returns>The messages and changes the tick caused.</returns>
    public RaftOutput Tick()
    {
        if (Role == RaftRole.Leader)
        {
            heartbeatElapsedTicks++;
            if (heartbeatElapsedTicks >= Options.HeartbeatIntervalTicks)
            {
                heartbeatElapsedTicks = 0;
                BroadcastAppendEntries();
            }
        }
        else
        {
            electionElapsedTicks++;
            if (electionElapsedTicks >= ElectionTimeoutTicks)
            {
                StartElection();
            }
        }

        return TakeOutput();
    }

    /// <summary>Delivers one message to this node.</summary>
    /// <param name="message">A message addressed to this node from another node of the cluster.</param>
    /// <returns>The messages and changes the message caused.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is null.</exception>
    /// <exception cref="ArgumentException">The message is not addressed to this node, comes from outside the cluster, or carries malformed entries.</exception>
    /// <exception cref="InvalidOperationException">The message would make the node overwrite a committed entry: the cluster has broken Raft's safety.</exception>
    public RaftOutput Step(RaftMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.To != Id)
        {
            throw new ArgumentException(
                $"{nameof(message)}.To must be this node's id {Id.ToString(CultureInfo.InvariantCulture)}; got {message.To.ToString(CultureInfo.InvariantCulture)}.",
                nameof(message));
        }

        if (message.From == Id || !peers.Contains(message.From))
        {
            throw new ArgumentException(
                $"{nameof(message)}.From must be another node of the cluster [{string.Join(", ", Options.ClusterNodeIds)}]; got {message.From.ToString(CultureInfo.InvariantCulture)}.",
                nameof(message));
        }

        var isResponse = message is RequestVoteResponse or AppendEntriesResponse or InstallSnapshotResponse;
        if (isResponse && message.Term > CurrentTerm && !Rules.StepsDownOnHigherTermInResponse)
        {
            // A planted bug (RaftRules.StepsDownOnHigherTermInResponse = false): the newer term goes unheard.
            return AfterMessage();
        }

        // Figure 2, rules for all servers: a higher term in any message makes this node a follower of that term first.
        if (message.Term > CurrentTerm)
        {
            BecomeFollower(message.Term);
        }

        if (message.Term < CurrentTerm)
        {
            if (message is RequestVoteResponse lateVote && !Rules.CountsOnlyCurrentTermVotes)
            {
                // A planted bug (RaftRules.CountsOnlyCurrentTermVotes = false): a vote from an earlier term counts.
                HandleRequestVoteResponse(lateVote);
            }
            else
            {
                AnswerStaleSender(message);
            }
        }
        else
        {
            switch (message)
            {
                case RequestVote request: HandleRequestVote(request); break;
                case RequestVoteResponse response: HandleRequestVoteResponse(response); break;
                case AppendEntries append: HandleAppendEntries(append); break;
                case AppendEntriesResponse response: HandleAppendEntriesResponse(response); break;
                case InstallSnapshot install: HandleInstallSnapshot(install); break;
                case InstallSnapshotResponse response: HandleInstallSnapshotResponse(response); break;
                default: throw new ArgumentException($"{nameof(message)} must be one of the six Raft messages; got {message.GetType().Name}.", nameof(message));
            }
        }

        return AfterMessage();
    }

    /// <summary>Asks this node to append a client command to the replicated log.</summary>
    /// <param name="command">The command, any text.</param>
    /// <returns>On the leader, the appended entry and the AppendEntries that carry it; on any other node, a refusal with the reason.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="command"/> is null.</exception>
    public ProposalResult Propose(string command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (Role != RaftRole.Leader)
        {
            var knownLeader = KnowsLeader
                ? string.Create(CultureInfo.InvariantCulture, $"node {KnownLeaderId.Value} leads term {CurrentTerm}")
                : "it knows no leader in this term";
            var reason = string.Create(
                CultureInfo.InvariantCulture,
                $"node {Id} is a {Role.ToString().ToLowerInvariant()} in term {CurrentTerm}, not the leader; {knownLeader}.");
            return new ProposalResult(null, KnownLeaderId, reason, TakeOutput());
        }

        var entry = AppendToOwnLog(command, isNoOp: false);
        foreach (var peer in peers)
        {
            SendAppendEntries(peer);
        }

        AdvanceLeaderCommitIndex();
        var accepted = string.Create(
            CultureInfo.InvariantCulture,
            $"appended at index {entry.Index} in term {entry.Term}; it commits once a majority ({Options.Quorum} of {Options.ClusterNodeIds.Count}) stores it.");
        return new ProposalResult(entry, null, accepted, TakeOutput());
    }

    /// <summary>
    /// The application has applied every entry through <paramref name="index"/> and hands over its state:
    /// the node replaces those entries by a snapshot (extended Raft paper, section 7) and must persist it.
    /// </summary>
    /// <param name="index">The last entry the state includes: above the current snapshot's index, at most <see cref="LastApplied"/>.</param>
    /// <param name="stateMachineState">The application's state after applying that entry (opaque to Raft).</param>
    /// <returns>The new persistent state (log and snapshot together) to save; no messages.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stateMachineState"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not above the current snapshot or not yet applied.</exception>
    public RaftOutput Snapshot(long index, string stateMachineState)
    {
        ArgumentNullException.ThrowIfNull(stateMachineState);
        var offset = snapshot.LastIncludedIndex;
        if (index <= offset || index > LastApplied)
        {
            throw Guard.OutOfRange(
                nameof(index),
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"an index above the current snapshot's last index ({offset}) and at most the last applied index ({LastApplied}): only applied entries can be replaced, and a snapshot never goes back"),
                index.ToString(CultureInfo.InvariantCulture));
        }

        var term = TermAt(index);
        log = log.RemoveRange(0, checked((int)(index - offset)));
        snapshot = new RaftSnapshot(index, term, stateMachineState);
        MarkPersistentStateChanged();
        return TakeOutput();
    }

    private RaftOutput AfterMessage()
    {
        if (!Rules.ResetsTimerOnlyOnLeaderOrGrantedVote && Role != RaftRole.Leader)
        {
            // A planted bug (RaftRules.ResetsTimerOnlyOnLeaderOrGrantedVote = false): any message holds off an election.
            ResetElectionTimer();
        }

        return TakeOutput();
    }

    private InvalidOperationException RuleFailed(string rule, string detail) =>
        new(string.Create(CultureInfo.InvariantCulture, $"RaftRules.{rule} (rules \"{Rules.Name}\") on node {Id}: {detail}."));

    private IReadOnlyList<LogEntry> LogView
    {
        get
        {
            if (!snapshot.Exists)
            {
                return log;
            }

            if (compactedView is null || !ReferenceEquals(compactedView.Retained, log) || compactedView.SnapshotIndex != snapshot.LastIncludedIndex)
            {
                compactedView = CompactedLog.Trusted(snapshot.LastIncludedIndex, snapshot.LastIncludedTerm, log);
            }

            return compactedView;
        }
    }

    private long TermAt(long index)
    {
        // Without a snapshot, index 0 has term 0; with one, its last index has its term.
        var offset = snapshot.LastIncludedIndex;
        if (index == offset)
        {
            return snapshot.LastIncludedTerm;
        }

        if (index < offset)
        {
            throw new InvalidOperationException(string.Create(
                CultureInfo.InvariantCulture, $"node {Id} read the term of entry {index}, compacted into its snapshot through {offset}."));
        }

        return log[checked((int)(index - offset - 1))].Term;
    }

    private LogEntry EntryAt(long index) => log[checked((int)(index - snapshot.LastIncludedIndex - 1))];

    private void Send(RaftMessage message) => outbox.Add(message);

    private void ChangeRole(RaftRole role)
    {
        roleChanges.Add(new RoleChange(Role, role, CurrentTerm));
        Role = role;
    }

    private void MarkPersistentStateChanged() => persistentStateChanged = true;

    private RaftPersistentState CurrentPersistentState()
    {
        var vote = Rules.PersistsVote ? VotedFor : null;
        if (persistentState.CurrentTerm != CurrentTerm || persistentState.VotedFor != vote || !ReferenceEquals(persistentState.Log, log)
            || !ReferenceEquals(persistentState.Snapshot, snapshot))
        {
            persistentState = new RaftPersistentState(CurrentTerm, vote, log, snapshot, trusted: true);
        }

        return persistentState;
    }

    private RaftOutput TakeOutput()
    {
        var committed = new List<LogEntry>();
        while (LastApplied < CommitIndex)
        {
            LastApplied++;
            committed.Add(EntryAt(LastApplied));
        }

        var output = new RaftOutput([.. outbox], persistentStateChanged, CurrentPersistentState(), committed, [.. roleChanges]);
        if (installedSnapshot.Exists)
        {
            output = output with { InstalledSnapshot = installedSnapshot };
            installedSnapshot = RaftSnapshot.None;
        }

        outbox.Clear();
        roleChanges.Clear();
        persistentStateChanged = false;
        return output;
    }

    private void ResetElectionTimer()
    {
        electionElapsedTicks = 0;
        var ticks = Rules.ElectionTimeout(timeoutContext);
        if (ticks < 1)
        {
            throw RuleFailed(nameof(RaftRules.ElectionTimeout), $"returned {ticks} ticks; an election timeout must be at least 1 tick");
        }

        ElectionTimeoutTicks = ticks;
    }
}
