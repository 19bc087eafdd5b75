// Typical wrong answers for notebooks/ep19-queueing.ipynb; every check must report "failed".

// exercise: ep19.littles-law
double MeanInSystem(double arrivalRatePerSecond, double meanResponseTimeSeconds) => meanResponseTimeSeconds / arrivalRatePerSecond;

// exercise: ep19.mm1-wait
double MM1MeanWaitSeconds(double arrivalRatePerSecond, double meanServiceTimeSeconds) =>
    meanServiceTimeSeconds / (1 - arrivalRatePerSecond * meanServiceTimeSeconds);   // response time, not wait

// exercise: ep19.erlang-c
double ProbabilityOfWaiting(int servers, double offeredLoadErlangs)
{
    // the textbook formula with factorials: overflows for large c
    double Factorial(int n) { var f = 1.0; for (var i = 2; i <= n; i++) f *= i; return f; }
    var rho = offeredLoadErlangs / servers;
    var sum = 0.0;
    for (var k = 0; k < servers; k++) sum += Math.Pow(offeredLoadErlangs, k) / Factorial(k);
    var last = Math.Pow(offeredLoadErlangs, servers) / (Factorial(servers) * (1 - rho));
    return last / (sum + last);
}

// exercise: ep19.wait-percentile
double WaitPercentileSeconds(double arrivalRatePerSecond, double meanServiceTimeSeconds, int servers, double p) =>
    -Math.Log(1 - p) / (servers / meanServiceTimeSeconds - arrivalRatePerSecond);   // forgets that only a fraction C waits

// exercise: ep19.lindley-step
double NextWaitSeconds(double waitSeconds, double serviceSeconds, double interarrivalSeconds) =>
    waitSeconds + serviceSeconds - interarrivalSeconds;   // can go negative

// exercise: ep19.overload
int MinimumServersForStability(double arrivalRatePerSecond, double meanServiceTimeSeconds) =>
    (int)Math.Ceiling(arrivalRatePerSecond * meanServiceTimeSeconds);   // the seed's ceil(λ/μ)

// exercise: ep19.kingman
double KingmanMeanWaitSeconds(double arrivalRatePerSecond, double meanServiceTimeSeconds, double interarrivalScv, double serviceScv)
{
    var rho = arrivalRatePerSecond * meanServiceTimeSeconds;
    return rho / (1 - rho) * meanServiceTimeSeconds;   // M/M/1: ignores the variability
}

// exercise: ep19.size-for-slo
int ServersForWaitSlo(double arrivalRatePerSecond, double meanServiceTimeSeconds, double p, double maxWaitSeconds) =>
    (int)Math.Ceiling(arrivalRatePerSecond * meanServiceTimeSeconds / 0.8);   // "run at 80 %" rule of thumb

// exercise: ep19.response-percentile
double ResponsePercentileSeconds(double arrivalRatePerSecond, double meanServiceTimeSeconds, int servers, double p)
{
    // the general formula only: 0/0 = NaN when cμ − λ = μ, and every comparison with NaN is false
    var pWait = ErlangFormulas.ErlangC(servers, arrivalRatePerSecond * meanServiceTimeSeconds);
    var mu = 1 / meanServiceTimeSeconds;
    var theta = servers * mu - arrivalRatePerSecond;
    double Tail(double t) => Math.Exp(-mu * t) + pWait * mu / (theta - mu) * (Math.Exp(-mu * t) - Math.Exp(-theta * t));
    double low = 0, high = 1;
    while (Tail(high) > 1 - p) high *= 2;
    for (var i = 0; i < 200; i++)
    {
        var middle = (low + high) / 2;
        if (Tail(middle) > 1 - p) low = middle; else high = middle;
    }

    return (low + high) / 2;
}
