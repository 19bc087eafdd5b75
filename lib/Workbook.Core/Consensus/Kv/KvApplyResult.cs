using System.Diagnostics.CodeAnalysis;
using Workbook.Core.Consensus.Linearizability;

namespace Workbook.Core.Consensus.Kv;

/// <summary>What applying one log entry to a <see cref="KvStateMachine"/> did: executed it, recognised a duplicate, or skipped a no-op.</summary>
/// <remarks>
/// A duplicate of the client's latest command answers the saved output without executing again; an
/// older duplicate has no saved output (the client has moved on), so <see cref="HasOutput"/> is false.
/// </remarks>
public sealed record KvApplyResult
{
    internal KvApplyResult(bool isExecuted, KvOutput? output, string reason)
    {
        IsExecuted = isExecuted;
        Output = output;
        Reason = reason;
    }

    /// <summary>Whether the command changed (or read) the state now; false for a duplicate or a no-op.</summary>
    public bool IsExecuted { get; }

    /// <summary>Whether there is an answer for the client.</summary>
    [MemberNotNullWhen(true, nameof(Output))]
    public bool HasOutput => Output is not null;

    /// <summary>The answer for the client; null exactly when <see cref="HasOutput"/> is false.</summary>
    public KvOutput? Output { get; }

    /// <summary>What happened, in words.</summary>
    public string Reason { get; }
}
