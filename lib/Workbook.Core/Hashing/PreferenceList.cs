namespace Workbook.Core.Hashing;

/// <summary>
/// The replicas of a key as in Dynamo (DeCandia et al. 2007, sections 4.3 and 4.6): the first N
/// distinct physical nodes met walking clockwise from the key, optionally in N distinct zones.
/// </summary>
/// <remarks>
/// When distinct zones are asked for and the ring has fewer than N zones, <see cref="IsComplete"/> is
/// false, <see cref="Reason"/> says so, and <see cref="Nodes"/> holds the one node per zone found (fewer
/// than N). A node with no zone counts as a zone of its own. (A node whose every point lost a
/// collision owns no arc and is never listed; with one point per node this can shorten a list too.)
/// </remarks>
public sealed record PreferenceList
{
    internal PreferenceList(ulong keyHash, int replicas, bool distinctZones, IReadOnlyList<RingNode> nodes, string reason)
    {
        KeyHash = keyHash;
        Replicas = replicas;
        DistinctZones = distinctZones;
        Nodes = nodes;
        Reason = reason;
    }

    /// <summary>The key's position on the circle.</summary>
    public ulong KeyHash { get; }

    /// <summary>N, the number of replicas asked for.</summary>
    public int Replicas { get; }

    /// <summary>Whether the nodes had to be in distinct zones.</summary>
    public bool DistinctZones { get; }

    /// <summary>The nodes in clockwise order from the key: the coordinator first.</summary>
    public IReadOnlyList<RingNode> Nodes { get; }

    /// <summary>True when <see cref="Nodes"/> holds N nodes; false when fewer than N zones (or nodes) own points.</summary>
    public bool IsComplete => Nodes.Count == Replicas;

    /// <summary>What the list is, or why it is short.</summary>
    public string Reason { get; }
}
