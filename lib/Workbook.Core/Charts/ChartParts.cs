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
    /// Labels a log axis at powers of ten only (1, 10, 100 …). Plotly otherwise also labels 2 and 5
    /// within each decade when the range is short, which reads as an unordered list of numbers.
    /// </summary>
    public static GenericChart PowersOfTenTicks(GenericChart chart, bool xAxis, bool yAxis)
    {
        var layout = GenericChart.getLayout(chart);
        foreach (var (axis, wanted) in new[] { ("xaxis", xAxis), ("yaxis", yAxis) })
        {
            if (wanted && layout.TryGetPropertyValue(axis) is { } value && value.Value is DynamicObj.DynamicObj axisObject)
            {
                axisObject.SetProperty("dtick", 1);
            }
        }

        return chart;
    }

    /// <summary>Open circle markers, as a raw plotly.js trace.</summary>
    public static GenericChart Points(IEnumerable<double> x, IEnumerable<double> y, string name, string colour) =>
        PointsWithErrors(x, y, null, name, colour);

    /// <summary>A scatter trace with optional symmetric error bars, built as a raw plotly.js trace.</summary>
    public static GenericChart PointsWithErrors(IEnumerable<double> x, IEnumerable<double> y, IEnumerable<double>? halfWidths, string name, string colour, bool lines = false)
    {
        var trace = new Trace("scatter");
        trace.SetProperty("x", x.ToArray());
        trace.SetProperty("y", y.ToArray());
        trace.SetProperty("name", name);
        trace.SetProperty("mode", lines ? "lines+markers" : "markers");
        trace.SetProperty("marker", new { color = colour, size = 9, symbol = "circle-open", line = new { width = 2 } });
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
}
