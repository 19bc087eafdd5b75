using Workbook.Core.Reliability.Locks;

namespace Workbook.Core.Tests.Reliability.Locks;

public sealed class LockBadInputTests
{
    [Fact]
    public void Options_RejectNegativeLeaseAndTimeouts()
    {
        BadInput.Rejects(() => _ = new LockSimulationOptions(LockStrategy.FencingTokens, leaseMs: -1), "leaseMs", "a finite number > 0");
        BadInput.Rejects(() => _ = new LockSimulationOptions(LockStrategy.FencingTokens, leaseMs: double.NaN), "leaseMs", "a finite number > 0");
        BadInput.Rejects(() => _ = new LockSimulationOptions(LockStrategy.FencingTokens, retryMs: -5), "retryMs", "a finite number > 0");
        BadInput.Rejects(() => _ = new LockSimulationOptions(LockStrategy.FencingTokens, clientCount: 1), "clientCount", "an integer >= 2");
        BadInput.Rejects(() => _ = new LockSimulationOptions(LockStrategy.FencingTokens, messageDelayMinMs: 3, messageDelayMaxMs: 2), "messageDelayMaxMs", ">= 3");
        BadInput.Rejects(() => _ = new LockSimulationOptions(LockStrategy.FencingTokens, pauses: [new ProcessPause(2, 0, 1)]), "pauses", "clients 0 to 1");
        BadInput.Rejects(() => _ = new LockSimulationOptions(LockStrategy.FencingTokens, clientClockDrifts: [0.1]), "clientClockDrifts", "empty or 2 drifts");
        BadInput.Rejects(() => _ = new LockSimulationOptions(LockStrategy.FencingTokens, clientClockDrifts: [0, -1]), "clientClockDrifts", "a finite number in (-1, 1)");
        BadInput.Rejects(() => _ = new ProcessPause(0, -1, 1), "startMs", "a finite number >= 0");
        BadInput.Rejects(() => _ = new ProcessPause(0, 0, 0), "durationMs", "a finite number > 0");
    }

    [Fact]
    public void Service_RejectsNegativeLeaseAndEmptyReleaseToken()
    {
        var service = new LockService();
        BadInput.Rejects(() => service.SetIfAbsent("k", "v", -1, 0), "leaseMs", "a finite number > 0");
        BadInput.Rejects(() => service.Set("k", "v", 0, 0), "leaseMs", "a finite number > 0");
        BadInput.RejectsArgument(() => service.CompareAndDelete("k", "", 0), "ownerToken", "must contain text");
        BadInput.RejectsArgument(() => service.CompareAndDelete("k", "  ", 0), "ownerToken", "must contain text");
        BadInput.Rejects(() => new StorageService(true).TryWrite(0), "token", "an integer >= 1");
    }

    [Fact]
    public void Service_SetIfAbsent_LeaseLapses_CompareAndDeleteChecksOwner()
    {
        // Hand-computed: lease 100 ms granted at 10 lapses at 110; a drift of +25 % lapses it at 10 + 100/1.25 = 90.
        var service = new LockService();
        Assert.Equal(1, service.SetIfAbsent("k", "a", 100, 10).Token);
        Assert.False(service.SetIfAbsent("k", "b", 100, 109.9).IsGranted);
        Assert.False(service.CompareAndDelete("k", "b", 50));
        var second = service.SetIfAbsent("k", "b", 100, 110);
        Assert.Equal((true, 2L, 210.0), (second.IsGranted, second.Token, second.ExpiresAtMs));
        Assert.True(service.CompareAndDelete("k", "b", 120));

        Assert.Equal(90.0, new LockService(clockDrift: 0.25).SetIfAbsent("k", "a", 100, 10).ExpiresAtMs, 12);
    }
}
