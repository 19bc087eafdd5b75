namespace Workbook.Core.Hashing.Chord;

/// <summary>The outcome of running stabilization rounds until every pointer and finger is correct.</summary>
/// <param name="IsConverged">True when every successor, predecessor and finger equals its ideal value.</param>
/// <param name="Rounds">Rounds run (the round after which the tables were correct, when converged).</param>
/// <param name="Messages">Requests sent over those rounds.</param>
/// <param name="Reason">Why the tables did not converge; empty when they did.</param>
public sealed record ChordConvergence(bool IsConverged, int Rounds, int Messages, string Reason);
