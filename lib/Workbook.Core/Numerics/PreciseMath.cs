namespace Workbook.Core.Numerics;

/// <summary>
/// ln(1 + x) and eˣ − 1 accurate to a few units in the last place for small x, where the obvious
/// expressions lose every digit.
/// </summary>
/// <remarks>
/// Not <c>double.LogP1</c>/<c>double.ExpM1</c>: in .NET 7 to 10 they are <c>Math.Log(x + 1)</c> and
/// <c>Math.Exp(x) - 1</c> (dotnet/runtime #77979, #127508), so <c>double.LogP1(1e-20)</c> is 0. Both
/// functions here evaluate at the rounded u = 1 + x (or u = eˣ) and correct with the exact x, so the
/// rounding errors cancel: Goldberg, "What every computer scientist should know about floating-point
/// arithmetic", ACM Computing Surveys 23(1), 1991, Theorem 4; Higham, <i>Accuracy and Stability of
/// Numerical Algorithms</i>, 2nd ed., §1.14.1.
/// </remarks>
internal static class PreciseMath
{
    /// <summary>ln(1 + x) for x &gt; −1, accurate also when |x| is tiny.</summary>
    public static double Log1P(double x)
    {
        var u = 1.0 + x;
        if (u == 1.0)
        {
            return x; // ln(1 + x) = x − x²/2 + …, and x² is below the last digit of x
        }

        // u − 1 is exact for u in [0.5, 2] (Sterbenz); outside that range there is no cancellation
        // to correct and the formula still returns ln(u) to within a rounding error.
        return Math.Log(u) * x / (u - 1.0);
    }

    /// <summary>eˣ − 1, accurate also when |x| is tiny.</summary>
    public static double ExpM1(double x)
    {
        if (Math.Abs(x) >= 0.5)
        {
            return Math.Exp(x) - 1.0; // eˣ is at least 1.65 or at most 0.61: no cancellation to fear
        }

        var u = Math.Exp(x);
        if (u == 1.0)
        {
            return x;
        }

        // u − 1 is exact here (u is within a factor 2 of 1), and the rounding error of u cancels
        // between it and ln(u).
        return (u - 1.0) * x / Math.Log(u);
    }
}
