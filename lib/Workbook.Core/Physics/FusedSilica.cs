namespace Workbook.Core.Physics;

/// <summary>
/// The refractive (phase) index and the group index of bulk fused silica, the glass fibers are made
/// of, from Malitson's Sellmeier formula.
/// </summary>
/// <remarks>
/// The phase index n sets the speed of wave crests, the group index n_g = n − w·dn/dw (w the vacuum
/// wavelength) the speed of a pulse, and so of information: at 1.55 µm, n = 1.4440 and n_g = 1.4626.
/// A fiber's doped core has a slightly higher group index (1.4682 for SMF-28). Source: I. H. Malitson,
/// J. Opt. Soc. Am. 55, 1205–1208 (1965): n² − 1 = Σ Bᵢw² / (w² − Cᵢ²), w in µm, 0.21–3.71 µm, 20 °C.
/// </remarks>
public static class FusedSilica
{
    /// <summary>The shortest wavelength of Malitson's fit, in micrometres.</summary>
    public const double MinimumWavelengthMicrometres = 0.21;

    /// <summary>The longest wavelength of Malitson's fit, in micrometres.</summary>
    public const double MaximumWavelengthMicrometres = 3.71;

    private static readonly (double B, double C)[] Terms =
    [
        (0.6961663, 0.0684043),
        (0.4079426, 0.1162414),
        (0.8974794, 9.896161),
    ];

    /// <summary>The refractive (phase) index n at a vacuum wavelength.</summary>
    /// <param name="wavelengthMicrometres">The vacuum wavelength in µm; a finite number in [0.21, 3.71].</param>
    /// <returns>n; 1.4440 at 1.55 µm, 1.4585 at 0.5876 µm.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The wavelength is outside the fit's range.</exception>
    public static double PhaseIndex(double wavelengthMicrometres)
    {
        double w2 = Square(CheckWavelength(wavelengthMicrometres));
        double sum = 0;
        foreach (var (b, c) in Terms)
        {
            sum += b * w2 / (w2 - c * c);
        }

        return Math.Sqrt(1.0 + sum);
    }

    /// <summary>The group index n_g = n − w·dn/dw at a vacuum wavelength w, with the derivative taken analytically.</summary>
    /// <param name="wavelengthMicrometres">The vacuum wavelength in µm; a finite number in [0.21, 3.71].</param>
    /// <returns>n_g; 1.4626 at 1.55 µm.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The wavelength is outside the fit's range.</exception>
    public static double GroupIndex(double wavelengthMicrometres)
    {
        double w2 = Square(CheckWavelength(wavelengthMicrometres));
        double n = PhaseIndex(wavelengthMicrometres);

        // d(Bw²/(w² − C²))/dw = −2BwC²/(w² − C²)², and dn/dw = (dn²/dw) / 2n, so −w·dn/dw = (w²/n)·Σ BC²/(w² − C²)².
        double sum = 0;
        foreach (var (b, c) in Terms)
        {
            sum += b * c * c / Square(w2 - c * c);
        }

        return n + w2 / n * sum;
    }

    private static double CheckWavelength(double wavelengthMicrometres) =>
        Guard.InRangeInclusive(wavelengthMicrometres, MinimumWavelengthMicrometres, MaximumWavelengthMicrometres, nameof(wavelengthMicrometres));

    private static double Square(double x) => x * x;
}
