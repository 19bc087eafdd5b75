using Workbook.Core.Queueing.Simulation;
using Workbook.Core.Simulation;

namespace Workbook.Core.Tests.Queueing.Simulation;

/// <summary>The sample mean and SCV of many draws.</summary>
internal static class SampleStatistics
{
    public static (double Mean, double Scv) OfServiceTimes<T>(T distribution, int count, int seed)
        where T : struct, IServiceDistribution
    {
        var random = new Xoshiro256StarStar(seed);
        return Of(count, () => distribution.NextServiceTime(ref random));
    }

    public static (double Mean, double Scv) OfGaps<T>(T process, int count, int seed)
        where T : struct, IArrivalProcess
    {
        var random = new Xoshiro256StarStar(seed);
        return Of(count, () => process.NextInterarrivalTime(ref random));
    }

    private static (double Mean, double Scv) Of(int count, Func<double> draw)
    {
        // Sums in double are ample here: 4·10⁶ terms lose about 10⁻¹⁰ in relative precision.
        double sum = 0, squares = 0;
        for (var i = 0; i < count; i++)
        {
            var x = draw();
            Assert.True(x >= 0 && double.IsFinite(x), $"draw {x}");
            sum += x;
            squares += x * x;
        }

        var mean = sum / count;
        var variance = squares / count - mean * mean;
        return (mean, variance / (mean * mean));
    }
}
