using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using Workbook.Core.Simulation;

namespace Workbook.Core.Resilience;

/// <summary>
/// How long an upper EWMA chart on a failure-rate signal takes to signal: the average run length
/// (ARL), by seeded simulation and, independently, by the Markov-chain method.
/// </summary>
/// <remarks>
/// Each observation is the failure fraction of b calls; the chart is centred on p₀ with
/// σ = √(p₀(1 − p₀)/b), starts at z₀ = p₀ and signals when z_t exceeds the upper limit. With p = p₀
/// the run length is the time to a false alarm (ARL₀), with a degraded p₁ the time to detect (ARL₁);
/// multiply by b for calls. The Markov-chain method (D. Brook and D. A. Evans, Biometrika 59(3), 1972;
/// Lucas and Saccucci, Technometrics 32(1), 1990) splits [0, UCL] into M cells and solves (I − Q)·a = 1
/// with binomial moves, so it needs steady-state limits; classical ARL tables assume normal observations,
/// which failure fractions of a few calls are not. Derivation: episode 13, section 5.
/// </remarks>
public static class EwmaRunLength
{
    /// <summary>The average run length, in observations, by seeded simulation.</summary>
    /// <param name="chart">The chart.</param>
    /// <param name="baselineFailureRate">p₀, the rate the chart is centred on, in [0, 1].</param>
    /// <param name="actualFailureRate">p, the rate calls actually fail at from the first observation, in [0, 1].</param>
    /// <param name="callsPerObservation">b, &gt;= 1.</param>
    /// <param name="runs">Independent runs; &gt;= 2.</param>
    /// <param name="seed">Seed of the random number generator.</param>
    /// <param name="maxObservations">Where a run is cut off and counted as censored; &gt;= 1. Default 1,000,000.</param>
    /// <exception cref="ArgumentNullException"><paramref name="chart"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public static Estimate Simulate(
        EwmaChartOptions chart,
        double baselineFailureRate,
        double actualFailureRate,
        int callsPerObservation,
        int runs,
        int seed,
        int maxObservations = 1_000_000)
    {
        ArgumentNullException.ThrowIfNull(chart);
        double sigma = EwmaMath.FailureFractionStandardDeviation(baselineFailureRate, callsPerObservation);
        Guard.Probability(actualFailureRate, nameof(actualFailureRate));
        Guard.AtLeast(runs, 2, nameof(runs));
        Guard.AtLeast(maxObservations, 1, nameof(maxObservations));

        double[] cumulative = BinomialCumulative(callsPerObservation, actualFailureRate);
        double steadyUpper = chart.UpperLimit(baselineFailureRate, sigma, 1);
        var random = new Xoshiro256StarStar(seed);
        double sum = 0, sumOfSquares = 0;
        int censored = 0;
        for (int run = 0; run < runs; run++)
        {
            double z = baselineFailureRate;
            int t = 0;
            bool signalled = false;
            while (t < maxObservations)
            {
                t++;
                int failures = Array.BinarySearch(cumulative, random.NextDouble());
                failures = failures >= 0 ? failures + 1 : ~failures;
                z = (chart.Lambda * failures / callsPerObservation) + ((1 - chart.Lambda) * z);
                double upper = chart.TimeVaryingLimits ? chart.UpperLimit(baselineFailureRate, sigma, t) : steadyUpper;
                if (z > upper)
                {
                    signalled = true;
                    break;
                }
            }

            censored += signalled ? 0 : 1;
            sum += t;
            sumOfSquares += (double)t * t;
        }

        return Estimate.FromSums(sum, sumOfSquares, runs, censored);
    }

    /// <summary>The average run length, in observations, by the Markov-chain approximation with <paramref name="states"/> cells.</summary>
    /// <param name="chart">The chart; must use steady-state limits.</param>
    /// <param name="baselineFailureRate">p₀, in [0, 1].</param>
    /// <param name="actualFailureRate">p, in [0, 1].</param>
    /// <param name="callsPerObservation">b, &gt;= 1.</param>
    /// <param name="states">M, the number of cells; in [10, 5000]. Default 1000.</param>
    /// <returns>The ARL; infinite, with <see cref="ExpectedRunLength.IsFinite"/> false and the reason, if the limit is at or above 1 (z can never exceed it).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="chart"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="chart"/> uses time-varying limits.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public static ExpectedRunLength MarkovChain(
        EwmaChartOptions chart, double baselineFailureRate, double actualFailureRate, int callsPerObservation, int states = 1000)
    {
        ArgumentNullException.ThrowIfNull(chart);
        if (chart.TimeVaryingLimits)
        {
            throw new ArgumentException("The Markov-chain method needs steady-state limits (TimeVaryingLimits = false).", nameof(chart));
        }

        double sigma = EwmaMath.FailureFractionStandardDeviation(baselineFailureRate, callsPerObservation);
        Guard.Probability(actualFailureRate, nameof(actualFailureRate));
        if (states is < 10 or > 5000)
        {
            throw new ArgumentOutOfRangeException(nameof(states), $"{nameof(states)} must be an integer in [10, 5000]; got {states}.");
        }

        double upper = chart.UpperLimit(baselineFailureRate, sigma, 1);
        if (upper >= 1)
        {
            return new ExpectedRunLength(
                double.PositiveInfinity,
                $"The upper limit {Guard.Format(upper)} is at or above 1, and z, an average of failure fractions, never exceeds 1: the chart never signals.");
        }

        double lambda = chart.Lambda;
        int b = callsPerObservation;
        double[] pmf = Enumerable.Range(0, b + 1).Select(j => Binomial.PMF(actualFailureRate, b, j)).ToArray();
        double width = upper / states;
        int Cell(double z) => Math.Min(states - 1, (int)(z / width));

        var iMinusQ = Matrix<double>.Build.DenseIdentity(states);
        for (int i = 0; i < states; i++)
        {
            double centre = (i + 0.5) * width;
            for (int j = 0; j <= b; j++)
            {
                double next = ((1 - lambda) * centre) + (lambda * j / b);
                if (next <= upper)
                {
                    iMinusQ[i, Cell(next)] -= pmf[j];
                }
            }
        }

        var fromCell = iMinusQ.Solve(Vector<double>.Build.Dense(states, 1.0));

        // The first step from the exact start z₀ = p₀, then the chain.
        double arl = 1;
        for (int j = 0; j <= b; j++)
        {
            double next = ((1 - lambda) * baselineFailureRate) + (lambda * j / b);
            if (next <= upper)
            {
                arl += pmf[j] * fromCell[Cell(next)];
            }
        }

        return new ExpectedRunLength(arl, $"Markov chain with {states} cells on [0, {Guard.Format(upper)}] (steady-state upper limit).");
    }

    private static double[] BinomialCumulative(int n, double p)
    {
        // cumulative[j] = P(X ≤ j); the last entry is forced to 1 so every uniform draw lands somewhere.
        var cumulative = new double[n + 1];
        double running = 0;
        for (int j = 0; j <= n; j++)
        {
            running += Binomial.PMF(p, n, j);
            cumulative[j] = running;
        }

        cumulative[n] = 1;
        return cumulative;
    }
}
