using Workbook.Core.Queueing.Simulation;
using Workbook.Core.Simulation;

namespace Workbook.Core.Tests.Queueing.Simulation;

/// <summary>Determinism, edge cases, warnings and allocations of <see cref="QueueSimulator"/>.</summary>
public class QueueSimulatorBehaviourTests
{
    private static QueueSimulationResult MM(int servers, double rho, int customers, int seed, int warmUp = 10_000, bool keepSamples = false) =>
        QueueSimulator.Run(
            new PoissonArrivals(servers * rho),
            new ExponentialService(1.0),
            new QueueSimulationOptions(servers, customers, warmUp, batches: 20, seed: seed, keepSamples: keepSamples));

    [Fact]
    public void SameSeed_GivesIdenticalResults()
    {
        var first = MM(4, 0.8, 100_000, seed: 5, keepSamples: true);
        var second = MM(4, 0.8, 100_000, seed: 5, keepSamples: true);

        Assert.Equal(first.MeanWait, second.MeanWait);
        Assert.Equal(first.MeanResponseTime, second.MeanResponseTime);
        Assert.Equal(first.ProbabilityOfWaiting, second.ProbabilityOfWaiting);
        Assert.Equal(first.Utilisation, second.Utilisation);
        Assert.Equal(first.Throughput, second.Throughput);
        Assert.Equal(first.ElapsedTime, second.ElapsedTime);
        Assert.True(first.HasSamples && second.HasSamples);
        Assert.True(first.Waits.SortedValues.SequenceEqual(second.Waits.SortedValues));
    }

    [Fact]
    public void StatefulProcesses_StartAfreshInEveryRun()
    {
        // The MMPP remembers its phase and the lognormal its spare normal number; the simulator draws
        // from copies, so reusing the same values for a second run must not change the result.
        var arrivals = new MarkovModulatedPoissonArrivals(1.0, 0.2, 0.05, 0.05);
        var service = new LognormalService(1.0, 1.5);
        var options = new QueueSimulationOptions(2, 50_000, 1_000, seed: 9);

        var first = QueueSimulator.Run(arrivals, service, options);
        var second = QueueSimulator.Run(arrivals, service, options);

        Assert.Equal(first.MeanWait, second.MeanWait);
    }

    [Fact]
    public void DifferentSeeds_GiveDifferentResults()
    {
        var results = Enumerable.Range(1, 5).Select(seed => MM(2, 0.7, 50_000, seed).MeanWait.Mean).ToList();

        Assert.Equal(results.Count, results.Distinct().Count());
    }

