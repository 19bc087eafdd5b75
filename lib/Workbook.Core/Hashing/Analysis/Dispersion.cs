namespace Workbook.Core.Hashing.Analysis;

/// <summary>Population statistics of per-node loads, shared by counts and shares.</summary>
internal static class Dispersion
{
    /// <summary>Population SD (divide by n) over the mean; the mean of loads that sum to a fixed total is known exactly.</summary>
    public static double PopulationCv(ReadOnlySpan<double> loads)
    {
        double mean = Mean(loads);
        double sumOfSquares = 0;
        foreach (double load in loads)
        {
            sumOfSquares += (load - mean) * (load - mean);
        }

        return Math.Sqrt(sumOfSquares / loads.Length) / mean;
    }

    public static double Mean(ReadOnlySpan<double> loads)
    {
        double sum = 0;
        foreach (double load in loads)
        {
            sum += load;
        }

        return sum / loads.Length;
    }

    public static double Max(ReadOnlySpan<double> loads)
    {
        double max = double.NegativeInfinity;
        foreach (double load in loads)
        {
            max = Math.Max(max, load);
        }

        return max;
    }
}
