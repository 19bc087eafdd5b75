namespace Workbook.Core.Reliability.Races.Interleavings;

/// <summary>A list shared by simulated threads; every access is a scheduling point and a trace line.</summary>
/// <typeparam name="T">The items.</typeparam>
/// <remarks>
/// Reading the last item and removing it are two steps, as in the seed's pool (<c>conn_id = available[-1]</c> would
/// be one, <c>available.pop()</c> the other); <see cref="PopAsync"/> is the atomic pop for comparison. An access that
/// is impossible (the last item of an empty list) throws <see cref="InvalidOperationException"/> inside the thread.
/// </remarks>
public sealed class SharedList<T>
{
    private readonly List<T> _items;

    /// <summary>Creates a list named <paramref name="name"/> in traces, holding <paramref name="items"/>.</summary>
    /// <param name="name">The name shown in traces.</param>
    /// <param name="items">The initial items, first to last.</param>
    public SharedList(string name, IEnumerable<T> items)
    {
        Name = Guard.NotBlank(name, nameof(name));
        _items = [.. items];
    }

    /// <summary>The name shown in traces.</summary>
    public string Name { get; }

    /// <summary>The items now, first to last (not a scheduling point: for final checks).</summary>
    public IReadOnlyList<T> Items => [.. _items];

    /// <summary>Reads the number of items.</summary>
    /// <param name="t">The thread reading.</param>
    /// <returns>The step to await.</returns>
    public SimStep<int> CountAsync(SimThread t) =>
        new(t, $"read {Name}.Count", Always, () => (_items.Count, $"reads {Name}.Count = {_items.Count}"));

    /// <summary>Reads the last item.</summary>
    /// <param name="t">The thread reading.</param>
    /// <returns>The step to await.</returns>
    public SimStep<T> LastAsync(SimThread t) =>
        new(t, $"read the last item of {Name}", Always, () => _items.Count == 0
            ? throw new InvalidOperationException($"{t.Name} reads the last item of {Name}, which is empty")
            : (_items[^1], $"reads {Name}[last] = {_items[^1]}"));

    /// <summary>Removes the last item.</summary>
    /// <param name="t">The thread removing.</param>
    /// <returns>The step to await.</returns>
    public SimAction RemoveLastAsync(SimThread t) =>
        new(t, $"remove the last item of {Name}", Always, () =>
        {
            if (_items.Count == 0)
            {
                throw new InvalidOperationException($"{t.Name} removes the last item of {Name}, which is empty");
            }

            var removed = _items[^1];
            _items.RemoveAt(_items.Count - 1);
            return $"removes {Name}[last] ({removed})";
        });

    /// <summary>Removes the last item and returns it, in one step (an atomic pop, like CPython's <c>list.pop()</c>).</summary>
    /// <param name="t">The thread removing.</param>
    /// <returns>The step to await.</returns>
    public SimStep<T> PopAsync(SimThread t) =>
        new(t, $"pop {Name}", Always, () =>
        {
            if (_items.Count == 0)
            {
                throw new InvalidOperationException($"{t.Name} pops from {Name}, which is empty");
            }

            var removed = _items[^1];
            _items.RemoveAt(_items.Count - 1);
            return (removed, $"pops {removed} from {Name}");
        });

    /// <summary>Appends an item.</summary>
    /// <param name="t">The thread adding.</param>
    /// <param name="item">The item.</param>
    /// <returns>The step to await.</returns>
    public SimAction AddAsync(SimThread t, T item) =>
        new(t, $"add to {Name}", Always, () =>
        {
            _items.Add(item);
            return $"adds {item} to {Name}";
        });

    private static bool Always() => true;
}
