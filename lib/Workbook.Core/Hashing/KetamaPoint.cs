namespace Workbook.Core.Hashing;

/// <summary>One point of a <see cref="KetamaRing"/>: its 32-bit position and the server that owns it.</summary>
/// <param name="Position">The point's position on the circle [0, 2³²).</param>
/// <param name="Server">The name of the server that owns the point.</param>
public readonly record struct KetamaPoint(uint Position, string Server);
