using System.Globalization;
using System.Runtime.CompilerServices;
using Workbook.Core.Simulation;

namespace Workbook.Core.Queueing.Simulation;

/// <summary>
/// A discrete-event simulation of a G/G/c queue: one FIFO line in front of c identical servers, with
/// any arrival process and any service distribution. Reproducible from its seed, and fast enough
/// (millions of customers per second) for tight confidence intervals.
/// </summary>
/// <remarks>
/// A FIFO queue needs no event list: customers are served in arrival order, so each starts at
/// max(arrival, earliest server free time) and that server is then busy until start + service
/// (Kiefer and Wolfowitz, Trans. AMS 78(1), 1955; with one server, Lindley's recursion). The free
/// times sit in a min-heap, O(log c) per customer, with no allocation per customer. After the
/// warm-up, the measured customers are cut into batches and each mean gets a 95 % batch-means
/// interval (<see cref="Estimate"/>). The method is generic in struct arrival and service types so
/// that the JIT inlines every draw: pass the concrete types, not a variable typed as the interface.
/// </remarks>
/// <example>
/// An M/M/10 queue at utilisation ρ = 0.9, with percentiles:
/// <code>
/// var options = new QueueSimulationOptions(servers: 10, customers: 2_000_000, seed: 7, keepSamples: true);
/// var result = QueueSimulator.Run(new PoissonArrivals(rate: 9.0), new ExponentialService(mean: 1.0), options);
/// Console.WriteLine($"Wq = {result.MeanWait}, p99 wait = {result.Waits!.P99}");
/// </code>
/// </example>
public static class QueueSimulator
{
    /// <summary>Simulates a FIFO queue with c servers and returns what was measured.</summary>
    /// <typeparam name="TArrival">The arrival process type, a struct.</typeparam>
    /// <typeparam name="TService">The service distribution type, a struct.</typeparam>
    /// <param name="arrivals">The arrival process, as constructed; the run draws from its own copy.</param>
    /// <param name="service">The service distribution, as constructed; the run draws from its own copy.</param>
    /// <param name="options">Servers, run length, batches, seed and whether to keep samples.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="arrivals"/> or <paramref name="service"/> is a
    /// <c>default</c> struct (rate or mean not a finite number &gt; 0) rather than one made by its constructor.</exception>
    public static QueueSimulationResult Run<TArrival, TService>(TArrival arrivals, TService service, QueueSimulationOptions options)
        where TArrival : struct, IArrivalProcess
        where TService : struct, IServiceDistribution =>
        Run(arrivals, service, options, null);

    /// <summary>
    /// Simulates as <see cref="Run{TArrival, TService}(TArrival, TService, QueueSimulationOptions)"/> does, and
    /// also counts, batch by batch, the waits above each point of a grid, so that every exceedance
    /// fraction P(W_q &gt; t) on the grid and one percentile get confidence intervals
    /// (<see cref="QueueSimulationResult.WaitTail"/>). Needs no per-customer samples: one count per grid
    /// point and batch.
    /// </summary>
    /// <typeparam name="TArrival">The arrival process type, a struct.</typeparam>
    /// <typeparam name="TService">The service distribution type, a struct.</typeparam>
    /// <param name="arrivals">The arrival process, as constructed.</param>
    /// <param name="service">The service distribution, as constructed.</param>
    /// <param name="options">Servers, run length, batches, seed and whether to keep samples.</param>
    /// <param name="waitTail">The percentile and grid to estimate; null for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="arrivals"/> or <paramref name="service"/> is a <c>default</c> struct.</exception>
    public static QueueSimulationResult Run<TArrival, TService>(
        TArrival arrivals, TService service, QueueSimulationOptions options, WaitTailRequest? waitTail)
        where TArrival : struct, IArrivalProcess
        where TService : struct, IServiceDistribution
    {
        ArgumentNullException.ThrowIfNull(options);
        RequireConstructed(arrivals.Rate, "rate", nameof(arrivals));
        RequireConstructed(service.Mean, "mean", nameof(service));

        var totals = new BatchTotals(options.Batches);
        var waits = options.KeepSamples ? new double[options.Customers] : null;
        var responses = options.KeepSamples ? new double[options.Customers] : null;
        var histograms = waitTail is null ? null : new long[options.Batches, waitTail.GridIntervals + 1];
        var elapsed = Simulate(arrivals, service, options, totals, waits, responses, waitTail, histograms);

        var offeredUtilisation = arrivals.Rate * service.Mean / options.Servers;
        var autocorrelation = BatchMeans.Lag1Autocorrelation(totals.WaitSum, totals.Customers);
        return new QueueSimulationResult
        {
            Options = options,
            ArrivalRate = arrivals.Rate,
            MeanServiceTime = service.Mean,
            OfferedUtilisation = offeredUtilisation,
            Warnings = Warnings(offeredUtilisation, autocorrelation, options),
            MeanWait = BatchMeans.Ratio(totals.WaitSum, totals.Customers),
            MeanResponseTime = BatchMeans.Ratio(totals.ResponseSum, totals.Customers),
            ProbabilityOfWaiting = BatchMeans.Ratio(totals.Waited, totals.Customers),
            Utilisation = BatchMeans.Ratio(totals.BusyTimePerServer, totals.Elapsed),
            Throughput = BatchMeans.Ratio(totals.Customers, totals.Elapsed),
            ElapsedTime = elapsed,
            BatchLag1Autocorrelation = autocorrelation,
            WaitTail = waitTail is null ? null : new WaitTailEstimate(waitTail, ExceedanceCounts(histograms!), totals.Customers),
            Waits = waits is null ? null : new EmpiricalDistribution(waits),
            ResponseTimes = responses is null ? null : new EmpiricalDistribution(responses),
        };
    }

