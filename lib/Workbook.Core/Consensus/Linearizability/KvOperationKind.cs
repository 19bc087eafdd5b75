namespace Workbook.Core.Consensus.Linearizability;

/// <summary>The three operations of the key-value store whose histories are checked.</summary>
public enum KvOperationKind
{
    /// <summary>Reads a key: answers its value, or no value when the key was never written.</summary>
    Get,

    /// <summary>Sets a key to a value; answers nothing.</summary>
    Put,

    /// <summary>Appends a value to a key's value (a missing key counts as the empty string); answers nothing.</summary>
    Append,
}
