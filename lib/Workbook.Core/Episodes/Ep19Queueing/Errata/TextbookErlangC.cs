using Workbook.Core.Queueing;

namespace Workbook.Core.Episodes.Ep19Queueing.Errata;

/// <summary>
/// The M/M/c formulas exactly as the seed notebook evaluates them, with c! and (cρ)ᶜ in double
/// precision. Kept only to show why they must not be used: once (cρ)ᶜ or c! overflows they return
/// NaN (at 90 % utilisation from c = 146).
/// Use <see cref="ErlangFormulas.ErlangC"/> or <see cref="MMcQueue"/> instead.
/// </summary>
/// <remarks>
/// <para>
/// The seed computes P₀ = 1 / (Σₙ₌₀..c−1 (cρ)ⁿ/n! + (cρ)ᶜ / (c!(1 − ρ))), then
/// C = (cρ)ᶜ / (c!(1 − ρ)) · P₀ and L_q = ρ(cρ)ᶜ / (c!(1 − ρ)²) · P₀. The algebra is right; the
/// arithmetic is not. Aᶜ = (cρ)ᶜ overflows the largest double (1.8·10³⁰⁸) once c·log₁₀A &gt; 308.25
/// (at ρ = 0.9 from c = 146), and 171! ≈ 1.2·10³⁰⁹ overflows whatever A is, which comes first only
/// when A &lt; 63.5. Then ∞/∞ = NaN, and NaN spreads into every result. When only the factorial has
/// overflowed the failure is quieter: (cρ)ᶜ divided by ∞ gives 0, and C comes out as exactly 0
/// instead of a small positive number.
/// </para>
/// <para>
/// In Python, the seed's language, the same expressions stop with an <c>OverflowError</c> instead of
/// returning NaN. There <c>factorial</c> is an exact integer; what overflows is the float power
/// <c>(c*ρ)**n</c> (and, from n = 171, the conversion of the integer factorial to a float for the
/// division). Either way, a capacity planner for a thousand servers cannot be built on this form.
/// </para>
/// <para>
/// Each factorial is the running product 1·2·…·n in double precision. It agrees with the correctly
/// rounded n! to a few units in the last place and overflows at the same n = 171, so the failure
/// shown is the seed's own.
/// </para>
/// </remarks>
public static class TextbookErlangC
{
    /// <summary>
    /// The probability of waiting, C = (cρ)ᶜ / (c!(1 − ρ)) · P₀, evaluated in the naive form.
    /// Returns NaN or a wrong 0 once c! or (cρ)ᶜ overflows.
    /// </summary>
    /// <param name="servers">The number of servers c; an integer &gt;= 1.</param>
    /// <param name="offeredLoadErlangs">The offered load A = cρ, in erlangs; a finite number in [0, c).</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public static double ProbabilityOfWaiting(int servers, double offeredLoadErlangs) =>
        Evaluate(servers, offeredLoadErlangs).ProbabilityOfWaiting;

    /// <summary>
    /// The mean queue length, L_q = ρ(cρ)ᶜ / (c!(1 − ρ)²) · P₀, evaluated in the naive form.
    /// Returns NaN or a wrong 0 once c! or (cρ)ᶜ overflows.
    /// </summary>
    /// <param name="servers">The number of servers c; an integer &gt;= 1.</param>
    /// <param name="offeredLoadErlangs">The offered load A = cρ, in erlangs; a finite number in [0, c).</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public static double MeanQueueLength(int servers, double offeredLoadErlangs) =>
        Evaluate(servers, offeredLoadErlangs).MeanQueueLength;

    private static (double ProbabilityOfWaiting, double MeanQueueLength) Evaluate(int servers, double offeredLoadErlangs)
    {
        ErlangFormulas.ValidateStable(servers, offeredLoadErlangs);

        return EvaluateAtUtilisation(servers, offeredLoadErlangs / servers);
    }

    /// <summary>The seed's arithmetic from ρ, as the seed computes it (ρ = λ/(cμ)); no validation.</summary>
    internal static (double ProbabilityOfWaiting, double MeanQueueLength) EvaluateAtUtilisation(int c, double rho)
    {
        double sumTerm = 0;
        double factorial = 1; // n!, as a double, for n = 0, 1, …
        for (int n = 0; n < c; n++)
        {
            if (n > 0)
            {
                factorial *= n;
            }

            sumTerm += Math.Pow(c * rho, n) / factorial;
        }

        double factorialC = factorial * c;
        double lastTerm = Math.Pow(c * rho, c) / (factorialC * (1 - rho));
        double p0 = 1 / (sumTerm + lastTerm);
        double meanQueueLength = rho * Math.Pow(c * rho, c) / (factorialC * (1 - rho) * (1 - rho)) * p0;
        return (lastTerm * p0, meanQueueLength);
    }
}
