using Spiral.Numerics.Statistics;

namespace Spiral.Numerics.Tests.Statistics;

public class StatisticsTests
{
    [Theory]
    [InlineData(0, 100, 0.0, 0.0, 0.0370)]
    [InlineData(50, 100, 0.5, 0.4038, 0.5962)]
    [InlineData(100, 100, 1.0, 0.9630, 1.0)]
    [InlineData(1, 10, 0.1, 0.0179, 0.4042)]
    public void Proportion_WilsonInterval_KnownValues(int successes, int trials, double mean, double low, double high)
    {
        var e = Estimate.Proportion(successes, trials);
        Assert.Equal(mean, e.Mean, 12);
        Assert.Equal(low, e.Low, 4);
        Assert.Equal(high, e.High, 4);
    }

    [Fact]
    public void Proportion_NoTrials_IsZero()
    {
        Assert.Equal(new Estimate(0, 0, 0), Estimate.Proportion(0, 0));
    }

    [Fact]
    public void OfMean_KnownValues()
    {
        // mean 2.5, sample sd sqrt(5/3), se = sd / 2
        var e = Estimate.OfMean([1.0, 2, 3, 4]);
        Assert.Equal(2.5, e.Mean, 12);
        var half = 1.959963984540054 * Math.Sqrt(5.0 / 3 / 4);
        Assert.Equal(2.5 - half, e.Low, 12);
        Assert.Equal(2.5 + half, e.High, 12);
        Assert.Equal(new Estimate(7, 7, 7), Estimate.OfMean([7.0]));
        Assert.Equal(new Estimate(0, 0, 0), Estimate.OfMean([]));
    }

    [Fact]
    public void Normal_ValueAndStandardError_IsValuePlusMinusZ95()
    {
        var e = Estimate.Normal(1.0, 0.5);
        Assert.Equal(1 - 1.959963984540054 * 0.5, e.Low, 15);
        Assert.Equal(1 + 1.959963984540054 * 0.5, e.High, 15);
    }

    [Fact]
    public void Normal_Floor_CutsOnlyTheLowerEnd()
    {
        Assert.Equal(new Estimate(0.1, 0, 0.1 + 1.959963984540054), Estimate.Normal(0.1, 1, floor: 0));
    }
}
