namespace Workbook.Core.Consensus;

/// <summary>A node applied an entry to its state machine.</summary>
/// <param name="NodeId">The node.</param>
/// <param name="Entry">The entry.</param>
public sealed record AppliedEntry(int NodeId, LogEntry Entry);
