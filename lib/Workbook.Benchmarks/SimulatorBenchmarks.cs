using Workbook.Benchmarks.Harness;
using Workbook.Core.Queueing.Simulation;
using Workbook.Core.Simulation;

namespace Workbook.Benchmarks;

/// <summary>
/// The G/G/c simulator, in customers per second. The baseline draws, from the same generator, the
/// exponential variates an M/M/c run needs (two per customer) and nothing else, so the ratio is the
/// cost of the queueing itself: the server heap, the bookkeeping and the batch totals.
/// </summary>
internal static class SimulatorBenchmarks
{
    private const int Customers = 10_000_000;
    private const double Load = 0.9;

    public static BenchmarkGroup Group { get; } = new(
        "simulator",
        new Benchmark($"PRNG only: {2 * Customers / 1_000_000}M exponential variates", Customers, "customer", DrawVariates),
        MM(servers: 1),
        MM(servers: 10),
        MM(servers: 1000),
        new Benchmark("M/M/10 keepSamples (+ sort for percentiles)", Customers, "customer",
            () => QueueSimulator.Run(new PoissonArrivals(Load * 10), new ExponentialService(1.0), Options(10, keepSamples: true)).Waits!.P99),
        new Benchmark("H2(scv 4)/lognormal(scv 2)/10", Customers, "customer",
            () => QueueSimulator.Run(new HyperexponentialArrivals(Load * 10, 4.0), new LognormalService(1.0, 2.0), Options(10)).MeanWait.Mean),
        new Benchmark("MMPP-2/deterministic/10", Customers, "customer",
            () => QueueSimulator.Run(new MarkovModulatedPoissonArrivals(12, 6, 0.1, 0.1), new DeterministicService(1.0), Options(10)).MeanWait.Mean));

    private static Benchmark MM(int servers) => new(
        $"M/M/{servers}, ρ = {Load}, {Customers / 1_000_000}M customers",
        Customers,
        "customer",
        () => QueueSimulator.Run(new PoissonArrivals(Load * servers), new ExponentialService(1.0), Options(servers)).MeanWait.Mean);

    private static QueueSimulationOptions Options(int servers, bool keepSamples = false) =>
        new(servers: servers, customers: Customers, warmUpCustomers: 0, seed: 1, keepSamples: keepSamples);

    private static double DrawVariates()
    {
        var random = new Xoshiro256StarStar(1);
        var sum = 0.0;
        for (var i = 0; i < 2 * Customers; i++)
        {
            sum += random.NextExponential(1.0);
        }

        return sum;
    }
}
