using System.Runtime.Intrinsics;
using Spiral.Numerics.Functions;
using Spiral.Numerics.Random;

namespace Spiral.Numerics.Tests.Functions;

public class LaneMathTests
{
    private static double Exp(double x) => LaneMath.Exp(Vector256.Create(x)).ToScalar();

    private static long Ulps(double a, double b) => Math.Abs(BitConverter.DoubleToInt64Bits(a) - BitConverter.DoubleToInt64Bits(b));

    [Fact]
    public void Exp_MillionArgumentsOverTheWholeRange_WithinTwoUlpsOfTheLibraryExp()
    {
        var rng = new RandomStream(11);
        var maxUlps = 0L;
        var exact = 0;
        const int draws = 1_000_000;
        for (var k = 0; k < draws; k++)
        {
            var x = k % 2 == 0 ? 1420 * (rng.NextDouble() - 0.5) : 3 * rng.NextGaussian();
            var ulps = Ulps(Exp(x), Math.Exp(x));
            maxUlps = Math.Max(maxUlps, ulps);
            exact += ulps == 0 ? 1 : 0;
        }
        Assert.InRange(maxUlps, 0, 2);
        // Not the library's function under another name: a share of the results differ from it in the last place.
        Assert.InRange(exact, draws / 2, draws - 1_000);
    }

    [Fact]
    public void Exp_AnyLane_SameBitsAsTheArgumentAlone()
    {
        var rng = new RandomStream(5);
        for (var k = 0; k < 100_000; k++)
        {
            var x = 60 * rng.NextGaussian();
            var neighbour = k % 7 == 0 ? double.NaN : 800 * (rng.NextDouble() - 0.5);
            var lanes = LaneMath.Exp(Vector256.Create(neighbour, x, -1.5, x));
            Assert.Equal(BitConverter.DoubleToInt64Bits(Exp(x)), BitConverter.DoubleToInt64Bits(lanes[1]));
            Assert.Equal(BitConverter.DoubleToInt64Bits(Exp(x)), BitConverter.DoubleToInt64Bits(lanes[3]));
        }
    }

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(1.0, 2.718281828459045)]
    [InlineData(-1.0, 0.36787944117144233)]
    [InlineData(0.6931471805599453, 2.0)]
    [InlineData(10.0, 22026.465794806718)]
    [InlineData(double.PositiveInfinity, double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity, 0.0)]
    [InlineData(710.0, double.PositiveInfinity)]
    [InlineData(-746.0, 0.0)]
    public void Exp_KnownValues_WithinOneUlpOfTheCorrectlyRoundedValue(double x, double expected)
    {
        Assert.InRange(Ulps(Exp(x), expected), 0, 1);
    }

    [Fact]
    public void Exp_EdgesOfTheFastPath_NormalSubnormalAndNaN()
    {
        Assert.InRange(Ulps(Exp(LaneMath.ExpFastBound), Math.Exp(LaneMath.ExpFastBound)), 0, 2);
        Assert.InRange(Ulps(Exp(-LaneMath.ExpFastBound), Math.Exp(-LaneMath.ExpFastBound)), 0, 2);
        Assert.True(double.IsNormal(Exp(-LaneMath.ExpFastBound)));
        Assert.Equal(Math.Exp(-740.0), Exp(-740.0));
        Assert.True(double.IsSubnormal(Exp(-740.0)));
        Assert.True(double.IsNaN(Exp(double.NaN)));
        Assert.Equal(1.0, Exp(-0.0));
    }
}
