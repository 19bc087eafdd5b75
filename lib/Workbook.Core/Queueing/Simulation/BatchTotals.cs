using Workbook.Core.Simulation;

namespace Workbook.Core.Queueing.Simulation;

/// <summary>
/// What one run adds up per batch: one array of <c>batches</c> numbers per quantity, allocated once
/// per run and filled once per batch (not per customer).
/// </summary>
/// <remarks>
/// Every result is a ratio of two batch totals, ΣY / ΣX: the mean wait is total wait over
/// customers, the utilisation busy time over elapsed time, the throughput customers over elapsed time.
/// <see cref="BatchMeans.Ratio"/> turns each pair into an estimate with a confidence interval.
/// </remarks>
internal sealed class BatchTotals
{
    public BatchTotals(int batches)
    {
        Customers = new double[batches];
        WaitSum = new double[batches];
        ResponseSum = new double[batches];
        Waited = new double[batches];
        BusyTimePerServer = new double[batches];
        Elapsed = new double[batches];
    }

    /// <summary>Customers in each batch.</summary>
    public double[] Customers { get; }

    /// <summary>Sum of the waits in queue of each batch's customers.</summary>
    public double[] WaitSum { get; }

    /// <summary>Sum of the response times (wait + service) of each batch's customers.</summary>
    public double[] ResponseSum { get; }

    /// <summary>Customers in each batch who waited at all (wait &gt; 0).</summary>
    public double[] Waited { get; }

    /// <summary>Total service time of each batch's customers, divided by the number of servers.</summary>
    public double[] BusyTimePerServer { get; }

    /// <summary>Time each batch covers: from the end of the previous batch (or the start of measurement) to the latest departure so far.</summary>
    public double[] Elapsed { get; }

    /// <summary>Records the totals of batch <paramref name="batch"/>.</summary>
    public void Record(int batch, int customers, double waitSum, double serviceSum, int waited, int servers, double elapsed)
    {
        Customers[batch] = customers;
        WaitSum[batch] = waitSum;
        ResponseSum[batch] = waitSum + serviceSum;
        Waited[batch] = waited;
        BusyTimePerServer[batch] = serviceSum / servers;
        Elapsed[batch] = elapsed;
    }
}
