using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;

namespace Workbook.Core.NotebookSupport;

/// <summary>
/// A plain table of rows for notebook display: one column per public property, numbers rounded for
/// reading (never for computing). Make one with <see cref="TableExtensions.ToTable{T}"/>.
/// </summary>
/// <remarks>
/// The notebook hosts' default display of a sequence of anonymous objects is a tree of collapsed
/// rows; a learner comparing a closed form with a simulation wants columns side by side.
/// </remarks>
/// <param name="Columns">Column headers.</param>
/// <param name="Rows">Cell values, already formatted.</param>
public sealed record Table(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>An HTML table with numbers right-aligned.</summary>
    public string ToHtml()
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        var numeric = Columns.Select((_, i) => Rows.Count > 0 && Rows.All(r => IsNumber(r[i]))).ToArray();
        var html = new StringBuilder("<table class=\"wb-table\" style=\"border-collapse:collapse;font-size:13px\"><thead><tr>");
        foreach (var column in Columns)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th style=\"text-align:left;padding:3px 10px;border-bottom:1px solid #999\">{E(column)}</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var row in Rows)
        {
            html.Append("<tr>");
            for (var i = 0; i < row.Count; i++)
            {
                var align = numeric[i] ? "right" : "left";
                html.Append(CultureInfo.InvariantCulture, $"<td style=\"text-align:{align};padding:3px 10px;border-bottom:1px solid #e0e0e0\">{E(row[i])}</td>");
            }

            html.Append("</tr>");
        }

        return html.Append("</tbody></table>").ToString();
    }

    /// <summary>Tab-separated text, for terminals.</summary>
    public override string ToString() =>
        string.Join('\n', new[] { Columns }.Concat(Rows).Select(r => string.Join('\t', r)));

    /// <summary>Formats a value for reading: at most four decimals, thousands separated, tiny numbers in G4.</summary>
    public static string Format(object? value) => value switch
    {
        null => "",
        double d when double.IsNaN(d) || double.IsInfinity(d) => d.ToString(CultureInfo.InvariantCulture),
        double d when d != 0 && Math.Abs(d) < 1e-3 => d.ToString("G4", CultureInfo.InvariantCulture),
        double d => d.ToString("#,##0.####", CultureInfo.InvariantCulture),
        float f => Format((double)f),
        int or long => ((IFormattable)value).ToString("#,##0", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static bool IsNumber(string text) =>
        double.TryParse(text.Replace(",", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    internal static IReadOnlyList<PropertyInfo> PropertiesOf(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0).ToArray();
}
