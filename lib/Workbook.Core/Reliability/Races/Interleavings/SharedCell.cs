namespace Workbook.Core.Reliability.Races.Interleavings;

/// <summary>One shared variable; every read and write is a scheduling point and a trace line.</summary>
/// <typeparam name="T">The value.</typeparam>
public sealed class SharedCell<T>
{
    private T _value;

    /// <summary>Creates a variable named <paramref name="name"/> in traces, holding <paramref name="value"/>.</summary>
    /// <param name="name">The name shown in traces.</param>
    /// <param name="value">The initial value.</param>
    public SharedCell(string name, T value)
    {
        Name = Guard.NotBlank(name, nameof(name));
        _value = value;
    }

    /// <summary>The name shown in traces.</summary>
    public string Name { get; }

    /// <summary>The value now (not a scheduling point: for final checks).</summary>
    public T Value => _value;

    /// <summary>Reads the value.</summary>
    /// <param name="t">The thread reading.</param>
    /// <returns>The step to await.</returns>
    public SimStep<T> ReadAsync(SimThread t) => new(t, $"read {Name}", () => true, () => (_value, $"reads {Name} = {_value}"));

    /// <summary>Writes a value.</summary>
    /// <param name="t">The thread writing.</param>
    /// <param name="value">The new value.</param>
    /// <returns>The step to await.</returns>
    public SimAction WriteAsync(SimThread t, T value) => new(t, $"write {Name}", () => true, () =>
    {
        _value = value;
        return $"writes {Name} = {value}";
    });
}
