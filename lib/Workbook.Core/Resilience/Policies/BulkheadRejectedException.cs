namespace Workbook.Core.Resilience.Policies;

/// <summary>Thrown by <see cref="BulkheadPolicy"/> when every slot is busy and the queue is full.</summary>
public sealed class BulkheadRejectedException : Exception
{
    /// <summary>Creates the exception with the default message.</summary>
    public BulkheadRejectedException()
        : base("The bulkhead is full: every slot is busy and the queue is full.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public BulkheadRejectedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public BulkheadRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
