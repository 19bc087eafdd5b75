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
        if (votesGranted.Count >= Options.Quorum)
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
        // Section 5.4.1: vote only for a candidate whose log is at least as up-to-date as ours — a later
        // last term wins; with equal last terms, the longer log wins.
        var candidateIsUpToDate = request.LastLogTerm > LastLogTerm
            || (request.LastLogTerm == LastLogTerm && request.LastLogIndex >= LastLogIndex);

        // Section 5.2: at most one vote per term, first come first served (a repeated request from the
        // same candidate gets the same answer, since its reply may have been lost).
        var mayVote = VotedFor is null || VotedFor == request.From;
        var grant = mayVote && candidateIsUpToDate;
        if (grant)
        {
            if (VotedFor != request.From)
            {
                VotedFor = request.From;
                MarkPersistentStateChanged();
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
        if (votesGranted.Count >= Options.Quorum)
        {
            BecomeLeader();
        }
    }

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
        }
    }
}
