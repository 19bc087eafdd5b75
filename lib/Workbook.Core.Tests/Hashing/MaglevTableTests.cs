using System.Text;
using Workbook.Core.Hashing;

namespace Workbook.Core.Tests.Hashing;

public sealed class MaglevTableTests
{
    // A hash that returns chosen values, so offset = h(seed 0) mod 7 and skip = h(seed 1) mod 6 + 1.
    private static SeededHash64 ChosenHash(Dictionary<string, (ulong Offset, ulong Skip)> values) =>
        (data, seed) =>
        {
            var chosen = values[Encoding.UTF8.GetString(data)];
            return seed == 0 ? chosen.Offset : chosen.Skip;
        };

    // Three backends, M = 7. Permutations (offset, skip): B0 (3, 4) → 3 0 4 1 5 2 6; B1 (0, 2) → 0 2 4 6 1 3 5;
    // B2 (3, 1) → 3 4 5 6 0 1 2. Hash values: skip = h mod 6 + 1, so h = 3, 1, 0.
    private static readonly Dictionary<string, (ulong, ulong)> PaperExample = new()
    {
        ["B0"] = (3, 3),
        ["B1"] = (0, 1),
        ["B2"] = (3, 0),
    };

    private static MaglevBackend[] Backends(params string[] names) => [.. names.Select(n => new MaglevBackend(n))];

    [Fact]
    public void Section3_4_Population_ByHand()
    {
        // Round 1: B0 takes 3, B1 takes 0, B2 finds 3 taken and takes 4. Round 2: B0 finds 0 and 4 taken, takes 1;
        // B1 takes 2; B2 takes 5. Round 3: B0 finds 5 and 2 taken, takes 6. Table: B1 B0 B1 B0 B2 B2 B0.
        var table = new MaglevTable(Backends("B0", "B1", "B2"), ChosenHash(PaperExample), 7);
        Assert.Equal([1, 0, 1, 0, 2, 2, 0], Enumerable.Range(0, 7).Select(table.BackendIndexAtSlot));
        Assert.Equal([3, 2, 2], table.EntriesPerBackend);
    }

    [Fact]
    public void Section3_4_RemovingB1_ByHand()
    {
        // Without B1: B0 takes 3, B2 takes 4; B0 takes 0, B2 takes 5; B0 finds 4 taken, takes 1; B2 takes 6;
        // B0 finds 5 taken, takes 2. Table B0 B0 B0 B0 B2 B2 B2: slots 0 and 2 (B1's) and slot 6 (B0 → B2) change.
        var before = new MaglevTable(Backends("B0", "B1", "B2"), ChosenHash(PaperExample), 7);
        var after = new MaglevTable(Backends("B0", "B2"), ChosenHash(PaperExample), 7);
        Assert.Equal([0, 0, 0, 0, 1, 1, 1], Enumerable.Range(0, 7).Select(after.BackendIndexAtSlot));

        var disruption = before.DisruptionOfRemoving(1);
        Assert.Equal("B1", disruption.RemovedBackend);
        Assert.Equal(2, disruption.EntriesOfRemoved);
        Assert.Equal(3, disruption.EntriesChanged);
        Assert.Equal(1, disruption.ExtraEntriesChanged);
        Assert.Equal(3.0 / 7, disruption.FractionChanged, 15);
    }

    [Theory]
    [InlineData(3, 7)]
    [InlineData(10, 251)]
    [InlineData(100, 65537)]
    public void EqualWeights_EveryBackendGetsFloorOrCeilingOfMOverN(int n, int m)
    {
        // Each turn claims exactly one slot and every backend takes a turn per round, so counts differ by at most one.
        var table = new MaglevTable(Backends([.. Enumerable.Range(0, n).Select(i => $"backend-{i}")]), SeededHashes.XxHash64, m);
        Assert.Equal(m, table.EntriesPerBackend.Sum());
        Assert.All(table.EntriesPerBackend, c => Assert.InRange(c, m / n, (m + n - 1) / n));
    }

    [Fact]
    public void Weights_GiveEntriesProportionalToWeight()
    {
        // A backend of weight w picks in about M·w/Σw of the turns; the rounding error is at most one turn per backend.
        double[] weights = [1, 2, 3, 10];
        var backends = weights.Select((w, i) => new MaglevBackend($"b{i}", w)).ToArray();
        var table = new MaglevTable(backends, SeededHashes.XxHash64, 65537);
        for (int i = 0; i < weights.Length; i++)
        {
            double expected = 65537 * weights[i] / weights.Sum();
            Assert.InRange(table.EntriesPerBackend[i], expected - 2, expected + 2);
        }
    }

