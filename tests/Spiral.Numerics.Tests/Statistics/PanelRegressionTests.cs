using Spiral.Numerics.Random;
using Spiral.Numerics.Statistics;

namespace Spiral.Numerics.Tests.Statistics;

public class PanelRegressionTests
{
    [Fact]
    public void Within_TwoGroupsOfTwo_MatchesTheHandComputedSlopeClusterErrorAndResidualSd()
    {
        // Demeaned: x̃ = ±0.5 in both groups, ỹ = ±1 and ±0.5: β = 1.5; residuals ∓0.25 and ±0.25; scores 0.25 and −0.25,
        // meat 0.125, (X̃'X̃)⁻¹ = 1, CR1 factor 2/1 · 3/2 = 3: var 0.375; RSS 0.25 over N − G − K = 1.
        double[] y = [0, 2, 0, 1];
        double[] x = [0, 1, 0, 1];
        int[] g = [1, 1, 2, 2];
        var fit = PanelRegression.Within(y, [x], g)!;
        Assert.Equal(1.5, fit.Coefficients[0].Value, 12);
        Assert.Equal(Math.Sqrt(0.375), fit.Coefficients[0].StandardError, 12);
        Assert.Equal(0.5, fit.ResidualSd, 12);
        Assert.Equal(4, fit.Observations);
        Assert.Equal(2, fit.Groups);
    }

    [Fact]
    public void Within_GroupTrends_RemovesEachGroupsOwnLine()
    {
        // y = a_g + b_g t + 2 x exactly: with group trends the slope is 2 and the residuals vanish.
        var rng = new RandomStream(7);
        var y = new List<double>();
        var x = new List<double>();
        var t = new List<double>();
        var g = new List<int>();
        for (var group = 0; group < 4; group++)
        {
            for (var year = 0; year < 6; year++)
            {
                var xi = rng.NextGaussian();
                y.Add(group * 3.0 + 0.1 * group * year + 2 * xi);
                x.Add(xi);
                t.Add(year);
                g.Add(group);
            }
        }
        var fit = PanelRegression.Within(y.ToArray(), [x.ToArray()], g.ToArray(), t.ToArray())!;
        Assert.Equal(2, fit.Coefficients[0].Value, 10);
        Assert.Equal(0, fit.ResidualSd, 10);
    }

    [Fact]
    public void Within_OneGroup_ReturnsNull()
    {
        Assert.Null(PanelRegression.Within([1, 2, 4], [[0, 1, 3]], [5, 5, 5]));
    }

    [Fact]
    public void NickellBias_RhoHalfTen_MatchesNickell1981()
    {
        // A = 1 − (1 − 0.5¹⁰)/(10·0.5) = 0.800195; −1.5/9 · A / (1 − 2·0.5/(0.5·9) · A) = −0.162210.
        Assert.Equal(-0.1622103151559943, PanelRegression.NickellBias(0.5, 10), 12);
    }

    [Fact]
    public void NickellCorrected_OfTheBiasedLimit_ReturnsTheTrueRho()
    {
        Assert.Equal(0.7, PanelRegression.NickellCorrected(0.7 + PanelRegression.NickellBias(0.7, 9), 9), 9);
        Assert.True(double.IsNaN(PanelRegression.NickellCorrected(0.5, 2)));
    }

    [Fact]
    public void Within_DynamicPanelOf200By9_IsBiasedAsNickellSaysAndTheCorrectionRecoversRho()
    {
        // y_t = a_i + 0.6 y_t−1 + e, e ~ N(0, 1), started from the stationary distribution; 200 states, 9 differences each.
        const double rho = 0.6;
        var rng = new RandomStream(11);
        var dy = new List<double>();
        var lag = new List<double>();
        var g = new List<int>();
        for (var i = 0; i < 200; i++)
        {
            var a = rng.NextGaussian();
            var level = a / (1 - rho) + rng.NextGaussian() / Math.Sqrt(1 - rho * rho);
            for (var t = 0; t < 9; t++)
            {
                var next = a + rho * level + rng.NextGaussian();
                lag.Add(level);
                dy.Add(next);
                g.Add(i);
                level = next;
            }
        }
        var fit = PanelRegression.Within(dy.ToArray(), [lag.ToArray()], g.ToArray())!;
        var within = fit.Coefficients[0].Value;
        Assert.Equal(rho + PanelRegression.NickellBias(rho, 9), within, 1); // 0.6 − 0.198 = 0.402
        Assert.InRange(PanelRegression.NickellCorrected(within, 9), rho - 0.06, rho + 0.06);
        Assert.InRange(fit.ResidualSd, 0.95, 1.05);
    }

    [Fact]
    public void InstrumentalVariable_ExactLineWithIntercept_RecoversTheSlopeWithZeroError()
    {
        double[] x = [1, 2, 3, 4];
        double[] z = [2, 1, 4, 3];
        var fit = PanelRegression.InstrumentalVariable(x.Select(v => 1 + 3 * v).ToArray(), x, z, [1, 1, 2, 2])!;
        Assert.Equal(3, fit.Coefficients[0].Value, 12);
        Assert.Equal(0, fit.Coefficients[0].StandardError, 12);
    }

    [Fact]
    public void RobustSd_FiveResiduals_Is1Point4826TimesTheMedianAbsoluteValue()
    {
        Assert.Equal(1.4826 * 2, PanelRegression.RobustSd([1, -1, 2, -2, 30]), 12);
    }
}
