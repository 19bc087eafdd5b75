using System.Globalization;
using Microsoft.Data.Analysis;

namespace Workbook.Core.NotebookSupport;

/// <summary>Turns rows of any record or anonymous type into a <see cref="DataFrame"/> to explore.</summary>
/// <remarks>
/// Use a <see cref="DataFrame"/> where a learner explores data as a pandas user would (filter, group,
/// describe: <c>df.Filter(...)</c>, <c>df.GroupBy("Library").Mean()</c>, <c>df.Description()</c>);
/// use <see cref="TableExtensions.ToTable{T}"/> for a small formatted result. Numbers keep their full
/// precision here; only their display is rounded by the notebook host.
/// </remarks>
public static class DataFrameExtensions
{
    /// <summary>
    /// One row per item and one column per public property of <typeparamref name="T"/>: <c>double</c>,
    /// <c>int</c>, <c>long</c> and <c>bool</c> properties (nullable or not) become numeric or Boolean
    /// columns; everything else becomes a string column, formatted with the invariant culture.
    /// </summary>
    public static DataFrame ToDataFrame<T>(this IEnumerable<T> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var items = rows.ToList();
        var columns = Table.PropertiesOf(typeof(T)).Select(p => Column(p.Name, p.PropertyType, items.Select(item => p.GetValue(item))));
        return new DataFrame(columns);
    }

    private static DataFrameColumn Column(string name, Type type, IEnumerable<object?> values)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying switch
        {
            _ when underlying == typeof(double) => new DoubleDataFrameColumn(name, values.Select(v => (double?)v)),
            _ when underlying == typeof(int) => new Int32DataFrameColumn(name, values.Select(v => (int?)v)),
            _ when underlying == typeof(long) => new Int64DataFrameColumn(name, values.Select(v => (long?)v)),
            _ when underlying == typeof(bool) => new BooleanDataFrameColumn(name, values.Select(v => (bool?)v)),
            _ => new StringDataFrameColumn(name, values.Select(v => v switch
            {
                null => null,
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => v.ToString(),
            })),
        };
    }
}
