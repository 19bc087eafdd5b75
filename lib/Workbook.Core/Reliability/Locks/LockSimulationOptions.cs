namespace Workbook.Core.Reliability.Locks;

/// <summary>The setting of one lock simulation: strategy, clients, lease, timings, faults. Times in milliseconds.</summary>
/// <remarks>
/// Each client, per round: acquires (retrying every <see cref="RetryMs"/>), works for
/// <see cref="WorkMs"/>, checks on its own clock that its lease has not run out, waits
/// <see cref="CheckToWriteMs"/> (the gap a GC pause can fall into), writes to the storage if the
/// check passed, and releases when the write is acknowledged. Message delays are uniform in
/// [<see cref="MessageDelayMinMs"/>, <see cref="MessageDelayMaxMs"/>]; random pauses arrive as a
/// Poisson process with exponential lengths; client clocks drift uniformly within ±<see cref="MaxClientClockDrift"/>.
/// </remarks>
public sealed record LockSimulationOptions
{
    /// <summary>Creates and validates the options.</summary>
    /// <param name="strategy">The lock strategy.</param>
    /// <param name="clientCount">Clients; an integer &gt;= 2.</param>
    /// <param name="roundsPerClient">Critical sections each client attempts; an integer &gt;= 1.</param>
    /// <param name="leaseMs">The lock's lease (PX); a finite number &gt; 0.</param>
    /// <param name="workMs">Work before the lease check; a finite number &gt;= 0.</param>
    /// <param name="checkToWriteMs">Gap between the lease check and the write; a finite number &gt;= 0.</param>
    /// <param name="retryMs">Wait before retrying a refused acquire (the retry timeout); a finite number &gt; 0.</param>
    /// <param name="messageDelayMinMs">Shortest one-way message delay; a finite number &gt;= 0.</param>
    /// <param name="messageDelayMaxMs">Longest one-way message delay; a finite number &gt;= <paramref name="messageDelayMinMs"/>.</param>
    /// <param name="startSpacingMs">Client i starts at i × this; a finite number &gt;= 0.</param>
    /// <param name="pauseRatePerSecond">Random pauses per client per simulated second; a finite number &gt;= 0.</param>
    /// <param name="pauseMeanMs">Mean length of a random pause; a finite number &gt; 0.</param>
    /// <param name="maxClientClockDrift">Largest client clock-rate error (0.01 = 1 %); a finite number in [0, 1).</param>
    /// <param name="serviceClockDrift">The lock service's clock-rate error; a finite number in (-1, 1).</param>
    /// <param name="horizonMs">No acquire starts after this, and random pauses fall before it; a finite number &gt; 0.</param>
    /// <param name="pauses">Pauses injected at chosen times (hand-built schedules); each names a client below <paramref name="clientCount"/>.</param>
    /// <param name="clientClockDrifts">Each client's clock-rate error, replacing the random ones (hand-built schedules); <paramref name="clientCount"/> finite numbers in (-1, 1).</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public LockSimulationOptions(
        LockStrategy strategy,
        int clientCount = 2,
        int roundsPerClient = 1,
        double leaseMs = 50,
        double workMs = 10,
        double checkToWriteMs = 1,
        double retryMs = 12,
        double messageDelayMinMs = 1,
        double messageDelayMaxMs = 1,
        double startSpacingMs = 5,
        double pauseRatePerSecond = 0,
        double pauseMeanMs = 40,
        double maxClientClockDrift = 0,
        double serviceClockDrift = 0,
        double horizonMs = 1_000,
        IReadOnlyList<ProcessPause>? pauses = null,
        IReadOnlyList<double>? clientClockDrifts = null)
    {
        if (!Enum.IsDefined(strategy))
        {
            throw Guard.OutOfRange(nameof(strategy), "a defined LockStrategy", strategy.ToString());
        }

        Strategy = strategy;
        ClientCount = Guard.AtLeast(clientCount, 2, nameof(clientCount));
        RoundsPerClient = Guard.Positive(roundsPerClient, nameof(roundsPerClient));
        LeaseMs = Guard.PositiveFinite(leaseMs, nameof(leaseMs));
        WorkMs = Guard.NonNegativeFinite(workMs, nameof(workMs));
        CheckToWriteMs = Guard.NonNegativeFinite(checkToWriteMs, nameof(checkToWriteMs));
        RetryMs = Guard.PositiveFinite(retryMs, nameof(retryMs));
        MessageDelayMinMs = Guard.NonNegativeFinite(messageDelayMinMs, nameof(messageDelayMinMs));
        MessageDelayMaxMs = Guard.AtLeastFinite(messageDelayMaxMs, messageDelayMinMs, nameof(messageDelayMaxMs));
        StartSpacingMs = Guard.NonNegativeFinite(startSpacingMs, nameof(startSpacingMs));
        PauseRatePerSecond = Guard.NonNegativeFinite(pauseRatePerSecond, nameof(pauseRatePerSecond));
        PauseMeanMs = Guard.PositiveFinite(pauseMeanMs, nameof(pauseMeanMs));
        MaxClientClockDrift = Guard.UnitIntervalOpenRight(maxClientClockDrift, nameof(maxClientClockDrift));
        ServiceClockDrift = Guard.InRangeExclusive(serviceClockDrift, -1, 1, nameof(serviceClockDrift));
        HorizonMs = Guard.PositiveFinite(horizonMs, nameof(horizonMs));
        Pauses = (pauses ?? []).ToArray();
        ClientClockDrifts = (clientClockDrifts ?? []).ToArray();
        if (ClientClockDrifts.Count > 0 && ClientClockDrifts.Count != clientCount)
        {
            throw Guard.OutOfRange(nameof(clientClockDrifts), $"empty or {clientCount} drifts, one per client", $"{ClientClockDrifts.Count} drifts");
        }

        foreach (var drift in ClientClockDrifts)
        {
            Guard.InRangeExclusive(drift, -1, 1, nameof(clientClockDrifts));
        }

        foreach (var pause in Pauses)
        {
            ArgumentNullException.ThrowIfNull(pause, nameof(pauses));
            if (pause.ClientIndex >= clientCount)
            {
                throw Guard.OutOfRange(nameof(pauses), $"pauses of clients 0 to {clientCount - 1}", $"a pause of client {pause.ClientIndex}");
            }
        }
    }

    /// <summary>The lock strategy.</summary>
    public LockStrategy Strategy { get; }

    /// <summary>Each client's clock-rate error when set by hand (see <see cref="HasClientClockDrifts"/>); otherwise empty.</summary>
    /// <value>The default is empty: drifts are drawn from the seed within ±<see cref="MaxClientClockDrift"/>.</value>
    public IReadOnlyList<double> ClientClockDrifts { get; }

    /// <summary>Whether <see cref="ClientClockDrifts"/> replaces the random drifts.</summary>
    public bool HasClientClockDrifts => ClientClockDrifts.Count > 0;

    /// <summary>Number of clients.</summary>
    /// <value>The default is 2.</value>
    public int ClientCount { get; }

    /// <summary>Critical sections each client attempts.</summary>
    /// <value>The default is 1.</value>
    public int RoundsPerClient { get; }

    /// <summary>The lease (PX), in milliseconds.</summary>
    /// <value>The default is 50 ms.</value>
    public double LeaseMs { get; }

    /// <summary>Work between the grant and the lease check, in milliseconds.</summary>
    /// <value>The default is 10 ms.</value>
    public double WorkMs { get; }

    /// <summary>Gap between the lease check and the write, in milliseconds.</summary>
    /// <value>The default is 1 ms.</value>
    public double CheckToWriteMs { get; }

    /// <summary>Wait before retrying a refused acquire, in milliseconds.</summary>
    /// <value>The default is 12 ms.</value>
    public double RetryMs { get; }

    /// <summary>Shortest one-way message delay, in milliseconds.</summary>
    /// <value>The default is 1 ms.</value>
    public double MessageDelayMinMs { get; }

    /// <summary>Longest one-way message delay, in milliseconds.</summary>
    /// <value>The default is 1 ms (fixed delays).</value>
    public double MessageDelayMaxMs { get; }

    /// <summary>Client i starts at i × this, in milliseconds.</summary>
    /// <value>The default is 5 ms.</value>
    public double StartSpacingMs { get; }

    /// <summary>Random pauses per client per simulated second.</summary>
    /// <value>The default is 0 (only injected pauses).</value>
    public double PauseRatePerSecond { get; }

    /// <summary>Mean length of a random pause, in milliseconds.</summary>
    /// <value>The default is 40 ms.</value>
    public double PauseMeanMs { get; }

    /// <summary>Largest client clock-rate error.</summary>
    /// <value>The default is 0.</value>
    public double MaxClientClockDrift { get; }

    /// <summary>The lock service's clock-rate error.</summary>
    /// <value>The default is 0.</value>
    public double ServiceClockDrift { get; }

    /// <summary>No acquire starts after this, in milliseconds.</summary>
    /// <value>The default is 1,000 ms.</value>
    public double HorizonMs { get; }

    /// <summary>Pauses injected at chosen times.</summary>
    /// <value>The default is none.</value>
    public IReadOnlyList<ProcessPause> Pauses { get; }
}
