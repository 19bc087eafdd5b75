// Typical wrong answers for notebooks/ep20-consistent-hashing.ipynb; every check must report "failed".

// exercise: ep20.modulo-moved
double FractionMovedModulo(int nodesBefore, int nodesAfter) =>
    nodesBefore == nodesAfter ? 0 : Math.Abs(nodesAfter - nodesBefore) / (double)Math.Max(nodesBefore, nodesAfter);   // the minimum, not modulo's

// exercise: ep20.min-moved
double MinimumFractionMoved(int nodesBefore, int nodesAfter) =>
    nodesAfter > nodesBefore ? 1.0 / nodesAfter : 0;                   // the seed's migration_analysis

// exercise: ep20.ring-successor
int OwnerIndex(ulong[] sortedPoints, ulong keyHash)
{
    for (int i = 0; i < sortedPoints.Length; i++)
    {
        if (sortedPoints[i] > keyHash) return i;                       // bisect_right: a key on a point goes to the next one
    }
    return 0;
}

// exercise: ep20.expected-cv
double ExpectedShareCv(int nodes, int pointsPerNode) => 1 / Math.Sqrt(pointsPerNode);   // the large-n approximation

// exercise: ep20.preference-list
string[] PreferenceList(ulong[] sortedPoints, string[] owners, ulong keyHash, int replicas)
{
    int start = Array.FindIndex(sortedPoints, p => p >= keyHash);
    if (start < 0) start = 0;
    return Enumerable.Range(0, replicas).Select(i => owners[(start + i) % owners.Length]).ToArray();   // next points, duplicates included
}

// exercise: ep20.jump-hash
int JumpHash(ulong key, int buckets) => (int)(key % (ulong)buckets);   // modulo

// exercise: ep20.hrw-pick
int HrwPick(string key, string[] nodes)
{
    byte[] keyBytes = System.Text.Encoding.UTF8.GetBytes(key);
    return Enumerable.Range(0, nodes.Length).MinBy(i => SeededHashes.XxHash64(keyBytes, unchecked((long)SeededHashes.XxHash64(System.Text.Encoding.UTF8.GetBytes(nodes[i]), 0))));   // lowest score
}

// exercise: ep20.maglev-populate
int[] MaglevPopulate(int[] offsets, int[] skips, int tableSize)
{
    var table = Enumerable.Repeat(-1, tableSize).ToArray();
    var next = new long[offsets.Length];
    int filled = 0;
    while (filled < tableSize)
    {
        for (int i = 0; i < offsets.Length && filled < tableSize; i++)
        {
            long slot = (offsets[i] + next[i]++ * skips[i]) % tableSize;
            if (table[slot] < 0) { table[slot] = i; filled++; }         // a taken entry loses the turn
        }
    }
    return table;
}

// exercise: ep20.bounded-capacity
int Capacity(int keys, int nodes, int balanceFactorPercent) =>
    (int)Math.Ceiling(keys * (balanceFactorPercent / 100.0) / nodes);   // floating point: 100 × 1.1 is 110.00000000000001

// exercise: ep20.bounded-assign
int[] AssignBounded(ulong[] sortedPoints, int[] owners, int nodes, ulong[] keyHashes, int balanceFactorPercent) =>
    keyHashes.Select(h => { int p = Array.FindIndex(sortedPoints, x => x >= h); return owners[p < 0 ? 0 : p]; }).ToArray();   // no bound

// exercise: ep20.chord-route
int[] ChordRoute(int m, int[] sortedNodeIds, int from, int key)
{
    long size = 1L << m;
    int Successor(long id) { id %= size; foreach (int n in sortedNodeIds) if (n >= id) return n; return sortedNodeIds[0]; }
    var path = new List<int> { from };
    int node = from;
    while (true)                                                       // successor by successor: right node, O(n) hops
    {
        int successor = Successor(node + 1);
        long toKey = ((key - node) % size + size) % size, toSuccessor = ((successor - node) % size + size) % size;
        if (successor == node || (toKey > 0 && toKey <= toSuccessor))
        {
            if (successor != node) path.Add(successor);
            return path.ToArray();
        }
        path.Add(successor);
        node = successor;
    }
}
