namespace Workbook.Core.Reliability.Races.Interleavings;

/// <summary>A pool whose checkout waits until a connection is free, written against the explorer's shared state.</summary>
public interface ISimBlockingPool
{
    /// <summary>Waits until a connection is free and checks it out.</summary>
    /// <param name="t">The calling thread.</param>
    /// <returns>The connection id.</returns>
    Task<int> CheckoutAsync(SimThread t);

    /// <summary>Gives a connection back and wakes a waiting caller.</summary>
    /// <param name="t">The calling thread.</param>
    /// <param name="connectionId">The id a checkout returned.</param>
    /// <returns>A task that ends when it is back.</returns>
    Task ReleaseAsync(SimThread t, int connectionId);
}
