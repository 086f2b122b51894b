using Spiral.Core.Randomness;

namespace Spiral.Core.Tests.Randomness;

public class RandomStreamTests
{
    // ---- independent reference implementations (Vigna's splitmix64.c and xoshiro256starstar.c) ----
    private static ulong SplitMix(ref ulong x)
    {
        var z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong Rotl(ulong x, int k) => (x << k) | (x >> (64 - k));

    [Fact]
    public void ReferenceSplitMix_SeedZero_GivesPublishedFirstOutput()
    {
        ulong x = 0;
        Assert.Equal(0xE220A8397B1DCDAFUL, SplitMix(ref x));
    }

    [Theory]
    [InlineData(0UL)]
    [InlineData(1UL)]
    [InlineData(0xDEADBEEFUL)]
    public void NextUInt64_MatchesReferenceXoshiro256StarStar(ulong seed)
    {
        var sm = seed;
        ulong s0 = SplitMix(ref sm), s1 = SplitMix(ref sm), s2 = SplitMix(ref sm), s3 = SplitMix(ref sm);
        var r = new RandomStream(seed);
        for (var k = 0; k < 1000; k++)
        {
            var expected = Rotl(s1 * 5, 7) * 9;
            var t = s1 << 17;
            s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = Rotl(s3, 45);
            Assert.Equal(expected, r.NextUInt64());
        }
    }

    [Fact]
    public void DeriveSeed_IsStable_PinnedValues()
    {
        Assert.Equal(PinnedObserve, RandomStream.DeriveSeed(1, 0, "observe"));
        Assert.Equal(PinnedTypes7, RandomStream.DeriveSeed(42, 7, "types"));
        Assert.Equal(PinnedRun, RandomStream.RunSeed(1, 0));
        var r = RandomStream.Derive(1, 0, "observe");
        Assert.Equal(PinnedFirstDouble, r.NextDouble());
    }

    // Pinned from the implementation at the time of writing: a change here changes every recorded result.
    private const ulong PinnedObserve = 4359437395778789414UL;
    private const ulong PinnedTypes7 = 2076970078948108599UL;
    private const ulong PinnedRun = 945985945115343632UL;
    private const double PinnedFirstDouble = 0.23685440160965543;

    [Fact]
    public void Derive_StreamsDifferByNameRunIndexAndSeed()
    {
        var seeds = new HashSet<ulong>();
        foreach (var name in new[] { "types", "observe", "incidents", "crisis", "policy", "timeline", "run" })
        {
            for (long run = 0; run < 50; run++)
            {
                for (ulong master = 1; master <= 3; master++)
                {
                    Assert.True(seeds.Add(RandomStream.DeriveSeed(master, run, name)), $"collision at {name}/{run}/{master}");
                }
            }
        }
        var a = RandomStream.Derive(1, 0, "observe");
        var b = RandomStream.Derive(1, 1, "observe");
        var c = RandomStream.Derive(1, 0, "incidents");
        var x = a.NextUInt64();
        Assert.NotEqual(x, b.NextUInt64());
        Assert.NotEqual(x, c.NextUInt64());
    }

    [Fact]
    public void Derive_SameInputs_SameSequence()
    {
        var a = RandomStream.Derive(9, 3, "crisis");
        var b = RandomStream.Derive(9, 3, "crisis");
        for (var k = 0; k < 100; k++)
        {
            Assert.Equal(a.NextUInt64(), b.NextUInt64());
            Assert.Equal(a.NextGaussian(), b.NextGaussian());
        }
    }

    [Fact]
    public void NextDoubleAndNextInt_StayInRange()
    {
        var r = new RandomStream(5);
        for (var k = 0; k < 100000; k++)
        {
            var d = r.NextDouble();
            Assert.True(d >= 0 && d < 1);
            var i = r.NextInt(7);
            Assert.InRange(i, 0, 6);
        }
    }

    [Fact]
    public void NextGaussian_HasMeanZeroAndUnitSd()
    {
        var r = new RandomStream(17);
        const int n = 200000;
        double sum = 0, sum2 = 0;
        for (var k = 0; k < n; k++)
        {
            var g = r.NextGaussian();
            sum += g;
            sum2 += g * g;
        }
        var mean = sum / n;
        Assert.InRange(mean, -0.01, 0.01);
        Assert.InRange(Math.Sqrt(sum2 / n - mean * mean), 0.99, 1.01);
    }

    [Fact]
    public void DrawsSince_CountsEveryDrawMethodInSixtyFourBitDraws()
    {
        var r = new RandomStream(5);
        var start = r;
        Assert.Equal(0, r.DrawsSince(start, 10));
        r.NextDouble();
        r.NextInt(7);
        r.NextBool(0.5);
        Assert.Equal(3, r.DrawsSince(start, 10));
        r.NextUInt64();
        Assert.Equal(4, r.DrawsSince(start, 10));
        Assert.Equal(-1, r.DrawsSince(start, 3));
        Assert.Equal(-1, start.DrawsSince(r, 1000));
    }
}
