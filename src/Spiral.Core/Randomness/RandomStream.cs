using System.Runtime.CompilerServices;

namespace Spiral.Core.Randomness;

/// <summary>
/// A deterministic xoshiro256** generator (Blackman &amp; Vigna 2018) seeded through SplitMix64.
/// Every run draws from its own streams, derived from (master seed, run index, stream name) by
/// <see cref="Derive"/>, so results do not depend on thread count or the order in which runs finish.
/// A mutable struct: pass it by <c>ref</c>.
/// </summary>
public struct RandomStream
{
    private ulong _s0, _s1, _s2, _s3;
    private double _spareGaussian;
    private bool _hasSpare;

    public RandomStream(ulong seed)
    {
        var sm = seed;
        _s0 = SplitMix64(ref sm);
        _s1 = SplitMix64(ref sm);
        _s2 = SplitMix64(ref sm);
        _s3 = SplitMix64(ref sm);
        _spareGaussian = 0;
        _hasSpare = false;
    }

    /// <summary>The stream for (master seed, run index, stream name): a hash of the three, then SplitMix64.</summary>
    public static RandomStream Derive(ulong masterSeed, long runIndex, string streamName) =>
        new(DeriveSeed(masterSeed, runIndex, streamName));

    public static ulong DeriveSeed(ulong masterSeed, long runIndex, string streamName)
    {
        var h = Mix(masterSeed ^ 0x9E3779B97F4A7C15UL);
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform on [0, 1) with 53 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public bool NextBool(double probability) => NextDouble() < probability;

    /// <summary>Uniform integer on [0, n).</summary>
    public int NextInt(int n) => (int)((NextUInt64() >> 33) * (ulong)n >> 31);

    /// <summary>Standard normal by the Marsaglia polar method (deterministic, no allocation).</summary>
    public double NextGaussian()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spareGaussian;
        }
        double u, v, s;
        do
        {
            u = 2.0 * NextDouble() - 1.0;
            v = 2.0 * NextDouble() - 1.0;
            s = u * u + v * v;
        }
        while (s >= 1.0 || s == 0.0);
        var factor = Math.Sqrt(-2.0 * Math.Log(s) / s);
        _spareGaussian = v * factor;
        _hasSpare = true;
        return u * factor;
    }

    private static ulong SplitMix64(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
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
