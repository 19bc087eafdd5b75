namespace Workbook.Core.Reliability.Leaks;

/// <summary>A bounded event tracker that can show the events it keeps: the last <see cref="Capacity"/>, oldest first.</summary>
/// <remarks><see cref="RingBufferEventTracker"/> implements it; episode 23's learner writes another.</remarks>
public interface IRecentEventTracker : IEventTracker
{
    /// <summary>The most events kept at once.</summary>
    int Capacity { get; }

    /// <summary>The events kept now, oldest first (a copy).</summary>
    IReadOnlyList<TrackedEvent> Snapshot();
}
