using Plotly.NET;
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
}
