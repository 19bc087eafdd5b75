namespace Workbook.Core.Tests.Queueing;

/// <summary>
/// An independent M/M/c calculator in 96-digit arithmetic (<see cref="BigFloat"/>), used as the
/// reference for the library. It deliberately uses different formulas from the library:
/// <list type="bullet">
/// <item><description>
/// Erlang B and C from the textbook sums of Poisson terms, Σ Aᵏ/k!, summed directly (relative to the
/// k = c term, so nothing overflows), not from the recurrence.
/// </description></item>
/// <item><description>
/// C from the M/M/c stationary distribution, C = [Aᶜ/(c!(1 − ρ))] / [Σₖ₌₀..c−1 Aᵏ/k! + Aᶜ/(c!(1 − ρ))],
/// not from B.
/// </description></item>
/// <item><description>
/// The response-time tail in its textbook hypoexponential form (two cases, θ ≠ μ and θ = μ), whose
/// cancellation near θ = μ the extra digits absorb, and percentiles by plain bisection on it.
/// </description></item>
/// </list>
/// Inputs are the exact values of the doubles λ and S; A = λS is formed exactly (106 bits).
/// </summary>
internal sealed class MMcOracle
{
    private readonly BigFloat lambda;
    private readonly BigFloat serviceTime;
    private readonly BigFloat load;
    private readonly int servers;

    public MMcOracle(double arrivalRatePerSecond, double meanServiceTimeSeconds, int servers)
    {
        lambda = arrivalRatePerSecond;
        serviceTime = meanServiceTimeSeconds;
        load = lambda * serviceTime; // exact
        this.servers = servers;
        (ErlangB, ProbabilityOfWaiting) = ErlangBAndC(load, servers);
        var c = BigFloat.FromInteger(servers);
        Theta = (c / serviceTime) - lambda;                   // cμ − λ, from the rates
        Mu = BigFloat.One / serviceTime;
        MeanWait = ProbabilityOfWaiting / Theta;
        MeanResponse = MeanWait + serviceTime;
    }

    public BigFloat ErlangB { get; }

    public BigFloat ProbabilityOfWaiting { get; }

    public BigFloat Theta { get; }

    public BigFloat Mu { get; }

    public BigFloat MeanWait { get; }

    public BigFloat MeanResponse { get; }

    /// <summary>B(c, A) and C(c, A) for A &lt; c (C is only meaningful then).</summary>
    public static (BigFloat B, BigFloat C) ErlangBAndC(BigFloat load, int servers)
    {
        if (load.IsZero)
        {
            return (servers == 0 ? BigFloat.One : BigFloat.Zero, BigFloat.Zero);
        }

        // Σₖ₌₀..c Aᵏ/k! divided by its last term Aᶜ/c!: terms u_j = c!/(c − j)! / Aʲ for j = 0..c,
        // summed until the rest is provably negligible (the ratio (c − j)/A keeps falling).
        var inverseLoad = BigFloat.One / load;
        var loadDouble = load.ToDouble();
        var term = BigFloat.One;
        var sum = BigFloat.One;
        for (var j = 1; j <= servers; j++)
        {
            term = term * BigFloat.FromInteger(servers - j + 1) * inverseLoad;
            sum += term;
            var nextRatio = (servers - j) / loadDouble;
            if (nextRatio < 1 && term.Log2Floor + Math.Log2(nextRatio / (1 - nextRatio)) < sum.Log2Floor - BigFloat.Precision - 16)
            {
                break;
            }
        }

        var b = BigFloat.One / sum;
        if (servers == 0 || load >= BigFloat.FromInteger(servers))
        {
            return (b, BigFloat.One);
        }

        // sum − 1 = Σₖ<c Aᵏ/k! ÷ (Aᶜ/c!); the queue's tail adds (Aᶜ/c!)·c/(c − A).
        var c = BigFloat.FromInteger(servers);
        var tailWeight = c / (c - load);
        var probabilityOfWaiting = tailWeight / ((sum - BigFloat.One) + tailWeight);
        return (b, probabilityOfWaiting);
    }

    /// <summary>P(W_q &gt; t) = C·e^−θt.</summary>
    public BigFloat WaitingTail(BigFloat t) => ProbabilityOfWaiting * BigFloat.Exp(-(Theta * t));

    /// <summary>The p-th percentile of the wait: 0 if C &lt;= 1 − p, else ln(C/(1 − p))/θ.</summary>
    public BigFloat WaitingPercentile(double p)
    {
        var q = BigFloat.One - p;
        return ProbabilityOfWaiting <= q ? BigFloat.Zero : BigFloat.Log(ProbabilityOfWaiting / q) / Theta;
    }

    /// <summary>P(T &gt; t) in the textbook two-case form.</summary>
    public BigFloat ResponseTail(BigFloat t)
    {
        var c = BigFloat.FromInteger(servers);
        var cMinus1MinusA = c - BigFloat.One - load;          // exactly 0 in the degenerate case
        var serviceTail = BigFloat.Exp(-(Mu * t));
        var noWait = (BigFloat.One - ProbabilityOfWaiting) * serviceTail;
        if (cMinus1MinusA.IsZero)
        {
            return noWait + (ProbabilityOfWaiting * (BigFloat.One + (Mu * t)) * serviceTail);
        }

        var theta = (c - load) / serviceTime;
        var difference = cMinus1MinusA / serviceTime;           // θ − μ, exact up to one rounding
        var waitTail = BigFloat.Exp(-(theta * t));
        var sumTail = ((theta * serviceTail) - (Mu * waitTail)) / difference;
        return noWait + (ProbabilityOfWaiting * sumTail);
    }

    /// <summary>
    /// The p-th percentile of T by bisection on the exact tail, to 10⁻¹⁴ relative. A guess (for
    /// speed, the library's answer) may narrow the starting bracket, but only after the exact tail
    /// has confirmed that the root lies inside it; otherwise the bracket is found from scratch.
    /// </summary>
    public double ResponsePercentile(double p, double guess = double.NaN)
    {
        var q = BigFloat.One - p;
        bool Above(double t) => ResponseTail(t) > q; // t is below the percentile

        double low, high;
        if (double.IsFinite(guess) && guess > 0 && Above(guess * (1 - 1e-8)) && !Above(guess * (1 + 1e-8)))
        {
            (low, high) = (guess * (1 - 1e-8), guess * (1 + 1e-8));
        }
        else
        {
            low = -Math.Log(1 - p) * serviceTime.ToDouble() * 0.5;
            high = low * 4;
            while (Above(high))
            {
                high *= 2;
            }

            while (!Above(low))
            {
                low /= 2;
            }
        }

        while (high - low > 1e-14 * high)
        {
            var mid = low + ((high - low) / 2);
            if (Above(mid))
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return low + ((high - low) / 2);
    }

    /// <summary>The relative difference |x − reference| / |reference|, in double.</summary>
    public static double RelativeError(double x, BigFloat reference)
    {
        if (reference.IsZero)
        {
            return x == 0 ? 0 : double.PositiveInfinity;
        }

        return BigFloat.Abs((BigFloat.FromDouble(x) - reference) / reference).ToDouble();
    }
}
