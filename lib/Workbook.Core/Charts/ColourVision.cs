namespace Workbook.Core.Charts;

/// <summary>Colour maths for checking a palette: sRGB to CIELAB, simulated colour-vision deficiencies, CIEDE2000.</summary>
/// <remarks>
/// sRGB decoding and the sRGB-to-XYZ matrix follow IEC 61966-2-1 (D65 white). Deuteranopia and protanopia
/// are simulated with the severity-1.0 matrices of Machado, Oliveira and Fernandes, <em>A physiologically-based
/// model for simulation of color vision deficiency</em> (IEEE TVCG 15(6), 2009), applied to linear RGB and
/// clipped to the displayable range. Colour differences are CIEDE2000 as written out, with test data, by
/// Sharma, Wu and Dalal, <em>The CIEDE2000 color-difference formula: implementation notes, supplementary test
/// data, and mathematical observations</em> (Color Res. Appl. 30(1), 2005).
/// </remarks>
public static class ColourVision
{
    // Machado et al. (2009), severity 1.0, row-major, acting on linear RGB.
    private static readonly double[] Deuteranopia =
    [
        0.367322, 0.860646, -0.227968,
        0.280085, 0.672501, 0.047413,
        -0.011820, 0.042940, 0.968881,
    ];

    private static readonly double[] Protanopia =
    [
        0.152286, 1.052583, -0.204868,
        0.114503, 0.786281, 0.099216,
        -0.003882, -0.048116, 1.051998,
    ];

    // D65 reference white of sRGB, XYZ with Y = 1.
    private const double WhiteX = 0.95047;
    private const double WhiteZ = 1.08883;

    /// <summary>Decodes one sRGB component to linear light (IEC 61966-2-1).</summary>
    /// <param name="encoded">The gamma-encoded component, 0 to 1.</param>
    /// <returns>The linear component, 0 to 1.</returns>
    public static double ToLinear(double encoded) =>
        encoded <= 0.04045 ? encoded / 12.92 : Math.Pow((encoded + 0.055) / 1.055, 2.4);

    /// <summary>Encodes one linear component as sRGB, the inverse of <see cref="ToLinear"/>.</summary>
    /// <param name="linear">The linear component, 0 to 1.</param>
    /// <returns>The gamma-encoded component, 0 to 1.</returns>
    public static double ToEncoded(double linear) =>
        linear <= 0.0031308 ? 12.92 * linear : 1.055 * Math.Pow(linear, 1 / 2.4) - 0.055;

    /// <summary>How a colour looks with a colour-vision deficiency (Machado et al. 2009, severity 1.0).</summary>
    /// <param name="colour">The colour as displayed.</param>
    /// <param name="deficiency">The deficiency; <see cref="ColourVisionDeficiency.None"/> returns the colour unchanged.</param>
    /// <returns>The simulated colour, clipped to the sRGB range.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="deficiency"/> is not a defined value.</exception>
    public static SrgbColour Simulate(SrgbColour colour, ColourVisionDeficiency deficiency)
    {
        if (deficiency == ColourVisionDeficiency.None)
        {
            return colour;
        }

        var m = SimulationMatrix(deficiency);
        var (r, g, b) = (ToLinear(colour.R), ToLinear(colour.G), ToLinear(colour.B));
        double Row(int i) => ToEncoded(Math.Clamp(m[3 * i] * r + m[3 * i + 1] * g + m[3 * i + 2] * b, 0, 1));
        return new SrgbColour(Row(0), Row(1), Row(2));
    }