    [Fact]
    public void Lopsided_EachLightBackendOnce_HeavyFillsTheRest()
    {
        // As Envoy's LocalityWeightedLopsided test: 1023 backends with weight 1/131844 each pick only in round 1;
        // the heavy one (weight 127·1023) picks every round. This holds for any hash.
        var backends = new List<MaglevBackend> { new("heavy", 127 * 1023) };
        backends.AddRange(Enumerable.Range(1, 1023).Select(i => new MaglevBackend($"light-{i}")));
        var table = new MaglevTable(backends, SeededHashes.XxHash64);
        Assert.Equal(MaglevTable.DefaultTableSize - 1023, table.EntriesPerBackend[0]);
        Assert.All(table.EntriesPerBackend.Skip(1), c => Assert.Equal(1, c));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(20)]
    public void RemovingOneBackend_ChangesAboutOneNthOfTheTable(int n)
    {
        // The minimum is the removed backend's share (1/n); Maglev adds a little more (paper, section 5.3, Figure 10).
        var table = new MaglevTable(Backends([.. Enumerable.Range(0, n).Select(i => $"10.0.0.{i}:80")]), SeededHashes.XxHash64, 65537);
        for (int removed = 0; removed < n; removed++)
        {
            var d = table.DisruptionOfRemoving(removed);
            Assert.InRange(d.EntriesOfRemoved, 65537 / n, 65537 / n + 1);
            Assert.True(d.EntriesChanged >= d.EntriesOfRemoved);
            Assert.InRange(d.FractionChanged, 1.0 / n, 1.5 / n);
        }
    }

    [Fact]
    public void Lookup_UsesHashModuloM_AndEnvoyRetryMix()
    {
        var table = new MaglevTable(Backends("B0", "B1", "B2"), ChosenHash(PaperExample), 7);
        Assert.Equal(table.BackendIndexAtSlot(3), table.BackendIndexFor(10));   // 10 mod 7 = 3
        // attempt 1: 10 XOR (2^64 − 1) = 2^64 − 11, and (2^64 − 11) mod 7 = (2 − 11) mod 7 = 5 (2^64 ≡ 2 mod 7).
        Assert.Equal(table.BackendIndexAtSlot(5), table.BackendIndexFor(10, 1));
    }

    [Fact]
    public void BadInput_IsRejectedNamingTheParameter()
    {
        var six = Backends("a", "b", "c", "d", "e", "f");
        BadInput.Rejects(() => _ = new MaglevTable(six, SeededHashes.XxHash64, 8), "tableSize", "a prime >= the number of backends (6)");
        BadInput.Rejects(() => _ = new MaglevTable(six, SeededHashes.XxHash64, 5), "tableSize", "a prime >= the number of backends (6)");
        BadInput.Rejects(() => _ = new MaglevTable(six, SeededHashes.XxHash64, 1), "tableSize", "a prime");
        BadInput.RejectsArgument(() => _ = new MaglevTable([], SeededHashes.XxHash64, 7), "backends", "at least one backend");
        BadInput.RejectsArgument(() => _ = new MaglevTable(Backends("a", "a"), SeededHashes.XxHash64, 7), "backends", "distinct names");
        BadInput.Rejects(() => _ = new MaglevBackend("a", 0), "weight", "a finite number > 0");
        BadInput.Rejects(() => _ = new MaglevBackend("a", -1), "weight", "a finite number > 0");
        BadInput.Rejects(() => _ = new MaglevBackend("a", double.NaN), "weight", "a finite number > 0");
        BadInput.RejectsArgument(() => _ = new MaglevBackend(" ", 1), "name", "must contain text");
        var table = new MaglevTable(six, SeededHashes.XxHash64, 7);
        BadInput.Rejects(() => table.DisruptionOfRemoving(6), "backendIndex", "an integer in [0, 5]");
        BadInput.Rejects(() => table.BackendIndexAtSlot(7), "slot", "an integer in [0, 6]");
        BadInput.Rejects(() => new MaglevTable(Backends("a"), SeededHashes.XxHash64, 7).DisruptionOfRemoving(0), "backendIndex", "at least two backends");
    }

    [Theory]
    [InlineData(2, true)]
    [InlineData(7, true)]
    [InlineData(65537, true)]
    [InlineData(2147483647, true)]
    [InlineData(1, false)]
    [InlineData(9, false)]
    [InlineData(65535, false)]
    [InlineData(2147483646, false)]
    public void IsPrime_KnownValues(int n, bool prime) => Assert.Equal(prime, MaglevTable.IsPrime(n));
}
