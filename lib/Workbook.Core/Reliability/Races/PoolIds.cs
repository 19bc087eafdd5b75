using System.Globalization;

namespace Workbook.Core.Reliability.Races;

/// <summary>The release check shared by the fixed pools (call it under the pool's lock).</summary>
internal static class PoolIds
{
    public static void MarkReleased(bool[] checkedOut, int connectionId)
    {
        if (connectionId < 0 || connectionId >= checkedOut.Length)
        {
            throw Guard.OutOfRange(
                nameof(connectionId),
                $"a connection id in [0, {(checkedOut.Length - 1).ToString(CultureInfo.InvariantCulture)}]",
                connectionId.ToString(CultureInfo.InvariantCulture));
        }

        if (!checkedOut[connectionId])
        {
            throw new InvalidOperationException(
                $"connection {connectionId.ToString(CultureInfo.InvariantCulture)} is not checked out: released twice, or never checked out.");
        }

        checkedOut[connectionId] = false;
    }
}
