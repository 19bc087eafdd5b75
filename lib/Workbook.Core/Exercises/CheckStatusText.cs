namespace Workbook.Core.Exercises;

/// <summary>The words the workbook uses for each <see cref="CheckStatus"/> and <see cref="Track"/>.</summary>
public static class CheckStatusText
{
    /// <summary>Lower-case words, as shown in progress tables ("not attempted", "timed out").</summary>
    public static string ToDisplay(this CheckStatus status) => status switch
    {
        CheckStatus.NotAttempted => "not attempted",
        CheckStatus.Passed => "passed",
        CheckStatus.Failed => "failed",
        CheckStatus.Error => "error",
        CheckStatus.TimedOut => "timed out",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown check status."),
    };

    /// <summary>A stable machine-readable token ("not-attempted", "timed-out").</summary>
    public static string ToToken(this CheckStatus status) => status.ToDisplay().Replace(' ', '-');

    /// <summary>Parses a token written by <see cref="ToToken"/>.</summary>
    public static bool TryParseToken(string token, out CheckStatus status)
    {
        foreach (var candidate in Enum.GetValues<CheckStatus>())
        {
            if (string.Equals(candidate.ToToken(), token, StringComparison.Ordinal))
            {
                status = candidate;
                return true;
            }
        }

        status = default;
        return false;
    }

    /// <summary>Lower-case track name ("beginner").</summary>
    public static string ToDisplay(this Track track) => track.ToString().ToLowerInvariant();
}
