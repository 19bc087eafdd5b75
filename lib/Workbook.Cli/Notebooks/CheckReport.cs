using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Workbook.Core.Exercises;

namespace Workbook.Cli.Notebooks;

/// <summary>
/// What a check cell told the learner, read back from its <c>text/plain</c> output: the form
/// <see cref="CheckResult.ToString"/> writes, which is parsed here and nowhere else.
/// </summary>
/// <param name="ExerciseId">The exercise's id.</param>
/// <param name="Status">What the check concluded.</param>
/// <param name="Message">The one or two sentences for the learner.</param>
/// <param name="FailingCase">The first case that went wrong, when there is one.</param>
/// <param name="Hint">The hint, when the answer is not right.</param>
internal sealed record CheckReport(string ExerciseId, CheckStatus Status, string Message, FailingCase? FailingCase, string? Hint)
{
    // The labels of the lines after the status line, in the order CheckResult.ToString writes them.
    private const string CaseLabel = "  case ";
    private const string ExpectedLabel = "  expected: ";
    private const string ActualLabel = "  actual:   ";
    private const string HintLabel = "  hint: ";

    /// <summary>Parses the text of <see cref="CheckResult.ToString"/>.</summary>
    /// <remarks>
    /// The status line is <c>[id] status: message</c>; then, optionally, the failing case as three
    /// lines (<c>case N: input</c>, <c>expected:</c>, <c>actual:</c>) and a <c>hint:</c> line, each
    /// indented by two spaces. A line that does not start the next field in that order continues
    /// the field before it, so values that span lines survive.
    /// </remarks>
    /// <returns>False when <paramref name="text"/> is not in that form.</returns>
    public static bool TryParse(string text, [NotNullWhen(true)] out CheckReport? report)
    {
        report = null;
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (!TryParseStatusLine(lines[0], out var id, out var status, out var firstLine))
        {
            return false;
        }

        // fields[0] message, [1] case ("N: input"), [2] expected, [3] actual, [4] hint.
        var fields = new StringBuilder?[5];
        fields[0] = new StringBuilder(firstLine);
        var current = 0;
        foreach (var line in lines.Skip(1))
        {
            var next = NextField(current, line);
            if (next is { } field)
            {
                fields[field.Index] = new StringBuilder(line[field.Label.Length..]);
                current = field.Index;
            }
            else
            {
                fields[current]!.Append('\n').Append(line);
            }
        }

        FailingCase? failing = null;
        if (fields[1] is { } caseText)
        {
            var c = caseText.ToString();
            var colon = c.IndexOf(": ", StringComparison.Ordinal);
            if (fields[2] is null || fields[3] is null || colon < 1
                || !int.TryParse(c.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }

            failing = new FailingCase(number, c[(colon + 2)..], fields[2]!.ToString(), fields[3]!.ToString());
        }

        report = new CheckReport(id, status, fields[0]!.ToString(), failing, fields[4]?.ToString());
        return true;
    }

    private static bool TryParseStatusLine(string line, out string id, out CheckStatus status, out string message)
    {
        id = message = "";
        status = default;
        var close = line.IndexOf("] ", StringComparison.Ordinal);
        if (!line.StartsWith('[') || close < 2)
        {
            return false;
        }

        id = line[1..close];
        var rest = line[(close + 2)..];
        foreach (var candidate in Enum.GetValues<CheckStatus>())
        {
            var prefix = candidate.ToDisplay() + ": ";
            if (rest.StartsWith(prefix, StringComparison.Ordinal))
            {
                status = candidate;
                message = rest[prefix.Length..];
                return true;
            }
        }

        return false;
    }

    private static (int Index, string Label)? NextField(int current, string line)
    {
        // After the message: a case or a hint; a case is followed by expected, then actual; the hint is last.
        (int Index, string Label)[] allowed = current switch
        {
            0 => [(1, CaseLabel), (4, HintLabel)],
            1 => [(2, ExpectedLabel)],
            2 => [(3, ActualLabel)],
            3 => [(4, HintLabel)],
            _ => [],
        };
        foreach (var field in allowed)
        {
            if (line.StartsWith(field.Label, StringComparison.Ordinal) && (field.Index != 1 || IsCaseLine(line)))
            {
                return field;
            }
        }

        return null;
    }

    // "  case 12: ..." (a message line that merely starts with "  case" continues the message).
    private static bool IsCaseLine(string line)
    {
        var digits = line.AsSpan(CaseLabel.Length);
        var count = 0;
        while (count < digits.Length && char.IsAsciiDigit(digits[count]))
        {
            count++;
        }

        return count > 0 && digits[count..].StartsWith(": ", StringComparison.Ordinal);
    }
}
