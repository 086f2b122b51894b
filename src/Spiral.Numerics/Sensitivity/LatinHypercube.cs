using Spiral.Numerics.Random;

namespace Spiral.Numerics.Sensitivity;

/// <summary>
/// Latin-hypercube sampling of the unit cube (McKay, Beckman &amp; Conover 1979): each factor's range is cut into as many
/// equal strata as there are points, and every stratum holds exactly one point, at a uniform position inside it.
/// </summary>
public static class LatinHypercube
{
    /// <summary><paramref name="points"/> × <paramref name="factors"/> coordinates in [0, 1), row-major.</summary>
    public static double[] Sample(int points, int factors, RandomStream random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(points, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(factors, 1);
        var result = new double[checked(points * factors)];
        var strata = new int[points];
        for (var f = 0; f < factors; f++)
        {
            for (var k = 0; k < points; k++)
            {
                strata[k] = k;
            }
            for (var k = points - 1; k > 0; k--)
            {
                var swap = random.NextInt(k + 1);
                (strata[k], strata[swap]) = (strata[swap], strata[k]);
            }
            for (var k = 0; k < points; k++)
            {
                result[k * factors + f] = (strata[k] + random.NextDouble()) / points;
            }
        }
        return result;
    }
}
