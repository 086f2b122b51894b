using Spiral.Numerics.Random;

namespace Spiral.Numerics.Tests.Random;

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
    public void NextGaussian_MillionDraws_SameSequenceAsPinned()
    {
        // Pinned from main before issue 18's world-190 stop, when the ziggurat's rare path still ran on the stream itself
        // (it now runs on a copy): a hash of every draw's bits, the draws beyond the ziggurat's base R, and the next raw draw.
        var r = new RandomStream(20240601);
        var hash = 14695981039346656037UL;
        var beyondBase = 0;
        for (var k = 0; k < 1_000_000; k++)
        {
            var g = r.NextGaussian();
            if (Math.Abs(g) > 3.442619855899)
            {
                beyondBase++;
            }
            hash ^= (ulong)BitConverter.DoubleToInt64Bits(g);
            hash *= 1099511628211UL;
        }
        Assert.Equal(7580606817835161869UL, hash);
        Assert.Equal(551, beyondBase);
        Assert.Equal(14375544298859646428UL, r.NextUInt64());
    }

    [Fact]
    public void NextGaussianPairs_Rows_SameDrawsAsNextGaussianOneAtATime()
    {
        // 3,000 rows of 190 (about 1.1 million draws, so about 13,000 take the ziggurat's rare path and some its tail
        // beyond R), each skipping one index as phase 2 skips the diagonal; a skip of -1 skips none.
        var rows = new RandomStream(20240601);
        var single = new RandomStream(20240601);
        var first = new double[190];
        var second = new double[190];
        var beyondBase = 0;
        for (var row = 0; row < 3000; row++)
        {
            var skip = row % 191 - 1;
            first.AsSpan().Fill(double.NaN);
            second.AsSpan().Fill(double.NaN);
            rows.NextGaussianPairs(first, second, skip);
            for (var j = 0; j < first.Length; j++)
            {
                if (j == skip)
                {
                    Assert.True(double.IsNaN(first[j]) && double.IsNaN(second[j]));
                    continue;
                }
                Assert.Equal(BitConverter.DoubleToInt64Bits(single.NextGaussian()), BitConverter.DoubleToInt64Bits(first[j]));
                Assert.Equal(BitConverter.DoubleToInt64Bits(single.NextGaussian()), BitConverter.DoubleToInt64Bits(second[j]));
                beyondBase += (Math.Abs(first[j]) > 3.442619855899 ? 1 : 0) + (Math.Abs(second[j]) > 3.442619855899 ? 1 : 0);
            }
        }
        Assert.InRange(beyondBase, 300, 1000);
        Assert.Equal(single.NextUInt64(), rows.NextUInt64());
    }

    [Fact]
    public void NextGaussianPairs_DifferentLengths_Throws()
    {
        var r = new RandomStream(1);
        Assert.Throws<ArgumentOutOfRangeException>(() => r.NextGaussianPairs(new double[3], new double[4], -1));
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

    [Theory]
    [InlineData(1UL, 0UL, 0UL, 14174179037456715546UL, 14548485771006776398UL)]
    [InlineData(7UL, 3UL, 0UL, 5296282009048659985UL, 12118488108563911904UL)]
    [InlineData(20240601UL, 5UL, 9UL, 15604683080476864524UL, 4914403734904949293UL)]
    public void ForCoordinates_IsStable_PinnedValues(ulong seed, ulong a, ulong b, ulong first, ulong second)
    {
        // Pinned from the analytic lab's former generator (Xoshiro256.ForStream): the tournament and Moran results depend on it.
        var r = RandomStream.ForCoordinates(seed, a, b);
        Assert.Equal(first, r.NextUInt64());
        Assert.Equal(second, r.NextUInt64());
    }

    [Fact]
    public void ForCoordinates_DifferentCoordinates_DifferentSequences()
    {
        var first = RandomStream.ForCoordinates(1, 0, 0).NextUInt64();
        Assert.NotEqual(first, RandomStream.ForCoordinates(1, 0, 1).NextUInt64());
        Assert.NotEqual(first, RandomStream.ForCoordinates(1, 1, 0).NextUInt64());
        Assert.NotEqual(first, RandomStream.ForCoordinates(2, 0, 0).NextUInt64());
    }

    [Fact]
    public void ForCoordinates_OmittedSecondCoordinate_IsZero()
    {
        var a = RandomStream.ForCoordinates(5, 4);
        var b = RandomStream.ForCoordinates(5, 4, 0);
        Assert.Equal(a.NextUInt64(), b.NextUInt64());
    }

    [Fact]
    public void NextInt_SmallRange_CoversAllValues()
    {
        var r = new RandomStream(3);
        var seen = new bool[5];
        for (var i = 0; i < 1000; i++)
        {
            seen[r.NextInt(5)] = true;
        }
        Assert.All(seen, Assert.True);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void NextInt_NonPositiveBound_Throws(int n)
    {
        var r = new RandomStream(1);
        Assert.Throws<ArgumentOutOfRangeException>(() => r.NextInt(n));
    }

    [Fact]
    public void NextBool_ManyDraws_FrequencyNearProbability()
    {
        var r = new RandomStream(23);
        var hits = 0;
        for (var k = 0; k < 100000; k++)
        {
            hits += r.NextBool(0.3) ? 1 : 0;
        }
        Assert.InRange(hits / 100000.0, 0.295, 0.305);
        Assert.False(new RandomStream(1).NextBool(0));
        Assert.True(new RandomStream(1).NextBool(1));
    }
}
