using Workbook.Core.Hashing;
using Workbook.Core.Hashing.Chord;

namespace Workbook.Core.Tests.Hashing.Chord;

public sealed class ChordSpaceTests
{
    [Fact]
    public void Intervals_WrapAroundZero_AndAnEmptyArcMeansTheWholeCircle()
    {
        var space = new ChordSpace(3);   // identifiers 0 … 7
        Assert.True(space.InOpenClosed(0, 6, 1));    // 0 in (6, 1]
        Assert.True(space.InOpenClosed(1, 6, 1));
        Assert.False(space.InOpenClosed(6, 6, 1));
        Assert.False(space.InOpenClosed(2, 6, 1));
        Assert.True(space.InOpenClosed(6, 6, 6));    // (a, a] is the whole circle
        Assert.True(space.InOpen(4, 3, 3));          // (a, a) is everything but a
        Assert.False(space.InOpen(3, 3, 3));
        Assert.False(space.InOpen(1, 6, 1));
        Assert.Equal(1UL, space.FingerStart(5, 3));  // 5 + 4 = 9 ≡ 1 (mod 8)
        Assert.Equal(6UL, space.Distance(3, 1));     // 3 → 1 clockwise: 4, 5, 6, 7, 0, 1
        Assert.Equal(8UL, space.Size);
    }

    [Fact]
    public void IdFor_IsTheTopMBitsOfXxHash64_AndRandomIdsAreDistinctAndSeeded()
    {
        var space = new ChordSpace(20);
        Assert.Equal(SeededHashes.XxHash64("node-a"u8, 7) >> 44, space.IdFor("node-a", seed: 7));
        var ids = space.RandomIds(1000, seed: 3);
        Assert.Equal(1000, ids.Distinct().Count());
        Assert.All(ids, id => Assert.True(id < (1UL << 20)));
        Assert.Equal(ids, space.RandomIds(1000, seed: 3));
        Assert.NotEqual(ids, space.RandomIds(1000, seed: 4));
        Assert.Equal(8, new ChordSpace(3).RandomIds(8, seed: 1).Distinct().Count());   // a full circle
    }
}
