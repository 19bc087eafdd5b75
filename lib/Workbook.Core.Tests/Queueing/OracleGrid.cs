namespace Workbook.Core.Tests.Queueing;

/// <summary>The (servers, utilisation) points at which the library is compared with <see cref="MMcOracle"/>.</summary>
internal static class OracleGrid
{
    /// <summary>The service time used throughout: 20 ms, not a power of two, so λS is not exact in double.</summary>
    public const double ServiceTimeSeconds = 0.02;

    private static readonly int[] Servers = [1, 2, 3, 5, 10, 30, 100, 170, 171, 500, 1000, 10_000, 100_000];

    private static readonly double[] Utilisations = [0.1, 0.5, 0.8, 0.9, 0.95, 0.99, 0.995, 0.999];

    /// <summary>
    /// Every grid point whose probability of waiting is representable in double precision. At
    /// light load with many servers C is below 10⁻³⁰⁸ (ln C ≈ c(ln ρ + 1 − ρ)); those points test
    /// nothing but underflow and are covered separately.
    /// </summary>
    public static TheoryData<int, double> RepresentablePoints()
    {
        var data = new TheoryData<int, double>();
        foreach (var c in Servers)
        {
            foreach (var rho in Utilisations)
            {
                if (c * (Math.Log(rho) + 1 - rho) > -600)
                {
                    data.Add(c, rho);
                }
            }
        }

        return data;
    }

    /// <summary>A subset for the slower response-time percentile checks.</summary>
    public static TheoryData<int, double> PercentilePoints()
    {
        var data = new TheoryData<int, double>();
        foreach (var c in new[] { 1, 2, 5, 30, 171, 1000, 100_000 })
        {
            foreach (var rho in new[] { 0.1, 0.5, 0.9, 0.99, 0.999 })
            {
                if (c * (Math.Log(rho) + 1 - rho) > -600)
                {
                    data.Add(c, rho);
                }
            }
        }

        return data;
    }

    public static double ArrivalRate(int servers, double utilisation) => utilisation * servers / ServiceTimeSeconds;
}
