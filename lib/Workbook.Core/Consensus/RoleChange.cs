using System.Globalization;

namespace Workbook.Core.Consensus;

/// <summary>A node moved from one role to another, or stayed a follower into a new term.</summary>
/// <param name="From">The role before.</param>
/// <param name="To">The role after.</param>
/// <param name="Term">The node's term after the change.</param>
public sealed record RoleChange(RaftRole From, RaftRole To, long Term)
{
    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{From}->{To} t{Term}");
}
