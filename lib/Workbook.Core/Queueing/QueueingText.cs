using System.Globalization;

namespace Workbook.Core.Queueing;

/// <summary>Formats numbers for the explanations the queueing types write, whatever the machine's locale.</summary>
internal static class QueueingText
{
    /// <summary>A number to four significant digits: 0.01839, 100, 1.5E+06.</summary>
    public static string Number(double value) => value.ToString("G4", CultureInfo.InvariantCulture);

    /// <summary>An integer with thousands separators: 10,123.</summary>
    public static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A duration in seconds, in the unit that reads best: 92.1 ms, 1.5 s, 35 µs, 0 s.</summary>
    public static string Duration(double seconds)
    {
        var magnitude = Math.Abs(seconds);
        return magnitude switch
        {
            0 => "0 s",
            >= 1 => $"{Number(seconds)} s",
            >= 1e-3 => $"{Number(seconds * 1e3)} ms",
            >= 1e-6 => $"{Number(seconds * 1e6)} µs",
            _ => $"{Number(seconds * 1e9)} ns",
        };
    }

    /// <summary>A percentile level as engineers write it: 0.99 → p99, 0.999 → p99.9.</summary>
    public static string Percentile(double probability) =>
        "p" + (probability * 100).ToString("G6", CultureInfo.InvariantCulture);

    /// <summary>A probability or utilisation as a percentage: 0.9876 → 98.76 %.</summary>
    public static string Percent(double fraction) => $"{Number(fraction * 100)} %";
}
