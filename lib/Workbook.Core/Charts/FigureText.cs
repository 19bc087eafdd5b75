using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Workbook.Core.Charts;

/// <summary>A figure's words as plain text: headline, subtitle, caption and alt text.</summary>
/// <param name="Id">The figure id.</param>
/// <param name="Headline">The finding the title states, without markup.</param>
/// <param name="Subtitle">The title's second line (what is plotted, the labels), without markup; empty when the title has one line.</param>
/// <param name="Caption">The caption.</param>
/// <param name="AltText">The alt text.</param>
/// <remarks>
/// Exports write these words where readers and tools look for them: <c>&lt;id&gt;.txt</c>, the SVG's
/// <c>&lt;title&gt;</c>/<c>&lt;desc&gt;</c>, the HTML's title, description and <c>aria-label</c>, and the
/// contact sheet. A chart title made by <see cref="ChartParts.Headline"/> is split at its line break.
/// </remarks>
public sealed partial record FigureText(string Id, string Headline, string Subtitle, string Caption, string AltText)
{
    /// <summary>The words of a catalog figure.</summary>
    /// <param name="figure">The figure.</param>
    /// <param name="figureJson">The figure's chart as JSON (<see cref="ChartHtml.FigureJson"/>); its title's second line is the subtitle.</param>
    /// <returns>
    /// The headline and subtitle from the chart's title (split at its line break; the headline falls back
    /// to <see cref="WorkbookFigure.Title"/> when the chart has none), the caption and the alt text.
    /// </returns>
    public static FigureText Of(WorkbookFigure figure, string figureJson)
    {
        ArgumentNullException.ThrowIfNull(figure);
        ArgumentNullException.ThrowIfNull(figureJson);
        var title = System.Text.Json.Nodes.JsonNode.Parse(figureJson)?["layout"]?["title"];
        var chartTitle = title is System.Text.Json.Nodes.JsonObject ? title["text"] : title;
        var markup = chartTitle is System.Text.Json.Nodes.JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0
            ? text
            : figure.Title;
        var lines = LineBreak().Split(markup, 2);
        var headline = Plain(lines[0]);
        return new FigureText(
            figure.Id,
            headline.Length > 0 ? headline : Plain(figure.Title),
            lines.Length > 1 ? Plain(lines[1]) : string.Empty,
            figure.Caption,
            figure.AltText);
    }

    /// <summary>The headline and, when there is one, the subtitle, joined by an em dash.</summary>
    public string FullTitle => Subtitle.Length == 0 ? Headline : Headline + " — " + Subtitle;

    /// <summary>The text file an export writes beside the figure: one labelled field per paragraph.</summary>
    /// <returns>UTF-8 text with <c>\n</c> line ends, ending in a newline.</returns>
    public string ToTextFile()
    {
        var text = new StringBuilder();
        text.Append("id: ").Append(Id).Append('\n')
            .Append("title: ").Append(Headline).Append('\n');
        if (Subtitle.Length > 0)
        {
            text.Append("subtitle: ").Append(Subtitle).Append('\n');
        }

        text.Append('\n').Append("caption:\n").Append(Caption).Append('\n')
            .Append('\n').Append("alt text:\n").Append(AltText).Append('\n');
        return text.ToString();
    }

    private static string Plain(string markup) =>
        Whitespace().Replace(WebUtility.HtmlDecode(Tag().Replace(markup, " ")), " ").Trim();

    [GeneratedRegex("<br\\s*/?>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LineBreak();

    [GeneratedRegex("<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    [GeneratedRegex("\\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}
