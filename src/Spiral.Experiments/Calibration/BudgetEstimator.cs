using Spiral.Numerics.Random;
using Spiral.Numerics.Statistics;

namespace Spiral.Experiments.Calibration;

/// <summary>Options of <see cref="BudgetEstimator.Estimate"/>.</summary>
/// <param name="StateTrends">Give each state its own linear trend besides its intercept (for spending in levels, whose
/// long-run target grows with GDP); the Nickell correction and the Anderson-Hsiao estimate assume intercepts only and are
/// then NaN.</param>
/// <param name="UnitRootReplicates">Monte Carlo replicates of the panel unit-root test (0 skips it).</param>
/// <param name="Seed">Seed of the Monte Carlo replicates.</param>
public sealed record BudgetEstimateOptions(bool StateTrends = false, int UnitRootReplicates = 999, ulong Seed = 1);

/// <summary>
/// The panel unit-root test: the mean over states of the Dickey-Fuller t of ln x (Im, Pesaran &amp; Shin 2003, t-bar,
/// no augmentation lags), and its p-value under the null that every state's series is a random walk, by Monte Carlo on
/// the same panel shape instead of IPS's tables (short and gappy series).
/// </summary>
public sealed record UnitRootTest(double TBar, double PValue, int States, int Replicates);

/// <summary>
/// The estimated budget process Δln x_it = a_i − b·ln x_i,t−1 + ε (x the burden, or spending with
/// <see cref="BudgetEstimateOptions.StateTrends"/>), γ = b.
/// </summary>
/// <param name="Years">The years of the levels used; differences run from the second.</param>
/// <param name="StateTrends">Whether each state had its own linear trend.</param>
/// <param name="Observations">Differences in the within fit.</param>
/// <param name="States">States with at least two differences (the clusters).</param>
/// <param name="MeanDifferencesPerState">T of the Nickell correction.</param>
/// <param name="Gamma">γ by the within (fixed-effects) estimator, standard error clustered by state.</param>
/// <param name="GammaNickellCorrected">γ with Nickell's (1981) fixed-T bias of the within estimator removed (ρ = 1 − γ,
/// <see cref="PanelRegression.NickellCorrected"/>, T the mean number of differences per state); it assumes stationary
/// ρ and i.i.d. shocks.</param>
/// <param name="GammaAndersonHsiao">γ = 1 − ρ from the first-differenced equation Δln x_t = ρ Δln x_t−1 + Δε with
/// ln x_t−2 as instrument (Anderson &amp; Hsiao 1981): consistent for short T, less precise.</param>
/// <param name="AndersonHsiaoObservations">Observations of the Anderson-Hsiao fit (three consecutive years each).</param>
/// <param name="ResidualSd">sd of ε from the within fit (degrees of freedom net of the state terms).</param>
/// <param name="RobustResidualSd">1.4826 × the median absolute residual of the within fit: σ of the typical year, without
/// wars and collapses.</param>
/// <param name="UnitRoot">The panel unit-root test of ln x, or null when skipped.</param>
public sealed record BudgetEstimate(
    YearRange Years,
    bool StateTrends,
    int Observations,
    int States,
    double MeanDifferencesPerState,
    Coefficient Gamma,
    double GammaNickellCorrected,
    Coefficient GammaAndersonHsiao,
    int AndersonHsiaoObservations,
    double ResidualSd,
    double RobustResidualSd,
    UnitRootTest? UnitRoot);

/// <summary>
/// Estimates the v2 budget process (BudgetPhase; Smith 1989; Dunne &amp; Smith 2007) on a panel of yearly series:
/// the partial-adjustment regression with state effects, whose state intercepts absorb γ·ln m̄_i, so γ is minus the
/// coefficient of the lagged log level. Only pairs of consecutive years inside the range enter; non-positive figures
/// count as missing.
/// </summary>
public static class BudgetEstimator
{
    public static BudgetEstimate Estimate(IReadOnlyDictionary<string, IReadOnlyDictionary<int, double>> series, YearRange years, BudgetEstimateOptions? options = null)
    {
        options ??= new BudgetEstimateOptions();
        var logs = series.OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => kv.Value.Where(p => years.Contains(p.Key) && p.Value > 0 && double.IsFinite(p.Value))
                .ToDictionary(p => p.Key, p => Math.Log(p.Value)))
            .ToList();

