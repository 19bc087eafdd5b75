namespace Workbook.Core.Hashing;

/// <summary>A rendezvous-hashing node: its name and its weight (the share of keys it should own).</summary>
public sealed record RendezvousNode
{
    /// <summary>Creates a node; the name must not be blank and the weight must be finite and &gt; 0.</summary>
    public RendezvousNode(string name, double weight = 1)
    {
        Name = Guard.NotBlank(name, nameof(name));
        Weight = Guard.PositiveFinite(weight, nameof(weight));
    }

    /// <summary>The node's name, hashed with each key.</summary>
    public string Name { get; }

    /// <summary>The node's relative weight.</summary>
    /// <value>The default is 1.</value>
    public double Weight { get; }
}
