using System.Globalization;

namespace Workbook.Core.Charts;

/// <summary>An sRGB colour with components from 0 to 1 (gamma-encoded, as written in <c>#RRGGBB</c>).</summary>
/// <param name="R">Red, 0 to 1.</param>
/// <param name="G">Green, 0 to 1.</param>
/// <param name="B">Blue, 0 to 1.</param>
public readonly record struct SrgbColour(double R, double G, double B)
{
    /// <summary>Reads a colour written as <c>#RRGGBB</c> (any case).</summary>
    /// <param name="hex">The colour, for example <c>#0072B2</c>.</param>
    /// <returns>The colour.</returns>
    /// <exception cref="ArgumentException"><paramref name="hex"/> is not <c>#</c> followed by six hexadecimal digits.</exception>
    public static SrgbColour FromHex(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        if (hex.Length != 7 || hex[0] != '#'
            || !int.TryParse(hex.AsSpan(1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var rgb))
        {
            throw new ArgumentException($"hex must be '#' followed by six hexadecimal digits, like #0072B2; it was '{hex}'.", nameof(hex));
        }

        return new SrgbColour(((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0);
    }
}
