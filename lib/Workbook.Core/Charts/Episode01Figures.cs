namespace Workbook.Core.Charts;

/// <summary>The figures of episode 1.</summary>
/// <remarks>
/// Each episode lists its figures in a class like this one, in the order the episode shows them,
/// and <see cref="FigureCatalog"/> gathers every episode's list. This list is a placeholder that the
/// episode's author fills; every entry needs an id with the <c>ep01.</c> prefix.
/// </remarks>
public static class Episode01Figures
{
    /// <summary>The figures of episode 1, in the order the episode shows them.</summary>
    public static IReadOnlyList<Figure> All { get; } = [];
}
