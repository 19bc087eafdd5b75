namespace Workbook.Core.Reliability.Locks;

/// <summary>The storage the lock protects. With fencing on, it rejects a write whose token is lower than the highest it has accepted.</summary>
/// <remarks>Fencing is Kleppmann's fix (2016): the check sits in the storage, which sees every write, not in the client, which may be paused between its check and its write.</remarks>
public sealed class StorageService
{
    /// <summary>Creates the storage.</summary>
    /// <param name="checksFencingTokens">Whether writes with a token lower than one already accepted are rejected.</param>
    public StorageService(bool checksFencingTokens)
    {
        ChecksFencingTokens = checksFencingTokens;
    }

    /// <summary>Whether the storage checks fencing tokens.</summary>
    public bool ChecksFencingTokens { get; }

    /// <summary>The highest token accepted so far (0 before any write).</summary>
    public long HighestAcceptedToken { get; private set; }

    /// <summary>Decides one write.</summary>
    /// <param name="token">The writer's fencing token; an integer &gt;= 1.</param>
    /// <returns>Whether the write is accepted.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="token"/> is below 1.</exception>
    public bool TryWrite(long token)
    {
        if (token < 1)
        {
            throw Guard.OutOfRange(nameof(token), "an integer >= 1", token.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (ChecksFencingTokens && token < HighestAcceptedToken)
        {
            return false;
        }

        HighestAcceptedToken = Math.Max(HighestAcceptedToken, token);
        return true;
    }
}
