namespace Workbook.Core.Hashing;

/// <summary>A physical node of a <see cref="HashRing"/>: its name, its weight and, optionally, its zone (rack or availability zone).</summary>
public sealed record RingNode
{
    /// <summary>Creates a node; the name must not be blank, the weight must be finite and &gt; 0, and a zone, if given, must not be blank.</summary>
    public RingNode(string name, double weight = 1, string? zone = null)
    {
        Name = Guard.NotBlank(name, nameof(name));
        Weight = Guard.PositiveFinite(weight, nameof(weight));
        Zone = zone is null ? null : Guard.NotBlank(zone, nameof(zone));
    }

    /// <summary>The node's name; its points are the hashes of "name#i".</summary>
    public string Name { get; }

    /// <summary>The node's relative weight: it gets round(V·weight) points, at least one.</summary>
    /// <value>The default is 1.</value>
    public double Weight { get; }

    /// <summary>The node's zone, used by zone-distinct preference lists; null when the node has none (it then counts as a zone of its own).</summary>
    /// <value>The default is null.</value>
    public string? Zone { get; }
}