        // Within fit on consecutive pairs.
        var dy = new List<double>();
        var lag = new List<double>();
        var time = new List<double>();
        var group = new List<int>();
        for (var s = 0; s < logs.Count; s++)
        {
            foreach (var (year, v) in logs[s].OrderBy(p => p.Key))
            {
                if (logs[s].TryGetValue(year - 1, out var before))
                {
                    dy.Add(v - before);
                    lag.Add(before);
                    time.Add(year);
                    group.Add(s);
                }
            }
        }
        var fit = PanelRegression.Within(dy.ToArray(), [lag.ToArray()], group.ToArray(), options.StateTrends ? time.ToArray() : null)
            ?? throw new ArgumentException($"years {years}: too few consecutive figures to estimate the budget process (need two states with at least two differences each)");
        var gamma = new Coefficient(-fit.Coefficients[0].Value, fit.Coefficients[0].StandardError);
        var perState = (double)fit.Observations / fit.Groups;

        var nickell = double.NaN;
        var ah = new Coefficient(double.NaN, double.NaN);
        var ahObservations = 0;
        if (!options.StateTrends)
        {
            nickell = 1 - PanelRegression.NickellCorrected(1 - gamma.Value, perState);

            var y = new List<double>();
            var x = new List<double>();
            var z = new List<double>();
            var g = new List<int>();
            for (var s = 0; s < logs.Count; s++)
            {
                foreach (var (year, v) in logs[s].OrderBy(p => p.Key))
                {
                    if (logs[s].TryGetValue(year - 1, out var v1) && logs[s].TryGetValue(year - 2, out var v2))
                    {
                        y.Add(v - v1);
                        x.Add(v1 - v2);
                        z.Add(v2);
                        g.Add(s);
                    }
                }
            }
            if (PanelRegression.InstrumentalVariable(y.ToArray(), x.ToArray(), z.ToArray(), g.ToArray()) is { } iv)
            {
                ah = new Coefficient(1 - iv.Coefficients[0].Value, iv.Coefficients[0].StandardError);
                ahObservations = iv.Observations;
            }
        }

        var unitRoot = options.UnitRootReplicates > 0 ? UnitRoot(logs, options) : null;
        return new BudgetEstimate(years, options.StateTrends, fit.Observations, fit.Groups, perState, gamma, nickell, ah, ahObservations,
            fit.ResidualSd, fit.RobustResidualSd, unitRoot);
    }

    /// <summary>
    /// IPS t-bar with a Monte Carlo p-value: each replicate gives every state a Gaussian random walk over its own years
    /// and the same pairs of consecutive years, and computes the same t-bar; p is the share of replicates at or below the
    /// observed t-bar (plus one over replicates plus one). The Dickey-Fuller t does not depend on the walk's start or
    /// scale, nor (with trends) on its drift, so the null is exact.
    /// </summary>
    private static UnitRootTest? UnitRoot(List<Dictionary<int, double>> logs, BudgetEstimateOptions options)
    {
        var minimum = options.StateTrends ? 4 : 3;
        var shapes = new List<(int First, int[] Years)>();
        double sum = 0;
        foreach (var l in logs)
        {
            var pairs = l.Keys.Where(y => l.ContainsKey(y - 1)).Order().ToArray();
            if (pairs.Length < minimum)
            {
                continue;
            }
            var t = DickeyFullerT(l, pairs, options.StateTrends);
            if (double.IsNaN(t))
            {
                continue;
            }
            sum += t;
            shapes.Add((pairs[0] - 1, pairs));
        }
        if (shapes.Count == 0)
        {
            return null;
        }
        var observed = sum / shapes.Count;
        var below = 0;
        var rng = new RandomStream(options.Seed);
        var walk = new Dictionary<int, double>();
        for (var r = 0; r < options.UnitRootReplicates; r++)
        {
            double replicate = 0;
            foreach (var (first, pairs) in shapes)
            {
                walk.Clear();
                var level = 0.0;
                for (var year = first; year <= pairs[^1]; year++)
                {
                    walk[year] = level;
                    level += rng.NextGaussian();
                }
                replicate += DickeyFullerT(walk, pairs, options.StateTrends);
            }
            if (replicate / shapes.Count <= observed)
            {
                below++;
            }
        }
        return new UnitRootTest(observed, (below + 1.0) / (options.UnitRootReplicates + 1), shapes.Count, options.UnitRootReplicates);
    }

    /// <summary>The Dickey-Fuller t of b in Δy_t = a (+ c·t) + b·y_t−1 + e over the given years t (Dickey &amp; Fuller 1979).</summary>
    private static double DickeyFullerT(IReadOnlyDictionary<int, double> y, int[] years, bool trend)
    {
        var dy = years.Select(t => y[t] - y[t - 1]).ToArray();
        var lag = years.Select(t => y[t - 1]).ToArray();
        var fit = trend
            ? LeastSquares.Fit(dy, lag, years.Select(t => (double)t).ToArray())
            : LeastSquares.Fit(dy, lag);
        return fit is null ? double.NaN : fit.Coefficients[1].Value / fit.Coefficients[1].StandardError;
    }
}
