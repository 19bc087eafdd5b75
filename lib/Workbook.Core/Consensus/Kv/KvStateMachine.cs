using System.Globalization;
using Workbook.Core.Consensus.Linearizability;

namespace Workbook.Core.Consensus.Kv;

/// <summary>
/// The key-value state machine each Raft node applies its committed entries to: get, put and append,
/// with client sessions that make a retried command take effect once.
/// </summary>
/// <remarks>
/// A session remembers, per client, the last sequence number executed and its output (MIT 6.5840's
/// "duplicate detection"): a command whose sequence number is not above it is a duplicate (a retry that
/// was appended to the log twice) and is answered from the saved output, not executed again. With
/// sessions off every command executes, so a retried append lands twice: kept only to show why
/// sessions exist. Entries must arrive in log order; no-ops are skipped.
/// </remarks>
public sealed class KvStateMachine
{
    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);
    private readonly Dictionary<int, (long Sequence, KvOutput Output)> sessions = [];

    /// <summary>Creates an empty store.</summary>
    /// <param name="useSessions">Whether duplicates are detected; true by default.</param>
    public KvStateMachine(bool useSessions = true) => UseSessions = useSessions;

    /// <summary>Whether duplicates are detected.</summary>
    public bool UseSessions { get; }

    /// <summary>The index of the last log entry applied, 0 before any.</summary>
    public long LastAppliedIndex { get; private set; }

    /// <summary>How many commands were executed (duplicates and no-ops not counted).</summary>
    public int ExecutedCount { get; private set; }

    /// <summary>The keys and their values now.</summary>
    public IReadOnlyDictionary<string, string> Values => values;

    /// <summary>Reads a key from the local state, as it is now (no session, no log).</summary>
    /// <param name="key">The key.</param>
    public KvOutput Read(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return values.TryGetValue(key, out var value) ? KvOutput.Of(value) : KvOutput.Absent;
    }

    /// <summary>Applies the next committed log entry.</summary>
    /// <param name="entry">The entry at index <see cref="LastAppliedIndex"/> + 1: a no-op or a command written by <see cref="KvCommand.Encode"/>.</param>
    /// <exception cref="ArgumentException">The entry is out of order or its command does not parse.</exception>
    public KvApplyResult Apply(LogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Index != LastAppliedIndex + 1)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{nameof(entry)} must be the next entry, index {LastAppliedIndex + 1}; got index {entry.Index}."),
                nameof(entry));
        }

        var command = entry.IsNoOp ? null : KvCommand.Parse(entry.Command);
        LastAppliedIndex = entry.Index;
        return command is null ? new KvApplyResult(false, null, "a leader's no-op: nothing to apply.") : Execute(command);
    }

    /// <summary>Applies one command, outside any log (for tests and the notebook).</summary>
    /// <param name="command">The command.</param>
    public KvApplyResult Execute(KvCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (UseSessions && sessions.TryGetValue(command.ClientId, out var session) && command.Sequence <= session.Sequence)
        {
            return command.Sequence == session.Sequence
                ? new KvApplyResult(false, session.Output, string.Create(CultureInfo.InvariantCulture,
                    $"duplicate of client {command.ClientId}'s command {command.Sequence}: answered from the session, not executed again."))
                : new KvApplyResult(false, null, string.Create(CultureInfo.InvariantCulture,
                    $"stale duplicate: client {command.ClientId} has already executed command {session.Sequence}."));
        }

        var input = command.Input;
        KvOutput output;
        switch (input.Kind)
        {
            case KvOperationKind.Get:
                output = Read(input.Key);
                break;
            case KvOperationKind.Put:
                values[input.Key] = input.Value;
                output = KvOutput.Ok;
                break;
            default:
                values[input.Key] = (values.TryGetValue(input.Key, out var current) ? current : string.Empty) + input.Value;
                output = KvOutput.Ok;
                break;
        }

        ExecutedCount++;
        if (UseSessions)
        {
            sessions[command.ClientId] = (command.Sequence, output);
        }

        return new KvApplyResult(true, output, $"executed {input}: {output}.");
    }
}
