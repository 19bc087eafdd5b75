namespace Workbook.Core.Charts;

/// <summary>A colour in CIE L*a*b* (1976) under the D65 white point, as <see cref="ColourVision.ToLab"/> computes it.</summary>
/// <param name="L">Lightness, 0 (black) to 100 (white).</param>
/// <param name="A">Green (negative) to red (positive).</param>
/// <param name="B">Blue (negative) to yellow (positive).</param>
public readonly record struct CieLab(double L, double A, double B);
