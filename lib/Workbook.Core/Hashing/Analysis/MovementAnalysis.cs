using System.Globalization;
using System.Numerics;

namespace Workbook.Core.Hashing.Analysis;

/// <summary>Keys moved when nodes are added or removed, measured for a scheme and compared with the minimum.</summary>
/// <remarks>
/// For balanced shares, a node kept in both lists can keep at most min(1/n_before, 1/n_after) of the
/// keys, so at least 1 − kept/max(n_before, n_after) must move: k/(n + k) when adding k to n, k/n when
/// removing k of n. Modulo placement moves 1 − gcd(a, b)/max(a, b) of uniformly hashed keys
/// (<see cref="ModuloExpectedFractionMoved"/>). Nodes are added and removed at the END of the list,
/// the one change jump hash supports.
/// </remarks>
public static class MovementAnalysis
{
    /// <summary>Places <paramref name="keys"/> with the scheme over both node lists and counts the keys whose node changed.</summary>
    /// <param name="scheme">The scheme.</param>
    /// <param name="before">The nodes before.</param>
    /// <param name="after">The nodes after.</param>
    /// <param name="keys">The keys.</param>
    public static KeyMovement Measure(PlacementScheme scheme, IReadOnlyList<string> before, IReadOnlyList<string> after, IEnumerable<string> keys)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        ArgumentNullException.ThrowIfNull(keys);
        IKeyPlacer first = scheme.Place(before), second = scheme.Place(after);
        int placed = 0, moved = 0;
        foreach (string key in keys)
        {
            placed++;
            if (!string.Equals(first.NodeFor(key), second.NodeFor(key), StringComparison.Ordinal))
            {
                moved++;
            }
        }

        return new KeyMovement(scheme.Name, first.Nodes.Count, second.Nodes.Count, placed, moved, MinimumFraction(first.Nodes, second.Nodes));
    }

    /// <summary>Adds <paramref name="added"/> nodes ("node-n", …) after <paramref name="nodes"/> sequential nodes "node-0", … and measures.</summary>
    /// <param name="scheme">The scheme.</param>
    /// <param name="nodes">Nodes n before; an integer ≥ 1.</param>
    /// <param name="added">Nodes k added; an integer ≥ 0.</param>
    /// <param name="keys">The keys.</param>
    public static KeyMovement AfterAdding(PlacementScheme scheme, int nodes, int added, IEnumerable<string> keys)
    {
        Guard.Positive(nodes, nameof(nodes));
        Guard.NonNegative(added, nameof(added));
        return Measure(scheme, SampleNames.Nodes(nodes), SampleNames.Nodes(checked(nodes + added)), keys);
    }

    /// <summary>Removes the last <paramref name="removed"/> of <paramref name="nodes"/> sequential nodes and measures.</summary>
    /// <param name="scheme">The scheme.</param>
    /// <param name="nodes">Nodes n before; an integer ≥ 2.</param>
    /// <param name="removed">Nodes k removed; an integer in [0, n − 1].</param>
    /// <param name="keys">The keys.</param>
    public static KeyMovement AfterRemoving(PlacementScheme scheme, int nodes, int removed, IEnumerable<string> keys)
    {
        Guard.AtLeast(nodes, 2, nameof(nodes));
        if (removed < 0 || removed >= nodes)
        {
            throw Guard.OutOfRange(nameof(removed), $"an integer in [0, {nodes - 1}] (at least one node must stay)", removed.ToString(CultureInfo.InvariantCulture));
        }

        return Measure(scheme, SampleNames.Nodes(nodes), SampleNames.Nodes(nodes - removed), keys);
    }

    /// <summary>The least fraction of keys that must move between two node lists with balanced shares: 1 − kept / max(|before|, |after|).</summary>
    /// <param name="before">The nodes before.</param>
    /// <param name="after">The nodes after.</param>
    public static double MinimumFraction(IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        string[] first = KeyPlacer.CheckNodes(before, nameof(before));
        string[] second = KeyPlacer.CheckNodes(after, nameof(after));
        int kept = first.Intersect(second, StringComparer.Ordinal).Count();
        return 1 - ((double)kept / Math.Max(first.Length, second.Length));
    }

    /// <summary>The expected fraction of keys modulo placement moves from <paramref name="before"/> to <paramref name="after"/> nodes: 1 − gcd/max.</summary>
    /// <param name="before">Nodes before; an integer ≥ 1.</param>
    /// <param name="after">Nodes after; an integer ≥ 1.</param>
    public static double ModuloExpectedFractionMoved(int before, int after)
    {
        Guard.Positive(before, nameof(before));
        Guard.Positive(after, nameof(after));
        // Implementation note: a hash h stays iff h mod a = h mod b, i.e. h ≡ r (mod lcm) for some
        // r < min(a, b); that is min(a, b) residues of lcm(a, b), and min/lcm = gcd/max.
        int gcd = (int)BigInteger.GreatestCommonDivisor(before, after);
        return 1 - ((double)gcd / Math.Max(before, after));
    }
}
