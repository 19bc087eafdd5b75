namespace Workbook.Core.Reliability.Races;

/// <summary>
/// The seed's connection pool ported to C#, bug included: <see cref="TryCheckout"/> checks that the free list is not
/// empty, then reads and removes its last id, with nothing stopping another thread between the check and the act.
/// </summary>
/// <remarks>
/// Two threads that both pass the check before either removes can read the same last id (a double checkout; the
/// second removal then drops the id below it, which is never handed out again), or, with one id left, the second
/// finds the list already empty and <see cref="List{T}"/> throws <see cref="ArgumentOutOfRangeException"/>.
/// <see cref="List{T}"/> is not thread-safe at all, so real threads can also tear its count. Kept to be compared with
/// <see cref="LockedConnectionPool"/> and <see cref="BlockingConnectionPool"/>; never use it.
/// </remarks>
public sealed class UnsafeConnectionPool : IConnectionPool
{
    private readonly List<int> _free;

    /// <summary>Creates a pool whose free list holds 0 … <paramref name="size"/> − 1 (the seed's <c>list(range(size))</c>).</summary>
    /// <param name="size">The number of connections; at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is 0 or negative.</exception>
    public UnsafeConnectionPool(int size)
    {
        Size = Guard.Positive(size, nameof(size));
        _free = [.. Enumerable.Range(0, size)];
    }

    /// <inheritdoc/>
    public int Size { get; }

    /// <summary>The ids on the free list now (a snapshot; meaningful only when no other thread uses the pool).</summary>
    public IReadOnlyList<int> FreeIds => [.. _free];

    /// <inheritdoc/>
    public PoolCheckout TryCheckout()
    {
        if (_free.Count > 0)                      // check ...
        {
            int id = _free[^1];                   // ... then act: another thread may have passed the check too
            _free.RemoveAt(_free.Count - 1);
            return PoolCheckout.Granted(id);
        }

        return PoolCheckout.NoConnection("the free list was empty");
    }

    /// <summary>Puts <paramref name="connectionId"/> back on the free list, unchecked (the seed has no release at all).</summary>
    /// <param name="connectionId">The id to put back.</param>
    public void Release(int connectionId) => _free.Add(connectionId);
}
