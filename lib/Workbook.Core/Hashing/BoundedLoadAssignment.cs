namespace Workbook.Core.Hashing;

/// <summary>Where a <see cref="BoundedLoadBalancer"/> put one key; pass it back to <see cref="BoundedLoadBalancer.Release"/> when the key leaves.</summary>
public sealed record BoundedLoadAssignment
{
    internal BoundedLoadAssignment(BoundedLoadBalancer owner, long ticket, ulong keyHash, int nodeIndex, int firstChoiceIndex, int pointsSkipped)
    {
        Owner = owner;
        Ticket = ticket;
        KeyHash = keyHash;
        NodeIndex = nodeIndex;
        FirstChoiceIndex = firstChoiceIndex;
        PointsSkipped = pointsSkipped;
    }

    /// <summary>The assignment's number, 0, 1, 2, … in the order keys were assigned.</summary>
    public long Ticket { get; }

    /// <summary>The key's position on the circle.</summary>
    public ulong KeyHash { get; }

    /// <summary>The index in the ring's <see cref="HashRing.Nodes"/> of the node that took the key.</summary>
    public int NodeIndex { get; }

    /// <summary>The index of the node plain ring lookup would have chosen.</summary>
    public int FirstChoiceIndex { get; }

    /// <summary>How many points the clockwise walk passed because their nodes were full.</summary>
    public int PointsSkipped { get; }

    /// <summary>True when the first choice was full and the key went further clockwise.</summary>
    public bool IsForwarded => NodeIndex != FirstChoiceIndex;

    internal BoundedLoadBalancer Owner { get; }
}
