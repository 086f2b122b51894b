using Spiral.Experiments.Calibration;
using Spiral.Numerics.Random;

namespace Spiral.Experiments.Tests.Calibration;

public class BudgetEstimatorTests
{
    /// <summary>
    /// A synthetic burden panel from the model's budget process without threat: Δln m = γ (ln m̄_i − ln m_t−1) + ε,
    /// ε ~ N(0, σ²), ln m̄_i spread around ln 2%, each state started from its stationary distribution (γ &gt; 0) or at ln m̄_i (a random walk, γ = 0).
    /// </summary>
    private static Dictionary<string, IReadOnlyDictionary<int, double>> Synthetic(double gamma, double sigma, int states, int years, ulong seed)
    {
        var rng = new RandomStream(seed);
        var panel = new Dictionary<string, IReadOnlyDictionary<int, double>>();
        for (var i = 0; i < states; i++)
        {
            var target = Math.Log(0.02) + 0.5 * rng.NextGaussian();
            var log = target + (gamma > 0 ? sigma / Math.Sqrt(1 - (1 - gamma) * (1 - gamma)) : 0) * rng.NextGaussian();
            var series = new SortedDictionary<int, double>();
            for (var y = 2000; y < 2000 + years; y++)
            {
                series[y] = Math.Exp(log);
                log += gamma * (target - log) + sigma * rng.NextGaussian();
            }
            panel[$"S{i:000}"] = series;
        }
        return panel;
    }

    [Fact]
    public void Estimate_SyntheticPanelGamma025Sigma005_RecoversGammaAndNoise()
    {
        var panel = Synthetic(0.25, 0.05, states: 60, years: 30, seed: 3);
        var e = BudgetEstimator.Estimate(panel, new YearRange(2000, 2029), new BudgetEstimateOptions(UnitRootReplicates: 199, Seed: 5));
        Assert.Equal(60 * 29, e.Observations);
        Assert.Equal(60, e.States);
        Assert.InRange(e.GammaNickellCorrected, 0.22, 0.28);
        Assert.InRange(e.GammaAndersonHsiao.Value, 0.15, 0.35);
        Assert.True(e.Gamma.Value > e.GammaNickellCorrected, "the within estimate of γ is biased upward (ρ downward)");
        Assert.InRange(e.ResidualSd, 0.047, 0.053);
        Assert.InRange(e.RobustResidualSd, 0.045, 0.055);
        Assert.Equal(0.005, e.UnitRoot!.PValue); // (0 + 1)/(199 + 1): stationary series reject the unit root
    }

    [Fact]
    public void Estimate_RandomWalkPanel_DoesNotRejectTheUnitRoot()
    {
        var panel = Synthetic(0.0, 0.05, states: 20, years: 20, seed: 4);
        var e = BudgetEstimator.Estimate(panel, new YearRange(2000, 2019), new BudgetEstimateOptions(UnitRootReplicates: 199, Seed: 5));
        Assert.True(e.UnitRoot!.PValue > 0.1, $"p = {e.UnitRoot.PValue}");
    }

    [Fact]
    public void Estimate_SameSeed_IsBitIdentical()
    {
        var panel = Synthetic(0.3, 0.05, states: 10, years: 12, seed: 9);
        var a = BudgetEstimator.Estimate(panel, new YearRange(2000, 2011), new BudgetEstimateOptions(UnitRootReplicates: 99, Seed: 2));
        var b = BudgetEstimator.Estimate(panel, new YearRange(2000, 2011), new BudgetEstimateOptions(UnitRootReplicates: 99, Seed: 2));
        Assert.Equal(a, b);
    }

    [Fact]
    public void Estimate_StateTrends_LeavesNickellAndAndersonHsiaoOut()
    {
        var panel = Synthetic(0.3, 0.05, states: 10, years: 12, seed: 9);
        var e = BudgetEstimator.Estimate(panel, new YearRange(2000, 2011), new BudgetEstimateOptions(StateTrends: true, UnitRootReplicates: 0));
        Assert.True(double.IsNaN(e.GammaNickellCorrected));
        Assert.True(double.IsNaN(e.GammaAndersonHsiao.Value));
        Assert.Null(e.UnitRoot);
    }

    [Fact]
    public void Estimate_OneYear_ThrowsArgumentException()
    {
        var panel = Synthetic(0.3, 0.05, states: 5, years: 5, seed: 1);
        Assert.Throws<ArgumentException>(() => BudgetEstimator.Estimate(panel, new YearRange(2003, 2003)));
    }
}
