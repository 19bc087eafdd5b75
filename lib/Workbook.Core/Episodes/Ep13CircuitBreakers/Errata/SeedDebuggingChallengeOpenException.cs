namespace Workbook.Core.Episodes.Ep13CircuitBreakers.Errata;

/// <summary>Thrown by <see cref="SeedDebuggingChallengeFixedBreaker"/> instead of calling an action: a rejection, not a failure.</summary>
public sealed class SeedDebuggingChallengeOpenException : Exception
{
    /// <summary>A rejection with a message.</summary>
    public SeedDebuggingChallengeOpenException(string message)
        : base(message)
    {
    }

    /// <summary>A rejection with the default message.</summary>
    public SeedDebuggingChallengeOpenException()
        : base("The circuit is open.")
    {
    }

    /// <summary>A rejection wrapping another exception.</summary>
    public SeedDebuggingChallengeOpenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
