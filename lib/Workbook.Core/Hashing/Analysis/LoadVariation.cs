namespace Workbook.Core.Hashing.Analysis;

/// <summary>What changes from one seed to the next in a <see cref="LoadAnalysis.Spread"/> experiment.</summary>
public enum LoadVariation
{
    /// <summary>Random node names per seed ("10.a.b.c:11211"), keys "key-0", "key-1", … fixed: the spread of the structure.</summary>
    NodeNames,

    /// <summary>Nodes "node-0", … fixed, random keys per seed: the sampling noise of the keys alone.</summary>
    Keys,

    /// <summary>Both random per seed.</summary>
    Both,
}
