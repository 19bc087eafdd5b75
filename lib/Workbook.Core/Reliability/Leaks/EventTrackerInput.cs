namespace Workbook.Core.Reliability.Leaks;

/// <summary>The checks every tracker applies to one event.</summary>
internal static class EventTrackerInput
{
    public static void Validate(string eventType, double timestampSeconds)
    {
        Guard.NotBlank(eventType, nameof(eventType));
        Guard.NonNegativeFinite(timestampSeconds, nameof(timestampSeconds));
    }
}