    [Theory]
    [InlineData(1, 0.9)]
    [InlineData(3, 0.5)]
    public void DeterministicArrivalsAndService_BelowCapacity_NeverWait(int servers, double rho)
    {
        // D/D/c: a customer arrives every 1/λ and needs exactly S = cρ/λ < c/λ, so a server is always free.
        const double lambda = 4.0;
        var result = QueueSimulator.Run(
            new DeterministicArrivals(lambda),
            new DeterministicService(servers * rho / lambda),
            new QueueSimulationOptions(servers, 10_000, 100, batches: 10, keepSamples: true));

        Assert.Equal(0.0, result.MeanWait.Mean);
        Assert.Equal(0.0, result.MeanWait.HalfWidth);
        Assert.Equal(0.0, result.ProbabilityOfWaiting.Mean);
        Assert.Equal(0.0, result.Waits!.Maximum);
        Assert.Equal(servers * rho / lambda, result.MeanResponseTime.Mean, 12);
        Assert.Equal(rho, result.Utilisation.Mean, 3);
        Assert.Equal(lambda, result.Throughput.Mean, 2);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void UnstableQueue_IsSimulatedButFlagged()
    {
        // ρ = 1.25: arrivals ask for more than the capacity. The queue grows like (λ − cμ)t, so the mean
        // wait grows with the run length and the servers run flat out at their capacity c/S.
        var shorter = MM(2, 1.25, 100_000, seed: 3, warmUp: 0);
        var longer = MM(2, 1.25, 400_000, seed: 3, warmUp: 0);

        Assert.False(longer.IsStable);
        Assert.Equal(1.25, longer.OfferedUtilisation, 12);
        Assert.Equal(2.5, longer.OfferedLoadErlangs, 12); // A = cρ erlangs
        Assert.Contains(longer.Warnings, w => w.StartsWith("Unstable", StringComparison.Ordinal) && w.Contains("utilisation ρ = λS/c = 1.25", StringComparison.Ordinal));
        Assert.True(longer.MeanWait.Mean > 3 * shorter.MeanWait.Mean);
        Assert.Equal(1.0, longer.Utilisation.Mean, 2);
        Assert.Equal(2.0, longer.Throughput.Mean, 1);
    }

    [Fact]
    public void StableQueue_WithLongBatches_HasNoWarnings()
    {
        var result = MM(1, 0.5, 600_000, seed: 4);

        Assert.True(result.IsStable);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void ShortBatchesInHeavyTraffic_AreFlaggedAsCorrelated()
    {
        // At ρ = 0.98 the queue remembers its state for thousands of customers; 200 batches of 50 are far
        // too short. (Independent batches would give an autocorrelation within about ±3/√200 = ±0.21.)
        var result = QueueSimulator.Run(
            new PoissonArrivals(0.98),
            new ExponentialService(1.0),
            new QueueSimulationOptions(customers: 200 * 50, warmUpCustomers: 10_000, batches: 200, seed: 8));

        Assert.True(result.BatchLag1Autocorrelation > 0.5, $"autocorrelation {result.BatchLag1Autocorrelation}");
        Assert.Contains(result.Warnings, w => w.StartsWith("Correlated batches", StringComparison.Ordinal));
    }

    [Fact]
    public void ResponseMinusWait_IsTheMeanServiceTime_AndThroughputIsCustomersOverElapsedTime()
    {
        var result = MM(3, 0.8, 200_000, seed: 6);

        // Response = wait + service for every customer, so the difference of the means is the sample
        // mean of 200,000 exponential service times of mean 1 (standard error 0.22 %).
        SimulationAssert.Relative(result.MeanResponseTime.Mean - result.MeanWait.Mean, 1.0, 0.01, "W − W_q");
        Assert.Equal(200_000, result.ElapsedTime * result.Throughput.Mean, 6);
    }

    [Fact]
    public void MatchesANaiveSimulationWithALinearScanOfServers()
    {
        // The heap is the clever part; a list scanned for its minimum is obviously right. Same seed,
        // same samplers, same order of draws: the waits must agree bit for bit.
        const int servers = 7, warmUp = 500, customers = 20_000, seed = 17;
        var arrivals = new HyperexponentialArrivals(3.0, 4.0);
        var service = new LognormalService(2.0, 1.5);
        var result = QueueSimulator.Run(arrivals, service, new QueueSimulationOptions(servers, customers, warmUp, 20, seed, keepSamples: true));

        var random = new Xoshiro256StarStar(seed);
        var freeAt = new double[servers];
        var waits = new List<double>();
        var arrival = 0.0;
        for (var n = 0; n < warmUp + customers; n++)
        {
            arrival += arrivals.NextInterarrivalTime(ref random);
            var serviceTime = service.NextServiceTime(ref random);
            var earliest = Array.IndexOf(freeAt, freeAt.Min());
            var start = Math.Max(arrival, freeAt[earliest]);
            freeAt[earliest] = start + serviceTime;
            if (n >= warmUp)
            {
                waits.Add(start - arrival);
            }
        }

        waits.Sort();
        Assert.Equal(waits, result.Waits!.SortedValues.ToArray());
        Assert.Equal(waits.Average(), result.MeanWait.Mean, 9);
    }

    [Fact]
    public void AllocatesNothingPerCustomer()
    {
        // Allocations are counted, not timed: a run of ten times as many customers allocates the same
        // bytes (the heap, the batch totals and the result), whatever the machine.
        static long Allocated(int customers)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            _ = MM(100, 0.9, customers, seed: 1);
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        // One-time costs of the runtime (JIT, on-stack replacement of the hot loop, tier-up, type
        // loading) can land in any run when the machine is busy, so each size keeps its smallest of
        // three runs: a per-customer allocation would show in every run, ten times larger in the large one.
        Allocated(10_000);
        var small = Enumerable.Range(0, 3).Min(_ => Allocated(20_000));
        var large = Enumerable.Range(0, 3).Min(_ => Allocated(200_000));

        Assert.Equal(small, large);
    }

    [Fact]
    public void DefaultStructs_AreRejected()
    {
        var options = new QueueSimulationOptions(customers: 1000, warmUpCustomers: 0);

        var arrivals = Assert.Throws<ArgumentException>(() => QueueSimulator.Run(default(PoissonArrivals), new ExponentialService(1), options));
        var service = Assert.Throws<ArgumentException>(() => QueueSimulator.Run(new PoissonArrivals(1), default(LognormalService), options));

        Assert.Equal("arrivals", arrivals.ParamName);
        Assert.StartsWith("arrivals has rate 0; it must be a finite number > 0.", arrivals.Message, StringComparison.Ordinal);
        Assert.Equal("service", service.ParamName);
        Assert.Throws<ArgumentNullException>(() => QueueSimulator.Run(new PoissonArrivals(1), new ExponentialService(1), null!));
    }
}
