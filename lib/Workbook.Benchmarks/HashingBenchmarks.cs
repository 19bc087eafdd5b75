using System.Text;
using Workbook.Benchmarks.Harness;
using Workbook.Core.Hashing;
using Workbook.Core.Simulation;

namespace Workbook.Benchmarks;

/// <summary>
/// Episode 20's lookups (issue 12's goals: ring ≤ 50 ns, jump ≤ 20 ns, Maglev ≤ 10 ns per lookup, 0 bytes
/// allocated per lookup) over 100 nodes, each beside a straightforward baseline measured in the same run.
/// </summary>
/// <remarks>
/// HashRing narrows its search with a prefix index on the top bits (about one point per bucket); ketama keeps a
/// plain branch-free binary search, so the two rows show what the index buys. Lookups take a pre-hashed key (1 M seeded random 64-bit hashes, so caches see random positions); the
/// "assign" group starts from 1 M key strings and includes hashing them. Baselines: a linear scan of
/// the ring's points (the brute force the tests compare with), hash mod n (the scheme every other one
/// replaces), and rendezvous written as the LINQ one-liner a learner writes first.
/// </remarks>
internal static class HashingBenchmarks
{
    private const int Nodes = 100;
    private const int Lookups = 1_000_000;
    private const int ScanLookups = 20_000;
    private const int HrwKeys = 100_000;

    private static readonly string[] NodeNames = [.. Enumerable.Range(0, Nodes).Select(i => $"10.0.{i / 250}.{i % 250}:11211")];
    private static readonly ulong[] KeyHashes = RandomHashes(Lookups, seed: 20);
    private static readonly string[] KeyStrings = [.. Enumerable.Range(0, Lookups).Select(i => $"user:{i}")];
    private static readonly byte[][] HrwKeyBytes = [.. KeyStrings.Take(HrwKeys).Select(Encoding.UTF8.GetBytes)];
    private static readonly KetamaRing Ketama = new(NodeNames.Select(n => new KetamaServer(n)));
    private static readonly KetamaPoint[] KetamaPoints = [.. Ketama.Points];
    private static readonly HashRing Ring = new(NodeNames.Select(n => new RingNode(n)), virtualNodesPerWeight: 160);
    private static readonly MultiProbeRing MultiProbe = new(NodeNames);
    private static readonly MaglevTable Maglev = new([.. NodeNames.Select(n => new MaglevBackend(n))], SeededHashes.XxHash64);
    private static readonly Rendezvous Hrw = new([.. NodeNames.Select(n => new RendezvousNode(n))], SeededHashes.XxHash64);
    private static readonly long[] HrwSeeds = [.. NodeNames.Select(n => unchecked((long)SeededHashes.XxHash64(Encoding.UTF8.GetBytes(n), 0)))];

    public static BenchmarkGroup RingGroup { get; } = new(
        "hashing-ring",
        new Benchmark($"linear scan of ketama's {KetamaPoints.Length:N0} points (100 × 160)", ScanLookups, "lookup", LinearScan),
        new Benchmark("ketama ring: binary search (100 × 160 points)", Lookups, "lookup", KetamaLookups),
        new Benchmark("HashRing: prefix index + short scan (100 × 160 64-bit points)", Lookups, "lookup", RingLookups));

    public static BenchmarkGroup LookupGroup { get; } = new(
        "hashing-lookup",
        new Benchmark("hash mod 100 (baseline)", Lookups, "lookup", ModuloLookups),
        new Benchmark("jump consistent hash, 100 buckets", Lookups, "lookup", JumpLookups),
        new Benchmark("Maglev, 100 backends, M = 65,537", Lookups, "lookup", MaglevLookups),
        new Benchmark("ketama ring, 100 × 160 points", Lookups, "lookup", KetamaLookups),
        new Benchmark("HashRing, 100 × 160 points", Lookups, "lookup", RingLookups),
        new Benchmark("multi-probe, 100 nodes, 21 probes (hashes included)", HrwKeys, "lookup", MultiProbeLookups),
        new Benchmark("rendezvous, 100 nodes (library)", HrwKeys, "lookup", HrwLookups),
        new Benchmark("rendezvous, 100 nodes (LINQ MaxBy)", HrwKeys, "lookup", HrwLinqLookups));

