namespace Workbook.Core.Hashing;

/// <summary>A Maglev backend: the name whose bytes are hashed and its weight.</summary>
/// <remarks>
/// For Envoy compatibility the name is what Envoy hashes: the address without the scheme
/// (<c>127.0.0.1:90</c>) or the hostname when <c>use_hostname_for_hashing</c> is set.
/// </remarks>
public sealed record MaglevBackend
{
    /// <summary>Creates a backend; the name must not be blank and the weight must be finite and &gt; 0.</summary>
    public MaglevBackend(string name, double weight = 1)
    {
        Name = Guard.NotBlank(name, nameof(name));
        Weight = Guard.PositiveFinite(weight, nameof(weight));
    }

    /// <summary>The name hashed for the backend's offset and skip.</summary>
    public string Name { get; }

    /// <summary>The backend's relative weight.</summary>
    /// <value>The default is 1 (unweighted Maglev).</value>
    public double Weight { get; }
}
