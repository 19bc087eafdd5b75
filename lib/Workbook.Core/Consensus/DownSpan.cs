namespace Workbook.Core.Consensus;

/// <summary>Ticks [<paramref name="FromTick"/>, <paramref name="ToTick"/>) in which a node was crashed.</summary>
/// <param name="NodeId">The node.</param>
/// <param name="FromTick">The tick of the crash.</param>
/// <param name="ToTick">The tick of the restart, or the end of the run.</param>
public sealed record DownSpan(int NodeId, long FromTick, long ToTick);
