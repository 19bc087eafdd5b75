namespace Workbook.Core.Consensus;

/// <summary>A known mistake in Raft, planted in the real core through <see cref="RaftRules"/>, for showing that the checks catch it.</summary>
/// <param name="Id">A short kebab-case id, unique in <see cref="PlantedBugs.All"/>.</param>
/// <param name="Title">What the buggy code does, in a few words.</param>
/// <param name="WhatItBreaks">The property of the paper's Figure 3 (or liveness) that breaks, and when.</param>
/// <param name="Explanation">Why it breaks, in a sentence or two.</param>
/// <param name="Rules">The standard rules with the one mistake in them; their <see cref="RaftRules.Name"/> is <paramref name="Id"/>.</param>
public sealed record PlantedBug(string Id, string Title, string WhatItBreaks, string Explanation, RaftRules Rules);
