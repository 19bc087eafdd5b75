// Typical wrong answers for notebooks/ep21-raft.ipynb; every check must report "failed".

// exercise: ep21.quorum
int Quorum(int clusterSize) => (clusterSize - 1) / 2 + 1;              // the seed's votes > len(peers) / 2: half of an even cluster

// exercise: ep21.up-to-date
bool AtLeastAsUpToDate(long candidateLastTerm, long candidateLastIndex, long ownLastTerm, long ownLastIndex) =>
    candidateLastIndex >= ownLastIndex;                                // the longer log wins, terms ignored

// exercise: ep21.grant-vote
bool GrantVote(VoteRequestContext c) =>
    c.CandidateLastLogTerm > c.OwnLastLogTerm
    || (c.CandidateLastLogTerm == c.OwnLastLogTerm && c.CandidateLastLogIndex >= c.OwnLastLogIndex);   // forgets the vote already cast

// exercise: ep21.log-matches
bool LogMatches(LogMatchContext c) =>
    c.PrevLogIndex <= c.Log.LastIndex()
    && (c.Entries.Count == 0 || c.Log.TermAt(c.PrevLogIndex) == c.Entries[0].Term);   // the seed: compares the first new entry's term

// exercise: ep21.merge-entries
IReadOnlyList<LogEntry> MergeEntries(MergeEntriesContext c) =>
    c.Log.Take((int)c.PrevLogIndex).Concat(c.Entries).ToList();       // always cuts after PrevLogIndex, even on a stale message

// exercise: ep21.follower-commit
long FollowerCommitIndex(FollowerCommitContext c) =>
    Math.Max(c.CommitIndex, c.LeaderCommit);                           // trusts leaderCommit beyond the entries just checked

// exercise: ep21.leader-commit
long LeaderCommitIndex(LeaderCommitContext c)
{
    for (var n = c.Log.LastIndex(); n > c.CommitIndex; n--)
    {
        if (c.MatchIndexes.Count(m => m >= n) >= c.Quorum)
        {
            return n;                                                  // counts replicas of any term: Figure 8's bug
        }
    }

    return c.CommitIndex;
}

// exercise: ep21.election-timeout
int ElectionTimeout(int minTicks, int maxTicks, double uniform) => minTicks;   // the same timeout everywhere

// exercise: ep21.conflict-hint
ConflictHint ConflictHint(ConflictHintContext c) =>
    c.PrevLogIndex > c.Log.LastIndex()
        ? new ConflictHint(0, c.Log.LastIndex() + 1)
        : new ConflictHint(c.Log.TermAt(c.PrevLogIndex), c.PrevLogIndex);   // no scan back to the term's first entry

// exercise: ep21.next-index
long NextIndexAfterRejection(NextIndexContext c) => Math.Max(c.NextIndex - 1, c.MatchIndex + 1);   // one entry per round trip

// exercise: ep21.messages-per-command
int MessagesPerCommand(int clusterSize) => clusterSize - 1;            // forgot the responses

// exercise: ep21.pbft-messages
long PbftMessagesPerRequest(int replicas) => (replicas - 1) + 2L * replicas * replicas;   // n² per all-to-all phase

// exercise: ep21.linearizable
bool IsLinearizable(IReadOnlyList<Operation<KvInput, KvOutput>> history)
{
    string? value = null;                                              // replays in invocation order: no concurrency, no pending writes
    foreach (var op in history.Where(o => o.HasResponse).OrderBy(o => o.InvokedAt))
    {
        if (op.Input.Kind == KvOperationKind.Put)
        {
            value = op.Input.Value;
        }
        else if ((op.Output!.HasValue ? op.Output.Value : null) != value)
        {
            return false;
        }
    }

    return true;
}
