namespace Workbook.Core.Consensus;

/// <summary>
/// The pluggable rules of a <see cref="RaftNode"/>: the pieces of Raft a learner writes in the exercises,
/// and a few switches for mistakes that are not a rule function. <see cref="Standard"/> is the paper's Raft.
/// </summary>
/// <remarks>
/// Change one piece with <c>with</c>: <c>RaftRules.Standard with { GrantVote = MyGrantVote, Name = "mine" }</c>.
/// Each rule sees a small context record (plain values and read-only logs, never the node). The node keeps
/// the term handling and checks every result: an impossible one (a timeout below 1 tick, a commit index
/// beyond the log or going back, a merged log that changes a committed entry) throws an
/// <see cref="InvalidOperationException"/> naming the rule. The switches are named for what correct Raft
/// does, so a planted bug reads <c>Standard with { PersistsVote = false }</c> (see <see cref="PlantedBugs"/>).
/// </remarks>
public sealed record RaftRules
{
    private string name = "standard";
    private Func<VoteRequestContext, bool> grantVote = StandardRaftRules.GrantVote;
    private Func<ElectionTallyContext, bool> winsElection = StandardRaftRules.WinsElection;
    private Func<LogMatchContext, bool> logMatches = StandardRaftRules.LogMatches;
    private Func<ConflictHintContext, ConflictHint> conflictHint = StandardRaftRules.ConflictHint;
    private Func<MergeEntriesContext, IReadOnlyList<LogEntry>> mergeEntries = StandardRaftRules.MergeEntries;
    private Func<FollowerCommitContext, long> followerCommitIndex = StandardRaftRules.FollowerCommitIndex;
    private Func<LeaderCommitContext, long> leaderCommitIndex = StandardRaftRules.LeaderCommitIndex;
    private Func<ElectionTimeoutContext, int> electionTimeout = StandardRaftRules.ElectionTimeout;
    private Func<NextIndexContext, long> nextIndexAfterRejection = StandardRaftRules.NextIndexAfterRejection;

    private RaftRules()
    {
    }

    /// <summary>The rules of the extended Raft paper (<see cref="StandardRaftRules"/>), every switch on.</summary>
    public static RaftRules Standard { get; } = new();

    /// <summary>A name for reports and transcripts.</summary>
    /// <value>The default is "standard".</value>
    /// <exception cref="ArgumentException">The name is null, empty or white space.</exception>
    public string Name { get => name; init => name = Guard.NotBlank(value, nameof(Name)); }

    /// <summary>Whether a voter grants its vote (<see cref="StandardRaftRules.GrantVote"/>).</summary>
    public Func<VoteRequestContext, bool> GrantVote { get => grantVote; init => grantVote = NotNull(value, nameof(GrantVote)); }

    /// <summary>Whether a candidate's votes make it leader (<see cref="StandardRaftRules.WinsElection"/>).</summary>
    public Func<ElectionTallyContext, bool> WinsElection { get => winsElection; init => winsElection = NotNull(value, nameof(WinsElection)); }

    /// <summary>The AppendEntries consistency check (<see cref="StandardRaftRules.LogMatches"/>).</summary>
    public Func<LogMatchContext, bool> LogMatches { get => logMatches; init => logMatches = NotNull(value, nameof(LogMatches)); }

    /// <summary>The follower's back-up hint on a rejection (<see cref="StandardRaftRules.ConflictHint"/>).</summary>
    public Func<ConflictHintContext, ConflictHint> ConflictHint { get => conflictHint; init => conflictHint = NotNull(value, nameof(ConflictHint)); }

    /// <summary>The follower's log after a matching AppendEntries (<see cref="StandardRaftRules.MergeEntries"/>).</summary>
    public Func<MergeEntriesContext, IReadOnlyList<LogEntry>> MergeEntries { get => mergeEntries; init => mergeEntries = NotNull(value, nameof(MergeEntries)); }

    /// <summary>The follower's new commit index (<see cref="StandardRaftRules.FollowerCommitIndex"/>).</summary>
    public Func<FollowerCommitContext, long> FollowerCommitIndex { get => followerCommitIndex; init => followerCommitIndex = NotNull(value, nameof(FollowerCommitIndex)); }

    /// <summary>The leader's new commit index (<see cref="StandardRaftRules.LeaderCommitIndex"/>).</summary>
    public Func<LeaderCommitContext, long> LeaderCommitIndex { get => leaderCommitIndex; init => leaderCommitIndex = NotNull(value, nameof(LeaderCommitIndex)); }

    /// <summary>The election timeout drawn at every reset of the timer, in ticks (<see cref="StandardRaftRules.ElectionTimeout"/>).</summary>
    public Func<ElectionTimeoutContext, int> ElectionTimeout { get => electionTimeout; init => electionTimeout = NotNull(value, nameof(ElectionTimeout)); }

    /// <summary>The leader's nextIndex for a follower that rejected a probe (<see cref="StandardRaftRules.NextIndexAfterRejection"/>).</summary>
    public Func<NextIndexContext, long> NextIndexAfterRejection { get => nextIndexAfterRejection; init => nextIndexAfterRejection = NotNull(value, nameof(NextIndexAfterRejection)); }

    /// <summary>Whether a vote is written to stable storage (with the term) before the answer is sent (Figure 2, persistent state).</summary>
    /// <value>The default is true; false keeps the vote in memory only, so a node that restarts may vote again in the same term.</value>
    public bool PersistsVote { get; init; } = true;

    /// <summary>Whether a follower resets its election timer only on an AppendEntries from the current leader or on granting a vote (Figure 2, rules for followers).</summary>
    /// <value>The default is true; false resets it on every message, including RequestVotes it rejects, so a stale candidate can hold off every election.</value>
    public bool ResetsTimerOnlyOnLeaderOrGrantedVote { get; init; } = true;

    /// <summary>Whether a response carrying a higher term makes the node a follower of that term (Figure 2, rules for all servers).</summary>
    /// <value>The default is true; false ignores such responses, so a deposed leader or stale candidate carries on in its old term.</value>
    public bool StepsDownOnHigherTermInResponse { get; init; } = true;

    /// <summary>Whether a candidate counts only votes granted in its current term (a vote answers a request of one term).</summary>
    /// <value>The default is true; false also counts late votes granted in its earlier terms.</value>
    public bool CountsOnlyCurrentTermVotes { get; init; } = true;

    /// <inheritdoc/>
    public override string ToString() => $"RaftRules {Name}";

    private static T NotNull<T>(T value, string paramName)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(value, paramName);
        return value;
    }
}
