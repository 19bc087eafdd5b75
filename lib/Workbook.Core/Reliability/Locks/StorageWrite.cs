namespace Workbook.Core.Reliability.Locks;

/// <summary>One write a client sent to the storage service during a critical section, and what the storage did with it.</summary>
/// <param name="ClientIndex">The writer, 0-based.</param>
/// <param name="Token">The lock grant the writer held (the lock service's counter; the storage checks it only under fencing).</param>
/// <param name="SentAtMs">When the client sent the write.</param>
/// <param name="AppliedAtMs">When the storage received it and decided.</param>
/// <param name="Accepted">Whether the storage accepted it.</param>
/// <param name="WriterHeldLease">Whether, at <paramref name="AppliedAtMs"/>, the lock service still held the writer's lease.</param>
public sealed record StorageWrite(int ClientIndex, long Token, double SentAtMs, double AppliedAtMs, bool Accepted, bool WriterHeldLease);
