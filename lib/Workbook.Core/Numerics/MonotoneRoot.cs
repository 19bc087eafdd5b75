namespace Workbook.Core.Numerics;

/// <summary>
/// Finds where a continuous decreasing function crosses zero inside a bracket, by the Illinois
/// variant of regula falsi with a bisection safeguard.
/// </summary>
/// <remarks>
/// Regula falsi moves the bracket end on the root's side to where the chord crosses zero; the
/// Illinois rule halves the value kept for an end that stayed twice, so it cannot stall (order
/// about 1.44), and any step that fails to halve the bracket is followed by a bisection step, so the
/// worst case is twice bisection. The functions solved here, logarithms of tail probabilities, are
/// nearly straight, so a few steps suffice. Source: Dowell and Jarratt, "A modified regula falsi
/// method for computing the root of an equation", BIT 11 (1971), 168–174.
/// </remarks>
internal static class MonotoneRoot
{
    private const int MaxIterations = 300;

    /// <summary>
    /// The root of <paramref name="f"/> in [<paramref name="low"/>, <paramref name="high"/>], where
    /// f(low) &gt;= 0 &gt;= f(high), to about four units in the last place of the root.
    /// </summary>
    public static double OfDecreasing(Func<double, double> f, double low, double high)
    {
        double a = low, b = high;
        double fa = f(a), fb = f(b);
        if (fa <= 0)
        {
            return a;
        }

        if (fb >= 0)
        {
            return b;
        }

        var lastMoved = 0; // +1: the low end moved last, −1: the high end moved last
        var bisectNext = false;
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            var width = b - a;
            if (width <= 4e-16 * Math.Abs(b) || width < 1e-300)
            {
                break;
            }

            var x = bisectNext ? a + (width / 2) : b - (fb * width / (fb - fa));
            if (!(x > a && x < b))
            {
                x = a + (width / 2);
            }

            var fx = f(x);
            if (fx == 0)
            {
                return x;
            }

            if (fx > 0)
            {
                a = x;
                fa = fx;
                if (lastMoved == +1)
                {
                    fb /= 2; // Illinois: the high end has been kept twice in a row
                }

                lastMoved = +1;
            }
            else
            {
                b = x;
                fb = fx;
                if (lastMoved == -1)
                {
                    fa /= 2; // Illinois: the low end has been kept twice in a row
                }

                lastMoved = -1;
            }

            bisectNext = !bisectNext && (b - a) > width / 2;
        }

        return Math.Abs(fa) < Math.Abs(fb) ? a : b;
    }
}
