using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Workbook.Core.Hashing;

namespace Workbook.Core.Tests.Hashing;

public class KetamaRingTests
{
    // libketama's own test data: ketama.servers (8 servers with "memory" weights) and the MD5 of the
    // output of ketama_test over keys "0".."999999", which libketama/test.sh expects.
    // github.com/RJ/ketama, files ketama.servers, libketama/test.sh, libketama/ketama_test.c,
    // commit 18cf9a7717dad0d8106a5205900a17617043fe2c.
    private static readonly KetamaServer[] LibketamaServers =
    [
        new("10.0.1.1:11211", 600), new("10.0.1.2:11211", 300), new("10.0.1.3:11211", 200), new("10.0.1.4:11211", 350),
        new("10.0.1.5:11211", 1000), new("10.0.1.6:11211", 800), new("10.0.1.7:11211", 950), new("10.0.1.8:11211", 100),
    ];

    private const string LibketamaTestOutputMd5 = "5672b131391f5aa2b280936aec1eea74";

    [Fact]
    public void Libketama_TestSh_OutputOfAMillionKeysHasTheExpectedMd5()
    {
        var ring = new KetamaRing(LibketamaServers, KetamaPointCount.LibketamaWeighted);
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        // ketama_test prints ketama_error() (empty after a good roll), then "%u %u %s\n" per key:
        // the key's hash, the chosen point and the server's address.
        md5.AppendData("\n"u8);
        var line = new StringBuilder();
        for (int i = 0; i < 1_000_000; i++)
        {
            string key = i.ToString(CultureInfo.InvariantCulture);
            uint hash = KetamaRing.HashKey(key);
            KetamaPoint point = ring.LocateHash(hash);
            line.Clear().Append(CultureInfo.InvariantCulture, $"{hash} {point.Position} {point.Server}\n");
            md5.AppendData(Encoding.ASCII.GetBytes(line.ToString()));
        }

        Assert.Equal(LibketamaTestOutputMd5, Convert.ToHexStringLower(md5.GetHashAndReset()));
    }

    [Theory]
    // Hand-computed from libketama's formula, W = 4300, n = 8: floor(w / 4300 * 320).
    [InlineData(600, 44)]   // 600 * 320 / 4300 = 44.65
    [InlineData(300, 22)]   // 22.33
    [InlineData(200, 14)]   // 14.88
    [InlineData(350, 26)]   // 26.05
    [InlineData(1000, 74)]  // 74.42
    [InlineData(800, 59)]   // 59.53
    [InlineData(950, 70)]   // 70.70
    [InlineData(100, 7)]    // 7.44
    public void LibketamaDigestCount_MatchesTheFormulaForKetamaServers(long weight, int digests) =>
        Assert.Equal(digests, KetamaRing.LibketamaDigestCount(weight, 4300, 8));

    [Fact]
    public void LibketamaWeighted_PointCountIsFourPerDigest()
    {
        var ring = new KetamaRing(LibketamaServers, KetamaPointCount.LibketamaWeighted);
        // 44 + 22 + 14 + 26 + 74 + 59 + 70 + 7 = 316 digests (hand-summed above), 4 points each,
        // assuming no two points collide (checked: the count is exact).
        Assert.Equal(316 * 4, ring.Count);
    }

    [Theory]
    [InlineData("spymemcached-ketama-compat-two.txt")]
    [InlineData("spymemcached-ketama-compat-three.txt")]
    public void Spymemcached_LibKetamaCompat_EightServers(string fileName)
    {
        var ring = new KetamaRing(Enumerable.Range(1, 8).Select(i => new KetamaServer($"10.0.1.{i}:11211")));
        var lines = File.ReadAllLines(Path.Combine(Repository.Root, "lib", "Workbook.Core.Tests", "Hashing", fileName))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .ToArray();
        Assert.True(lines.Length > 300, $"expected the full published table, got {lines.Length} rows");
        foreach (string row in lines)
        {
            string[] parts = row.Split(' ');
            Assert.Equal(parts[1], ring.Locate(parts[0]));
        }
    }

    // spymemcached KetamaNodeLocatorTest (github.com/dustin/java-memcached-client,
    // src/test/java/net/spy/memcached/KetamaNodeLocatorTest.java, commit ce08f5069e3d5c90ea99f682bbd3517250d57ca4):
    // nodes are InetSocketAddress.createUnresolved("127.0.0.1", 10000 + i), hashed as "127.0.0.1:1000i".
    private static KetamaRing LocalNodes(int n) =>
        new(Enumerable.Range(0, n).Select(i => new KetamaServer($"127.0.0.1:{10000 + i}")));

    [Theory]
    [InlineData(4, "dustin", 0)]
    [InlineData(4, "noelani", 2)]
    [InlineData(4, "some other key", 0)]
    [InlineData(5, "dustin", 0)]           // testClusterResizing
    [InlineData(5, "noelani", 2)]
    [InlineData(5, "some other key", 4)]
    [InlineData(5, "36", 2)]               // testLibKetamaCompat
    [InlineData(5, "10037", 3)]
    [InlineData(5, "22051", 1)]
    [InlineData(5, "49044", 4)]
    public void Spymemcached_Lookups(int nodes, string key, int node) =>
        Assert.Equal($"127.0.0.1:{10000 + node}", LocalNodes(nodes).Locate(key));

