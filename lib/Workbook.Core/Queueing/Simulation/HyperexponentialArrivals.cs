using System.Runtime.CompilerServices;
using Workbook.Core.Simulation;

namespace Workbook.Core.Queueing.Simulation;

/// <summary>
/// Bursty arrivals with independent gaps: each gap is exponential with one of two means, chosen at
/// random (a two-phase hyperexponential, H2), fitted to a mean gap and an SCV of at least 1.
/// </summary>
/// <remarks>
/// Each gap is exponential with rate μ₁ with probability p₁, else with rate μ₂. Mean and SCV leave one
/// degree of freedom, fixed by "balanced means" (p₁/μ₁ = p₂/μ₂): p₁ = ½(1 + √((c² − 1)/(c² + 1))),
/// μ₁ = 2p₁/m, μ₂ = 2p₂/m (W. Whitt, Operations Research 30(1), 1982). The gaps are independent, so
/// bursts do not persist (for that see <see cref="MarkovModulatedPoissonArrivals"/>); at c² = 1 this is
/// <see cref="PoissonArrivals"/>.
/// </remarks>
public readonly struct HyperexponentialArrivals : IArrivalProcess
{
    /// <summary>Creates H2 arrivals with the given long-run rate and gap SCV.</summary>
    /// <param name="rate">λ, arrivals per unit of time (the mean gap is 1 / λ); a finite number &gt; 0.</param>
    /// <param name="scv">The squared coefficient of variation of the gaps; a finite number &gt;= 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is NaN, infinite or outside its range.</exception>
    public HyperexponentialArrivals(double rate, double scv)
    {
        Rate = Guard.PositiveFinite(rate, nameof(rate));
        InterarrivalScv = Guard.AtLeastFinite(scv, 1.0, nameof(scv));
        var meanGap = 1.0 / rate;
        FirstPhaseProbability = 0.5 * (1.0 + Math.Sqrt((scv - 1.0) / (scv + 1.0)));
        FirstPhaseMean = meanGap / (2.0 * FirstPhaseProbability);
        SecondPhaseMean = meanGap / (2.0 * (1.0 - FirstPhaseProbability));
    }

    /// <inheritdoc/>
    public double Rate { get; }

    /// <inheritdoc/>
    public double InterarrivalScv { get; }

    /// <summary>p₁, the probability that a gap is drawn from the first (short) phase; in [½, 1).</summary>
    public double FirstPhaseProbability { get; }

    /// <summary>1/μ₁, the mean of a gap from the first phase: the short gaps inside a burst.</summary>
    public double FirstPhaseMean { get; }

    /// <summary>1/μ₂, the mean of a gap from the second phase: the long, rarer gaps between bursts.</summary>
    public double SecondPhaseMean { get; }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextInterarrivalTime(ref Xoshiro256StarStar random) =>
        random.NextExponential(random.NextDouble() < FirstPhaseProbability ? FirstPhaseMean : SecondPhaseMean);
}
