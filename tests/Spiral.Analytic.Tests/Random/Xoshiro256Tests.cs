using Spiral.Analytic.Random;

namespace Spiral.Analytic.Tests.Random;

public class Xoshiro256Tests
{
    [Fact]
    public void NextULong_SameSeed_SameSequence()
    {
        var a = new Xoshiro256(42);
        var b = new Xoshiro256(42);
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(a.NextULong(), b.NextULong());
        }
    }

    [Fact]
    public void ForStream_DifferentCoordinates_DifferentSequences()
    {
        var a = Xoshiro256.ForStream(1, 0, 0);
        var b = Xoshiro256.ForStream(1, 0, 1);
        var c = Xoshiro256.ForStream(1, 1, 0);
        var first = a.NextULong();
        Assert.NotEqual(first, b.NextULong());
        Assert.NotEqual(first, c.NextULong());
    }

    [Fact]
    public void NextDouble_ManyDraws_MeanNearOneHalfAndInRange()
    {
        var rng = new Xoshiro256(7);
        var sum = 0.0;
        for (var i = 0; i < 100_000; i++)
        {
            var u = rng.NextDouble();
            Assert.InRange(u, 0, 1 - 1e-17);
            sum += u;
        }
        Assert.Equal(0.5, sum / 100_000, 2);
    }

    [Fact]
    public void NextInt_SmallRange_CoversAllValues()
    {
        var rng = new Xoshiro256(3);
        var seen = new bool[5];
        for (var i = 0; i < 1000; i++)
        {
            seen[rng.NextInt(5)] = true;
        }
        Assert.All(seen, Assert.True);
    }
}
