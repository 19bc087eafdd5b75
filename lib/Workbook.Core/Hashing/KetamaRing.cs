using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Workbook.Core.Hashing;

/// <summary>
/// The ketama consistent-hash ring of memcached clients: each server owns the points MD5("name-i")
/// (four little-endian 32-bit points per digest), and a key goes to the first point at or after the
/// first four bytes of MD5(key), wrapping past 2³² − 1 to the first point.
/// </summary>
/// <remarks>
/// Gives the same key → server assignment as libketama (<c>ketama_get_server</c>, with
/// <see cref="KetamaPointCount.LibketamaWeighted"/>) and spymemcached's <c>KetamaNodeLocator</c> with
/// <c>KETAMA_HASH</c> (<see cref="KetamaPointCount.Unweighted"/>), provided each server's
/// <see cref="KetamaServer.Name"/> is spelled as that client spells it. Keys are hashed as UTF-8. Two
/// servers hashing to the same point (rare: about n²·1.6²·10⁴/2³³) keep the later server's claim, as
/// spymemcached's TreeMap does; libketama leaves the order to <c>qsort</c>.
/// </remarks>
public sealed class KetamaRing
{
    /// <summary>MD5 digests per server when every server has the same weight (160 points).</summary>
    public const int DigestsPerServer = 40;

    /// <summary>32-bit points taken from each 16-byte MD5 digest.</summary>
    public const int PointsPerDigest = 4;

    private const int StackKeyBytes = 256;
    private readonly uint[] _positions;
    private readonly string[] _owners;

    /// <summary>Builds the ring.</summary>
    /// <param name="servers">The servers, at least one, with distinct names.</param>
    /// <param name="pointCount">How many points each server gets.</param>
    /// <exception cref="ArgumentException"><paramref name="servers"/> is empty or repeats a name.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pointCount"/> is not defined, or the weights sum past <see cref="long.MaxValue"/>.</exception>
    public KetamaRing(IEnumerable<KetamaServer> servers, KetamaPointCount pointCount = KetamaPointCount.Unweighted)
    {
        ArgumentNullException.ThrowIfNull(servers);
        if (!Enum.IsDefined(pointCount))
        {
            throw Guard.OutOfRange(nameof(pointCount), "Unweighted or LibketamaWeighted", pointCount.ToString());
        }

        KetamaServer[] list = [.. servers];
        if (list.Length == 0)
        {
            throw new ArgumentException("servers must contain at least one server; got none.", nameof(servers));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        long totalWeight = 0;
        foreach (KetamaServer server in list)
        {
            ArgumentNullException.ThrowIfNull(server, nameof(servers));
            if (!names.Add(server.Name))
            {
                throw new ArgumentException($"servers must have distinct names; got \"{server.Name}\" twice.", nameof(servers));
            }

            totalWeight = server.Weight > long.MaxValue - totalWeight
                ? throw Guard.OutOfRange(nameof(servers), $"servers whose weights sum to at most {long.MaxValue}", "a larger sum")
                : totalWeight + server.Weight;
        }

        Servers = list;
        PointCount = pointCount;
        var points = new List<(uint Position, int Order, string Owner)>();
        Span<byte> digest = stackalloc byte[16];
        foreach (KetamaServer server in list)
        {
            int digests = pointCount == KetamaPointCount.Unweighted
                ? DigestsPerServer
                : LibketamaDigestCount(server.Weight, totalWeight, list.Length);
            for (int i = 0; i < digests; i++)
            {
                byte[] label = Encoding.UTF8.GetBytes(server.Name + "-" + i.ToString(CultureInfo.InvariantCulture));
                MD5.HashData(label, digest);
                for (int h = 0; h < PointsPerDigest; h++)
                {
                    uint position = BinaryPrimitives.ReadUInt32LittleEndian(digest.Slice(h * 4, 4));
                    points.Add((position, points.Count, server.Name));
                }
            }
        }

        // Implementation note: sort by position, then insertion order, and keep the last claim of a
        // position, as a TreeMap that is put() in insertion order does.
        points.Sort((a, b) => a.Position != b.Position ? a.Position.CompareTo(b.Position) : a.Order.CompareTo(b.Order));
        var positions = new List<uint>(points.Count);
        var owners = new List<string>(points.Count);
        for (int i = 0; i < points.Count; i++)
        {
            if (i + 1 < points.Count && points[i + 1].Position == points[i].Position)
            {
                continue;
            }

            positions.Add(points[i].Position);
            owners.Add(points[i].Owner);
        }

        _positions = [.. positions];
        _owners = [.. owners];
    }

    /// <summary>The servers, in the order given.</summary>
    public IReadOnlyList<KetamaServer> Servers { get; }

    /// <summary>How many points each server got.</summary>
    public KetamaPointCount PointCount { get; }

    /// <summary>The number of distinct points on the circle.</summary>
    public int Count => _positions.Length;

    /// <summary>The points in ascending order of position.</summary>
    public IReadOnlyList<KetamaPoint> Points =>
        [.. _positions.Select((position, i) => new KetamaPoint(position, _owners[i]))];

    /// <summary>libketama's <c>ketama_hashi</c>: the first four bytes of MD5(UTF-8 key), read little-endian.</summary>
    /// <param name="key">The key; any string, including the empty one.</param>
    public static uint HashKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        int length = Encoding.UTF8.GetMaxByteCount(key.Length);
        Span<byte> buffer = length <= StackKeyBytes ? stackalloc byte[StackKeyBytes] : new byte[length];
        int written = Encoding.UTF8.GetBytes(key, buffer);
        Span<byte> digest = stackalloc byte[16];
        MD5.HashData(buffer[..written], digest);
        return BinaryPrimitives.ReadUInt32LittleEndian(digest);
    }

    /// <summary>
    /// libketama's digest count for one server: floor(w/W · 40 · n), with w/W in single precision and
    /// the floor taken in single precision, as <c>ketama_create_continuum</c> computes it.
    /// </summary>
    /// <param name="weight">The server's weight; an integer &gt; 0.</param>
    /// <param name="totalWeight">The sum of all weights; an integer &gt;= <paramref name="weight"/>.</param>
    /// <param name="servers">The number of servers; an integer &gt; 0.</param>
    public static int LibketamaDigestCount(long weight, long totalWeight, int servers)
    {
        if (weight <= 0)
        {
            throw Guard.OutOfRange(nameof(weight), "an integer > 0", weight.ToString(CultureInfo.InvariantCulture));
        }

        if (totalWeight < weight)
        {
            throw Guard.OutOfRange(
                nameof(totalWeight), $"an integer >= {weight.ToString(CultureInfo.InvariantCulture)} (the server's own weight)",
                totalWeight.ToString(CultureInfo.InvariantCulture));
        }

        Guard.Positive(servers, nameof(servers));
        // Implementation note: C promotes the float share to double for "pct * 40.0 * (float)n", and
        // floorf converts the product back to float before flooring.
        float share = (float)weight / (float)totalWeight;
        double product = share * 40.0 * (float)servers;
        return (int)MathF.Floor((float)product);
    }

    /// <summary>The server of a key.</summary>
    /// <param name="key">The key.</param>
    public string Locate(string key) => LocateHash(HashKey(key)).Server;

    /// <summary>The point that serves a key hash: the first point at or after it, or the first point when none is.</summary>
    /// <param name="hash">A key hash, as <see cref="HashKey"/> computes it.</param>
    public KetamaPoint LocateHash(uint hash)
    {
        int index = RingSearch.FirstAtOrAfter<uint>(_positions, hash);
        return new KetamaPoint(_positions[index], _owners[index]);
    }
}
