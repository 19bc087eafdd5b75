using Workbook.Core.Simulation;

namespace Workbook.Core.Tests.Simulation;

public class Xoshiro256StarStarTests
{
    [Fact]
    public void FromState1234_ProducesTheReferenceOutputs()
    {
        // Outputs of the reference C implementation of xoshiro256** (Blackman and Vigna) from the state
        // {1, 2, 3, 4}. The first one by hand: rotl(2 × 5, 7) × 9 = 1280 × 9 = 11520.
        var random = Xoshiro256StarStar.FromState(1, 2, 3, 4);
        ulong[] expected = [11520, 0, 1509978240, 1215971899390074240, 1216172134540287360, 607988272756665600];

        foreach (var value in expected)
        {
            Assert.Equal(value, random.NextUInt64());
        }
    }

    [Fact]
    public void SplitMix64_FromZero_ProducesTheReferenceOutputs()
    {
        ulong state = 0;

        Assert.Equal(0xE220A8397B1DCDAFUL, Xoshiro256StarStar.SplitMix64(ref state));
        Assert.Equal(0x6E789E6AA1B965F4UL, Xoshiro256StarStar.SplitMix64(ref state));
        Assert.Equal(0x06C45D188009454FUL, Xoshiro256StarStar.SplitMix64(ref state));
    }

    [Fact]
    public void Seed42_MatchesTheReferenceSeededThroughSplitMix64()
    {
        // The C reference seeded with four SplitMix64 outputs from state 42.
        var random = new Xoshiro256StarStar(42);

        Assert.Equal(1546998764402558742UL, random.NextUInt64());
        Assert.Equal(6990951692964543102UL, random.NextUInt64());
        Assert.Equal(12544586762248559009UL, random.NextUInt64());
    }

    [Fact]
    public void NextDouble_EndPoints_AreStrictlyInsideTheUnitInterval()
    {
        var smallest = Xoshiro256StarStar.ToOpenUnitInterval(0);
        var largest = Xoshiro256StarStar.ToOpenUnitInterval(ulong.MaxValue);

        Assert.Equal(Math.Pow(2, -53), smallest);
        Assert.Equal(1 - Math.Pow(2, -53), largest);
        Assert.True(largest < 1.0);
        Assert.Equal(1.0, smallest + largest); // symmetric about ½
        Assert.True(double.IsFinite(Math.Log(smallest)) && double.IsFinite(Math.Log(1 - largest)));
    }

    [Fact]
    public void SameSeed_SameSequence_DifferentSeeds_DifferentSequences()
    {
        var a = new Xoshiro256StarStar(7);
        var b = new Xoshiro256StarStar(7);
        var c = new Xoshiro256StarStar(8);
        var negative = new Xoshiro256StarStar(-7);

        for (var i = 0; i < 1000; i++)
        {
            var value = a.NextUInt64();
            Assert.Equal(value, b.NextUInt64());
            Assert.NotEqual(value, c.NextUInt64());
            Assert.NotEqual(value, negative.NextUInt64());
        }
    }

    [Fact]
    public void CopyOfTheStruct_ReplaysTheSameNumbers()
    {
        // Why every sampler takes the generator by ref: a copy continues the same sequence.
        var original = new Xoshiro256StarStar(3);
        var copy = original;

        Assert.Equal(original.NextDouble(), copy.NextDouble());
    }

    [Fact]
    public void NextDouble_IsUniform()
    {
        // Mean ½ and variance 1/12; with 10⁶ draws the standard errors are 2.9·10⁻⁴ and 7.5·10⁻⁵. Ten
        // equal bins each expect 10⁵ draws (standard deviation 300); allow 5 standard deviations.
        const int n = 1_000_000;
        var random = new Xoshiro256StarStar(11);
        var bins = new int[10];
        double sum = 0, squares = 0;
        for (var i = 0; i < n; i++)
        {
            var u = random.NextDouble();
            Assert.InRange(u, double.Epsilon, 1 - 1e-17);
            sum += u;
            squares += u * u;
            bins[(int)(u * 10)]++;
        }

        var mean = sum / n;
        Assert.InRange(mean, 0.5 - 0.0015, 0.5 + 0.0015);
        Assert.InRange(squares / n - mean * mean, 1 / 12.0 - 0.0004, 1 / 12.0 + 0.0004);
        Assert.All(bins, count => Assert.InRange(count, 100_000 - 1500, 100_000 + 1500));
    }
}
