using System.Globalization;
using Workbook.Core.Simulation;

namespace Workbook.Core.Queueing.Simulation;

/// <summary>
/// Bursty arrivals whose bursts last: a two-state Markov-modulated Poisson process (MMPP-2). A
/// hidden two-state Markov chain switches between a phase with Poisson arrivals at rate λ₁ and one
/// at rate λ₂.
/// </summary>
/// <remarks>
/// In phase i arrivals are Poisson at rate λᵢ and the phase ends at rate rᵢⱼ; a rate of 0 gives an
/// on-off source. Unlike <see cref="HyperexponentialArrivals"/>, consecutive gaps are positively
/// correlated, so two numbers describe the burstiness: <see cref="InterarrivalScv"/>, the SCV of one gap
/// on its own, and <see cref="AsymptoticIndexOfDispersion"/>, lim Var N(t)/E N(t), which counts the
/// correlation in and is the better input for heavy-traffic approximations (W. Whitt, Bell System
/// Technical Journal 62(9), 1983). Both are computed in 2 × 2 closed form (W. Fischer and
/// K. Meier-Hellstern, "The MMPP cookbook", Performance Evaluation 18(2), 1993). The struct remembers
/// its phase (a mutable struct); the simulator works on a copy that starts in the stationary regime.
/// </remarks>
public struct MarkovModulatedPoissonArrivals : IArrivalProcess
{
    private readonly double rate1;
    private readonly double rate2;
    private readonly double switchRate12;
    private readonly double switchRate21;
    private bool started;
    private bool inPhase2;
    private double timeLeftInPhase;

    /// <summary>Creates an MMPP-2 from its two arrival rates and two switching rates.</summary>
    /// <param name="rate1">λ₁, the arrival rate in phase 1; a finite number &gt;= 0.</param>
    /// <param name="rate2">λ₂, the arrival rate in phase 2; a finite number &gt;= 0, and &gt; 0 if λ₁ is 0.</param>
    /// <param name="switchRate12">r₁₂, the rate of leaving phase 1 for phase 2; a finite number &gt; 0.</param>
    /// <param name="switchRate21">r₂₁, the rate of leaving phase 2 for phase 1; a finite number &gt; 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is NaN, infinite or outside its range.</exception>
    public MarkovModulatedPoissonArrivals(double rate1, double rate2, double switchRate12, double switchRate21)
    {
        this.rate1 = Guard.NonNegativeFinite(rate1, nameof(rate1));
        this.rate2 = Guard.NonNegativeFinite(rate2, nameof(rate2));
        if (rate1 == 0 && rate2 == 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(rate2), $"{nameof(rate2)} must be a finite number > 0 when {nameof(rate1)} is 0; got 0.");
        }

        this.switchRate12 = Guard.PositiveFinite(switchRate12, nameof(switchRate12));
        this.switchRate21 = Guard.PositiveFinite(switchRate21, nameof(switchRate21));
        started = false;
        inPhase2 = false;
        timeLeftInPhase = 0;

        var switching = switchRate12 + switchRate21;
        var pi1 = switchRate21 / switching;
        var pi2 = switchRate12 / switching;
        Rate = pi1 * rate1 + pi2 * rate2;
        AsymptoticIndexOfDispersion =
            1.0 + 2.0 * pi1 * pi2 * (rate1 - rate2) * (rate1 - rate2) / (switching * Rate);
        InterarrivalScv = StationaryIntervalScv(rate1, rate2, switchRate12, switchRate21, pi1, pi2, Rate);
    }

    /// <summary>λ̄ = π₁λ₁ + π₂λ₂, the long-run arrival rate.</summary>
    public double Rate { get; }

    /// <summary>
    /// The SCV of a single gap between arrivals (the stationary interval distribution), ignoring the
    /// correlation between consecutive gaps; see the remarks on the type.
    /// </summary>
    public double InterarrivalScv { get; }

    /// <summary>
    /// lim Var N(t) / E N(t) as t → ∞, for the number of arrivals N(t) in a window of length t:
    /// the burstiness including the correlation between gaps; see the remarks on the type.
    /// </summary>
    public double AsymptoticIndexOfDispersion { get; }

    /// <inheritdoc/>
    public double NextInterarrivalTime(ref Xoshiro256StarStar random)
    {
        if (!started)
        {
            started = true;
            inPhase2 = random.NextDouble() < switchRate12 / (switchRate12 + switchRate21);
            timeLeftInPhase = random.NextExponential(1.0 / (inPhase2 ? switchRate21 : switchRate12));
        }

        // Implementation note: both clocks are memoryless, so at each step we may draw a fresh
        // arrival gap for the current phase and race it against the time left in the phase. If the
        // arrival wins, the phase goes on (with less time left); if the phase ends first, the arrival
        // draw is simply forgotten and a new one is drawn in the next phase.
        var elapsed = 0.0;
        while (true)
        {
            var rate = inPhase2 ? rate2 : rate1;
            var gap = rate > 0 ? random.NextExponential(1.0 / rate) : double.PositiveInfinity;
            if (gap < timeLeftInPhase)
            {
                timeLeftInPhase -= gap;
                return elapsed + gap;
            }

            elapsed += timeLeftInPhase;
            inPhase2 = !inPhase2;
            timeLeftInPhase = random.NextExponential(1.0 / (inPhase2 ? switchRate21 : switchRate12));
        }
    }

    /// <inheritdoc/>
    public override readonly string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"MMPP-2(λ₁ = {rate1}, λ₂ = {rate2}, r₁₂ = {switchRate12}, r₂₁ = {switchRate21})");

    // E[T] = α M 𝟙 and E[T²] = 2 α M² 𝟙, where M = (−D₀)⁻¹ and α = (π₁λ₁, π₂λ₂) / λ̄.
    private static double StationaryIntervalScv(
        double rate1, double rate2, double r12, double r21, double pi1, double pi2, double meanRate)
    {
        // −D₀ = [[λ₁ + r₁₂, −r₁₂], [−r₂₁, λ₂ + r₂₁]]; its inverse is the adjugate over the determinant.
        var a = rate1 + r12;
        var d = rate2 + r21;
        var determinant = a * d - r12 * r21;
        double m11 = d / determinant, m12 = r12 / determinant, m21 = r21 / determinant, m22 = a / determinant;

        // v = M𝟙, then w = Mv = M²𝟙.
        var v1 = m11 + m12;
        var v2 = m21 + m22;
        var w1 = m11 * v1 + m12 * v2;
        var w2 = m21 * v1 + m22 * v2;

        var alpha1 = pi1 * rate1 / meanRate;
        var alpha2 = pi2 * rate2 / meanRate;
        var secondMoment = 2.0 * (alpha1 * w1 + alpha2 * w2);
        return secondMoment * meanRate * meanRate - 1.0;
    }
}
