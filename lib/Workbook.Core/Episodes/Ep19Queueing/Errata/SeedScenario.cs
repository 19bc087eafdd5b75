using Workbook.Core.Queueing;

namespace Workbook.Core.Episodes.Ep19Queueing.Errata;

/// <summary>
/// One of the seed notebook's example systems, with its numbers exactly as the seed gives them.
/// See <see cref="SeedScenarios"/>.
/// </summary>
/// <param name="Name">The seed's key, such as <c>"web_server"</c>.</param>
/// <param name="ArrivalRatePerSecond">The seed's <c>arrival_rate</c>, requests per second.</param>
/// <param name="MeanServiceTimeSeconds">The seed's <c>service_time</c>, seconds.</param>
/// <param name="Servers">The seed's <c>servers</c>.</param>
public sealed record SeedScenario(string Name, double ArrivalRatePerSecond, double MeanServiceTimeSeconds, int Servers)
{
    /// <summary>A = λS, the offered load in erlangs.</summary>
    public double OfferedLoadErlangs => ArrivalRatePerSecond * MeanServiceTimeSeconds;

    /// <summary>The scenario as an M/M/c queue, for <see cref="MMcQueue.Analyze"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A number is outside the range <see cref="MMcQueue"/> accepts.</exception>
    public MMcQueue ToQueue() => new(ArrivalRatePerSecond, MeanServiceTimeSeconds, Servers);
}
