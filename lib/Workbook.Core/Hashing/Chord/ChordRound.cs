namespace Workbook.Core.Hashing.Chord;

/// <summary>What one stabilization round did (every node ran stabilize, notify and fix_fingers once).</summary>
/// <param name="SuccessorChanges">Successor pointers changed by stabilize.</param>
/// <param name="PredecessorChanges">Predecessor pointers changed by notify.</param>
/// <param name="FingerChanges">Finger entries (2 … m) changed by fix_fingers.</param>
/// <param name="Messages">Requests sent (pointer reads, notifies, lookup hops).</param>
public sealed record ChordRound(int SuccessorChanges, int PredecessorChanges, int FingerChanges, int Messages);
