namespace Workbook.Core.Consensus;

/// <summary>A stretch of ticks [<paramref name="FromTick"/>, <paramref name="ToTick"/>) in which a running node kept one role and term.</summary>
/// <param name="NodeId">The node.</param>
/// <param name="FromTick">The first tick.</param>
/// <param name="ToTick">The tick after the last one.</param>
/// <param name="Role">The role.</param>
/// <param name="Term">The node's current term.</param>
public sealed record RoleSegment(int NodeId, long FromTick, long ToTick, RaftRole Role, long Term);
