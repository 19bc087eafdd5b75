// Reference answers for notebooks/ep21-raft.ipynb, one block per exercise (see the ep01 file for the format).
// The notebook's using cell brings in Workbook.Core.Consensus and Workbook.Core.Consensus.Linearizability.

// exercise: ep21.quorum
int Quorum(int clusterSize) => clusterSize / 2 + 1;                  // more than half: any two majorities share a node

// exercise: ep21.up-to-date
bool AtLeastAsUpToDate(long candidateLastTerm, long candidateLastIndex, long ownLastTerm, long ownLastIndex) =>
    candidateLastTerm != ownLastTerm
        ? candidateLastTerm > ownLastTerm                              // the later last term wins, whatever the lengths
        : candidateLastIndex >= ownLastIndex;                          // same last term: the longer (or equal) log

// exercise: ep21.grant-vote
bool GrantVote(VoteRequestContext c)
{
    if (c.HasVoted && c.VotedFor != c.CandidateId)
    {
        return false;                                                  // one vote per term (a repeat to the same candidate is fine)
    }

    return c.CandidateLastLogTerm > c.OwnLastLogTerm
        || (c.CandidateLastLogTerm == c.OwnLastLogTerm && c.CandidateLastLogIndex >= c.OwnLastLogIndex);
}

// exercise: ep21.log-matches
bool LogMatches(LogMatchContext c) =>
    c.PrevLogIndex <= c.Log.LastIndex() && c.Log.TermAt(c.PrevLogIndex) == c.PrevLogTerm;

// exercise: ep21.merge-entries
IReadOnlyList<LogEntry> MergeEntries(MergeEntriesContext c)
{
    var log = c.Log.ToList();
    foreach (var entry in c.Entries)
    {
        if (entry.Index <= log.Count && log[(int)entry.Index - 1].Term == entry.Term)
        {
            continue;                                                  // already there: keep it (a stale message must not cut)
        }

        if (entry.Index <= log.Count)
        {
            log.RemoveRange((int)entry.Index - 1, log.Count - (int)entry.Index + 1);   // first conflict: drop it and all after
        }

        log.Add(entry);
    }

    return log;
}

// exercise: ep21.follower-commit
long FollowerCommitIndex(FollowerCommitContext c) =>
    Math.Max(c.CommitIndex, Math.Min(c.LeaderCommit, c.LastNewEntryIndex));

// exercise: ep21.leader-commit
long LeaderCommitIndex(LeaderCommitContext c)
{
    for (var n = c.Log.LastIndex(); n > c.CommitIndex && c.Log.TermAt(n) == c.CurrentTerm; n--)
    {
        var stored = c.MatchIndexes.Count(m => m >= n);                // the leader's own entry is in MatchIndexes
        if (stored >= c.Quorum)
        {
            return n;                                                  // earlier entries commit with it (Log Matching)
        }
    }

    return c.CommitIndex;
}

// exercise: ep21.election-timeout
int ElectionTimeout(int minTicks, int maxTicks, double uniform) =>
    minTicks + (int)Math.Floor(uniform * (maxTicks - minTicks + 1));   // maxTicks − minTicks + 1 equally likely values

// exercise: ep21.conflict-hint
ConflictHint ConflictHint(ConflictHintContext c)
{
    if (c.PrevLogIndex > c.Log.LastIndex())
    {
        return new ConflictHint(0, c.Log.LastIndex() + 1);             // too short: resume after my last entry
    }

    var term = c.Log.TermAt(c.PrevLogIndex);
    var first = c.PrevLogIndex;
    while (first > 1 && c.Log.TermAt(first - 1) == term)
    {
        first--;                                                       // back to the first entry of that term
    }

    return new ConflictHint(term, first);
}

// exercise: ep21.next-index
long NextIndexAfterRejection(NextIndexContext c)
{
    var next = c.ConflictIndex;
    if (c.ConflictTerm > 0)
    {
        for (var i = c.Log.LastIndex(); i >= 1; i--)
        {
            if (c.Log.TermAt(i) == c.ConflictTerm)
            {
                next = i + 1;                                          // the leader has that term: resume after its last entry
                break;
            }
        }
    }

    return Math.Min(c.NextIndex, Math.Max(next, c.MatchIndex + 1));    // never below the known match, never raised by a late reply
}

// exercise: ep21.messages-per-command
int MessagesPerCommand(int clusterSize) => 2 * (clusterSize - 1);     // AppendEntries out, response back, per follower

// exercise: ep21.pbft-messages
long PbftMessagesPerRequest(int replicas)
{
    long n = replicas;
    return (n - 1) + (n - 1) * (n - 1) + n * (n - 1);                  // pre-prepare, prepare (backups), commit (all)
}

// exercise: ep21.linearizable
bool IsLinearizable(IReadOnlyList<Operation<KvInput, KvOutput>> history)
{
    // Depth-first search over orders: pick any operation not yet placed that no other unplaced, answered
    // operation must precede (it responded before this one was invoked); replay it on the register.
    var placed = new bool[history.Count];
    bool Search(string? value, int done)
    {
        if (history.Where((o, i) => !placed[i]).All(o => !o.HasResponse))
        {
            return true;                                               // only pending operations left: they may never take effect
        }

        for (var i = 0; i < history.Count; i++)
        {
            if (placed[i])
            {
                continue;
            }

            var op = history[i];
            var mustWait = history.Where((o, j) => !placed[j] && j != i).Any(o => o.HasResponse && o.RespondedAt < op.InvokedAt);
            if (mustWait)
            {
                continue;
            }

            string? next = value;
            if (op.Input.Kind == KvOperationKind.Get)
            {
                var seen = op.HasResponse ? (op.Output!.HasValue ? op.Output.Value : null) : value;
                if (seen != value)
                {
                    continue;
                }
            }
            else if (op.Input.Kind == KvOperationKind.Put)
            {
                next = op.Input.Value;
            }
            else
            {
                next = (value ?? "") + op.Input.Value;
            }

            placed[i] = true;
            if (Search(next, done + 1))
            {
                return true;
            }

            placed[i] = false;
        }

        return false;
    }

    return Search(null, 0);
}
