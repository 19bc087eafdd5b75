// Typical wrong answers for notebooks/ep13-circuit-breakers.ipynb; every check must report "failed".

// exercise: ep13.false-trip
double FalseTripProbability(int windowSize, double baselineFailureRate, int criticalFailureCount) =>
    1 - MathNet.Numerics.Distributions.Binomial.CDF(baselineFailureRate, windowSize, criticalFailureCount - 1);   // P(X ≥ k): one failure early

// exercise: ep13.ewma-update
double NextEwma(double previous, double observation, double lambda) =>
    lambda * previous + (1 - lambda) * observation;   // weights swapped

// exercise: ep13.outage-delay
double OutageDetectionSeconds(int windowSize, double failureThreshold, double requestsPerSecond) =>
    windowSize / requestsPerSecond;   // waits for the whole window to fail

// exercise: ep13.critical-count
int CriticalFailureCount(int windowSize, double baselineFailureRate, double alpha)
{
    var k = 0;
    while (k <= windowSize && 1 - MathNet.Numerics.Distributions.Binomial.CDF(baselineFailureRate, windowSize, k - 1) > alpha)
    {
        k++;   // tests P(X ≥ k) instead of P(X > k)
    }

    return k;
}

// exercise: ep13.ewma-limit
double UpperControlLimit(double baselineFailureRate, int callsPerObservation, double lambda, double limitWidth, int observations) =>
    baselineFailureRate + limitWidth * Math.Sqrt(baselineFailureRate * (1 - baselineFailureRate) / callsPerObservation * lambda / (2 - lambda));   // steady state only

// exercise: ep13.library-trip
double WindowTripProbability(int callsInWindow, int minimumThroughput, double failureRatio, double failureRate) =>
    1 - MathNet.Numerics.Distributions.Binomial.CDF(failureRate, callsInWindow, Math.Ceiling(failureRatio * callsInWindow) - 1);   // ignores the minimum throughput

// exercise: ep13.smallest-window
int SmallestWindow(double baselineFailureRate, double degradedFailureRate, double alpha, double targetPower)
{
    int low = 1, high = 100_000;   // bisection: assumes power only grows with n
    while (low < high)
    {
        var mid = (low + high) / 2;
        var k = TripThreshold.CriticalFailureCount(mid, baselineFailureRate, alpha);
        if (TripThreshold.ExceedanceProbability(mid, degradedFailureRate, k) >= targetPower) high = mid; else low = mid + 1;
    }

    return low;
}

// exercise: ep13.probe-delay
double MeanRecoveryDelaySeconds(double periodSeconds, double meanRecoverySeconds, double probeSuccessProbability) =>
    periodSeconds / 2 + periodSeconds * (1 - probeSuccessProbability) / probeSuccessProbability;   // the μ ≫ c limit, used everywhere