    /// <summary>The simulation loop; fills <paramref name="totals"/> (and the samples) and returns the elapsed time.</summary>
    /// <remarks>
    /// Implementation note: the method is compiled fully optimised on its first call. By default the
    /// JIT would start it unoptimised and switch to optimised code in the middle of the first (and
    /// usually only) run, through on-stack replacement, whose code keeps more in memory; the arrival
    /// process and service distribution are taken by value so that they are locals of this method.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double Simulate<TArrival, TService>(
        TArrival arrivals,
        TService service,
        QueueSimulationOptions options,
        BatchTotals totals,
        double[]? waits,
        double[]? responses,
        WaitTailRequest? waitTail,
        long[,]? histograms)
        where TArrival : struct, IArrivalProcess
        where TService : struct, IServiceDistribution
    {
        var random = new Xoshiro256StarStar(options.Seed);
        var servers = new ServerFreeTimes(options.Servers);
        var arrivalTime = 0.0;

        for (var n = 0; n < options.WarmUpCustomers; n++)
        {
            NextCustomer(ref arrivals, ref service, ref random, servers, ref arrivalTime, out _, out _);
        }

        var measurementStart = arrivalTime;
        var lastDeparture = measurementStart;
        var batchStart = measurementStart;
        var customers = options.Customers;
        var batches = options.Batches;
        var measured = 0;
        var gridStep = waitTail?.GridStepSeconds ?? 1.0;
        var lastBin = waitTail?.GridIntervals ?? 0;
        for (var batch = 0; batch < batches; batch++)
        {
            // Batch b holds customers [b·n/k, (b+1)·n/k): sizes differ by at most one.
            var end = (int)((long)(batch + 1) * customers / batches);
            var first = measured;
            double waitSum = 0, serviceSum = 0;
            var waited = 0;
            for (; measured < end; measured++)
            {
                var wait = NextCustomer(
                    ref arrivals, ref service, ref random, servers, ref arrivalTime, out var serviceTime, out var departure);
                lastDeparture = Math.Max(lastDeparture, departure);
                waitSum += wait;
                serviceSum += serviceTime;
                waited += wait > 0 ? 1 : 0;
                if (histograms is not null && wait > 0)
                {
                    // Bin i holds waits in [iΔ, (i + 1)Δ), the last bin everything from its left edge on.
                    histograms[batch, (int)Math.Min(wait / gridStep, lastBin)]++;
                }

                if (waits is not null)
                {
                    waits[measured] = wait;
                    responses![measured] = wait + serviceTime;
                }
            }

            totals.Record(batch, end - first, waitSum, serviceSum, waited, options.Servers, lastDeparture - batchStart);

            batchStart = lastDeparture;
        }

        return lastDeparture - measurementStart;
    }

    /// <summary>Admits the next customer: draws its arrival and service, assigns it the earliest free server, returns its wait.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double NextCustomer<TArrival, TService>(
        ref TArrival arrivals,
        ref TService service,
        ref Xoshiro256StarStar random,
        ServerFreeTimes servers,
        ref double arrivalTime,
        out double serviceTime,
        out double departure)
        where TArrival : struct, IArrivalProcess
        where TService : struct, IServiceDistribution
    {
        arrivalTime += arrivals.NextInterarrivalTime(ref random);
        serviceTime = service.NextServiceTime(ref random);
        var start = Math.Max(arrivalTime, servers.Earliest);
        departure = start + serviceTime;
        servers.ReplaceEarliest(departure);
        return start - arrivalTime;
    }

    /// <summary>
    /// From per-batch histograms of the positive waits to, for each grid point j, each batch's count of
    /// waits above jΔ: the suffix sums of the histogram (a wait in bin i exceeds jΔ exactly when i ≥ j).
    /// </summary>
    private static double[][] ExceedanceCounts(long[,] histograms)
    {
        var batches = histograms.GetLength(0);
        var points = histograms.GetLength(1);
        var above = new double[points][];
        for (var j = 0; j < points; j++)
        {
            above[j] = new double[batches];
        }

        for (var b = 0; b < batches; b++)
        {
            long running = 0;
            for (var j = points - 1; j >= 0; j--)
            {
                running += histograms[b, j];
                above[j][b] = running;
            }
        }

        return above;
    }

    private static void RequireConstructed(double value, string what, string paramName)
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            throw new ArgumentException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"{paramName} has {what} {value}; it must be a finite number > 0. Create it with its constructor, not default."),
                paramName);
        }
    }

    private static string[] Warnings(double offeredUtilisation, double autocorrelation, QueueSimulationOptions options)
    {
        var warnings = new List<string>();
        if (offeredUtilisation >= 1)
        {
            warnings.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"Unstable: the utilisation ρ = λS/c = {offeredUtilisation:G4} is at least 1, so the queue grows without bound and has no steady state. The waits grow with the length of the run; they and their confidence intervals describe this run of {options.Customers} customers only."));
        }

        // Under independence the lag-1 autocorrelation of k batch means has a standard deviation of
        // about 1/√k; three of those is a clear sign of correlated batches.
        var threshold = 3.0 / Math.Sqrt(options.Batches);
        if (autocorrelation > threshold)
        {
            warnings.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"Correlated batches: the lag-1 autocorrelation of the batch mean waits is {autocorrelation:G3}, above 3/√{options.Batches} = {threshold:G3}. The batches are short compared with the queue's memory, so the confidence intervals are too narrow; simulate more customers per batch."));
        }

        return [.. warnings];
    }
}
