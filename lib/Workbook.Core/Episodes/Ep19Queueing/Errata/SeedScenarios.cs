using Workbook.Core.Queueing;

namespace Workbook.Core.Episodes.Ep19Queueing.Errata;

/// <summary>
/// The seed notebook's three example systems and its capacity-planning challenge, with the numbers
/// exactly as the seed gives them, so the episode can analyse them properly.
/// </summary>
/// <remarks>
/// <para>
/// What the exact analysis shows:
/// </para>
/// <list type="bullet">
/// <item><description>
/// <see cref="WebServer"/> (λ = 1000/s, S = 0.1 s, c = 10): A = 100 erlangs on 10 servers, ρ = 10.
/// Overloaded; at least 101 servers are needed for stability. The seed recommends
/// <c>ceil(λ/μ)</c> = 100, which is ρ = 1: no steady state either.
/// </description></item>
/// <item><description>
/// <see cref="Database"/> (λ = 500/s, S = 20 ms, c = 5): A = 10 erlangs on 5 servers, ρ = 2. Also
/// overloaded; at least 11 servers are needed (the seed's rule says 10).
/// </description></item>
/// <item><description>
/// <see cref="MessageQueue"/> (λ = 10,000/s, S = 1 ms, c = 20): A = 10 erlangs, ρ = 0.5. The only
/// stable one of the three.
/// </description></item>
/// </list>
/// <para>
/// The challenge (λ = 50,000/s, S = 20 ms, p99 ≤ 50 ms) cannot be met by any number of servers if
/// service times are exponential: the service time alone has p99 = 20 ms × ln 100 ≈ 92 ms. See
/// <see cref="CapacityPlanner"/>.
/// </para>
/// </remarks>
public static class SeedScenarios
{
    /// <summary>The capacity challenge's peak arrival rate, 50,000 requests per second.</summary>
    public const double ChallengeArrivalRatePerSecond = 50_000;

    /// <summary>The capacity challenge's average processing time, 20 ms.</summary>
    public const double ChallengeMeanServiceTimeSeconds = 0.020;

    /// <summary>The capacity challenge's p99 latency objective, 50 ms.</summary>
    public const double ChallengeP99ResponseTimeSeconds = 0.050;

    /// <summary>The seed's <c>web_server</c>: 1000 requests/s, 0.1 s service, 10 servers.</summary>
    public static SeedScenario WebServer { get; } = new("web_server", 1000, 0.1, 10);

    /// <summary>The seed's <c>database</c>: 500 requests/s, 0.02 s service, 5 servers.</summary>
    public static SeedScenario Database { get; } = new("database", 500, 0.02, 5);

    /// <summary>The seed's <c>message_queue</c>: 10,000 requests/s, 0.001 s service, 20 servers.</summary>
    public static SeedScenario MessageQueue { get; } = new("message_queue", 10000, 0.001, 20);

    /// <summary>The three scenarios in the seed's order.</summary>
    public static IReadOnlyList<SeedScenario> All { get; } = [WebServer, Database, MessageQueue];

    /// <summary>A scenario by the seed's key: <c>"web_server"</c>, <c>"database"</c> or <c>"message_queue"</c>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException">There is no scenario of that name.</exception>
    public static SeedScenario Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return All.FirstOrDefault(s => s.Name == name)
            ?? throw new ArgumentException(
                $"name must be one of {string.Join(", ", All.Select(s => $"\"{s.Name}\""))}; got \"{name}\".", nameof(name));
    }
}
