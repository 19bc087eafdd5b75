using Workbook.Core.Reliability.Leaks;

namespace Workbook.Core.HeapTests.Reliability.Leaks;

/// <summary>A straight line through memory samples by least squares: its slope (bytes per event) and R².</summary>
internal static class LeastSquaresLine
{
    public static (double Slope, double RSquared) Fit(IReadOnlyList<MemorySample> samples)
    {
        double n = samples.Count;
        double meanX = samples.Average(s => (double)s.Events);
        double meanY = samples.Average(s => (double)s.RetainedBytes);
        double sxx = samples.Sum(s => (s.Events - meanX) * (s.Events - meanX));
        double sxy = samples.Sum(s => (s.Events - meanX) * (s.RetainedBytes - meanY));
        double syy = samples.Sum(s => (s.RetainedBytes - meanY) * (s.RetainedBytes - meanY));
        double slope = sxy / sxx;
        return (slope, n > 1 ? sxy * sxy / (sxx * syy) : 1);
    }
}
