namespace Workbook.Core.Hashing.Analysis;

/// <summary>A named way of placing keys: given a node list, it builds an <see cref="IKeyPlacer"/>.</summary>
/// <remarks>
/// Scale-out experiments need the factory, not one placer: they build the scheme again over the new
/// node list and compare owners. <see cref="PlacementSchemes"/> holds the schemes of this library.
/// </remarks>
public sealed record PlacementScheme
{
    private readonly Func<IReadOnlyList<string>, IKeyPlacer> create;

    /// <summary>Creates a scheme from a factory.</summary>
    /// <param name="name">A short name for tables and legends; non-blank.</param>
    /// <param name="create">Builds the placer over a node list.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is blank.</exception>
    public PlacementScheme(string name, Func<IReadOnlyList<string>, IKeyPlacer> create)
    {
        Name = Guard.NotBlank(name, nameof(name));
        ArgumentNullException.ThrowIfNull(create);
        this.create = create;
    }

    /// <summary>The scheme's name.</summary>
    public string Name { get; }

    /// <summary>A scheme from a lookup builder: <c>Of("ring", nodes => new HashRing(nodes).NodeFor)</c>.</summary>
    /// <param name="name">A short name; non-blank.</param>
    /// <param name="lookupFor">Given the node list, returns the function from a key to its node's name.</param>
    public static PlacementScheme Of(string name, Func<IReadOnlyList<string>, Func<string, string>> lookupFor)
    {
        ArgumentNullException.ThrowIfNull(lookupFor);
        return new PlacementScheme(name, nodes =>
        {
            string[] checkedNodes = KeyPlacer.CheckNodes(nodes, nameof(nodes));
            return new KeyPlacer(checkedNodes, lookupFor(checkedNodes));
        });
    }

    /// <summary>Builds the placer over <paramref name="nodes"/>.</summary>
    /// <param name="nodes">The nodes, at least one, with distinct non-blank names.</param>
    public IKeyPlacer Place(IReadOnlyList<string> nodes) => create(nodes);

    /// <summary>The scheme's name.</summary>
    public override string ToString() => Name;
}
