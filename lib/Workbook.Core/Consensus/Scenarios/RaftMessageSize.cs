using System.Text;

namespace Workbook.Core.Consensus.Scenarios;

/// <summary>A model of a message's size on the wire, for byte bounds: a fixed header plus, per entry, index, term and the command's UTF-8 bytes (a snapshot's data bytes).</summary>
/// <remarks>Illustrative, not measured: 32 bytes of header (ids, term, two indexes or flags), 16 bytes per entry plus its command, an InstallSnapshot's data as UTF-8.</remarks>
public static class RaftMessageSize
{
    /// <summary>The modelled size in bytes.</summary>
    /// <param name="message">The message.</param>
    public static long Bytes(RaftMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        long size = 32;
        if (message is AppendEntries append)
        {
            foreach (var entry in append.Entries)
            {
                size += 16 + Encoding.UTF8.GetByteCount(entry.Command);
            }
        }
        else if (message is InstallSnapshot install)
        {
            size += Encoding.UTF8.GetByteCount(install.Data);
        }

        return size;
    }
}
