// Typical wrong answers for notebooks/ep13-circuit-breakers.ipynb; every check must report "failed".

// exercise: ep13.false-trip
double FalseTripProbability(int windowSize, double baselineFailureRate, int criticalFailureCount) =>
    1 - MathNet.Numerics.Distributions.Binomial.CDF(baselineFailureRate, windowSize, criticalFailureCount);   // right on paper, exactly 0 in the far tail

// exercise: ep13.ewma-update
double NextEwma(double previous, double observation, double smoothingWeight) =>
    smoothingWeight * previous + (1 - smoothingWeight) * observation;   // weights swapped

// exercise: ep13.outage-delay
double OutageDetectionSeconds(int windowSize, double failureThreshold, double requestsPerSecond)
{
    var failuresNeeded = 0;
    while ((double)failuresNeeded / windowSize < failureThreshold)
    {
        failuresNeeded++;
    }

    return 1000 * failuresNeeded / requestsPerSecond;   // milliseconds, not seconds
}

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
double UpperControlLimit(double baselineFailureRate, int callsPerObservation, double smoothingWeight, double limitWidth, int observations) =>
    baselineFailureRate + limitWidth * Math.Sqrt(baselineFailureRate * (1 - baselineFailureRate) / callsPerObservation * smoothingWeight / (2 - smoothingWeight));   // steady state only

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

// exercise: ep13.backoff-close
double MeanCloseSeconds(double firstWaitSeconds, double growthFactor, double maxWaitSeconds, double meanRecoverySeconds, double probeSuccessProbability)
{
    double closeTime = 0, sentAt = 0, wait = firstWaitSeconds, stillBroken = 1;
    while (stillBroken > 1e-15)   // forgets that probes after recovery can still fail (as if q = 1)
    {
        closeTime += wait * stillBroken;
        sentAt += wait;
        stillBroken = Math.Exp(-sentAt / meanRecoverySeconds);
        wait = Math.Min(wait * growthFactor, maxWaitSeconds);
    }

    return closeTime;
}

// exercise: ep13.ewma-arl
double AverageRunLength(double baselineFailureRate, double actualFailureRate, int callsPerObservation, double smoothingWeight, double limitWidth, int cells)
{
    double p0 = baselineFailureRate, kappa = smoothingWeight;
    int b = callsPerObservation;
    var half = limitWidth * Math.Sqrt(p0 * (1 - p0) / b) * Math.Sqrt(kappa / (2 - kappa));
    double lcl = p0 - half, ucl = p0 + half;
    if (ucl >= 1)
    {
        return double.PositiveInfinity;
    }

    var bottom = Math.Max(0, lcl);                                      // two-sided: a drop below the lower limit "signals" too
    var width = (ucl - bottom) / cells;
    int CellOf(double z) => Math.Min(cells - 1, (int)((z - bottom) / width));
    var pmf = Enumerable.Range(0, b + 1).Select(j => MathNet.Numerics.Distributions.Binomial.PMF(actualFailureRate, b, j)).ToArray();
    var iMinusQ = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseIdentity(cells);
    for (var i = 0; i < cells; i++)
    {
        for (var j = 0; j <= b; j++)
        {
            var next = (1 - kappa) * (bottom + (i + 0.5) * width) + kappa * j / b;
            if (next >= lcl && next <= ucl)
            {
                iMinusQ[i, CellOf(next)] -= pmf[j];
            }
        }
    }

    var fromCell = iMinusQ.Solve(MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(cells, 1.0));
    var arl = 1.0;
    for (var j = 0; j <= b; j++)
    {
        var next = (1 - kappa) * p0 + kappa * j / b;
        if (next >= lcl && next <= ucl)
        {
            arl += pmf[j] * fromCell[CellOf(next)];
        }
    }

    return arl;
}
