namespace Workbook.Core.Reliability.Races;

/// <summary>A pool of connection ids 0 … <see cref="Size"/> − 1 that callers check out and release.</summary>
public interface IConnectionPool
{
    /// <summary>The number of connections the pool was made with.</summary>
    int Size { get; }

    /// <summary>Hands out a free connection id, or says that none is free.</summary>
    /// <returns>The checkout.</returns>
    PoolCheckout TryCheckout();

    /// <summary>Gives a checked-out connection back.</summary>
    /// <param name="connectionId">The id a checkout returned.</param>
    void Release(int connectionId);
}
