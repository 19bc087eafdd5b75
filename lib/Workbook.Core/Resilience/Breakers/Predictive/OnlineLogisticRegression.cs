namespace Workbook.Core.Resilience.Breakers.Predictive;

/// <summary>
/// Logistic regression learned one example at a time by stochastic gradient descent with L2 shrinkage:
/// p = σ(b + w·z), and after each labelled example w ← w + η((y − p)z − λw), b ← b + η(y − p).
/// </summary>
/// <remarks>
/// Features are expected standardized (mean 0, standard deviation 1 on the training data), so that one
/// learning rate suits every weight and a weight times its feature is that feature's contribution to
/// the log-odds (<see cref="Contributions"/>).
/// </remarks>
public sealed class OnlineLogisticRegression
{
    private readonly double[] weights;

    /// <summary>Creates a model with all weights 0 (p = 0.5 for every input).</summary>
    /// <param name="features">The number of features; an integer &gt;= 1.</param>
    /// <param name="learningRate">η, a finite number in (0, 1].</param>
    /// <param name="l2">λ, a finite number in [0, 1).</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public OnlineLogisticRegression(int features, double learningRate = 0.05, double l2 = 1e-4)
    {
        weights = new double[Guard.AtLeast(features, 1, nameof(features))];
        LearningRate = Guard.InRangeExclusiveInclusive(learningRate, 0, 1, nameof(learningRate));
        L2 = Guard.InRangeInclusive(l2, 0, 0.999, nameof(l2));
    }

    /// <summary>η.</summary>
    public double LearningRate { get; }

    /// <summary>λ.</summary>
    public double L2 { get; }

    /// <summary>The intercept b.</summary>
    public double Bias { get; private set; }

    /// <summary>The weights w (a copy).</summary>
    public IReadOnlyList<double> Weights => (double[])weights.Clone();

    /// <summary>Examples learned so far.</summary>
    public int Updates { get; private set; }

    /// <summary>The log-odds b + w·z.</summary>
    /// <param name="z">Standardized features; one per weight.</param>
    /// <exception cref="ArgumentException">Wrong length.</exception>
    public double LogOdds(IReadOnlyList<double> z)
    {
        CheckLength(z);
        double s = Bias;
        for (int j = 0; j < weights.Length; j++)
        {
            s += weights[j] * z[j];
        }

        return s;
    }

    /// <summary>σ(b + w·z), computed without overflow for large |log-odds|.</summary>
    /// <param name="z">Standardized features.</param>
    public double Probability(IReadOnlyList<double> z) => Sigmoid(LogOdds(z));

    /// <summary>Each feature's contribution wⱼzⱼ to the log-odds (they sum with <see cref="Bias"/> to <see cref="LogOdds"/>).</summary>
    /// <param name="z">Standardized features.</param>
    public IReadOnlyList<double> Contributions(IReadOnlyList<double> z)
    {
        CheckLength(z);
        return weights.Select((w, j) => w * z[j]).ToArray();
    }

    /// <summary>One gradient step on one labelled example.</summary>
    /// <param name="z">Standardized features.</param>
    /// <param name="label">true for "outage within the horizon".</param>
    public void Update(IReadOnlyList<double> z, bool label)
    {
        double error = (label ? 1 : 0) - Probability(z);
        for (int j = 0; j < weights.Length; j++)
        {
            weights[j] += LearningRate * ((error * z[j]) - (L2 * weights[j]));
        }

        Bias += LearningRate * error;
        Updates++;
    }

    /// <summary>The logistic function 1 / (1 + e^(−x)), stable for both signs of x.</summary>
    /// <param name="x">Any finite number.</param>
    public static double Sigmoid(double x) => x >= 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x));

    private void CheckLength(IReadOnlyList<double> z)
    {
        ArgumentNullException.ThrowIfNull(z);
        if (z.Count != weights.Length)
        {
            throw new ArgumentException($"{nameof(z)} must hold {weights.Length} features; got {z.Count}.", nameof(z));
        }
    }
}
