namespace Workbook.Core.Resilience;

/// <summary>
/// When an open breaker lets a probe through: after waits t₀, t₀·g, t₀·g², ..., each capped at a
/// maximum, counted from the moment the breaker opened (each failed probe re-opens it and starts the next wait).
/// </summary>
/// <remarks>
/// <para>
/// With g = 1 this is the fixed break duration of Polly (BreakDuration, default 5 s), Hystrix
/// (sleepWindowInMilliseconds, default 5000 ms) and resilience4j (waitDurationInOpenState, default
/// 60 s). A growth factor g &gt; 1 is exponential back-off, which Polly offers through a
/// BreakDurationGenerator and resilience4j through an exponential IntervalFunction.
/// </para>
/// <para>
/// Defaults: t₀ = 5 s (the Polly and Hystrix default break), g = 1, cap 60 s (resilience4j's default
/// wait, so a growing schedule never waits longer than that). Each property is validated when set.
/// </para>
/// </remarks>
public sealed record ProbeSchedule
{
    private readonly double initialWaitSeconds = 5;
    private readonly double growthFactor = 1;
    private readonly double maximumWaitSeconds = 60;

    /// <summary>t₀, the wait before the first probe, in seconds; a finite number &gt; 0. Default 5.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to NaN, an infinity, zero or a negative value.</exception>
    public double InitialWaitSeconds
    {
        get => initialWaitSeconds;
        init => initialWaitSeconds = Guard.PositiveFinite(value, nameof(InitialWaitSeconds));
    }

    /// <summary>g, the factor by which each wait exceeds the previous one; a finite number &gt;= 1. Default 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to NaN, an infinity or a value below 1.</exception>
    public double GrowthFactor
    {
        get => growthFactor;
        init => growthFactor = Guard.AtLeastFinite(value, 1, nameof(GrowthFactor));
    }

    /// <summary>The longest wait, in seconds; a number &gt; 0, or <see cref="double.PositiveInfinity"/> for no cap. Default 60.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to NaN, zero or a negative value.</exception>
    public double MaximumWaitSeconds
    {
        get => maximumWaitSeconds;
        init => maximumWaitSeconds = double.IsPositiveInfinity(value)
            ? value
            : value > 0 && double.IsFinite(value)
                ? value
                : throw new ArgumentOutOfRangeException(
                    nameof(MaximumWaitSeconds),
                    $"{nameof(MaximumWaitSeconds)} must be a number > 0 or PositiveInfinity; got {Guard.Format(value)}.");
    }

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
