using System.Text.RegularExpressions;
using Microsoft.FSharp.Core;
using Plotly.NET;
using Plotly.NET.CSharp;

namespace Workbook.Core.Charts;

/// <summary>The one look every workbook figure shares: title, axis titles with units, legend, fonts, size.</summary>
/// <remarks>
/// Every figure's <see cref="WorkbookFigure.Build"/> ends with <see cref="Apply"/>, so the notebook, the
/// exported HTML and the PNG and SVG images share one background, font and fixed size
/// (<see cref="Width"/> × <see cref="Height"/>, independent of the window). The fonts start with
/// Liberation Sans (Debian <c>fonts-liberation</c>, a recommended package of <c>chromium</c>; name it
/// when installing with <c>--no-install-recommends</c>) and fall back to Arial, which has the same
/// letter widths: an installed font keeps text positions, and so PNG bytes, the same from run to run.
/// </remarks>
public static partial class ChartStyle
{
    /// <summary>Figure width in pixels, for display and export.</summary>
    public const int Width = 900;

    /// <summary>Figure height in pixels, for display and export.</summary>
    public const int Height = 520;

    /// <summary>The CSS font list used for every text in a figure.</summary>
    public const string FontFamily = "\"Liberation Sans\", Arial, Helvetica, sans-serif";

    /// <summary>Font size of tick labels, legend and axis titles, in pixels.</summary>
    public const double FontSize = 16;

    /// <summary>Font size of the figure title, in pixels.</summary>
    public const double TitleFontSize = 22;

    private const string TextColor = "#222222";
    private const string GridColor = "#e5e5e5";
    private const string AxisLineColor = "#444444";

    /// <summary>Applies the workbook look to a chart.</summary>
    /// <param name="chart">The chart to style; its traces and earlier layout settings are kept.</param>
    /// <param name="title">The figure title; not empty.</param>
    /// <param name="xAxisTitle">
    /// The x-axis title ending with its unit in parentheses or brackets, like <c>distance (km)</c>.
    /// A pure number still names what it counts: <c>messages (count)</c>, <c>utilisation (ratio)</c>.
    /// </param>
    /// <param name="yAxisTitle">The y-axis title ending with its unit, like <c>round-trip time (ms)</c>.</param>
    /// <returns>The styled chart.</returns>
    /// <exception cref="ArgumentException">A title is empty, or an axis title has no unit at its end.</exception>
    public static GenericChart Apply(GenericChart chart, string title, string xAxisTitle, string yAxisTitle)
    {
        ArgumentNullException.ThrowIfNull(chart);
        RequireText(title, nameof(title));
        RequireUnit(xAxisTitle, nameof(xAxisTitle));
        RequireUnit(yAxisTitle, nameof(yAxisTitle));

        // Implementation note: Plotly.NET.CSharp 0.14.0 has no WithTitle, so the title goes through the
        // F# API (Chart.withTitle returns an F# function that Invoke applies), the axis titles through
        // the C# WithXAxisStyle/WithYAxisStyle, and the font and legend through a Layout set by plotly.js
        // property names. Plotly.NET merges each into the existing layout, so the caller's settings stay.
        var styled = Plotly.NET.Chart.withTemplate(LightTemplate()).Invoke(chart);
        styled = Plotly.NET.Chart.withTitle(title, FSharpOption<Font>.Some(MakeFont(TitleFontSize))).Invoke(styled);
        styled = styled
            .WithXAxisStyle<double, double, string>(
                TitleText: xAxisTitle,
                ShowGrid: true,
                GridColor: Color.fromString(GridColor),
                ShowLine: true,
                LineColor: Color.fromString(AxisLineColor),
                ZeroLine: false)
            .WithYAxisStyle<double, double, string>(
                TitleText: yAxisTitle,
                ShowGrid: true,
                GridColor: Color.fromString(GridColor),
                ShowLine: true,
                LineColor: Color.fromString(AxisLineColor),
                ZeroLine: false);

        var layout = new Layout();
        layout.SetProperty("font", MakeFont(FontSize));
        layout.SetProperty("showlegend", true);
        styled = Plotly.NET.Chart.withLayout(layout).Invoke(styled);
        return Plotly.NET.Chart.withSize((double)Width, (double)Height).Invoke(styled);
    }

    /// <summary>
    /// The content of Plotly.NET's <c>ChartTemplates.light</c> (white paper and plot, axis lines), built
    /// fresh for every chart from plain strings. Implementation note: the shared <c>ChartTemplates.light</c>
    /// object is merged into in place when a styled chart is combined again (Plotly.NET's layout combine
    /// writes into its first argument), after which its white serialized as <c>rgba(255, 255, 255, 1.0)</c>
    /// for every later chart in the process; a template per chart shares nothing. Nested objects are
    /// <c>DynamicObj</c>s because that combine expects them.
    /// </summary>
    private static Template LightTemplate()
    {
        var layout = new Layout();
        layout.SetProperty("paper_bgcolor", "white");
        layout.SetProperty("plot_bgcolor", "white");
        layout.SetProperty("xaxis", AxisLines());
        layout.SetProperty("yaxis", AxisLines());
        var template = new Template();
        template.SetProperty("layout", layout);
        template.SetProperty("data", new DynamicObj.DynamicObj());
        return template;

        static DynamicObj.DynamicObj AxisLines()
        {
            var axis = new DynamicObj.DynamicObj();
            axis.SetProperty("showline", true);
            axis.SetProperty("zeroline", true);
            return axis;
        }
    }

    private static Font MakeFont(double size) =>
        Font.init(
            FSharpOption<StyleParam.FontFamily>.Some(StyleParam.FontFamily.NewCustom(FontFamily)),
            FSharpOption<double>.Some(size),
            FSharpOption<Color>.Some(Color.fromString(TextColor)));

    private static void RequireText(string text, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(text, parameterName);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ArgumentException($"{parameterName} must not be empty.", parameterName);
        }
    }

    private static void RequireUnit(string axisTitle, string parameterName)
    {
        RequireText(axisTitle, parameterName);
        if (!EndsWithUnit().IsMatch(axisTitle))
        {
            throw new ArgumentException(
                $"{parameterName} must end with its unit in parentheses or brackets, like 'distance (km)' or 'messages (count)'; it was '{axisTitle}'.",
                parameterName);
        }
    }

    [GeneratedRegex(@"\S\s*(\([^()]+\)|\[[^\[\]]+\])\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex EndsWithUnit();
}
