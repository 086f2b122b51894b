using Spiral.Numerics.Random;

namespace Spiral.Numerics.Statistics;

/// <summary>
/// Latin-hypercube sampling (McKay, Beckman &amp; Conover 1979): <c>n</c> points in the unit cube [0, 1)^d such that, in
/// every dimension, each of the n equal strata [k/n, (k+1)/n) holds exactly one point. Deterministic for a seed.
/// </summary>
public static class LatinHypercube
{
    /// <summary><paramref name="n"/> points of <paramref name="dimensions"/> coordinates in [0, 1), from <paramref name="seed"/>.</summary>
    public static double[][] Sample(int n, int dimensions, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        ArgumentOutOfRangeException.ThrowIfNegative(dimensions);
        var rng = new RandomStream(seed);
        var points = new double[n][];
        for (var i = 0; i < n; i++)
        {
            points[i] = new double[dimensions];
        }
        var strata = new int[n];
        for (var d = 0; d < dimensions; d++)
        {
            for (var i = 0; i < n; i++)
            {
                strata[i] = i;
            }
            // Fisher-Yates shuffle: which stratum each point takes in this dimension.
            for (var i = n - 1; i > 0; i--)
            {
                var j = rng.NextInt(i + 1);
                (strata[i], strata[j]) = (strata[j], strata[i]);
            }
            for (var i = 0; i < n; i++)
            {
                points[i][d] = (strata[i] + rng.NextDouble()) / n;
            }
        }
        return points;
    }

    /// <summary>A unit coordinate <paramref name="u"/> in [0, 1) mapped linearly onto [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static double Scale(double u, double min, double max) => min + u * (max - min);
}
