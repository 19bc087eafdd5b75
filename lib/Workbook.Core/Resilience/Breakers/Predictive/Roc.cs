namespace Workbook.Core.Resilience.Breakers.Predictive;

/// <summary>One point of a ROC curve: false-positive and true-positive rates at a score threshold.</summary>
/// <param name="Threshold">Scores at or above this are called positive.</param>
/// <param name="FalsePositiveRate">Negatives at or above the threshold / negatives.</param>
/// <param name="TruePositiveRate">Positives at or above the threshold / positives.</param>
public sealed record RocPoint(double Threshold, double FalsePositiveRate, double TruePositiveRate);

/// <summary>A ROC curve and its area, or the reason there is none (a class is empty).</summary>
public sealed record RocCurve
{
    internal RocCurve(IReadOnlyList<RocPoint> points, double area, int positives, int negatives, string reason)
    {
        Points = points;
        Area = area;
        Positives = positives;
        Negatives = negatives;
        Reason = reason;
    }

    /// <summary>Whether both classes are present, so that the curve and its area exist.</summary>
    public bool HasValue => Positives > 0 && Negatives > 0;

    /// <summary>The curve from (0, 0) to (1, 1), one point per distinct score; empty when <see cref="HasValue"/> is false.</summary>
    public IReadOnlyList<RocPoint> Points { get; }

    /// <summary>The area under the curve (trapezoids; a tie between classes counts one half); 0 when <see cref="HasValue"/> is false.</summary>
    public double Area { get; }

    /// <summary>Positive examples.</summary>
    public int Positives { get; }

    /// <summary>Negative examples.</summary>
    public int Negatives { get; }

    /// <summary>What was computed, or why nothing could be.</summary>
    public string Reason { get; }
}

/// <summary>
/// ROC curves and their area, by sorting the scores once with ties grouped, and the same area as a
/// Mann–Whitney U statistic from mid-ranks.
/// </summary>
/// <remarks>
/// Walking the scores from the highest down, a group of tied scores moves the curve diagonally (both
/// rates change at once); the trapezoid under that diagonal counts each positive–negative tie as one
/// half, which is exactly U / (n₁n₀) with U = R₁ − n₁(n₁ + 1)/2 and R₁ the positives' rank sum using
/// mid-ranks for ties (Hanley and McNeil 1982). Two independent computations of one number.
/// </remarks>
public static class RocAnalysis
{
    /// <summary>The ROC curve and its area.</summary>
    /// <param name="scores">One score per example; finite numbers, higher meaning "more likely positive".</param>
    /// <param name="labels">One label per example (true = positive).</param>
    /// <exception cref="ArgumentNullException">A list is null.</exception>
    /// <exception cref="ArgumentException">The lists differ in length, or a score is not finite.</exception>
    public static RocCurve Compute(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        Check(scores, labels);
        int n = scores.Count;
        int positives = labels.Count(l => l), negatives = n - positives;
        if (positives == 0 || negatives == 0)
        {
            return new RocCurve([], 0, positives, negatives, $"The curve needs both classes; got {positives} positive and {negatives} negative examples.");
        }

        var order = Enumerable.Range(0, n).OrderByDescending(i => scores[i]).ToArray();
        var points = new List<RocPoint> { new(double.PositiveInfinity, 0, 0) };
        int tp = 0, fp = 0;
        double area = 0;
        for (int i = 0; i < n;)
        {
            double s = scores[order[i]];
            int groupTp = 0, groupFp = 0;
            for (; i < n && scores[order[i]] == s; i++)
            {
                if (labels[order[i]])
                {
                    groupTp++;
                }
                else
                {
                    groupFp++;
                }
            }

            // Trapezoid over the diagonal step: width groupFp, mean height tp + groupTp / 2 (in counts).
            area += groupFp * (tp + (groupTp / 2.0));
            tp += groupTp;
            fp += groupFp;
            points.Add(new RocPoint(s, fp / (double)negatives, tp / (double)positives));
        }

        double auc = area / ((double)positives * negatives);
        return new RocCurve(points, auc, positives, negatives, $"{positives} positive and {negatives} negative examples, {points.Count - 1} distinct scores; area {auc:G6}.");
    }

    /// <summary>The area under the ROC curve as U / (n₁n₀), from mid-ranks: an independent computation of <see cref="RocCurve.Area"/>.</summary>
    /// <param name="scores">One score per example; finite numbers.</param>
    /// <param name="labels">One label per example (true = positive).</param>
    /// <returns>The area; NaN is never returned: a missing class throws.</returns>
    /// <exception cref="ArgumentException">The lists differ in length, a score is not finite, or a class is empty.</exception>
    public static double MannWhitneyArea(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        Check(scores, labels);
        int n = scores.Count;
        int positives = labels.Count(l => l), negatives = n - positives;
        if (positives == 0 || negatives == 0)
        {
            throw new ArgumentException($"Both classes are needed; got {positives} positive and {negatives} negative examples.", nameof(labels));
        }

        var order = Enumerable.Range(0, n).OrderBy(i => scores[i]).ToArray();
        double rankSum = 0;
        for (int i = 0; i < n;)
        {
            int j = i;
            while (j < n && scores[order[j]] == scores[order[i]])
            {
                j++;
            }

            double midRank = ((i + 1) + j) / 2.0; // ranks i+1 .. j share their mean
            for (int k = i; k < j; k++)
            {
                if (labels[order[k]])
                {
                    rankSum += midRank;
                }
            }

            i = j;
        }

        double u = rankSum - (positives * (positives + 1.0) / 2);
        return u / ((double)positives * negatives);
    }

    private static void Check(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(labels);
        if (scores.Count != labels.Count)
        {
            throw new ArgumentException($"{nameof(labels)} must have one label per score ({scores.Count}); got {labels.Count}.", nameof(labels));
        }

        for (int i = 0; i < scores.Count; i++)
        {
            if (!double.IsFinite(scores[i]))
            {
                throw new ArgumentException($"{nameof(scores)} must be finite numbers; scores[{i}] is {scores[i]}.", nameof(scores));
            }
        }
    }
}
