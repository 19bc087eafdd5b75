using Workbook.Core.Queueing.Simulation;

namespace Workbook.Core.Tests.Queueing.Simulation;

public class QueueSimulationOptionsTests
{
    [Fact]
    public void Defaults_AreDocumented()
    {
        var options = new QueueSimulationOptions();

        Assert.Equal(1, options.Servers);
        Assert.Equal(1_000_000, options.Customers);
        Assert.Equal(100_000, options.WarmUpCustomers);
        Assert.Equal(30, options.Batches);
        Assert.Equal(0, options.Seed);
        Assert.False(options.KeepSamples);
    }

    [Theory]
    [InlineData(0, "servers must be an integer in [1, 10000000]; got 0.")]
    [InlineData(-3, "servers must be an integer in [1, 10000000]; got -3.")]
    [InlineData(10_000_001, "servers must be an integer in [1, 10000000]; got 10000001.")]
    public void Servers_OutOfRange_Throws(int servers, string message)
    {
        BadInput.Rejects(() => new QueueSimulationOptions(servers: servers), "servers", message);
    }

    [Theory]
    [InlineData(1, "batches must be an integer in [2, 1000]; got 1.")]
    [InlineData(1001, "batches must be an integer in [2, 1000]; got 1001.")]
    public void Batches_OutOfRange_Throws(int batches, string message)
    {
        BadInput.Rejects(() => new QueueSimulationOptions(batches: batches), "batches", message);
    }

    [Fact]
    public void FewerCustomersThanBatches_Throws()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new QueueSimulationOptions(customers: 29, batches: 30));

        Assert.Equal("customers", exception.ParamName);
        Assert.StartsWith(
            "customers must be an integer in [30, 2147483647] (at least batches, so that every batch has a customer); got 29.",
            exception.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void NegativeWarmUp_Throws()
    {
        BadInput.Rejects(() => new QueueSimulationOptions(customers: 1000, warmUpCustomers: -1), "warmUpCustomers", "warmUpCustomers must be an integer in [0, 2147482647]");
    }

    [Fact]
    public void WarmUpPlusCustomersBeyondIntRange_Throws()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(
            () => new QueueSimulationOptions(customers: int.MaxValue - 10, warmUpCustomers: 11));

        Assert.Equal("warmUpCustomers", exception.ParamName);
        Assert.StartsWith(
            "warmUpCustomers must be an integer in [0, 10] (so that warmUpCustomers + customers fits in an int); got 11.",
            exception.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void ValidEdgeValues_AreAccepted()
    {
        var options = new QueueSimulationOptions(servers: 10_000_000, customers: 2, warmUpCustomers: 0, batches: 2, seed: -5, keepSamples: true);

        Assert.Equal(2, options.Customers);
        Assert.Equal(-5, options.Seed);
    }
}
