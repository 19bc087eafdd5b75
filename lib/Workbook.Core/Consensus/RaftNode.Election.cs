namespace Workbook.Core.Consensus;

/// <content>Terms, votes and roles (extended Raft paper, sections 5.1, 5.2 and 5.4.1).</content>
public sealed partial class RaftNode
{
    private void BecomeFollower(long term)
    {
        var wasFollower = Role == RaftRole.Follower;
        if (term > CurrentTerm)
        {
            CurrentTerm = term;
            VotedFor = null;
            KnownLeaderId = null;
            MarkPersistentStateChanged();
        }

        ChangeRole(RaftRole.Follower);
        nextIndex.Clear();
        matchIndex.Clear();
        votesGranted.Clear();

        // Implementation note: a follower that only learns a higher term keeps its timer running (a node
        // with a stale log must not be able to hold off elections by sending RequestVotes); a leader or
        // candidate that steps down starts a fresh timeout, since its election timer was not counting.
        if (!wasFollower)
        {
            ResetElectionTimer();
        }
    }

    private void StartElection()
    {
        CurrentTerm++;
        VotedFor = Id;
        KnownLeaderId = null;
        MarkPersistentStateChanged();
        ChangeRole(RaftRole.Candidate);
        ResetElectionTimer();
        votesGranted.Clear();
        votesGranted.Add(Id);
        if (WinsElection())
        {
            BecomeLeader();
            return;
        }

        foreach (var peer in peers)
        {
            Send(new RequestVote(Id, peer, CurrentTerm, LastLogIndex, LastLogTerm));
        }
    }

    private void HandleRequestVote(RequestVote request)
    {
        // Sections 5.2 and 5.4.1 (StandardRaftRules.GrantVote): one vote per term, for an up-to-date candidate.
        var grant = Rules.GrantVote(new VoteRequestContext(VotedFor, request.From, request.LastLogIndex, request.LastLogTerm, LastLogIndex, LastLogTerm));
        if (grant)
        {
            if (VotedFor != request.From)
            {
                VotedFor = request.From;
                if (Rules.PersistsVote)
                {
                    MarkPersistentStateChanged();
                }
            }

            ResetElectionTimer();
        }

        Send(new RequestVoteResponse(Id, request.From, CurrentTerm, grant));
    }

    private void HandleRequestVoteResponse(RequestVoteResponse response)
    {
        if (Role != RaftRole.Candidate || !response.VoteGranted)
        {
            return;
        }

        votesGranted.Add(response.From);
        if (WinsElection())
        {
            BecomeLeader();
        }
    }

    private bool WinsElection() => Rules.WinsElection(new ElectionTallyContext(votesGranted.Count, Options.ClusterNodeIds.Count));

    private void BecomeLeader()
    {
        ChangeRole(RaftRole.Leader);
        KnownLeaderId = Id;
        votesGranted.Clear();
        heartbeatElapsedTicks = 0;
        foreach (var peer in peers)
        {
            nextIndex[peer] = LastLogIndex + 1;
            matchIndex[peer] = 0;
        }

        if (Options.AppendNoOpOnElection)
        {
            AppendToOwnLog(string.Empty, isNoOp: true);
        }

        // Announce the term at once (Figure 2: "upon election: send initial empty AppendEntries").
        BroadcastAppendEntries();
        AdvanceLeaderCommitIndex();
    }

    private void AnswerStaleSender(RaftMessage message)
    {
        // A sender of an older term learns the current one from the answer and steps down; stale replies are dropped.
        switch (message)
        {
            case RequestVote request:
                Send(new RequestVoteResponse(Id, request.From, CurrentTerm, VoteGranted: false));
                break;
            case AppendEntries append:
                Send(new AppendEntriesResponse(Id, append.From, CurrentTerm, Success: false, MatchIndex: 0, ConflictTerm: 0, ConflictIndex: 0));
                break;
            case InstallSnapshot install:
                Send(new InstallSnapshotResponse(Id, install.From, CurrentTerm, MatchIndex: 0));
                break;
        }
    }
}
