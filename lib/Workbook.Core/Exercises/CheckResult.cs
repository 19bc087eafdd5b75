using System.Globalization;
using System.Net;
using System.Text;

namespace Workbook.Core.Exercises;

/// <summary>The outcome of checking one answer to one exercise.</summary>
/// <remarks>
/// A result renders three ways: <see cref="ToString"/> for terminals, <see cref="ToHtml"/> for
/// notebooks, and <see cref="ToJson"/> (MIME type <see cref="JsonMimeType"/>) for tools. The
/// notebook setup emits all three; the command-line runner reads results back out of an executed
/// notebook from the JSON, whichever host executed it, and never from the rendered forms.
/// </remarks>
/// <param name="ExerciseId">The exercise's stable id.</param>
/// <param name="Title">The exercise's title.</param>
/// <param name="Track">The exercise's track.</param>
/// <param name="Status">What the check concluded.</param>
/// <param name="Message">One or two sentences for the learner.</param>
/// <param name="FailingCase">The first case that went wrong, when there is one.</param>
/// <param name="Hint">The most specific hint available, when the answer is not right.</param>
/// <param name="CasesPassed">How many cases matched before the check stopped.</param>
/// <param name="CasesTotal">How many cases the exercise has.</param>
public sealed partial record CheckResult(
    string ExerciseId,
    string Title,
    Track Track,
    CheckStatus Status,
    string Message,
    FailingCase? FailingCase,
    string? Hint,
    int CasesPassed,
    int CasesTotal)
{
    /// <summary>The attribute that marks a rendered result in HTML output (for styling; tools read <see cref="ToJson"/>).</summary>
    public const string HtmlMarkerAttribute = "data-workbook-exercise";

    /// <summary>A few lines that show a failed trial (a short timeline), or null; see <see cref="TrialOutcome.Details"/>.</summary>
    public string? Details { get; init; }

    /// <summary>A plain-text rendering: a status line, then the failing case and hint if any.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"[{ExerciseId}] {Status.ToDisplay()}: {Message}");
        if (FailingCase is { } c)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n  case {c.Number}: {c.Input}\n  expected: {c.Expected}\n  actual:   {c.Actual}");
        }

        if (Hint is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n  hint: {Hint}");
        }

        if (Details is not null)
        {
            text.Append("\n  details:\n    ").Append(Details.ReplaceLineEndings("\n    "));
        }

        return text.ToString();
    }

    /// <summary>A compact HTML box for notebook output.</summary>
    public string ToHtml()
    {
        var (colour, background, symbol) = Status switch
        {
            CheckStatus.Passed => ("#1b5e20", "#e8f5e9", "✔"),
            CheckStatus.NotAttempted => ("#37474f", "#eceff1", "○"),
            CheckStatus.Failed => ("#b71c1c", "#ffebee", "✘"),
            _ => ("#e65100", "#fff3e0", "⚠"),
        };

        static string E(string s) => WebUtility.HtmlEncode(s);
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture,
            $"<div class=\"wb-check\" {HtmlMarkerAttribute}=\"{E(ExerciseId)}\" data-status=\"{Status.ToToken()}\" ");
        html.Append(CultureInfo.InvariantCulture,
            $"style=\"border-left:4px solid {colour};background:{background};color:#212121;padding:6px 10px;margin:4px 0;font-family:sans-serif;font-size:13px\">");
        html.Append(CultureInfo.InvariantCulture,
            $"<b style=\"color:{colour}\">{symbol} {E(Status.ToDisplay())}</b> &nbsp;<code>{E(ExerciseId)}</code> · {E(Title)} · <i>{E(Track.ToDisplay())}</i>");
        html.Append(CultureInfo.InvariantCulture, $"<div>{E(Message)}</div>");
        if (FailingCase is { } c)
        {
            html.Append("<table style=\"font-size:12px;margin-top:4px\">");
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>case {c.Number}</td><td><code>{E(c.Input)}</code></td></tr>");
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>expected</td><td><code>{E(c.Expected)}</code></td></tr>");
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>actual</td><td><code>{E(c.Actual)}</code></td></tr>");
            html.Append("</table>");
        }

        if (Hint is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<div><b>Hint:</b> {E(Hint)}</div>");
        }

        if (Details is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<pre style=\"font-size:12px;margin:4px 0;white-space:pre-wrap\">{E(Details)}</pre>");
        }

        html.Append("</div>");
        return html.ToString();
    }
}
