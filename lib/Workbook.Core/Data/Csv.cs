using System.Globalization;
using System.Text;

namespace Workbook.Core.Data;

/// <summary>
/// A small, strict reader for the workbook's CSV files (RFC 4180: comma separated, one header row,
/// fields containing commas, quotes or line breaks wrapped in double quotes, a quote inside a
/// quoted field written twice).
/// </summary>
/// <remarks>
/// Strict on purpose: a row with the wrong number of fields, a stray quote or an unterminated
/// quoted field is a mistake in a data file, and the <see cref="FormatException"/> names the file
/// and line so it can be fixed. Fields are not trimmed. Blank lines are skipped.
/// </remarks>
internal static class Csv
{
    /// <summary>Parses CSV text whose first record is the header.</summary>
    /// <param name="text">The whole file.</param>
    /// <param name="sourceName">The file's name, used in error messages.</param>
    /// <exception cref="FormatException">The text is not well-formed CSV or has no header.</exception>
    public static IReadOnlyList<CsvRow> Parse(string text, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(text);
        var records = ReadRecords(text, sourceName);
        if (records.Count == 0)
        {
            throw new FormatException($"{sourceName}: the file is empty; expected a header row.");
        }

        var (headerLine, header) = records[0];
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < header.Count; i++)
        {
            if (!columns.TryAdd(header[i], i))
            {
                throw new FormatException($"{sourceName} line {headerLine}: the column '{header[i]}' appears twice in the header.");
            }
        }

        var rows = new List<CsvRow>(records.Count - 1);
        foreach (var (line, fields) in records.Skip(1))
        {
            if (fields.Count != header.Count)
            {
                throw new FormatException(
                    $"{sourceName} line {line}: expected {header.Count} fields ({string.Join(",", header)}) but found {fields.Count}.");
            }

            rows.Add(new CsvRow(sourceName, line, columns, fields));
        }

        return rows;
    }

    private static List<(int Line, List<string> Fields)> ReadRecords(string text, string sourceName)
    {
        var records = new List<(int, List<string>)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        bool inQuotes = false;
        bool fieldWasQuoted = false;
        int line = 1;
        int recordStartLine = 1;

        void EndField()
        {
            fields.Add(field.ToString());
            field.Clear();
            fieldWasQuoted = false;
        }

        void EndRecord()
        {
            EndField();
            bool blankLine = fields.Count == 1 && fields[0].Length == 0;
            if (!blankLine)
            {
                records.Add((recordStartLine, fields));
            }

            fields = [];
        }

        int i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        for (; i < text.Length; i++)
        {
            char c = text[i];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case ',':
                    EndField();
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    break;
                case '\n' or '\r':
                    EndRecord();
                    line++;
                    recordStartLine = line;
                    break;
                case '"' when field.Length == 0 && !fieldWasQuoted:
                    inQuotes = true;
                    fieldWasQuoted = true;
                    break;
                case '"':
                    throw new FormatException(
                        $"{sourceName} line {line}: a double quote may only open a field; quote the whole field and double the inner quote.");
                default:
                    if (fieldWasQuoted)
                    {
                        throw new FormatException(
                            $"{sourceName} line {line}: text after the closing quote of a quoted field.");
                    }

                    field.Append(c);
                    break;
            }
        }

        if (inQuotes)
        {
            throw new FormatException($"{sourceName} line {recordStartLine}: a quoted field is never closed.");
        }

        if (field.Length > 0 || fields.Count > 0 || fieldWasQuoted)
        {
            EndRecord();
        }

        return records;
    }
}

/// <summary>One data row of a CSV file, with typed access to its fields by column name.</summary>
internal sealed class CsvRow
{
    private readonly string sourceName;
    private readonly IReadOnlyDictionary<string, int> columns;
    private readonly IReadOnlyList<string> fields;

    internal CsvRow(string sourceName, int lineNumber, IReadOnlyDictionary<string, int> columns, IReadOnlyList<string> fields)
    {
        this.sourceName = sourceName;
        LineNumber = lineNumber;
        this.columns = columns;
        this.fields = fields;
    }

    /// <summary>The 1-based line of the file on which the row starts.</summary>
    public int LineNumber { get; }

    /// <summary>The raw text of a field.</summary>
    /// <exception cref="FormatException">The file has no such column.</exception>
    public string this[string column] => columns.TryGetValue(column, out int index)
        ? fields[index]
        : throw new FormatException(
            $"{sourceName}: no column named '{column}'; the columns are {string.Join(", ", columns.Keys)}.");

    /// <summary>A field that must not be empty.</summary>
    /// <exception cref="FormatException">The field is empty or white space.</exception>
    public string Text(string column)
    {
        string value = this[column];
        return string.IsNullOrWhiteSpace(value) ? throw Error(column, value, "a non-empty text") : value;
    }

    /// <summary>A field holding a number written with the invariant culture (a dot as decimal separator).</summary>
    /// <exception cref="FormatException">The field is not a finite number.</exception>
    public double Double(string column)
    {
        string value = this[column];
        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double result) && double.IsFinite(result)
            ? result
            : throw Error(column, value, "a finite number such as 12.5");
    }

    /// <summary>A field holding an integer, or empty for "not known".</summary>
    /// <exception cref="FormatException">The field is neither empty nor an integer.</exception>
    public int? OptionalInt32(string column)
    {
        string value = this[column];
        if (value.Length == 0)
        {
            return null;
        }

        return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int result)
            ? result
            : throw Error(column, value, "an integer or an empty field");
    }

    /// <summary>Builds a message that points at this row and column.</summary>
    public FormatException Error(string column, string value, string expected) =>
        new($"{sourceName} line {LineNumber}, column '{column}': expected {expected}; got '{value}'.");
}
