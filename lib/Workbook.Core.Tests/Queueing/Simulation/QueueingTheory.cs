namespace Workbook.Core.Tests.Queueing.Simulation;

/// <summary>
/// Closed forms the simulator is checked against, written here from the textbook and independent of
/// any formula in the library. S is the mean service time, λ the arrival rate, c the servers,
/// ρ = λS/c. Reference: L. Kleinrock, <i>Queueing Systems, Volume 1: Theory</i> (1975), §3.2 (M/M/1),
/// §3.5 (M/M/c), §5.6 (M/G/1), §6.4 (G/M/1).
/// </summary>
internal static class QueueingTheory
{
    /// <summary>M/M/1: W_q = ρS / (1 − ρ).</summary>
    public static double MM1Wait(double rho, double s) => rho * s / (1 - rho);

    /// <summary>
    /// Erlang C, the probability that an arrival waits in M/M/c, with offered load a = λS = cρ. Erlang B
    /// by its recursion B(0) = 1, B(k) = aB(k−1) / (k + aB(k−1)), then C = B / (1 − ρ(1 − B)).
    /// </summary>
    public static double ErlangC(int c, double a)
    {
        var b = 1.0;
        for (var k = 1; k <= c; k++)
        {
            b = a * b / (k + a * b);
        }

        var rho = a / c;
        return b / (1 - rho * (1 - b));
    }

    /// <summary>M/M/c: W_q = C(c, a) · S / (c(1 − ρ)).</summary>
    public static double MMcWait(int c, double rho, double s) => ErlangC(c, c * rho) * s / (c * (1 - rho));

    /// <summary>M/G/1 by Pollaczek–Khinchine: W_q = ρS(1 + SCV) / (2(1 − ρ)); SCV = 0 is M/D/1.</summary>
    public static double MG1Wait(double rho, double s, double serviceScv) => rho * s * (1 + serviceScv) / (2 * (1 - rho));

    /// <summary>
    /// G/M/1: σ is the root in (0, 1) of σ = A*(μ(1 − σ)), where A* is the Laplace–Stieltjes transform of
    /// the gap distribution and μ = 1/S; then P(wait) = σ and W_q = σS / (1 − σ). Found by fixed-point
    /// iteration from 0, which increases monotonically to the smallest root when ρ &lt; 1.
    /// </summary>
    public static double GM1Sigma(Func<double, double> gapTransform, double s)
    {
        var mu = 1 / s;
        var sigma = 0.0;
        for (var i = 0; i < 100_000; i++)
        {
            var next = gapTransform(mu * (1 - sigma));
            if (Math.Abs(next - sigma) < 1e-15)
            {
                return next;
            }

            sigma = next;
        }

        throw new InvalidOperationException("G/M/1 fixed point did not converge.");
    }

    /// <summary>The transform of a two-phase hyperexponential gap with balanced means, from mean m and SCV.</summary>
    public static Func<double, double> H2Transform(double mean, double scv)
    {
        var p1 = 0.5 * (1 + Math.Sqrt((scv - 1) / (scv + 1)));
        var p2 = 1 - p1;
        double mu1 = 2 * p1 / mean, mu2 = 2 * p2 / mean;
        return x => p1 * mu1 / (mu1 + x) + p2 * mu2 / (mu2 + x);
    }

    /// <summary>The transform of a deterministic gap of length d: e^(−xd).</summary>
    public static Func<double, double> DeterministicTransform(double d) => x => Math.Exp(-x * d);
}
