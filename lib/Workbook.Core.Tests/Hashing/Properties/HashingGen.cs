using CsCheck;

namespace Workbook.Core.Tests.Hashing.Properties;

/// <summary>Generators shared by the hashing property tests.</summary>
internal static class HashingGen
{
    /// <summary>
    /// The fixed CsCheck seed of every hashing property (a PCG state, as CsCheck prints it): runs repeat exactly.
    /// To explore new cases, run once with another seed; a failure prints the seed that reproduces it.
    /// </summary>
    public const string Seed = "0000000000Rk";

    /// <summary>
    /// Node names of 1 to 12 characters from letters, digits and ".:-". Arbitrary strings would include lone
    /// surrogates, which UTF-8 encodes as U+FFFD, so two different names could hash to the same points.
    /// </summary>
    public static readonly Gen<string> NodeName =
        Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789.:-"].Array[1, 12].Select(chars => new string(chars));

    /// <summary>Any keys, 1 to 60 of them (any strings, the empty one included).</summary>
    public static readonly Gen<string[]> Keys = Gen.String.Array[1, 60];

    /// <summary>Between <paramref name="min"/> and <paramref name="max"/> distinct node names, and one more name not among them.</summary>
    public static Gen<(string[] Names, string Extra)> NamesAndExtra(int min, int max) =>
        from names in NodeName.ArrayUnique[min, max]
        from extra in NodeName.Where(x => !names.Contains(x))
        select (names, extra);
}
