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
double NextEwma(double previous, double observation, double lambda) =>
    lambda * observation + (1 - lambda) * previous;

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
double UpperControlLimit(double baselineFailureRate, int callsPerObservation, double lambda, double limitWidth, int observations)
{
    var sigma = Math.Sqrt(baselineFailureRate * (1 - baselineFailureRate) / callsPerObservation);
    var varianceFactor = lambda / (2 - lambda) * (1 - Math.Pow(1 - lambda, 2 * observations));
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

// exercise: ep13.probe-delay
double MeanRecoveryDelaySeconds(double periodSeconds, double meanRecoverySeconds, double probeSuccessProbability)
{
    var c = periodSeconds;
    var mu = meanRecoverySeconds;
    var q = probeSuccessProbability;
    var residual = c - mu + c / (Math.Exp(c / mu) - 1);                 // E[c − U | U ≤ c], U ~ Exp(μ)
    return residual + c * (1 - q) / q;                                  // plus a period per failed probe after recovery
}
