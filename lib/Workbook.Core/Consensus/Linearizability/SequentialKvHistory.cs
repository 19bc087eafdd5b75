using System.Globalization;
using Workbook.Core.Simulation;

namespace Workbook.Core.Consensus.Linearizability;

/// <summary>
/// Seeded key-value histories that are linearizable by construction: a sequential execution whose
/// operations are then given overlapping intervals, each still containing the instant it took effect.
/// </summary>
/// <remarks>
/// Operation k takes effect at tick 10(k + 1), on a random client and key (half gets, three tenths
/// puts, a fifth appends, every written value distinct); gets answer what a plain dictionary holds at
/// that instant. Each interval then widens by up to <c>widening</c> ticks on either side, never into
/// its client's previous or next operation. Some clients' last operations lose their response
/// (applied all the same) and some clients end with a put that never took effect and never returned.
/// Use it to try the checker on large histories and, by changing one answer, to break them.
/// </remarks>
public static class SequentialKvHistory
{
    /// <summary>The ticks between the instants two consecutive operations take effect.</summary>
    public const long Spacing = 10;

    private const long MostWidening = 1_000_000_000;

    /// <summary>Generates a history of <paramref name="operations"/> applied operations (plus the lost puts).</summary>
    /// <param name="operations">Operations in the sequential execution, at least 1.</param>
    /// <param name="clients">Clients, at least 1.</param>
    /// <param name="keys">Keys, named k0, k1, …; at least 1.</param>
    /// <param name="widening">The most ticks an interval widens on each side, in [0, 10⁹].</param>
    /// <param name="pendingProbability">For each client, the probability its last operation loses its response, and, separately, that it ends with a lost put.</param>
    /// <param name="seed">The seed of the <see cref="Xoshiro256StarStar"/> that draws everything.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is below its minimum, or the probability is outside [0, 1].</exception>
    public static IReadOnlyList<Operation<KvInput, KvOutput>> Generate(
        int operations, int clients, int keys, long widening, double pendingProbability, long seed)
    {
        Guard.Positive(operations, nameof(operations));
        Guard.Positive(clients, nameof(clients));
        Guard.Positive(keys, nameof(keys));
        if (widening is < 0 or > MostWidening)
        {
            throw Guard.OutOfRange(nameof(widening), "an integer in [0, 1000000000]", widening.ToString(CultureInfo.InvariantCulture));
        }

        Guard.Probability(pendingProbability, nameof(pendingProbability));
        var random = new Xoshiro256StarStar(seed);

        var store = new Dictionary<string, string>(StringComparer.Ordinal);
        var plan = new List<(int Client, KvInput Input, KvOutput Output, long Point)>(operations);
        for (var k = 0; k < operations; k++)
        {
            var key = "k" + Below(ref random, keys).ToString(CultureInfo.InvariantCulture);
            var draw = random.NextDouble();
            var value = k.ToString(CultureInfo.InvariantCulture);
            KvInput input;
            KvOutput output;
            if (draw < 0.5)
            {
                input = KvInput.Get(key);
                output = store.TryGetValue(key, out var held) ? KvOutput.Of(held) : KvOutput.Absent;
            }
            else if (draw < 0.8)
            {
                input = KvInput.Put(key, "p" + value);
                store[key] = input.Value;
                output = KvOutput.Ok;
            }
            else
            {
                input = KvInput.Append(key, "a" + value + ";");
                store[key] = (store.TryGetValue(key, out var held) ? held : string.Empty) + input.Value;
                output = KvOutput.Ok;
            }

            plan.Add((Below(ref random, clients), input, output, Spacing * (k + 1)));
        }

        var history = new List<Operation<KvInput, KvOutput>>(operations + clients);
        foreach (var client in plan.Select((p, index) => (p, index)).GroupBy(x => x.p.Client))
        {
            var mine = client.ToList();
            var previousResponse = long.MinValue;
            var endsWithLostPut = random.NextDouble() < pendingProbability;
            var lastLosesResponse = !endsWithLostPut && random.NextDouble() < pendingProbability;
            for (var i = 0; i < mine.Count; i++)
            {
                var (_, input, output, point) = mine[i].p;
                var invokedAt = Math.Max(point - Draw(ref random, widening), previousResponse + 1);
                var latest = i + 1 < mine.Count ? mine[i + 1].p.Point - 1 : long.MaxValue;
                var respondedAt = Math.Min(point + Draw(ref random, widening), latest);
                history.Add(i + 1 == mine.Count && lastLosesResponse
                    ? new Operation<KvInput, KvOutput>(client.Key, input, invokedAt)
                    : new Operation<KvInput, KvOutput>(client.Key, input, invokedAt, output, respondedAt));
                previousResponse = respondedAt;
            }

            if (endsWithLostPut)
            {
                var key = "k" + Below(ref random, keys).ToString(CultureInfo.InvariantCulture);
                var lost = "lost" + client.Key.ToString(CultureInfo.InvariantCulture);
                history.Add(new Operation<KvInput, KvOutput>(client.Key, KvInput.Put(key, lost), previousResponse + 1));
            }
        }

        return history.OrderBy(o => o.InvokedAt).ThenBy(o => o.ClientId).ToList();
    }

    private static int Below(ref Xoshiro256StarStar random, int count) =>
        (int)Math.BigMul(random.NextUInt64(), (ulong)count, out _);

    private static long Draw(ref Xoshiro256StarStar random, long most) =>
        (long)Math.BigMul(random.NextUInt64(), (ulong)most + 1, out _);
}
