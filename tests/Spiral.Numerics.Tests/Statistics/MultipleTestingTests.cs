using Spiral.Numerics.Statistics;

namespace Spiral.Numerics.Tests.Statistics;

public class MultipleTestingTests
{
    [Fact]
    public void Holm_FourPValues_HandComputedAdjustment()
    {
        // Sorted 0.005, 0.01, 0.03, 0.04 → 4·0.005 = 0.02, 3·0.01 = 0.03, 2·0.03 = 0.06, max(0.06, 1·0.04) = 0.06.
        var adjusted = MultipleTesting.Holm([0.01, 0.04, 0.03, 0.005]);
        Assert.Equal([0.03, 0.06, 0.06, 0.02], adjusted.Select(p => Math.Round(p, 12)));
    }

    [Fact]
    public void Holm_LargePValues_CappedAtOne()
    {
        Assert.Equal([1.0, 1.0], MultipleTesting.Holm([0.6, 0.9]));
    }

    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(1.959963984540054, 0.975)]
    [InlineData(-1.6448536269514722, 0.05)]
    public void NormalCdf_KnownQuantiles(double x, double p)
    {
        Assert.Equal(p, MultipleTesting.NormalCdf(x), 6);
    }

    [Fact]
    public void OneSidedP_EstimateTwoStandardErrorsAboveZero_About0_023()
    {
        var e = Estimate.Normal(2, 1);
        Assert.Equal(1 - MultipleTesting.NormalCdf(2), MultipleTesting.OneSidedP(e), 9);
        Assert.Equal(0.0227501, MultipleTesting.OneSidedP(e), 5);
    }
}
