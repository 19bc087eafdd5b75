namespace Workbook.Core.Hashing.Analysis;

/// <summary>How many keys changed node when a scheme was rebuilt over a new node list, against the minimum.</summary>
/// <param name="Scheme">The scheme's name.</param>
/// <param name="NodesBefore">Nodes before the change.</param>
/// <param name="NodesAfter">Nodes after the change.</param>
/// <param name="Keys">Keys placed.</param>
/// <param name="KeysMoved">Keys whose node differs between the two placements.</param>
/// <param name="MinimumFraction">The least fraction any balanced scheme must move: 1 − |kept nodes| / max(n_before, n_after).</param>
public sealed record KeyMovement(
    string Scheme, int NodesBefore, int NodesAfter, int Keys, int KeysMoved, double MinimumFraction)
{
    /// <summary>Keys moved over keys placed; 0 when no keys were placed.</summary>
    public double FractionMoved => Keys == 0 ? 0 : (double)KeysMoved / Keys;

    /// <summary>Fraction moved beyond the minimum (0 is optimal; negative only by sampling luck).</summary>
    public double ExcessFraction => FractionMoved - MinimumFraction;
}
