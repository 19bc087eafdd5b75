namespace Workbook.Core.Reliability.Races.Interleavings;

/// <summary>A connection pool written against the explorer's shared state, so every schedule of it can be run.</summary>
public interface ISimPool
{
    /// <summary>Hands out a free connection id, or says that none is free (without waiting).</summary>
    /// <param name="t">The calling thread.</param>
    /// <returns>The checkout.</returns>
    Task<PoolCheckout> CheckoutAsync(SimThread t);

    /// <summary>Gives a connection back.</summary>
    /// <param name="t">The calling thread.</param>
    /// <param name="connectionId">The id a checkout returned.</param>
    /// <returns>A task that ends when it is back.</returns>
    Task ReleaseAsync(SimThread t, int connectionId);
}
