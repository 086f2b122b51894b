using System.Runtime.CompilerServices;

namespace Spiral.Numerics.Random;

/// <summary>
/// The one random generator of Spiral: xoshiro256** (Blackman &amp; Vigna 2018) seeded through SplitMix64 (Steele,
/// Lea &amp; Flood 2014). Every simulation run draws from its own streams, derived from (master seed, run index, stream
/// name) by <see cref="Derive"/>; every unit of analytic work (a tournament pairing, a Moran run) from
/// <see cref="ForCoordinates"/>. So results do not depend on thread count or the order in which work finishes.
/// A mutable struct: pass it by <c>ref</c>.
/// </summary>
public struct RandomStream
{
    /// <summary>SplitMix64's increment, 2⁶⁴/φ rounded to odd (Steele, Lea &amp; Flood 2014).</summary>
    private const ulong GoldenGamma = 0x9E3779B97F4A7C15UL;

    private ulong _s0, _s1, _s2, _s3;

    public RandomStream(ulong seed)
    {
        var sm = seed;
        _s0 = SplitMix64(ref sm);
        _s1 = SplitMix64(ref sm);
        _s2 = SplitMix64(ref sm);
        _s3 = SplitMix64(ref sm);
    }

    /// <summary>The stream for (master seed, run index, stream name): a hash of the three, then SplitMix64.</summary>
    public static RandomStream Derive(ulong masterSeed, long runIndex, string streamName) =>
        new(DeriveSeed(masterSeed, runIndex, streamName));

    public static ulong DeriveSeed(ulong masterSeed, long runIndex, string streamName)
    {
        var h = Mix(masterSeed ^ GoldenGamma);
        h = Mix(h ^ (ulong)runIndex);
        // FNV-1a over the name's UTF-16 units: stable across platforms and runtimes.
        var fnv = 14695981039346656037UL;
        foreach (var c in streamName)
        {
            fnv ^= c;
            fnv *= 1099511628211UL;
        }
        return Mix(h ^ fnv);
    }

    /// <summary>The seed of run <paramref name="runIndex"/> under <paramref name="masterSeed"/>, as recorded with results.</summary>
    public static ulong RunSeed(ulong masterSeed, long runIndex) => DeriveSeed(masterSeed, runIndex, "run");

    /// <summary>
    /// The stream of one unit of analytic work at integer coordinates (<paramref name="a"/>, <paramref name="b"/>) under
    /// <paramref name="seed"/>: the seed and each coordinate mixed in turn by the SplitMix64 finaliser.
    /// </summary>
    public static RandomStream ForCoordinates(ulong seed, ulong a, ulong b = 0)
    {
        var h = Mix(seed ^ Mix(a + GoldenGamma));
        h = Mix(h ^ Mix(b + 0xD1B54A32D192ED03UL));
        return new RandomStream(h);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64() => Next(ref _s0, ref _s1, ref _s2, ref _s3);

    /// <summary>One xoshiro256** step on the four state words (Blackman &amp; Vigna 2018): the output, and the state advanced.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Next(ref ulong s0, ref ulong s1, ref ulong s2, ref ulong s3)
    {
        var result = RotateLeft(s1 * 5, 7) * 9;
        var t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = RotateLeft(s3, 45);
        return result;
    }

    /// <summary>Uniform on [0, 1) with 53 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>True with probability <paramref name="probability"/> (a Bernoulli draw).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool NextBool(double probability) => NextDouble() < probability;

    /// <summary>Uniform integer on [0, n), n &gt; 0, by Lemire's multiply-shift on 31 random bits.</summary>
    public int NextInt(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        return (int)((NextUInt64() >> 33) * (ulong)n >> 31);
    }

    /// <summary>
    /// Standard normal by the ziggurat method with 128 layers (Marsaglia &amp; Tsang 2000): one 64-bit draw and a
    /// table lookup in 98.8% of calls, so the observation phase stays cheap. Deterministic, no allocation.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextGaussian()
    {
        var bits = NextUInt64();
        if (ZigguratBase(bits, out var hz, out var iz, out var x))
        {
            return x;
        }
        // The rare path runs on a copy: a call on `this` would take the caller's stream by address, so the JIT would keep
        // its state in memory for every draw (a store-forwarding delay per xoshiro step); the copy keeps it in registers.
        var copy = this;
        var tail = copy.GaussianTail(hz, iz);
        this = copy;
        return tail;
    }

    /// <summary>
    /// Standard normal draws in pairs, in the order <see cref="NextGaussian()"/> would give them one call at a time:
    /// <c>first[0], second[0], first[1], second[1], …</c>, skipping index <paramref name="skip"/> (its slots are left as
    /// they are; −1 skips none). The same draws, bit for bit, as those calls; the state stays in locals for the whole row
    /// (a row of a large world's observations, issue 18) and is written back once.
    /// </summary>
    public void NextGaussianPairs(Span<double> first, Span<double> second, int skip)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(second.Length, first.Length);
        var (s0, s1, s2, s3) = (_s0, _s1, _s2, _s3);
        for (var j = 0; j < first.Length; j++)
        {
            if (j == skip)
            {
                continue;
            }
            first[j] = NextGaussian(ref s0, ref s1, ref s2, ref s3);
            second[j] = NextGaussian(ref s0, ref s1, ref s2, ref s3);
        }
        (_s0, _s1, _s2, _s3) = (s0, s1, s2, s3);
    }

