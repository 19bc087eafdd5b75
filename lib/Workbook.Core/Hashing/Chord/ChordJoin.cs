namespace Workbook.Core.Hashing.Chord;

/// <summary>What one join cost, counting a message as one request sent to another node (replies are free).</summary>
/// <param name="NodeId">The node that joined.</param>
/// <param name="Messages">Requests sent: lookup hops, pointer reads and writes, finger-table updates.</param>
/// <param name="Lookups">find_successor / find_predecessor calls the join made.</param>
/// <param name="FingerUpdates">Finger entries changed at other nodes (update_finger_table); 0 for a stabilization join.</param>
public sealed record ChordJoin(ulong NodeId, int Messages, int Lookups, int FingerUpdates);
