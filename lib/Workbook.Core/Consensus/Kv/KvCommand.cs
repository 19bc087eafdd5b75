using System.Globalization;
using Workbook.Core.Consensus.Linearizability;

namespace Workbook.Core.Consensus.Kv;

/// <summary>A client's key-value request as it travels in the Raft log: the client's session (id, sequence number) and the operation.</summary>
/// <remarks>
/// Encoded as one line of text, fields separated by single spaces: <c>client seq op key [value]</c>,
/// with <c>op</c> one of <c>get</c>, <c>put</c>, <c>append</c>, and key and value percent-encoded
/// (RFC 3986, <see cref="Uri.EscapeDataString(string)"/>) so neither holds a space. Examples:
/// <c>2 5 get x</c>, <c>2 6 put x 1</c>, <c>3 1 append my%20key a%2Cb</c>, <c>1 2 put x </c> (empty value).
/// The sequence number starts at 1 and grows by one per operation of the client; a retry reuses it.
/// </remarks>
/// <param name="ClientId">The client's id; an integer &gt;= 0.</param>
/// <param name="Sequence">The client's sequence number for this operation; an integer &gt;= 1.</param>
/// <param name="Input">The operation.</param>
public sealed record KvCommand(int ClientId, long Sequence, KvInput Input)
{
    /// <summary>The command as it is written in the log.</summary>
    public string Encode()
    {
        var head = string.Create(CultureInfo.InvariantCulture, $"{ClientId} {Sequence} ");
        var key = Uri.EscapeDataString(Input.Key);
        return Input.Kind switch
        {
            KvOperationKind.Get => $"{head}get {key}",
            KvOperationKind.Put => $"{head}put {key} {Uri.EscapeDataString(Input.Value)}",
            _ => $"{head}append {key} {Uri.EscapeDataString(Input.Value)}",
        };
    }

    /// <summary>Reads a command written by <see cref="Encode"/>.</summary>
    /// <param name="command">The text of a log entry.</param>
    /// <exception cref="ArgumentException">The text is not in the format above.</exception>
    public static KvCommand Parse(string command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var fields = command.Split(' ');
        if (fields.Length is < 4 or > 5
            || !int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var client)
            || !long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            || sequence < 1)
        {
            throw Malformed(command);
        }

        var key = Uri.UnescapeDataString(fields[3]);
        if (string.IsNullOrWhiteSpace(key))
        {
            throw Malformed(command);
        }

        KvInput input = (fields[2], fields.Length) switch
        {
            ("get", 4) => KvInput.Get(key),
            ("put", 5) => KvInput.Put(key, Uri.UnescapeDataString(fields[4])),
            ("append", 5) => KvInput.Append(key, Uri.UnescapeDataString(fields[4])),
            _ => throw Malformed(command),
        };
        return new KvCommand(client, sequence, input);
    }

    /// <summary>The encoded form.</summary>
    public override string ToString() => Encode();

    private static ArgumentException Malformed(string command) => new(
        $"{nameof(command)} must read \"client seq get key\" or \"client seq put|append key value\" (client >= 0, seq >= 1, key and value percent-encoded); got \"{command}\".",
        nameof(command));
}