    /// <summary>Converts an sRGB colour to CIELAB (D65).</summary>
    /// <param name="colour">The colour.</param>
    /// <returns>Its L*, a*, b*.</returns>
    public static CieLab ToLab(SrgbColour colour)
    {
        var (r, g, b) = (ToLinear(colour.R), ToLinear(colour.G), ToLinear(colour.B));
        var x = 0.4124564 * r + 0.3575761 * g + 0.1804375 * b;
        var y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
        var z = 0.0193339 * r + 0.1191920 * g + 0.9503041 * b;
        var (fx, fy, fz) = (LabF(x / WhiteX), LabF(y), LabF(z / WhiteZ));
        return new CieLab(116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz));
    }

    /// <summary>The CIEDE2000 colour difference ΔE₀₀ (k_L = k_C = k_H = 1).</summary>
    /// <param name="first">One colour.</param>
    /// <param name="second">The other colour.</param>
    /// <returns>ΔE₀₀ ≥ 0; about 1 is a just-noticeable difference between large patches.</returns>
    public static double DeltaE2000(CieLab first, CieLab second)
    {
        var cBar = (Math.Sqrt(first.A * first.A + first.B * first.B) + Math.Sqrt(second.A * second.A + second.B * second.B)) / 2;
        var g = 0.5 * (1 - Math.Sqrt(Pow7(cBar) / (Pow7(cBar) + Pow7(25))));
        var (a1, a2) = ((1 + g) * first.A, (1 + g) * second.A);
        var (c1, c2) = (Math.Sqrt(a1 * a1 + first.B * first.B), Math.Sqrt(a2 * a2 + second.B * second.B));
        var h1 = Hue(first.B, a1);
        var h2 = Hue(second.B, a2);

        var deltaL = second.L - first.L;
        var deltaC = c2 - c1;
        var chromaProduct = c1 * c2;
        var deltaHue = chromaProduct == 0 ? 0 : h2 - h1 > 180 ? h2 - h1 - 360 : h2 - h1 < -180 ? h2 - h1 + 360 : h2 - h1;
        var deltaH = 2 * Math.Sqrt(chromaProduct) * Math.Sin(Radians(deltaHue / 2));

        var lBar = (first.L + second.L) / 2;
        var cBarPrime = (c1 + c2) / 2;
        var hBar = chromaProduct == 0 ? h1 + h2
            : Math.Abs(h1 - h2) <= 180 ? (h1 + h2) / 2
            : h1 + h2 < 360 ? (h1 + h2 + 360) / 2
            : (h1 + h2 - 360) / 2;
        var t = 1 - 0.17 * Math.Cos(Radians(hBar - 30)) + 0.24 * Math.Cos(Radians(2 * hBar))
            + 0.32 * Math.Cos(Radians(3 * hBar + 6)) - 0.20 * Math.Cos(Radians(4 * hBar - 63));
        var deltaTheta = 30 * Math.Exp(-Math.Pow((hBar - 275) / 25, 2));
        var rC = 2 * Math.Sqrt(Pow7(cBarPrime) / (Pow7(cBarPrime) + Pow7(25)));
        var sL = 1 + 0.015 * (lBar - 50) * (lBar - 50) / Math.Sqrt(20 + (lBar - 50) * (lBar - 50));
        var sC = 1 + 0.045 * cBarPrime;
        var sH = 1 + 0.015 * cBarPrime * t;
        var rT = -Math.Sin(Radians(2 * deltaTheta)) * rC;
        var (l, c, h) = (deltaL / sL, deltaC / sC, deltaH / sH);
        return Math.Sqrt(l * l + c * c + h * h + rT * c * h);
    }

    /// <summary>ΔE₀₀ between two <c>#RRGGBB</c> colours as seen with a colour-vision deficiency (both simulated).</summary>
    /// <param name="first">One colour, <c>#RRGGBB</c>.</param>
    /// <param name="second">The other colour, <c>#RRGGBB</c>.</param>
    /// <param name="deficiency">How the viewer sees colour.</param>
    /// <returns>ΔE₀₀ of the two simulated colours.</returns>
    /// <exception cref="ArgumentException">A colour is not <c>#RRGGBB</c>.</exception>
    public static double Difference(string first, string second, ColourVisionDeficiency deficiency) =>
        DeltaE2000(
            ToLab(Simulate(SrgbColour.FromHex(first), deficiency)),
            ToLab(Simulate(SrgbColour.FromHex(second), deficiency)));

    /// <summary>The Machado et al. (2009) matrix on linear RGB, row-major (a copy), for tests.</summary>
    internal static double[] SimulationMatrix(ColourVisionDeficiency deficiency) => deficiency switch
    {
        ColourVisionDeficiency.Deuteranopia => [.. Deuteranopia],
        ColourVisionDeficiency.Protanopia => [.. Protanopia],
        ColourVisionDeficiency.None => [1, 0, 0, 0, 1, 0, 0, 0, 1],
        _ => throw Guard.OutOfRange(nameof(deficiency), "one of None, Deuteranopia, Protanopia", deficiency.ToString()),
    };

    private static double LabF(double t) =>
        t > 216.0 / 24389 ? Math.Cbrt(t) : (24389.0 / 27 * t + 16) / 116;

    private static double Hue(double b, double a) =>
        b == 0 && a == 0 ? 0 : (Math.Atan2(b, a) * 180 / Math.PI + 360) % 360;

    private static double Radians(double degrees) => degrees * Math.PI / 180;

    private static double Pow7(double x) => Math.Pow(x, 7);
}
