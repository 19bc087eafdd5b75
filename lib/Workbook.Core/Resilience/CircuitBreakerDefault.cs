using System.Globalization;

namespace Workbook.Core.Resilience;

/// <summary>One row of <c>data/resilience/circuit-breaker-defaults.csv</c>: a library's default for one parameter, with its source.</summary>
/// <param name="Library">"Hystrix", "Polly", "resilience4j", or "seed: netflix" / "seed: amazon".</param>
/// <param name="Version">The release whose source was checked, or "n/a".</param>
/// <param name="Parameter">The library's own name for the parameter.</param>
/// <param name="Value">The default as the library writes it: a number, or a name such as COUNT_BASED.</param>
/// <param name="Unit">The unit of <paramref name="Value"/>: calls, percent, ratio, ms, s, buckets, or empty.</param>
/// <param name="Meaning">What the parameter does.</param>
/// <param name="IsIllustrative">True for a number with no public source (most of the seed's), false for a documented default.</param>
/// <param name="Source">Where the value was checked.</param>
public sealed record CircuitBreakerDefault(
    string Library,
    string Version,
    string Parameter,
    string Value,
    string Unit,
    string Meaning,
    bool IsIllustrative,
    string Source)
{
    /// <summary>The value as a number, or null if it is a name (such as COUNT_BASED).</summary>
    public double? NumericValue =>
        double.TryParse(Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) ? number : null;

    /// <summary>The first https:// address in <see cref="Source"/> (trailing punctuation removed), or null if it has none.</summary>
    public string? SourceUrl =>
        Source.Split(' ').FirstOrDefault(word => word.StartsWith("https://", StringComparison.Ordinal))?.TrimEnd(';', ',', '.', ')');
}
