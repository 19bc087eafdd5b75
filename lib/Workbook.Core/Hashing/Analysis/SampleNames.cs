using System.Globalization;
using Workbook.Core.Simulation;

namespace Workbook.Core.Hashing.Analysis;

/// <summary>Key and node names for experiments: sequential ("key-0", "node-0", …) or seeded random.</summary>
public static class SampleNames
{
    /// <summary>"key-0", "key-1", …, "key-(count − 1)".</summary>
    /// <param name="count">How many keys; an integer ≥ 0.</param>
    public static IReadOnlyList<string> Keys(int count) => Sequential("key-", count, nameof(count));

    /// <summary>"node-0", "node-1", …, "node-(count − 1)".</summary>
    /// <param name="count">How many nodes; an integer ≥ 0.</param>
    public static IReadOnlyList<string> Nodes(int count) => Sequential("node-", count, nameof(count));

    /// <summary>Random keys "key-" + 16 hex digits, drawn from a <see cref="Xoshiro256StarStar"/> seeded with <paramref name="seed"/>.</summary>
    /// <param name="count">How many keys; an integer ≥ 0.</param>
    /// <param name="seed">The seed.</param>
    public static IReadOnlyList<string> RandomKeys(int count, long seed)
    {
        var random = new Xoshiro256StarStar(seed);
        return RandomKeys(count, ref random);
    }

    /// <summary>Distinct random memcached-style node names "10.a.b.c:11211", from a generator seeded with <paramref name="seed"/>.</summary>
    /// <param name="count">How many nodes; an integer in [0, 16777216].</param>
    /// <param name="seed">The seed.</param>
    public static IReadOnlyList<string> RandomNodes(int count, long seed)
    {
        var random = new Xoshiro256StarStar(seed);
        return RandomNodes(count, ref random);
    }

    internal static string[] RandomKeys(int count, ref Xoshiro256StarStar random)
    {
        Guard.NonNegative(count, nameof(count));
        var keys = new string[count];
        for (int i = 0; i < count; i++)
        {
            keys[i] = "key-" + random.NextUInt64().ToString("x16", CultureInfo.InvariantCulture);
        }

        return keys;
    }

    internal static string[] RandomNodes(int count, ref Xoshiro256StarStar random)
    {
        const int Addresses = 1 << 24;
        if (count < 0 || count > Addresses)
        {
            throw Guard.OutOfRange(nameof(count), $"an integer in [0, {Addresses}]", count.ToString(CultureInfo.InvariantCulture));
        }

        var seen = new HashSet<uint>();
        var nodes = new string[count];
        for (int i = 0; i < count;)
        {
            uint address = (uint)(random.NextUInt64() >> 40);   // 24 random bits: 10.a.b.c
            if (seen.Add(address))
            {
                nodes[i++] = string.Create(
                    CultureInfo.InvariantCulture, $"10.{address >> 16}.{(address >> 8) & 0xFF}.{address & 0xFF}:11211");
            }
        }

        return nodes;
    }

    private static string[] Sequential(string prefix, int count, string paramName)
    {
        Guard.NonNegative(count, paramName);
        var names = new string[count];
        for (int i = 0; i < count; i++)
        {
            names[i] = prefix + i.ToString(CultureInfo.InvariantCulture);
        }

        return names;
    }
}
