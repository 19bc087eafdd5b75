using System.Globalization;

namespace Workbook.Core.Hashing;

/// <summary>
/// Consistent hashing with bounded loads (Mirrokni, Thorup &amp; Zadimoghaddam, SODA 2018): keys arrive
/// one at a time and each goes to the first node clockwise from its hash whose load is below its
/// capacity, about (1 + ε) times the average; keys may leave again.
/// </summary>
/// <remarks>
/// <see cref="BoundedLoadBalancer(HashRing, double)"/> uses <see cref="BoundedLoadCapacityRule.Ceiling"/>;
/// <see cref="FromHaproxyBalanceFactor"/> uses HAProxy's <c>hash-balance-factor</c> rule
/// (<see cref="BoundedLoadCapacityRule.Haproxy"/>). Only the capacity rule is HAProxy's: its ring (32-bit,
/// nearest point on either side) differs from <see cref="HashRing"/>. As in HAProxy, a departure moves no
/// key: a node may then sit above its shrunken capacity, and it takes no key until it is below it.
/// Capacities sum to more than the keys held, so some node always has room. A stateful simulation
/// object: inputs are <see cref="Assign"/> and <see cref="Release"/>, no clock, no randomness.
/// </remarks>
public sealed class BoundedLoadBalancer
{
    private readonly int[] loads;
    private readonly long[] cumulativeWeights;
    private readonly HashSet<long> active = [];
    private readonly double totalWeight;
    private long nextTicket;

    /// <summary>Creates a balancer with capacity ⌈(1 + ε)·m·wᵢ/W⌉ per node (<see cref="BoundedLoadCapacityRule.Ceiling"/>).</summary>
    /// <param name="ring">The ring; every node must own at least one point.</param>
    /// <param name="epsilon">ε, a finite number &gt; 0: 0.25 lets a node hold up to 25% more than its fair share.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="epsilon"/> is not a finite number &gt; 0.</exception>
    /// <exception cref="ArgumentException">A node of <paramref name="ring"/> owns no point.</exception>
    public BoundedLoadBalancer(HashRing ring, double epsilon)
        : this(ring, Guard.PositiveFinite(epsilon, nameof(epsilon)), BoundedLoadCapacityRule.Ceiling)
    {
    }

    private BoundedLoadBalancer(HashRing ring, double epsilon, BoundedLoadCapacityRule rule)
    {
        ArgumentNullException.ThrowIfNull(ring);
        var shares = ring.Shares();
        var empty = shares.FirstOrDefault(s => s.Points == 0);
        if (empty is not null)
        {
            throw new ArgumentException(
                $"ring must give every node at least one point; \"{empty.Node.Name}\" lost all its points to collisions.", nameof(ring));
        }

        Ring = ring;
        Epsilon = epsilon;
        Rule = rule;
        loads = new int[ring.Nodes.Count];
        totalWeight = ring.Nodes.Sum(n => n.Weight);
        cumulativeWeights = new long[ring.Nodes.Count + 1];
        if (rule == BoundedLoadCapacityRule.Haproxy)
        {
            for (int i = 0; i < ring.Nodes.Count; i++)
            {
                double w = ring.Nodes[i].Weight;
                if (w != Math.Floor(w) || w > 256)
                {
                    throw new ArgumentException(
                        $"ring must have integer weights in [1, 256] (HAProxy's server weights) for the HAProxy rule; \"{ring.Nodes[i].Name}\" has {Guard.Format(w)}.",
                        nameof(ring));
                }

                cumulativeWeights[i + 1] = cumulativeWeights[i] + (long)w;
            }
        }
    }

    /// <summary>The ring the keys are placed on.</summary>
    public HashRing Ring { get; }

    /// <summary>ε: capacities are about (1 + ε) times each node's fair share.</summary>
    public double Epsilon { get; }

    /// <summary>The same bound as HAProxy's <c>hash-balance-factor</c>: 100·(1 + ε).</summary>
    public double BalanceFactor => 100 * (1 + Epsilon);

    /// <summary>How capacities are computed.</summary>
    public BoundedLoadCapacityRule Rule { get; }

    /// <summary>m, the keys held now (assigned and not released).</summary>
    public int ActiveKeys { get; private set; }

    /// <summary>Keys assigned since the start.</summary>
    public long Assigned { get; private set; }

    /// <summary>Keys that went past their first choice since the start.</summary>
    public long Forwarded { get; private set; }

    /// <summary>
    /// A balancer with HAProxy's <c>hash-balance-factor</c> semantics: no node takes a key once it holds
    /// factor% of its weighted share of the requests in flight (HAProxy's rounding; see <see cref="BoundedLoadCapacityRule.Haproxy"/>).
    /// </summary>
    /// <param name="ring">The ring; weights must be integers in [1, 256], as HAProxy's are.</param>
    /// <param name="factor">An integer &gt; 100 (HAProxy rejects 1–100; its 0, "disabled", is plain <see cref="HashRing.NodeFor"/>).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="factor"/> is 100 or less.</exception>
    /// <exception cref="ArgumentException">A weight is not an integer in [1, 256], or a node owns no point.</exception>
    public static BoundedLoadBalancer FromHaproxyBalanceFactor(HashRing ring, int factor)
    {
        // HAProxy's parser: "'hash-balance-factor' must be 0 or greater than 100" (src/cfgparse-listen.c, same commit).
        if (factor <= 100)
        {
            throw Guard.OutOfRange(
                nameof(factor), "an integer > 100 (HAProxy's 0 disables the bound: use HashRing.NodeFor)", factor.ToString(CultureInfo.InvariantCulture));
        }

        return new BoundedLoadBalancer(ring, (factor - 100) / 100.0, BoundedLoadCapacityRule.Haproxy)
        {
            HaproxyFactor = factor,
        };
    }

