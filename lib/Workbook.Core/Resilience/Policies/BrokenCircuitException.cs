namespace Workbook.Core.Resilience.Policies;

/// <summary>Thrown by <see cref="BreakerPolicy"/> when the breaker rejects a call (open, isolated, or half-open with its probe out).</summary>
public sealed class BrokenCircuitException : Exception
{
    /// <summary>Creates the exception with the default message.</summary>
    public BrokenCircuitException()
        : base("The circuit is open: the call was not made.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public BrokenCircuitException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public BrokenCircuitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
