namespace Workbook.Core.Resilience;

/// <summary>
/// When an open breaker lets a probe through: after waits t₀, t₀·g, t₀·g², ..., each capped at a
/// maximum, counted from the moment the breaker opened (each failed probe re-opens it and starts the next wait).
/// </summary>
/// <remarks>
/// With g = 1 this is the fixed break duration of Polly (BreakDuration, default 5 s), Hystrix
/// (sleepWindowInMilliseconds, default 5000 ms) and resilience4j (waitDurationInOpenState, default
/// 60 s); g &gt; 1 is exponential back-off (Polly's BreakDurationGenerator, resilience4j's exponential
/// IntervalFunction). Every value is checked here, in the constructor, including that the first wait
/// is not above the cap. <see cref="HalfOpenRecovery"/> computes what a schedule costs.
/// </remarks>
public sealed record ProbeSchedule
{
    /// <summary>Creates and validates a probe schedule.</summary>
    /// <param name="initialWaitSeconds">t₀, the wait before the first probe, in seconds; a finite number in (0, <paramref name="maximumWaitSeconds"/>].</param>
    /// <param name="growthFactor">g, the factor by which each wait exceeds the previous one; a finite number &gt;= 1.</param>
    /// <param name="maximumWaitSeconds">The longest wait, in seconds; a finite number &gt; 0, or <see cref="double.PositiveInfinity"/> for no cap.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range, or <paramref name="initialWaitSeconds"/> exceeds <paramref name="maximumWaitSeconds"/>.</exception>
    public ProbeSchedule(double initialWaitSeconds = 5, double growthFactor = 1, double maximumWaitSeconds = 60)
    {
        InitialWaitSeconds = Guard.PositiveFinite(initialWaitSeconds, nameof(initialWaitSeconds));
        GrowthFactor = Guard.AtLeastFinite(growthFactor, 1, nameof(growthFactor));
        MaximumWaitSeconds = double.IsPositiveInfinity(maximumWaitSeconds) || (maximumWaitSeconds > 0 && double.IsFinite(maximumWaitSeconds))
            ? maximumWaitSeconds
            : throw Guard.OutOfRange(nameof(maximumWaitSeconds), "a finite number > 0 or PositiveInfinity (no cap)", Guard.Format(maximumWaitSeconds));
        if (initialWaitSeconds > maximumWaitSeconds)
        {
            throw Guard.OutOfRange(
                nameof(initialWaitSeconds),
                $"a finite number in (0, {Guard.Format(maximumWaitSeconds)}] (at most {nameof(maximumWaitSeconds)}, the cap on every wait)",
                Guard.Format(initialWaitSeconds));
        }
    }

    /// <summary>t₀, the wait before the first probe, in seconds.</summary>
    /// <value>The default is 5 seconds (the Polly and Hystrix default break).</value>
    public double InitialWaitSeconds { get; }

    /// <summary>g, the factor by which each wait exceeds the previous one.</summary>
    /// <value>The default is 1 (a fixed break).</value>
    public double GrowthFactor { get; }

    /// <summary>The longest wait, in seconds, or <see cref="double.PositiveInfinity"/> for no cap.</summary>
    /// <value>The default is 60 seconds (resilience4j's default wait).</value>
    public double MaximumWaitSeconds { get; }

    /// <summary>The same schedule with another growth factor.</summary>
    /// <param name="growthFactor">g, a finite number &gt;= 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="growthFactor"/> is outside its range.</exception>
    public ProbeSchedule WithGrowthFactor(double growthFactor) => new(InitialWaitSeconds, growthFactor, MaximumWaitSeconds);

    /// <summary>The wait before probe <paramref name="probe"/> (1-based): min(t₀·g^(probe−1), cap).</summary>
    /// <param name="probe">The probe number, &gt;= 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="probe"/> is below 1.</exception>
    public double WaitBefore(int probe)
    {
        Guard.AtLeast(probe, 1, nameof(probe));
        return Math.Min(InitialWaitSeconds * Math.Pow(GrowthFactor, probe - 1), MaximumWaitSeconds);
    }

    /// <summary>The times of the first <paramref name="count"/> probes, in seconds after the breaker opened.</summary>
    /// <param name="count">How many probe times; &gt;= 0.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public IReadOnlyList<double> ProbeTimes(int count)
    {
        Guard.NonNegative(count, nameof(count));
        var times = new double[count];
        double time = 0;
        for (int j = 0; j < count; j++)
        {
            time += WaitBefore(j + 1);
            times[j] = time;
        }

        return times;
    }
}
