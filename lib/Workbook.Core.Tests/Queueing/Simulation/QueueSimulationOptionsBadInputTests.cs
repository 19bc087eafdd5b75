using Workbook.Core.Queueing.Simulation;

namespace Workbook.Core.Tests.Queueing.Simulation;

/// <summary>When warm-up + customers overflows an int, the message names the parameter the caller set.</summary>
public sealed class QueueSimulationOptionsBadInputTests
{
    [Fact]
    public void CustomersOfIntMaxValue_WithTheDefaultWarmUp_NamesCustomersAndTheRange()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new QueueSimulationOptions(customers: int.MaxValue));

        Assert.Equal("customers", ex.ParamName);
        // 2,147,483,647 − 100,000 (the default warm-up) = 2,147,383,647.
        Assert.StartsWith(
            "customers must be an integer in [30, 2147383647] (so that warmUpCustomers + customers fits in an int; warmUpCustomers is 100000 by default); got 2147483647.",
            ex.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void LargestCustomers_WithTheDefaultWarmUp_IsAccepted()
    {
        var options = new QueueSimulationOptions(customers: 2_147_383_647);

        Assert.Equal(2_147_383_647, options.Customers);
        Assert.Equal(100_000, options.WarmUpCustomers);
    }

    [Fact]
    public void WarmUpSetByTheCaller_IsStillTheOneNamed()
    {
        BadInput.Rejects(() => new QueueSimulationOptions(customers: int.MaxValue, warmUpCustomers: 1), "warmUpCustomers", "warmUpCustomers must be an integer in [0, 0]");
    }
}