    /// <summary>
    /// <see cref="NextGaussian()"/> on a state held in the caller's locals: the rare path puts it in this stream, draws
    /// there and takes it back.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double NextGaussian(ref ulong s0, ref ulong s1, ref ulong s2, ref ulong s3)
    {
        if (ZigguratBase(Next(ref s0, ref s1, ref s2, ref s3), out var hz, out var iz, out var x))
        {
            return x;
        }
        (_s0, _s1, _s2, _s3) = (s0, s1, s2, s3);
        x = GaussianTail(hz, iz);
        (s0, s1, s2, s3) = (_s0, _s1, _s2, _s3);
        return x;
    }

    /// <summary>
    /// The ziggurat's common case for a 64-bit draw: its layer <paramref name="iz"/> and signed coordinate
    /// <paramref name="hz"/>, and true with the normal value <paramref name="x"/> when the point falls inside the layer's
    /// base rectangle (98.8% of draws); false sends it to <see cref="GaussianTail"/> (Marsaglia &amp; Tsang 2000).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool ZigguratBase(ulong bits, out int hz, out int iz, out double x)
    {
        hz = (int)(bits >> 32);
        iz = (int)(bits & 127);
        // |hz| without a branch: the sign is a fair coin, so a branch on it would be mispredicted every other draw.
        long wide = hz;
        var sign = wide >> 63;
        var absHz = (wide ^ sign) - sign;
        if (absHz < Ziggurat.K[iz])
        {
            x = hz * Ziggurat.W[iz];
            return true;
        }
        x = 0;
        return false;
    }

    private double GaussianTail(int hz, int iz)
    {
        while (true)
        {
            var x = hz * Ziggurat.W[iz];
            if (iz == 0)
            {
                double tailX, y;
                do
                {
                    tailX = -Math.Log(1.0 - NextDouble()) / Ziggurat.R;
                    y = -Math.Log(1.0 - NextDouble());
                }
                while (y + y < tailX * tailX);
                return hz > 0 ? Ziggurat.R + tailX : -Ziggurat.R - tailX;
            }
            if (Ziggurat.F[iz] + NextDouble() * (Ziggurat.F[iz - 1] - Ziggurat.F[iz]) < Math.Exp(-0.5 * x * x))
            {
                return x;
            }
            if (ZigguratBase(NextUInt64(), out hz, out iz, out var inBase))
            {
                return inBase;
            }
        }
    }

    /// <summary>Tables of the 128-layer ziggurat for the normal density (Marsaglia &amp; Tsang 2000).</summary>
    private static class Ziggurat
    {
        public const double R = 3.442619855899;
        public static readonly long[] K = new long[128];
        public static readonly double[] W = new double[128];
        public static readonly double[] F = new double[128];

        static Ziggurat()
        {
            const double m1 = 2147483648.0;
            const double vn = 9.91256303526217e-3;
            var dn = R;
            var tn = dn;
            var q = vn / Math.Exp(-0.5 * dn * dn);
            K[0] = (long)(dn / q * m1);
            K[1] = 0;
            W[0] = q / m1;
            W[127] = dn / m1;
            F[0] = 1.0;
            F[127] = Math.Exp(-0.5 * dn * dn);
            for (var i = 126; i >= 1; i--)
            {
                dn = Math.Sqrt(-2.0 * Math.Log(vn / dn + Math.Exp(-0.5 * dn * dn)));
                K[i + 1] = (long)(dn / tn * m1);
                tn = dn;
                F[i] = Math.Exp(-0.5 * dn * dn);
                W[i] = dn / m1;
            }
        }
    }

    /// <summary>
    /// Test seam: how many 64-bit draws (every draw method is made of them) lead from <paramref name="earlier"/> to
    /// this state, or -1 if it is not reached within <paramref name="limit"/>. Compares copies, so a draw costs
    /// nothing more for being countable.
    /// </summary>
    internal readonly long DrawsSince(RandomStream earlier, long limit)
    {
        var s = earlier;
        for (long k = 0; k <= limit; k++)
        {
            if (s._s0 == _s0 && s._s1 == _s1 && s._s2 == _s2 && s._s3 == _s3)
            {
                return k;
            }
            s.NextUInt64();
        }
        return -1;
    }

    private static ulong SplitMix64(ref ulong state)
    {
        state += GoldenGamma;
        return Mix(state);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
