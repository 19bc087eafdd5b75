namespace Workbook.Core.Hashing.Analysis;

/// <summary>One placement scheme built over one list of nodes: it names the node that owns a key.</summary>
/// <remarks>
/// The common shape the analysis compares schemes through (load, keys moved, memory). Build one with
/// a <see cref="PlacementScheme"/>, or wrap any lookup in a <see cref="KeyPlacer"/>.
/// </remarks>
public interface IKeyPlacer
{
    /// <summary>The nodes, in the order given.</summary>
    IReadOnlyList<string> Nodes { get; }

    /// <summary>The name of the node that owns <paramref name="key"/>; always one of <see cref="Nodes"/>.</summary>
    /// <param name="key">The key.</param>
    string NodeFor(string key);
}
