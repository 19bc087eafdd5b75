namespace Workbook.Core.Charts;

/// <summary>A way of seeing colour that <see cref="ColourVision.Simulate"/> can imitate.</summary>
public enum ColourVisionDeficiency
{
    /// <summary>Normal (trichromatic) colour vision: the colour is left as it is.</summary>
    None,

    /// <summary>No working M (green) cones: the most common red–green deficiency.</summary>
    Deuteranopia,

    /// <summary>No working L (red) cones: red–green confusion, reds look darker.</summary>
    Protanopia,
}
