using Spiral.Numerics.Statistics;

namespace Spiral.Numerics.Tests.Statistics;

public class ForecastScoresTests
{
    [Fact]
    public void Crps_EqualWeights_HandValue()
    {
        // E|X − 2| = 2/3; ½E|X − X'| = ½ · (2·(1 + 2 + 1)/9) = 4/9; CRPS = 2/9.
        Assert.Equal(2.0 / 9, ForecastScores.Crps([1.0, 2, 3], [], 2), 12);
    }

    [Fact]
    public void Crps_OnePoint_IsTheAbsoluteError()
    {
        Assert.Equal(2.0, ForecastScores.Crps([5.0], [], 3), 12);
    }

    [Fact]
    public void Crps_Weights_EqualTheRepeatedSample()
    {
        // {0, 10} weighted 3:1 is the sample {0, 0, 0, 10}: 2.5 − 1.875 = 0.625.
        Assert.Equal(0.625, ForecastScores.Crps([0.0, 10], [3.0, 1], 0), 12);
        Assert.Equal(0.625, ForecastScores.Crps([0.0, 0, 0, 10], [], 0), 12);
    }

    [Fact]
    public void Crps_UnsortedSampleWithTies_SameAsSorted()
    {
        Assert.Equal(ForecastScores.Crps([1.0, 1, 2, 4], [], 2.5), ForecastScores.Crps([4.0, 1, 2, 1], [], 2.5), 12);
    }

    [Fact]
    public void Quantile_Weighted_HandValues()
    {
        Assert.Equal(2.0, ForecastScores.Quantile([3.0, 1, 2, 4], [], 0.5));
        Assert.Equal(4.0, ForecastScores.Quantile([3.0, 1, 2, 4], [], 0.9));
        Assert.Equal(1.0, ForecastScores.Quantile([3.0, 1, 2, 4], [], 0.1));
        Assert.Equal(4.0, ForecastScores.Quantile([3.0, 1, 2, 4], [0.0, 0.1, 0.1, 0.8], 0.5));
    }

    [Fact]
    public void NaiveScaleAndMase_HandValues()
    {
        // |12 − 10|, |11 − 12|, |15 − 11| → 7/3; errors 1 and −2 → 1.5 / (7/3) = 9/14.
        var scale = ForecastScores.NaiveScale([10.0, 12, 11, 15]);
        Assert.Equal(7.0 / 3, scale, 12);
        Assert.Equal(9.0 / 14, ForecastScores.Mase([1.0, -2], scale), 12);
    }

    [Fact]
    public void NaiveScale_MissingValue_SkipsItsPairs()
    {
        Assert.Equal(3.0, ForecastScores.NaiveScale([1.0, 2, double.NaN, 4, 9]), 12);
    }

    [Fact]
    public void StudentTCdf_ClosedForms()
    {
        Assert.Equal(0.75, ForecastScores.StudentTCdf(1, 1), 10); // Cauchy
        Assert.Equal(0.5 + 1 / (2 * Math.Sqrt(3)), ForecastScores.StudentTCdf(1, 2), 10);
        Assert.Equal(0.5, ForecastScores.StudentTCdf(0, 7), 12);
        Assert.Equal(1 - ForecastScores.StudentTCdf(1.3, 5), ForecastScores.StudentTCdf(-1.3, 5), 12);
    }

    [Fact]
    public void DieboldMariano_OneStep_HandValue()
    {
        // d = 1..4: d̄ = 2.5, γ₀ = 1.25, DM = 2.5 / √(1.25/4) = √20; HLN factor √(3/4) → 3.8730; t₃ two-sided p = 0.030466.
        var test = ForecastScores.DieboldMariano([1.0, 2, 3, 4]);
        Assert.Equal(2.5, test.MeanDifference, 12);
        Assert.Equal(Math.Sqrt(20) * Math.Sqrt(0.75), test.Statistic, 10);
        Assert.Equal(0.030466291662170963, test.PValue, 8);
        Assert.Equal(4, test.Points);
    }

    [Fact]
    public void DieboldMariano_TwoStepsNonPositiveLongRunVariance_FallsBackToGamma0()
    {
        // d = (1, −1, 2, 0, 3): γ₀ = 2, γ₁ = −1, so γ₀ + 2γ₁ = 0 and γ₀ is used: DM = 1/√(2/5);
        // HLN factor √((5 + 1 − 4 + 2/5)/5) = √0.48 → 1.0954; t₄ two-sided p = 0.33485.
        var test = ForecastScores.DieboldMariano([1.0, -1, 2, 0, 3], horizon: 2);
        Assert.Equal(1.0954451150103321, test.Statistic, 10);
        Assert.Equal(0.3348522841942534, test.PValue, 8);
    }

    [Fact]
    public void DieboldMariano_ConstantDifferences_NoStatistic()
    {
        var test = ForecastScores.DieboldMariano([1.0, 1, 1]);
        Assert.Equal(1.0, test.MeanDifference);
        Assert.True(double.IsNaN(test.PValue));
    }
}
