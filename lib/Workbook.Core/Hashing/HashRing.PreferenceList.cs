using System.Globalization;

namespace Workbook.Core.Hashing;

public sealed partial class HashRing
{
    /// <summary>The number of distinct zones on the ring (a node with no zone counts as one of its own).</summary>
    public int ZoneCount => Nodes.Count(n => n.Zone is null) + Nodes.Where(n => n.Zone is not null).Select(n => n.Zone).Distinct(StringComparer.Ordinal).Count();

    /// <summary>The preference list of a key: the first <paramref name="replicas"/> distinct nodes clockwise from it.</summary>
    /// <param name="key">The key.</param>
    /// <param name="replicas">N, an integer in [1, number of nodes].</param>
    /// <param name="distinctZones">Also require the nodes to be in distinct zones.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="replicas"/> is outside [1, number of nodes].</exception>
    public PreferenceList PreferenceList(string key, int replicas, bool distinctZones = false) =>
        PreferenceListForHash(HashKey(key), replicas, distinctZones);

    /// <summary>The preference list of a pre-hashed key; see <see cref="PreferenceList(string, int, bool)"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="replicas"/> is outside [1, number of nodes].</exception>
    public PreferenceList PreferenceListForHash(ulong keyHash, int replicas, bool distinctZones = false)
    {
        if (replicas < 1 || replicas > Nodes.Count)
        {
            throw Guard.OutOfRange(
                nameof(replicas), $"an integer in [1, {Nodes.Count.ToString(CultureInfo.InvariantCulture)}] (the number of nodes)",
                replicas.ToString(CultureInfo.InvariantCulture));
        }

        var chosen = new List<RingNode>(replicas);
        var seenNodes = new bool[Nodes.Count];
        var seenZones = new HashSet<string>(StringComparer.Ordinal);
        int start = PointIndexForHash(keyHash);
        for (int step = 0; step < positions.Length && chosen.Count < replicas; step++)
        {
            int owner = owners[(start + step) % positions.Length];
            if (seenNodes[owner])
            {
                continue;
            }

            seenNodes[owner] = true;
            string? zone = Nodes[owner].Zone;
            if (distinctZones && zone is not null && !seenZones.Add(zone))
            {
                continue;
            }

            chosen.Add(Nodes[owner]);
        }

        string n = replicas.ToString(CultureInfo.InvariantCulture);
        string reason = chosen.Count == replicas
            ? $"the first {n} distinct nodes{(distinctZones ? " in distinct zones" : "")} clockwise from the key"
            : distinctZones
                ? $"only {chosen.Count.ToString(CultureInfo.InvariantCulture)} distinct zones own points; {n} were asked for"
                : $"only {chosen.Count.ToString(CultureInfo.InvariantCulture)} nodes own points (the others lost every point to collisions); {n} were asked for";
        return new PreferenceList(keyHash, replicas, distinctZones, chosen, reason);
    }
}
