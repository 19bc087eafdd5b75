using System.Globalization;
using Workbook.Core.Simulation;

namespace Workbook.Core.Hashing.Analysis;

/// <summary>
/// Load spread on a ring against the number of points per node: the closed form, a simulation of
/// random points, and the exact shares of a <see cref="KetamaRing"/>.
/// </summary>
/// <remarks>
/// With n nodes of V i.i.d. uniform points each, the nV arcs are Dirichlet(1, …, 1), so one node's
/// share is Beta(V, (n − 1)V) and its CV is √((n − 1)/(nV + 1)) ≈ 1/√V. Keys add binomial noise:
/// by the law of total variance the counts' CV² is CV_share²·(1 − 1/K) + (n − 1)/K. The derivation
/// is in docs/hashing-derivation.md and the notebook.
/// </remarks>
public static class ShareAnalysis
{
    private const double RingSize = 4294967296.0;   // 2^32 positions on a ketama circle

    /// <summary>The CV of one node's share with V uniform random points per node: √((n − 1)/(nV + 1)).</summary>
    /// <param name="nodes">Nodes n; an integer ≥ 1.</param>
    /// <param name="pointsPerNode">Points V per node; an integer ≥ 1.</param>
    public static double ExpectedShareCv(int nodes, int pointsPerNode)
    {
        Guard.Positive(nodes, nameof(nodes));
        Guard.Positive(pointsPerNode, nameof(pointsPerNode));
        return Math.Sqrt((nodes - 1.0) / ((nodes * (double)pointsPerNode) + 1));
    }

    /// <summary>
    /// The CV of key counts when the shares have CV <paramref name="shareCv"/> and K keys are placed
    /// independently: √(shareCv²·(1 − 1/K) + (n − 1)/K) (root of the expected squared CV).
    /// </summary>
    /// <param name="shareCv">The root-mean-square CV of the shares (0 for exactly equal shares); a finite number ≥ 0.</param>
    /// <param name="nodes">Nodes n; an integer ≥ 1.</param>
    /// <param name="keys">Keys K; an integer ≥ 1.</param>
    public static double ExpectedCountCv(double shareCv, int nodes, int keys)
    {
        Guard.NonNegativeFinite(shareCv, nameof(shareCv));
        Guard.Positive(nodes, nameof(nodes));
        Guard.Positive(keys, nameof(keys));
        double k = keys;
        return Math.Sqrt((shareCv * shareCv * (1 - (1 / k))) + ((nodes - 1.0) / k));
    }

    /// <summary>The exact share of each server of a ketama ring: the arc (previous point, point] of each point, summed per server.</summary>
    /// <param name="ring">The ring.</param>
    public static NodeShares OfRing(KetamaRing ring)
    {
        ArgumentNullException.ThrowIfNull(ring);
        string[] names = [.. ring.Servers.Select(s => s.Name)];
        var index = LoadAnalysis.IndexOf(names);
        var shares = new double[names.Length];
        IReadOnlyList<KetamaPoint> points = ring.Points;
        for (int i = 0; i < points.Count; i++)
        {
            // Implementation note: a key hash h goes to the first point >= h, so point i owns
            // (p[i-1], p[i]]; point 0 also owns everything after the last point (the wrap).
            double arc = i == 0
                ? points[0].Position + RingSize - points[^1].Position
                : (double)points[i].Position - points[i - 1].Position;
            shares[index[points[i].Server]] += arc / RingSize;
        }

        return new NodeShares(names, shares);
    }

    /// <summary>The shares of n nodes with V uniform random points each on a circle of circumference 1.</summary>
    /// <param name="nodes">Nodes n; an integer ≥ 1.</param>
    /// <param name="pointsPerNode">Points V per node; an integer ≥ 1.</param>
    /// <param name="seed">The seed of the <see cref="Xoshiro256StarStar"/> that draws the points.</param>
    public static NodeShares RandomPoints(int nodes, int pointsPerNode, long seed)
    {
        CheckSize(nodes, pointsPerNode);
        var random = new Xoshiro256StarStar(seed);
        return new NodeShares(SampleNames.Nodes(nodes), RandomShares(nodes, pointsPerNode, ref random));
    }

    /// <summary>
    /// Simulates <paramref name="rings"/> independent rings of random points and reports the mean CV,
    /// CV² and max/mean with 95 % t intervals (max/mean has no closed form; this is its estimate).
    /// </summary>
    /// <param name="nodes">Nodes n; an integer ≥ 1.</param>
    /// <param name="pointsPerNode">Points V per node; an integer ≥ 1.</param>
    /// <param name="rings">Independent rings; an integer ≥ 2.</param>
    /// <param name="seed">The seed.</param>
    public static ShareSpread Simulate(int nodes, int pointsPerNode, int rings, long seed)
    {
        CheckSize(nodes, pointsPerNode);
        Guard.AtLeast(rings, 2, nameof(rings));
        var random = new Xoshiro256StarStar(seed);
        double cv = 0, cvSquares = 0, cvSquared = 0, cvFourth = 0, ratio = 0, ratioSquares = 0;
        for (int r = 0; r < rings; r++)
        {
            double[] shares = RandomShares(nodes, pointsPerNode, ref random);
            double c = Dispersion.PopulationCv(shares);
            double m = Dispersion.Max(shares) * nodes;
            (cv, cvSquares) = (cv + c, cvSquares + (c * c));
            (cvSquared, cvFourth) = (cvSquared + (c * c), cvFourth + (c * c * c * c));
            (ratio, ratioSquares) = (ratio + m, ratioSquares + (m * m));
        }

        return new ShareSpread(
            nodes,
            pointsPerNode,
            Estimate.FromSums(cv, cvSquares, rings),
            Estimate.FromSums(cvSquared, cvFourth, rings),
            Estimate.FromSums(ratio, ratioSquares, rings));
    }

    private static double[] RandomShares(int nodes, int pointsPerNode, ref Xoshiro256StarStar random)
    {
        int count = nodes * pointsPerNode;
        var positions = new double[count];
        var owners = new int[count];
        for (int i = 0; i < count; i++)
        {
            positions[i] = random.NextDouble();
            owners[i] = i / pointsPerNode;
        }

        Array.Sort(positions, owners);
        var shares = new double[nodes];
        shares[owners[0]] += positions[0] + 1 - positions[^1];
        for (int i = 1; i < count; i++)
        {
            shares[owners[i]] += positions[i] - positions[i - 1];
        }

        return shares;
    }

    private static void CheckSize(int nodes, int pointsPerNode)
    {
        Guard.Positive(nodes, nameof(nodes));
        Guard.Positive(pointsPerNode, nameof(pointsPerNode));
        if ((long)nodes * pointsPerNode > 100_000_000)
        {
            throw Guard.OutOfRange(
                nameof(pointsPerNode), $"an integer with nodes × pointsPerNode <= 100000000 (nodes = {nodes})",
                pointsPerNode.ToString(CultureInfo.InvariantCulture));
        }
    }
}
