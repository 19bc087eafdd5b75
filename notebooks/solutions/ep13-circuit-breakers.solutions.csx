// Reference answers for notebooks/ep13-circuit-breakers.ipynb, one block per exercise (see the ep01 file for the format).
// They are written the way a learner would, with MathNet's binomial distribution rather than the workbook's library.

// exercise: ep13.false-trip
double FalseTripProbability(int windowSize, double baselineFailureRate, int criticalFailureCount)
{
    var tail = 0.0;                                                     // P(X > k), summed directly: no 1 − CDF cancellation
    for (var i = criticalFailureCount + 1; i <= windowSize; i++)
    {
        tail += MathNet.Numerics.Distributions.Binomial.PMF(baselineFailureRate, windowSize, i);
    }

    return tail;
}

// exercise: ep13.ewma-update
double NextEwma(double previous, double observation, double smoothingWeight) =>
    smoothingWeight * observation + (1 - smoothingWeight) * previous;

// exercise: ep13.outage-delay
double OutageDetectionSeconds(int windowSize, double failureThreshold, double requestsPerSecond)
{
    var failuresNeeded = 0;                                             // each failure replaces one old success
    while ((double)failuresNeeded / windowSize < failureThreshold)      // the breaker's own comparison, not Math.Ceiling(r × N)
    {
        failuresNeeded++;
    }

    return failuresNeeded / requestsPerSecond;                          // the f-th failing call arrives at f/λ
}

// exercise: ep13.critical-count
int CriticalFailureCount(int windowSize, double baselineFailureRate, double alpha)
{
    var k = 0;
    while (k < windowSize && 1 - MathNet.Numerics.Distributions.Binomial.CDF(baselineFailureRate, windowSize, k) > alpha)
    {
        k++;                                                            // P(X > k) still above the budget
    }

    return k;
}

// exercise: ep13.ewma-limit
double UpperControlLimit(double baselineFailureRate, int callsPerObservation, double smoothingWeight, double limitWidth, int observations)
{
    var sigma = Math.Sqrt(baselineFailureRate * (1 - baselineFailureRate) / callsPerObservation);
    var kappa = smoothingWeight;
    var varianceFactor = kappa / (2 - kappa) * (1 - Math.Pow(1 - kappa, 2 * observations));
    return baselineFailureRate + limitWidth * sigma * Math.Sqrt(varianceFactor);
}

// exercise: ep13.library-trip
double WindowTripProbability(int callsInWindow, int minimumThroughput, double failureRatio, double failureRate)
{
    if (callsInWindow < minimumThroughput)
    {
        return 0;                                                       // the ratio is never compared
    }

    var firstTrippingCount = 0;                                         // smallest f with f / N ≥ ratio, compared as Polly does
    while ((double)firstTrippingCount / callsInWindow < failureRatio)
    {
        firstTrippingCount++;
    }

    var tail = 0.0;                                                     // P(X ≥ f*)
    for (var i = firstTrippingCount; i <= callsInWindow; i++)
    {
        tail += MathNet.Numerics.Distributions.Binomial.PMF(failureRate, callsInWindow, i);
    }

    return tail;
}

// exercise: ep13.smallest-window
int SmallestWindow(double baselineFailureRate, double degradedFailureRate, double alpha, double targetPower)
{
    for (var n = 1; ; n++)
    {
        var k = 0;
        while (k < n && 1 - MathNet.Numerics.Distributions.Binomial.CDF(baselineFailureRate, n, k) > alpha)
        {
            k++;
        }

        if (1 - MathNet.Numerics.Distributions.Binomial.CDF(degradedFailureRate, n, k) >= targetPower)
        {
            return n;                                                   // the first n, not a bisection: power saw-tooths
        }
    }
}

// exercise: ep13.backoff-close
double MeanCloseSeconds(double firstWaitSeconds, double growthFactor, double maxWaitSeconds, double meanRecoverySeconds, double probeSuccessProbability)
{
    var q = probeSuccessProbability;
    double closeTime = 0, sentAt = 0, stillBroken = 1, failedSinceRecovery = 0, wait = firstWaitSeconds;
    while (stillBroken + failedSinceRecovery > 1e-15)                   // P(J ≥ j): the breaker still needs probe j
    {
        closeTime += wait * (stillBroken + failedSinceRecovery);        // E[S_J] = Σ d_j P(J ≥ j)
        sentAt += wait;
        var brokenAfter = Math.Exp(-sentAt / meanRecoverySeconds);      // P(R > S_j)
        failedSinceRecovery = (1 - q) * (failedSinceRecovery + stillBroken - brokenAfter);
        stillBroken = brokenAfter;
        wait = Math.Min(wait * growthFactor, maxWaitSeconds);
    }

    return closeTime;
}

// exercise: ep13.ewma-arl
double AverageRunLength(double baselineFailureRate, double actualFailureRate, int callsPerObservation, double smoothingWeight, double limitWidth, int cells)
{
    double p0 = baselineFailureRate, p = actualFailureRate, kappa = smoothingWeight;
    int b = callsPerObservation;
    var sigma = Math.Sqrt(p0 * (1 - p0) / b);
    var ucl = p0 + limitWidth * sigma * Math.Sqrt(kappa / (2 - kappa));
    if (ucl >= 1)
    {
        return double.PositiveInfinity;                                 // a failure fraction of at most 1 never crosses it
    }

    var width = ucl / cells;                                            // cells on [0, UCL]: z can fall below p0
    int CellOf(double z) => Math.Min(cells - 1, (int)(z / width));
    var pmf = Enumerable.Range(0, b + 1).Select(j => MathNet.Numerics.Distributions.Binomial.PMF(p, b, j)).ToArray();

    var iMinusQ = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseIdentity(cells);
    for (var i = 0; i < cells; i++)
    {
        var centre = (i + 0.5) * width;
        for (var j = 0; j <= b; j++)
        {
            var next = (1 - kappa) * centre + kappa * j / b;
            if (next <= ucl)
            {
                iMinusQ[i, CellOf(next)] -= pmf[j];                     // stays in control: a move between cells
            }
        }
    }

    var fromCell = iMinusQ.Solve(MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(cells, 1.0));
    var arl = 1.0;                                                      // the first observation, from z0 = p0 exactly
    for (var j = 0; j <= b; j++)
    {
        var next = (1 - kappa) * p0 + kappa * j / b;
        if (next <= ucl)
        {
            arl += pmf[j] * fromCell[CellOf(next)];
        }
    }

    return arl;
}
