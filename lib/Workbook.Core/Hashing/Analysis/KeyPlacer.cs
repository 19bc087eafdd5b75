namespace Workbook.Core.Hashing.Analysis;

/// <summary>An <see cref="IKeyPlacer"/> made of a node list and a lookup function.</summary>
/// <remarks>
/// The adapter every scheme goes through, so a new scheme plugs in with one line:
/// <c>PlacementScheme.Of("ring", nodes => new HashRing(nodes).NodeFor)</c>. The node list is checked
/// here once (non-empty, names not blank and distinct); the lookup must return one of its names.
/// </remarks>
public sealed class KeyPlacer : IKeyPlacer
{
    private readonly Func<string, string> lookup;

    /// <summary>Wraps <paramref name="lookup"/> over <paramref name="nodes"/>.</summary>
    /// <param name="nodes">The nodes, at least one, with distinct non-blank names.</param>
    /// <param name="lookup">Maps a key to the name of its node.</param>
    /// <exception cref="ArgumentException"><paramref name="nodes"/> is empty, has a blank name or repeats a name.</exception>
    public KeyPlacer(IReadOnlyList<string> nodes, Func<string, string> lookup)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        Nodes = CheckNodes(nodes, nameof(nodes));
        this.lookup = lookup;
    }

    /// <inheritdoc/>
    public IReadOnlyList<string> Nodes { get; }

    /// <inheritdoc/>
    public string NodeFor(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return lookup(key);
    }

    /// <summary>Copies and checks a node list: at least one name, none blank, no two equal (ordinal).</summary>
    internal static string[] CheckNodes(IReadOnlyList<string> nodes, string paramName)
    {
        ArgumentNullException.ThrowIfNull(nodes, paramName);
        if (nodes.Count == 0)
        {
            throw new ArgumentException($"{paramName} must list at least one node; got none.", paramName);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string node in nodes)
        {
            if (string.IsNullOrWhiteSpace(node))
            {
                throw new ArgumentException($"{paramName} must contain non-blank names; got a blank one.", paramName);
            }

            if (!seen.Add(node))
            {
                throw new ArgumentException($"{paramName} must have distinct names; got \"{node}\" twice.", paramName);
            }
        }

        return [.. nodes];
    }
}
