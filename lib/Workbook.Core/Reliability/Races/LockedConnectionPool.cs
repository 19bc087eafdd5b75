namespace Workbook.Core.Reliability.Races;

/// <summary>The fixed pool: the check and the act happen under one lock, and a release is validated.</summary>
/// <remarks>
/// <see cref="TryCheckout"/> never waits: when every connection is out it says so at once. Use
/// <see cref="BlockingConnectionPool"/> to wait for a release instead.
/// </remarks>
public sealed class LockedConnectionPool : IConnectionPool
{
    private readonly object _gate = new();               // a Monitor, not System.Threading.Lock: Coyote 1.7 controls Monitor only
    private readonly List<int> _free;
    private readonly bool[] _checkedOut;

    /// <summary>Creates a pool of connections 0 … <paramref name="size"/> − 1, all free.</summary>
    /// <param name="size">The number of connections; at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is 0 or negative.</exception>
    public LockedConnectionPool(int size)
    {
        Size = Guard.Positive(size, nameof(size));
        _free = [.. Enumerable.Range(0, size)];
        _checkedOut = new bool[size];
    }

    /// <inheritdoc/>
    public int Size { get; }

    /// <inheritdoc/>
    public PoolCheckout TryCheckout()
    {
        lock (_gate)
        {
            if (_free.Count == 0)
            {
                return PoolCheckout.NoConnection($"all {Size} connections are checked out");
            }

            int id = _free[^1];
            _free.RemoveAt(_free.Count - 1);
            _checkedOut[id] = true;
            return PoolCheckout.Granted(id);
        }
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="connectionId"/> is not an id of this pool.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="connectionId"/> is not checked out (a double release).</exception>
    public void Release(int connectionId)
    {
        lock (_gate)
        {
            PoolIds.MarkReleased(_checkedOut, connectionId);
            _free.Add(connectionId);
        }
    }
}
