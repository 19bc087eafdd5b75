using System.Globalization;
using Plotly.NET;
using Plotly.NET.CSharp;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace Workbook.Core.Charts;

/// <summary>Small building blocks shared by the episodes' figure definitions.</summary>
internal static class ChartParts
{
    /// <summary>A line trace with a name, colour, width and optional dash style.</summary>
    public static GenericChart Line(IEnumerable<double> x, IEnumerable<double> y, string name, string colour, double width = 2.5, StyleParam.DrawingStyle? dash = null) =>
        dash is null
            ? CSharpChart.Line<double, double, string>(x, y, Name: name, LineColor: Color.fromString(colour), LineWidth: width)
            : CSharpChart.Line<double, double, string>(x, y, Name: name, LineColor: Color.fromString(colour), LineWidth: width, LineDash: dash);

    /// <summary>Evenly spaced values from <paramref name="from"/> to <paramref name="to"/> (the last may overshoot by half a step).</summary>
    public static double[] Steps(double from, double to, double step)
    {
        var count = (int)Math.Round((to - from) / step) + 1;
        return Enumerable.Range(0, count).Select(i => from + i * step).ToArray();
    }

    /// <summary>
    /// A figure title: the finding as the headline (the figure's catalog title), then a smaller second
    /// line with the conditions and the computed numbers, so the descriptive label never has to be the headline.
    /// </summary>
    public static string Headline(string finding, string subtitle) =>
        $"{finding}<br><span style=\"font-size:75%\">{subtitle}</span>";

    /// <summary>
    /// Makes an axis logarithmic over [<paramref name="min"/>, <paramref name="max"/>] with ticks at the
    /// powers of ten only, written out by hand: 0.01 … 10,000 as plain numbers, beyond that all ticks as
    /// 10⁻³ style powers. Plotly would otherwise pick SI suffixes (100µ reads as microseconds) or label 2 and 5
    /// within each decade. The axis title should say "log scale" (see the episode figures).
    /// </summary>
    public static GenericChart LogAxis(GenericChart chart, string axis, double min, double max)
    {
        if (!(min > 0 && max > min) || !double.IsFinite(max))
        {
            throw new ArgumentOutOfRangeException(nameof(min), $"A log axis needs 0 < min < max < +∞; it was [{min}, {max}].");
        }

        var (low, high) = (Math.Log10(min), Math.Log10(max));
        var powers = Enumerable.Range((int)Math.Ceiling(low - 1e-9), (int)Math.Floor(high + 1e-9) - (int)Math.Ceiling(low - 1e-9) + 1).ToArray();
        var plain = powers.All(k => k is >= -2 and <= 4);
        var layout = GenericChart.getLayout(chart);
        if (layout.TryGetPropertyValue(axis) is not { } value || value.Value is not DynamicObj.DynamicObj axisObject)
        {
            throw new ArgumentException($"The chart has no '{axis}' to make logarithmic.", nameof(axis));
        }

        axisObject.SetProperty("type", "log");
        axisObject.SetProperty("autorange", false);
        axisObject.SetProperty("range", new[] { low, high });
        axisObject.SetProperty("tickmode", "array");
        axisObject.SetProperty("tickvals", powers.Select(k => Math.Pow(10, k)).ToArray());
        axisObject.SetProperty("ticktext", powers.Select(k => plain ? Math.Pow(10, k).ToString("#,##0.##", CultureInfo.InvariantCulture) : PowerOfTen(k)).ToArray());
        return chart;
    }

    /// <summary>10ᵏ written with superscript digits, for example 10⁻³; 10⁰ is written 1.</summary>
    public static string PowerOfTen(int exponent)
    {
        if (exponent == 0)
        {
            return "1";
        }

        const string digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        var text = Math.Abs(exponent).ToString(CultureInfo.InvariantCulture);
        return "10" + (exponent < 0 ? "⁻" : "") + string.Concat(text.Select(d => digits[d - '0']));
    }

    /// <summary>Open markers (circles unless <paramref name="symbol"/> names another plotly.js symbol), as a raw plotly.js trace.</summary>
    public static GenericChart Points(IEnumerable<double> x, IEnumerable<double> y, string name, string colour, string symbol = "circle-open") =>
        PointsWithErrors(x, y, null, name, colour, symbol: symbol);

    /// <summary>A scatter trace with optional symmetric error bars, built as a raw plotly.js trace.</summary>
    public static GenericChart PointsWithErrors(IEnumerable<double> x, IEnumerable<double> y, IEnumerable<double>? halfWidths, string name, string colour, bool lines = false, string symbol = "circle-open")
    {
        var trace = new Trace("scatter");
        trace.SetProperty("x", x.ToArray());
        trace.SetProperty("y", y.ToArray());
        trace.SetProperty("name", name);
        trace.SetProperty("mode", lines ? "lines+markers" : "markers");
        trace.SetProperty("marker", new { color = colour, size = 9, symbol, line = new { width = 2 } });
        if (lines)
        {
            trace.SetProperty("line", new { color = colour, width = 2 });
        }

        if (halfWidths is not null)
        {
            trace.SetProperty("error_y", new { type = "data", array = halfWidths.ToArray(), visible = true, color = colour, thickness = 1.5, width = 4 });
        }

        return GenericChart.ofTraceObject(true, trace);
    }

    /// <summary>
    /// Adds a slider whose steps show one group of traces at a time: step i makes traces
    /// i·<paramref name="tracesPerStep"/> … (i + 1)·<paramref name="tracesPerStep"/> − 1 visible, so the
    /// traces must be added in step order. The figure grows to make room for the slider below the axis.
    /// </summary>
    public static GenericChart WithSlider(GenericChart styled, IReadOnlyList<int> values, int tracesPerStep, int active, string prefix)
    {
        var steps = values.Select((value, i) => new
        {
            method = "restyle",
            label = value.ToString(CultureInfo.InvariantCulture),
            args = new object[] { new { visible = values.SelectMany((_, j) => Enumerable.Repeat(j == i, tracesPerStep)).ToArray() } },
        }).ToArray();
        var layout = new Layout();
        layout.SetProperty("sliders", new object[] { new { active, currentvalue = new { prefix }, pad = new { t = 60 }, steps } });
        layout.SetProperty("margin", new { l = 80, r = 30, t = 70, b = 150 });
        return Plotly.NET.Chart.withLayout(layout).Invoke(styled).WithSize(ChartStyle.Width, ChartStyle.Height + 80);
    }

    /// <summary>Sets the given x- and y-axis properties (an anonymous object each) and any other layout properties on a styled chart; returns it.</summary>
    public static GenericChart WithLayout(GenericChart styled, Dictionary<string, object> extra, object? xaxis = null, object? yaxis = null)
    {
        var layout = GenericChart.getLayout(styled);
        foreach (var (axis, settings) in new[] { ("xaxis", xaxis), ("yaxis", yaxis) })
        {
            if (settings is null || layout.TryGetPropertyValue(axis) is not { } value || value.Value is not DynamicObj.DynamicObj axisObject)
            {
                continue;
            }

            foreach (var property in settings.GetType().GetProperties())
            {
                axisObject.SetProperty(property.Name, property.GetValue(settings)!);
            }
        }

        foreach (var (key, value) in extra)
        {
            layout.SetProperty(key, value);
        }

        return styled;
    }
}
