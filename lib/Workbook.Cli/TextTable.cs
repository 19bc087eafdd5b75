using System.Text;

namespace Workbook.Cli;

/// <summary>A plain aligned text table for terminal output.</summary>
internal sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> rows = [];

    /// <summary>Adds a row; it must have one value per header.</summary>
    public void Add(params string[] values)
    {
        if (values.Length != headers.Length)
        {
            throw new ArgumentException($"expected {headers.Length} values, got {values.Length}", nameof(values));
        }

        rows.Add(values);
    }

    /// <summary>Right-aligns columns whose values are all numbers.</summary>
    public override string ToString()
    {
        var widths = headers.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        var numeric = headers.Select((header, i) => rows.Count > 0 && rows.All(r => double.TryParse(r[i], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _))).ToArray();
        var text = new StringBuilder();
        void Line(string[] values)
        {
            var cells = values.Select((v, i) => numeric[i] ? v.PadLeft(widths[i]) : v.PadRight(widths[i]));
            text.AppendLine(string.Join("  ", cells).TrimEnd());
        }

        Line(headers);
        Line(widths.Select(w => new string('-', w)).ToArray());
        rows.ForEach(Line);
        return text.ToString();
    }
}
