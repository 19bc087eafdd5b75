namespace Workbook.Core.Charts;

/// <summary>The series colours of every workbook figure: the Okabe–Ito palette, plus neutral greys for references.</summary>
/// <remarks>
/// Okabe and Ito chose these eight colours to stay distinct for viewers with the common red–green
/// colour-vision deficiencies (M. Okabe, K. Ito, <em>Color Universal Design (CUD): how to make figures and
/// presentations that are friendly to colorblind people</em>, 2008). Colour is never the only cue: every two series
/// shown together also differ in kind, dash style, marker symbol or bar fill pattern, or are both labelled on
/// the chart, and different colours stay far apart under simulated deuteranopia and protanopia
/// (<see cref="ColourVision"/>); the figure tests check both for every figure. <see cref="Yellow"/> has little contrast on white: use it for fills, not thin lines.
/// </remarks>
public static class Palette
{
    /// <summary>Okabe–Ito black, #000000 (reference lines and markers; lightened on the dark theme).</summary>
    public const string Black = "#000000";

    /// <summary>Okabe–Ito orange, #E69F00.</summary>
    public const string Orange = "#E69F00";

    /// <summary>Okabe–Ito sky blue, #56B4E9.</summary>
    public const string SkyBlue = "#56B4E9";

    /// <summary>Okabe–Ito bluish green, #009E73.</summary>
    public const string BluishGreen = "#009E73";

    /// <summary>Okabe–Ito yellow, #F0E442: weak on white, so not for thin lines.</summary>
    public const string Yellow = "#F0E442";

    /// <summary>Okabe–Ito blue, #0072B2.</summary>
    public const string Blue = "#0072B2";

    /// <summary>Okabe–Ito vermillion, #D55E00.</summary>
    public const string Vermillion = "#D55E00";

    /// <summary>Okabe–Ito reddish purple, #CC79A7.</summary>
    public const string ReddishPurple = "#CC79A7";

    /// <summary>A mid grey, #7F7F7F, for a reference or baseline series.</summary>
    public const string Grey = "#7F7F7F";

    /// <summary>A light grey, #9E9E9E, for background data: raw observations, floor bars.</summary>
    public const string LightGrey = "#9E9E9E";

    /// <summary>The eight Okabe–Ito colours in the order of their paper.</summary>
    public static IReadOnlyList<string> OkabeIto { get; } = [Black, Orange, SkyBlue, BluishGreen, Yellow, Blue, Vermillion, ReddishPurple];
}