    public static BenchmarkGroup AssignGroup { get; } = new(
        "hashing-assign",
        new Benchmark("1 M keys: xxHash64 mod 100 (baseline)", Lookups, "key", AssignModulo),
        new Benchmark("1 M keys: xxHash64 + jump", Lookups, "key", AssignJump),
        new Benchmark("1 M keys: xxHash64 + Maglev", Lookups, "key", AssignMaglev),
        new Benchmark("1 M keys: xxHash64 + HashRing (100 × 160)", Lookups, "key", AssignRing),
        new Benchmark("1 M keys: MD5 + ketama (as memcached clients)", Lookups, "key", AssignKetama));

    private static ulong[] RandomHashes(int count, long seed)
    {
        var rng = new Xoshiro256StarStar(seed);
        var hashes = new ulong[count];
        for (int i = 0; i < count; i++)
        {
            hashes[i] = rng.NextUInt64();
        }

        return hashes;
    }

    private static ulong Utf8XxHash(string key)
    {
        Span<byte> buffer = stackalloc byte[64];
        int written = Encoding.UTF8.GetBytes(key, buffer);
        return SeededHashes.XxHash64(buffer[..written], 0);
    }

    private static double LinearScan()
    {
        long sum = 0;
        for (int k = 0; k < ScanLookups; k++)
        {
            uint hash = (uint)(KeyHashes[k] >> 32);
            int owner = 0;
            for (int i = 0; i < KetamaPoints.Length; i++)
            {
                if (KetamaPoints[i].Position >= hash)
                {
                    owner = i;
                    break;
                }
            }

            sum += KetamaPoints[owner].Position;
        }

        return sum;
    }

    private static double KetamaLookups()
    {
        long sum = 0;
        foreach (ulong hash in KeyHashes)
        {
            sum += Ketama.LocateHash((uint)(hash >> 32)).Position;
        }

        return sum;
    }

    private static double RingLookups()
    {
        long sum = 0;
        foreach (ulong hash in KeyHashes)
        {
            sum += Ring.NodeIndexForHash(hash);
        }

        return sum;
    }

    private static double MultiProbeLookups()
    {
        long sum = 0;
        foreach (byte[] key in HrwKeyBytes)
        {
            sum += MultiProbe.NodeIndexFor(key);
        }

        return sum;
    }

    private static double AssignRing()
    {
        long sum = 0;
        foreach (string key in KeyStrings)
        {
            sum += Ring.NodeIndexForHash(Ring.HashKey(key));
        }

        return sum;
    }

    private static double ModuloLookups()
    {
        long sum = 0;
        foreach (ulong hash in KeyHashes)
        {
            sum += (long)(hash % Nodes);
        }

        return sum;
    }

    private static double JumpLookups()
    {
        long sum = 0;
        foreach (ulong hash in KeyHashes)
        {
            sum += JumpConsistentHash.Bucket(hash, Nodes);
        }

        return sum;
    }

    private static double MaglevLookups()
    {
        long sum = 0;
        foreach (ulong hash in KeyHashes)
        {
            sum += Maglev.BackendIndexFor(hash);
        }

        return sum;
    }

    private static double HrwLookups()
    {
        long sum = 0;
        foreach (byte[] key in HrwKeyBytes)
        {
            sum += Hrw.NodeIndexFor(key);
        }

        return sum;
    }

    private static double HrwLinqLookups()
    {
        long sum = 0;
        foreach (byte[] key in HrwKeyBytes)
        {
            sum += Enumerable.Range(0, Nodes).MaxBy(i => SeededHashes.XxHash64(key, HrwSeeds[i]));
        }

        return sum;
    }

    private static double AssignModulo()
    {
        long sum = 0;
        foreach (string key in KeyStrings)
        {
            sum += (long)(Utf8XxHash(key) % Nodes);
        }

        return sum;
    }

    private static double AssignJump()
    {
        long sum = 0;
        foreach (string key in KeyStrings)
        {
            sum += JumpConsistentHash.Bucket(Utf8XxHash(key), Nodes);
        }

        return sum;
    }

    private static double AssignMaglev()
    {
        long sum = 0;
        foreach (string key in KeyStrings)
        {
            sum += Maglev.BackendIndexFor(Utf8XxHash(key));
        }

        return sum;
    }

    private static double AssignKetama()
    {
        long sum = 0;
        foreach (string key in KeyStrings)
        {
            sum += Ketama.LocateHash(KetamaRing.HashKey(key)).Position;
        }

        return sum;
    }
}
