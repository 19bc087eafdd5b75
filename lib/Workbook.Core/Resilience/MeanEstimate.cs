namespace Workbook.Core.Resilience;

/// <summary>
/// The result of a seeded simulation: a sample mean, its standard error, how many independent runs
/// it averages, and how many of them were cut off before their event happened.
/// </summary>
/// <remarks>
/// For a probability the mean is the fraction of runs in which the event happened and the standard
/// error is √(p̂(1 − p̂)/runs). A censored run (the event had not happened by the simulation's cap)
/// is counted at the cap, so with <see cref="Censored"/> &gt; 0 the mean is a lower bound. Compare a
/// closed form with a simulation by asking whether they differ by less than about four standard errors.
/// </remarks>
/// <param name="Mean">The sample mean.</param>
/// <param name="StandardError">The standard error of the mean: sample standard deviation / √runs.</param>
/// <param name="Runs">The number of independent runs averaged.</param>
/// <param name="Censored">Runs stopped at the cap before their event happened.</param>
public readonly record struct MeanEstimate(double Mean, double StandardError, int Runs, int Censored = 0)
{
    internal static MeanEstimate FromSums(double sum, double sumOfSquares, int runs, int censored = 0)
    {
        double mean = sum / runs;
        double variance = runs > 1 ? Math.Max(0, (sumOfSquares - (sum * mean)) / (runs - 1)) : 0;
        return new MeanEstimate(mean, Math.Sqrt(variance / runs), runs, censored);
    }
}
