// Reference answers for notebooks/ep20-consistent-hashing.ipynb, one block per exercise (see the ep01 file for the format).
// The notebook's using cell brings in System.Text and Workbook.Core.Hashing.

// exercise: ep20.modulo-moved
double FractionMovedModulo(int nodesBefore, int nodesAfter)
{
    int a = nodesBefore, b = nodesAfter;
    while (b != 0) (a, b) = (b, a % b);                               // a = gcd(nodesBefore, nodesAfter)
    return 1 - (double)a / Math.Max(nodesBefore, nodesAfter);          // stays: min/lcm = gcd/max
}

// exercise: ep20.min-moved
double MinimumFractionMoved(int nodesBefore, int nodesAfter) =>
    nodesAfter >= nodesBefore
        ? (nodesAfter - nodesBefore) / (double)nodesAfter              // the new nodes' fair share
        : (nodesBefore - nodesAfter) / (double)nodesBefore;            // the removed nodes' keys

// exercise: ep20.ring-successor
int OwnerIndex(ulong[] sortedPoints, ulong keyHash)
{
    for (int i = 0; i < sortedPoints.Length; i++)
    {
        if (sortedPoints[i] >= keyHash) return i;                      // first point at or after the hash
    }
    return 0;                                                          // past the last point: wrap to the first
}

// exercise: ep20.expected-cv
double ExpectedShareCv(int nodes, int pointsPerNode)
{
    // A share is Beta(V, (n − 1)V): mean 1/n, variance (n − 1)/(n²(nV + 1)).
    double n = nodes, v = pointsPerNode;
    double mean = 1 / n, variance = (n - 1) / (n * n * (n * v + 1));
    return Math.Sqrt(variance) / mean;
}

// exercise: ep20.preference-list
string[] PreferenceList(ulong[] sortedPoints, string[] owners, ulong keyHash, int replicas)
{
    int start = Array.FindIndex(sortedPoints, p => p >= keyHash);
    if (start < 0) start = 0;
    var list = new List<string>();
    for (int step = 0; step < sortedPoints.Length && list.Count < replicas; step++)
    {
        string owner = owners[(start + step) % sortedPoints.Length];
        if (!list.Contains(owner)) list.Add(owner);                    // skip points of nodes already listed
    }
    return list.ToArray();
}

// exercise: ep20.jump-hash
int JumpHash(ulong key, int buckets)
{
    long b = -1, j = 0;
    while (j < buckets)
    {
        b = j;
        key = unchecked(key * 2862933555777941757UL + 1);
        j = (long)((b + 1) * ((double)(1L << 31) / ((key >> 33) + 1)));
    }
    return (int)b;
}

// exercise: ep20.hrw-pick
int HrwPick(string key, string[] nodes)
{
    byte[] keyBytes = System.Text.Encoding.UTF8.GetBytes(key);
    int best = 0;
    ulong bestScore = 0;
    for (int i = 0; i < nodes.Length; i++)
    {
        long seed = unchecked((long)SeededHashes.XxHash64(System.Text.Encoding.UTF8.GetBytes(nodes[i]), 0));
        ulong score = SeededHashes.XxHash64(keyBytes, seed);
        if (i == 0 || score > bestScore) (best, bestScore) = (i, score);
    }
    return best;
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
            long slot;
            do { slot = (offsets[i] + next[i]++ * skips[i]) % tableSize; } while (table[slot] >= 0);   // walk to a free entry
            table[slot] = i;
            filled++;
        }
    }
    return table;
}

// exercise: ep20.bounded-capacity
int Capacity(int keys, int nodes, int balanceFactorPercent) =>
    (int)(((long)keys * balanceFactorPercent + 100L * nodes - 1) / (100L * nodes));   // ⌈keys·f / (100·n)⌉ in integers

// exercise: ep20.bounded-assign
int[] AssignBounded(ulong[] sortedPoints, int[] owners, int nodes, ulong[] keyHashes, int balanceFactorPercent)
{
    long capacity = ((long)keyHashes.Length * balanceFactorPercent + 100L * nodes - 1) / (100L * nodes);
    var loads = new int[nodes];
    var result = new int[keyHashes.Length];
    for (int k = 0; k < keyHashes.Length; k++)
    {
        int p = Array.FindIndex(sortedPoints, x => x >= keyHashes[k]);
        if (p < 0) p = 0;
        while (loads[owners[p]] >= capacity) p = (p + 1) % sortedPoints.Length;   // full: on clockwise
        result[k] = owners[p];
        loads[owners[p]]++;
    }
    return result;
}

// exercise: ep20.chord-route
int[] ChordRoute(int m, int[] sortedNodeIds, int from, int key)
{
    long size = 1L << m;
    long Clockwise(long a, long b) => ((b - a) % size + size) % size;  // distance from a to b going clockwise
    int Successor(long id)
    {
        id %= size;
        foreach (int n in sortedNodeIds) if (n >= id) return n;
        return sortedNodeIds[0];
    }
    var path = new List<int> { from };
    int node = from;
    while (true)
    {
        int successor = Successor(node + 1);
        if (successor == node) return path.ToArray();                  // a single node owns the whole circle
        long toKey = Clockwise(node, key);
        if (toKey > 0 && toKey <= Clockwise(node, successor))
        {
            path.Add(successor);                                       // key in (node, successor]
            return path.ToArray();
        }
        int next = successor;
        for (int i = m; i >= 1; i--)
        {
            int finger = Successor(node + (1L << (i - 1)));
            long toFinger = Clockwise(node, finger);
            if (toFinger > 0 && (toKey == 0 ? true : toFinger < toKey)) { next = finger; break; }   // strictly between node and key
        }
        path.Add(next);
        node = next;
    }
}
