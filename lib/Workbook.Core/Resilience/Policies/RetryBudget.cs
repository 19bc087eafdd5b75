namespace Workbook.Core.Resilience.Policies;

/// <summary>
/// A retry budget: a retry is allowed only while the retries of the last window stay below
/// ratio × requests + reserve (<see cref="RetryBudgetOptions"/>), so a client can never multiply its load by
/// more than 1 + ratio once traffic is high, whatever each request's retry policy says.
/// </summary>
/// <remarks>
/// Finagle's design (Twitter, 2016) on explicit timestamps in milliseconds: every request calls
/// <see cref="RecordRequest"/>, every retry asks <see cref="TryRetry"/> first. Finagle keeps a leaky token
/// bucket whose deposits expire after the window; this class keeps the timestamps themselves, the exact sliding
/// window (memory grows with the traffic of one window). gRPC's retry throttling (gRFC A6) is the other common
/// design: tokens fall by 1 on every failure and rise by a ratio on every success. Not thread-safe.
/// </remarks>
public sealed class RetryBudget
{
    private readonly Queue<double> _requests = new();
    private readonly Queue<double> _retries = new();
    private double _now = double.NegativeInfinity;

    /// <summary>Creates an empty budget (only the reserve is available).</summary>
    /// <param name="options">The window, reserve and ratio.</param>
    public RetryBudget(RetryBudgetOptions options) => Options = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>The options.</summary>
    public RetryBudgetOptions Options { get; }

    /// <summary>Counts one request (a first attempt) at time <paramref name="nowMilliseconds"/>.</summary>
    /// <param name="nowMilliseconds">The time in ms; never earlier than a time passed before.</param>
    public void RecordRequest(double nowMilliseconds)
    {
        Expire(nowMilliseconds);
        _requests.Enqueue(nowMilliseconds);
    }

    /// <summary>Takes one retry from the budget if the window allows it.</summary>
    /// <param name="nowMilliseconds">The time in ms; never earlier than a time passed before.</param>
    /// <returns>True (and the retry is counted) when retries &lt; ratio × requests + reserve before this one; false otherwise.</returns>
    public bool TryRetry(double nowMilliseconds)
    {
        Expire(nowMilliseconds);
        if (_retries.Count + 1 > Allowance())
        {
            return false;
        }

        _retries.Enqueue(nowMilliseconds);
        return true;
    }

    /// <summary>How many more retries the window allows at <paramref name="nowMilliseconds"/> (rounded down, never negative).</summary>
    /// <param name="nowMilliseconds">The time in ms; never earlier than a time passed before.</param>
    /// <returns>The whole retries still available.</returns>
    public int Balance(double nowMilliseconds)
    {
        Expire(nowMilliseconds);
        return (int)Math.Max(0, Math.Floor(Allowance() - _retries.Count));
    }

    private double Allowance() => Options.RetryRatio * _requests.Count + Options.Reserve;

    // An entry counts while now − t < window: a request made exactly one window ago has expired.
    private void Expire(double nowMilliseconds)
    {
        var now = Guard.Finite(nowMilliseconds, nameof(nowMilliseconds));
        if (now < _now)
        {
            throw new ArgumentOutOfRangeException(nameof(nowMilliseconds), now, $"Time must not go backwards: it was {Guard.Format(_now)} ms before.");
        }

        _now = now;
        while (_requests.TryPeek(out var t) && now - t >= Options.WindowMilliseconds)
        {
            _requests.Dequeue();
        }

        while (_retries.TryPeek(out var t) && now - t >= Options.WindowMilliseconds)
        {
            _retries.Dequeue();
        }
    }
}