    private int HaproxyFactor { get; init; }

    /// <summary>The load of each node, in the ring's node order.</summary>
    public IReadOnlyList<int> Loads => [.. loads];

    /// <summary>How many keys node <paramref name="nodeIndex"/> may hold when the next key is placed (m + 1 keys counted).</summary>
    public int CapacityOf(int nodeIndex)
    {
        if ((uint)nodeIndex >= (uint)loads.Length)
        {
            throw Guard.OutOfRange(
                nameof(nodeIndex), $"an integer in [0, {(loads.Length - 1).ToString(CultureInfo.InvariantCulture)}]",
                nodeIndex.ToString(CultureInfo.InvariantCulture));
        }

        return Capacity(nodeIndex, ActiveKeys + 1L);
    }

    /// <summary>Assigns a key: hashes it with the ring's hash and walks clockwise to the first node with room.</summary>
    public BoundedLoadAssignment Assign(string key) => AssignHash(Ring.HashKey(key));

    /// <summary>Assigns a pre-hashed key; see <see cref="Assign"/>.</summary>
    public BoundedLoadAssignment AssignHash(ulong keyHash)
    {
        int start = Ring.PointIndexForHash(keyHash);
        int first = Ring.NodeIndexOfPoint(start);
        long m = ActiveKeys + 1L;
        for (int step = 0; step < Ring.PointCount; step++)
        {
            int node = Ring.NodeIndexOfPoint((start + step) % Ring.PointCount);
            if (loads[node] < Capacity(node, m))
            {
                loads[node]++;
                ActiveKeys++;
                Assigned++;
                if (node != first)
                {
                    Forwarded++;
                }

                var assignment = new BoundedLoadAssignment(this, nextTicket++, keyHash, node, first, step);
                active.Add(assignment.Ticket);
                return assignment;
            }
        }

        throw new InvalidOperationException("No node has room; the capacities sum to more than the keys held, so this cannot happen.");
    }

    /// <summary>A key leaves: its node's load drops by one. No other key moves.</summary>
    /// <exception cref="ArgumentException">The assignment was already released or came from another balancer.</exception>
    public void Release(BoundedLoadAssignment assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        if (!ReferenceEquals(assignment.Owner, this) || !active.Remove(assignment.Ticket))
        {
            throw new ArgumentException(
                $"assignment must be held by this balancer; ticket {assignment.Ticket.ToString(CultureInfo.InvariantCulture)} was released already or came from another balancer.",
                nameof(assignment));
        }

        loads[assignment.NodeIndex]--;
        ActiveKeys--;
    }

    /// <summary>Loads, capacities, max/mean and forwarding counts as they stand.</summary>
    public BoundedLoadReport Report()
    {
        int max = loads.Max();
        double mean = (double)ActiveKeys / loads.Length;
        return new BoundedLoadReport(
            Loads, [.. Enumerable.Range(0, loads.Length).Select(CapacityOf)], ActiveKeys, max, mean,
            ActiveKeys == 0 ? 1 : max / mean, Assigned, Forwarded);
    }

    private int Capacity(int node, long keys)
    {
        if (Rule == BoundedLoadCapacityRule.Haproxy)
        {
            // Implementation note: HAProxy's integer arithmetic (haproxy/haproxy src/lb_chash.c,
            // chash_server_is_eligible, commit 50872daa6a857e82afc40b1c5161924aef4172d7), served + 1 = keys.
            // Its whole slots per weight plus the remainder's share equal ⌊C₊·T/W⌋ − ⌊C·T/W⌋, scale-free,
            // so HAProxy's ×16 weight scaling (BE_WEIGHT_SCALE) changes nothing.
            long total = checked((keys * HaproxyFactor + 99) / 100);
            long w = cumulativeWeights[^1];
            long slots = (long)(((Int128)cumulativeWeights[node + 1] * total / w) - ((Int128)cumulativeWeights[node] * total / w));
            return (int)Math.Clamp(slots, 1, int.MaxValue);
        }

        // Implementation note: a value within 1e-9 (relative) of an integer counts as that integer,
        // so that ε = 0.1 with 10 keys gives 11 and not 12 (1.1·10 = 11.000000000000002 in binary).
        double exact = (1 + Epsilon) * keys * Ring.Nodes[node].Weight / totalWeight;
        double nearest = Math.Round(exact);
        double capacity = Math.Abs(exact - nearest) <= 1e-9 * Math.Max(1, exact) ? nearest : Math.Ceiling(exact);
        return (int)Math.Clamp(capacity, 1, int.MaxValue);
    }
}
