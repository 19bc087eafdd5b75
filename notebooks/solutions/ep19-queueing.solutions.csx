// Reference answers for notebooks/ep19-queueing.ipynb, one block per exercise (see the ep01 file for the format).

// exercise: ep19.littles-law
double MeanInSystem(double arrivalRatePerSecond, double meanResponseTimeSeconds) =>
    arrivalRatePerSecond * meanResponseTimeSeconds;   // L = λW

// exercise: ep19.mm1-wait
double MM1MeanWaitSeconds(double arrivalRatePerSecond, double meanServiceTimeSeconds)
{
    var rho = arrivalRatePerSecond * meanServiceTimeSeconds;
    return rho / (1 - rho) * meanServiceTimeSeconds;
}

// exercise: ep19.erlang-c
double ProbabilityOfWaiting(int servers, double offeredLoadErlangs)
{
    var b = 1.0;                                   // Erlang B with 0 servers
    for (var k = 1; k <= servers; k++)
    {
        b = offeredLoadErlangs * b / (k + offeredLoadErlangs * b);
    }

    var rho = offeredLoadErlangs / servers;
    return b / (1 - rho * (1 - b));
}

// exercise: ep19.wait-percentile
double WaitPercentileSeconds(double arrivalRatePerSecond, double meanServiceTimeSeconds, int servers, double p)
{
    var c = ErlangFormulas.ErlangC(servers, arrivalRatePerSecond * meanServiceTimeSeconds);
    if (1 - p >= c)
    {
        return 0;                                  // at least a fraction p never waits
    }

    var decayRate = servers / meanServiceTimeSeconds - arrivalRatePerSecond;   // cμ − λ
    return Math.Log(c / (1 - p)) / decayRate;
}

// exercise: ep19.lindley-step
double NextWaitSeconds(double waitSeconds, double serviceSeconds, double interarrivalSeconds) =>
    Math.Max(0, waitSeconds + serviceSeconds - interarrivalSeconds);

// exercise: ep19.overload
int MinimumServersForStability(double arrivalRatePerSecond, double meanServiceTimeSeconds) =>
    (int)Math.Floor(arrivalRatePerSecond * meanServiceTimeSeconds) + 1;   // need c > A strictly

// exercise: ep19.kingman
double KingmanMeanWaitSeconds(double arrivalRatePerSecond, double meanServiceTimeSeconds, double interarrivalScv, double serviceScv)
{
    var rho = arrivalRatePerSecond * meanServiceTimeSeconds;
    return rho / (1 - rho) * (interarrivalScv + serviceScv) / 2 * meanServiceTimeSeconds;
}

// exercise: ep19.size-for-slo
int ServersForWaitSlo(double arrivalRatePerSecond, double meanServiceTimeSeconds, double p, double maxWaitSeconds)
{
    var load = arrivalRatePerSecond * meanServiceTimeSeconds;
    for (var c = (int)Math.Floor(load) + 1; ; c++)
    {
        var pWait = ErlangFormulas.ErlangC(c, load);
        var wait = 1 - p >= pWait ? 0 : Math.Log(pWait / (1 - p)) / (c / meanServiceTimeSeconds - arrivalRatePerSecond);
        if (wait <= maxWaitSeconds)
        {
            return c;
        }
    }
}

// exercise: ep19.response-percentile
double ResponsePercentileSeconds(double arrivalRatePerSecond, double meanServiceTimeSeconds, int servers, double p)
{
    var load = arrivalRatePerSecond * meanServiceTimeSeconds;           // A
    var pWait = ErlangFormulas.ErlangC(servers, load);                   // C
    var mu = 1 / meanServiceTimeSeconds;
    var theta = (servers - load) / meanServiceTimeSeconds;               // cμ − λ, formed from c − A
    var gap = Math.Abs(servers - 1 - load) / meanServiceTimeSeconds;     // |θ − μ|, formed directly

    // P(T > t) = e^−μt + Cμ·t·e^−min(θ,μ)t·h(|θ − μ|t), h(x) = (1 − e^−x)/x: no 0/0 at θ = μ, no cancellation near it.
    double Tail(double t)
    {
        var x = gap * t;
        var h = x < 1e-4 ? 1 - x / 2 + x * x / 6 - x * x * x / 24 : (1 - Math.Exp(-x)) / x;
        return Math.Exp(-mu * t) + pWait * mu * t * Math.Exp(-Math.Min(theta, mu) * t) * h;
    }

    var target = 1 - p;                                                   // compare tails, not CDFs
    double low = 0, high = meanServiceTimeSeconds;
    while (Tail(high) > target)
    {
        high *= 2;
    }

    for (var i = 0; i < 200; i++)
    {
        var middle = (low + high) / 2;
        if (Tail(middle) > target) low = middle; else high = middle;
    }

    return (low + high) / 2;
}