    [Fact]
    public void Spymemcached_ContinuumWrapping()
    {
        KetamaRing ring = LocalNodes(4);
        Assert.Equal(4294887009u, ring.Points[^1].Position); // getMaxKey()
        foreach (string key in new[] { "V5XS8C8N", "8KR2DKR2", "L9KH6X4X" })
        {
            Assert.True(KetamaRing.HashKey(key) > 4294887009u, "the key hashes past the last point");
            Assert.Equal("127.0.0.1:10003", ring.Locate(key));
        }
    }

    [Theory]
    // testLibKetamaWeightedCompatLibmemcached: libmemcached names ("localhost", port omitted when 11211),
    // equal weights 8 and 8, which spymemcached's weighted formula turns into 160 points each.
    [InlineData("key1", "localhost:11212")]
    [InlineData("key2", "localhost")]
    [InlineData("key3", "localhost:11212")]
    [InlineData("key4", "localhost:11212")]
    public void Spymemcached_LibmemcachedNameFormat(string key, string server) =>
        Assert.Equal(server, new KetamaRing([new KetamaServer("localhost"), new KetamaServer("localhost:11212")]).Locate(key));

    [Fact]
    public void HashKey_IsTheFirstFourMd5BytesLittleEndian()
    {
        // MD5("") = d41d8cd98f00b204e9800998ecf8427e (RFC 1321, appendix A.5): bytes d4 1d 8c d9 -> 0xd98c1dd4.
        Assert.Equal(0xd98c1dd4u, KetamaRing.HashKey(""));
        // MD5("a") = 0cc175b9c0f1b6a831c399e269772661 (RFC 1321): bytes 0c c1 75 b9 -> 0xb975c10c.
        Assert.Equal(0xb975c10cu, KetamaRing.HashKey("a"));
    }

    [Fact]
    public void Points_AreTheFourLittleEndianWordsOfEachDigest()
    {
        var ring = new KetamaRing([new KetamaServer("a")]);
        Assert.Equal(160, ring.Count);
        // Independent of the ring: MD5("a-0") from the platform, split by hand.
        byte[] d = MD5.HashData("a-0"u8.ToArray());
        uint[] expected = [.. Enumerable.Range(0, 4).Select(h => d[h * 4] | ((uint)d[(h * 4) + 1] << 8) | ((uint)d[(h * 4) + 2] << 16) | ((uint)d[(h * 4) + 3] << 24))];
        var positions = ring.Points.Select(p => p.Position).ToHashSet();
        Assert.All(expected, p => Assert.Contains(p, positions));
    }

    [Fact]
    public void Locate_AgreesWithALinearScanOfTheRing()
    {
        var ring = new KetamaRing(Enumerable.Range(0, 7).Select(i => new KetamaServer($"s{i}:11211", i + 1)), KetamaPointCount.LibketamaWeighted);
        IReadOnlyList<KetamaPoint> points = ring.Points;
        var rng = new Workbook.Core.Simulation.Xoshiro256StarStar(12);
        for (int i = 0; i < 2_000; i++)
        {
            uint hash = (uint)(rng.NextUInt64() >> 32);
            KetamaPoint expected = points.FirstOrDefault(p => p.Position >= hash, points[0]);
            Assert.Equal(expected, ring.LocateHash(hash));
        }

        Assert.True(points[^1].Position < uint.MaxValue, "this ring has no point at 2^32 - 1");
        Assert.Equal(points[0], ring.LocateHash(uint.MaxValue)); // past the last point: wraps to the first
        Assert.Equal(points[0], ring.LocateHash(0));
        Assert.Equal(points[1], ring.LocateHash(points[1].Position)); // a hash on a point is served by it
    }

    [Fact]
    public void BadInput_IsRejected()
    {
        BadInput.RejectsArgument(() => _ = new KetamaRing([]), "servers", "at least one server");
        BadInput.RejectsArgument(() => _ = new KetamaRing([new KetamaServer("a"), new KetamaServer("a", 2)]), "servers", "distinct names");
        BadInput.Rejects(() => _ = new KetamaServer("a", 0), "weight", "an integer > 0");
        BadInput.Rejects(() => _ = new KetamaServer("a", -5), "weight", "an integer > 0");
        BadInput.RejectsArgument(() => _ = new KetamaServer(" "), "name", "must contain text");
        BadInput.Rejects(() => _ = new KetamaRing([new KetamaServer("a")], (KetamaPointCount)7), "pointCount", "Unweighted or LibketamaWeighted");
        BadInput.Rejects(() => _ = new KetamaRing([new KetamaServer("a", long.MaxValue), new KetamaServer("b", 1)]), "servers", "sum to at most");
        BadInput.Rejects(() => KetamaRing.LibketamaDigestCount(5, 4, 1), "totalWeight", "an integer >= 5");
        BadInput.Rejects(() => KetamaRing.LibketamaDigestCount(1, 4, 0), "servers", "an integer > 0");
    }
}
