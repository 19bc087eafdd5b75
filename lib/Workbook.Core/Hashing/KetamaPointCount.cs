namespace Workbook.Core.Hashing;

/// <summary>How many points each server gets on a <see cref="KetamaRing"/>.</summary>
public enum KetamaPointCount
{
    /// <summary>160 points (40 MD5 digests) per server, whatever its weight: spymemcached's <c>KetamaNodeLocator</c>.</summary>
    Unweighted,

    /// <summary>
    /// libketama: floor(w/W · 40 · n) digests (four points each) for a server of weight w, total weight W
    /// and n servers, computed in single precision as libketama does.
    /// </summary>
    LibketamaWeighted,
}
