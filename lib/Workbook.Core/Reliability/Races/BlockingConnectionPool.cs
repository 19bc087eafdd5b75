using System.Globalization;

namespace Workbook.Core.Reliability.Races;

/// <summary>
/// The seed's "queue" fix done properly: a checkout waits for a release, up to a timeout, and a release is validated.
/// </summary>
/// <remarks>
/// A <see cref="SemaphoreSlim"/> counts the free connections (a waiter is woken by a release, not by polling); a lock
/// guards the free list itself. A checkout that times out returns <see cref="PoolCheckout.NoConnection"/> with the
/// reason; the seed's <c>queue.Queue</c> version raised instead, and indexed an empty list.
/// </remarks>
public sealed class BlockingConnectionPool : IConnectionPool, IDisposable
{
    private readonly object _gate = new();               // a Monitor, not System.Threading.Lock: Coyote 1.7 controls Monitor only
    private readonly SemaphoreSlim _available;
    private readonly Stack<int> _free;
    private readonly bool[] _checkedOut;

    /// <summary>Creates a pool of connections 0 … <paramref name="size"/> − 1, all free.</summary>
    /// <param name="size">The number of connections; at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is 0 or negative.</exception>
    public BlockingConnectionPool(int size)
    {
        Size = Guard.Positive(size, nameof(size));
        _available = new SemaphoreSlim(size, size);
        _free = new Stack<int>(Enumerable.Range(0, size));
        _checkedOut = new bool[size];
    }

    /// <inheritdoc/>
    public int Size { get; }

    /// <summary>Checks out a connection without waiting.</summary>
    /// <returns>The checkout.</returns>
    public PoolCheckout TryCheckout() => Checkout(TimeSpan.Zero);

    /// <summary>Checks out a connection, waiting up to <paramref name="timeout"/> for one to be released.</summary>
    /// <param name="timeout">How long to wait; zero means do not wait.</param>
    /// <returns>The checkout; no connection when the timeout passed first.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative.</exception>
    public PoolCheckout Checkout(TimeSpan timeout)
    {
        CheckTimeout(timeout);
        return _available.Wait(timeout) ? Take() : TimedOut(timeout);
    }

    /// <summary>Checks out a connection asynchronously, waiting up to <paramref name="timeout"/> for one to be released.</summary>
    /// <param name="timeout">How long to wait; zero means do not wait.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The checkout; no connection when the timeout passed first.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative.</exception>
    public async Task<PoolCheckout> CheckoutAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        CheckTimeout(timeout);
        return await _available.WaitAsync(timeout, cancellationToken).ConfigureAwait(false) ? Take() : TimedOut(timeout);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="connectionId"/> is not an id of this pool.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="connectionId"/> is not checked out (a double release).</exception>
    public void Release(int connectionId)
    {
        lock (_gate)
        {
            PoolIds.MarkReleased(_checkedOut, connectionId);
            _free.Push(connectionId);
        }

        _available.Release();                     // after the id is back on the list: the woken waiter finds it there
    }

    /// <inheritdoc/>
    public void Dispose() => _available.Dispose();

    private PoolCheckout Take()
    {
        lock (_gate)
        {
            int id = _free.Pop();                 // the semaphore guarantees one is there
            _checkedOut[id] = true;
            return PoolCheckout.Granted(id);
        }
    }

    private PoolCheckout TimedOut(TimeSpan timeout) => PoolCheckout.NoConnection(
        $"all {Size.ToString(CultureInfo.InvariantCulture)} connections stayed checked out for {timeout.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)} ms");

    private static void CheckTimeout(TimeSpan timeout)
    {
        if (timeout < TimeSpan.Zero)
        {
            throw Guard.OutOfRange(nameof(timeout), "a duration >= 0", timeout.ToString("c", CultureInfo.InvariantCulture));
        }
    }
}
