using CsCheck;
using Workbook.Core.Hashing;

namespace Workbook.Core.Tests.Hashing.Properties;

// Karger et al. (1997) monotonicity, for the ketama ring: a new server only takes keys; a removed server only gives its own.
public sealed class KetamaRingProperties
{
    private static KetamaRing Ring(IEnumerable<string> names) => new(names.Select(n => new KetamaServer(n)));

    [Fact]
    public void AddingAServer_MovesKeysOnlyToIt()
    {
        Gen.Select(HashingGen.NamesAndExtra(1, 12), HashingGen.Keys).Sample((nodes, keys) =>
        {
            KetamaRing before = Ring(nodes.Names), after = Ring([.. nodes.Names, nodes.Extra]);
            return keys.All(k => after.Locate(k) == before.Locate(k) || after.Locate(k) == nodes.Extra);
        }, iter: 60, seed: HashingGen.Seed);
    }

    [Fact]
    public void RemovingAServer_MovesOnlyItsKeys()
    {
        var gen = from names in HashingGen.NodeName.ArrayUnique[2, 12]
                  from removed in Gen.Int[0, names.Length - 1]
                  from keys in HashingGen.Keys
                  select (names, removed, keys);
        gen.Sample((names, removed, keys) =>
        {
            KetamaRing before = Ring(names), after = Ring(names.Where((_, i) => i != removed));
            return keys.All(k => before.Locate(k) == names[removed] || after.Locate(k) == before.Locate(k));
        }, iter: 60, seed: HashingGen.Seed);
    }
}
