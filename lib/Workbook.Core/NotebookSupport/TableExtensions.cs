namespace Workbook.Core.NotebookSupport;

/// <summary>Turns rows or one object into a <see cref="Table"/> for display.</summary>
public static class TableExtensions
{
    /// <summary>One row per item, one column per public property of <typeparamref name="T"/>.</summary>
    public static Table ToTable<T>(this IEnumerable<T> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var properties = Table.PropertiesOf(typeof(T));
        return new Table(
            properties.Select(p => p.Name).ToArray(),
            rows.Select(r => (IReadOnlyList<string>)properties.Select(p => Table.Format(p.GetValue(r))).ToArray()).ToArray());
    }

    /// <summary>One row per public property of <paramref name="item"/>: name and value.</summary>
    public static Table ToPropertyTable(this object item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new Table(
            ["Property", "Value"],
            Table.PropertiesOf(item.GetType()).Select(p => (IReadOnlyList<string>)[p.Name, Table.Format(p.GetValue(item))]).ToArray());
    }
}
