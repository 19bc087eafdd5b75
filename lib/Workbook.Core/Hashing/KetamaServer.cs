namespace Workbook.Core.Hashing;

/// <summary>A server on a <see cref="KetamaRing"/>: the exact name that is hashed, and its weight.</summary>
/// <remarks>
/// The name is hashed as given, so it must be spelled as the client spells it: libketama uses the
/// address from its servers file ("10.0.1.1:11211"); spymemcached uses the socket address without
/// its leading slash ("10.0.1.1:11211" for an IP literal, "host/10.0.1.1:11211" for a resolved name).
/// The weight is libketama's "memory" column; it only matters with <see cref="KetamaPointCount.LibketamaWeighted"/>.
/// </remarks>
public sealed record KetamaServer
{
    /// <summary>Creates and validates a server.</summary>
    /// <param name="name">The name hashed for the server's points; non-blank.</param>
    /// <param name="weight">The server's relative weight; an integer &gt; 0.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="weight"/> is zero or negative.</exception>
    public KetamaServer(string name, long weight = 1)
    {
        Name = Guard.NotBlank(name, nameof(name));
        Weight = weight > 0
            ? weight
            : throw Guard.OutOfRange(nameof(weight), "an integer > 0", weight.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The name hashed for the server's points ("host:port" in libketama).</summary>
    public string Name { get; }

    /// <summary>The server's relative weight.</summary>
    /// <value>The default is 1.</value>
    public long Weight { get; }
}
