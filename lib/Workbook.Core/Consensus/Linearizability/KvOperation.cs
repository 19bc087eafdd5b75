namespace Workbook.Core.Consensus.Linearizability;

/// <summary>Builds the operations of a key-value history, so a test or a notebook reads like the history itself.</summary>
/// <example><code>
/// KvOperation.Put(client: 0, "x", "1", invokedAt: 0, respondedAt: 10),
/// KvOperation.Get(client: 1, "x", "1", invokedAt: 5, respondedAt: 12),
/// </code></example>
public static class KvOperation
{
    /// <summary>A get of <paramref name="key"/> that returned <paramref name="value"/>.</summary>
    public static Operation<KvInput, KvOutput> Get(int client, string key, string value, long invokedAt, long respondedAt) =>
        new(client, KvInput.Get(key), invokedAt, KvOutput.Of(value), respondedAt);

    /// <summary>A get of <paramref name="key"/> that found no value.</summary>
    public static Operation<KvInput, KvOutput> GetAbsent(int client, string key, long invokedAt, long respondedAt) =>
        new(client, KvInput.Get(key), invokedAt, KvOutput.Absent, respondedAt);

    /// <summary>A put of <paramref name="value"/> to <paramref name="key"/> that was acknowledged.</summary>
    public static Operation<KvInput, KvOutput> Put(int client, string key, string value, long invokedAt, long respondedAt) =>
        new(client, KvInput.Put(key, value), invokedAt, KvOutput.Ok, respondedAt);

    /// <summary>An append of <paramref name="value"/> to <paramref name="key"/> that was acknowledged.</summary>
    public static Operation<KvInput, KvOutput> Append(int client, string key, string value, long invokedAt, long respondedAt) =>
        new(client, KvInput.Append(key, value), invokedAt, KvOutput.Ok, respondedAt);

    /// <summary>An operation that never returned: it may or may not have taken effect.</summary>
    public static Operation<KvInput, KvOutput> Pending(int client, KvInput input, long invokedAt) =>
        new(client, input, invokedAt);
}
