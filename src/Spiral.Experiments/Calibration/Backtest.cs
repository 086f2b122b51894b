using Spiral.Analytic;
using Spiral.Analytic.Richardson;
using Spiral.Core.Scenarios;
using Spiral.Experiments.Running;
using Spiral.Numerics.Statistics;

namespace Spiral.Experiments.Calibration;

/// <summary>Forecast error of one state (or all states pooled) over the test years.</summary>
/// <param name="Mape">Mean absolute percentage error, in percent.</param>
/// <param name="Rmse">Root mean square error, in the observed unit.</param>
/// <param name="Points">Test years with an observed figure.</param>
public sealed record ForecastError(double Mape, double Rmse, int Points);

/// <summary>One method's forecasts and errors: per state, and pooled over all states ("all").</summary>
public sealed record MethodScore(
    string Method,
    IReadOnlyDictionary<string, ForecastError> ByState,
    ForecastError Pooled,
    IReadOnlyDictionary<string, IReadOnlyDictionary<int, double>> Forecast,
    string Note = "");

/// <summary>The calibrated model against the baselines on the same held-out years.</summary>
public sealed record BacktestResult(
    YearRange Train,
    YearRange Test,
    CalibrationResult Calibration,
    MethodScore Model,
    MethodScore Persistence,
    MethodScore Trend,
    MethodScore Richardson,
    IReadOnlyList<string> States);

/// <summary>
/// Out-of-sample check of a calibrated scenario: calibrate on the training years, simulate the whole horizon
/// (the model forecasts from the start year, given the dated timeline), and score the ensemble mean on the test
/// years beside three baselines fitted on the same training years and anchored at the last training figure:
/// persistence (the last training value), a linear trend (OLS of spending on the year) and a Richardson model
/// (Richardson 1960) in which each state reacts to the summed spending of its rivals.
/// </summary>
public static class Backtest
{
    public static BacktestResult Run(Scenario scenario, IReadOnlyList<FreeParameter> parameters, ObservedSpending observed,
        YearRange train, YearRange test, CalibrationOptions options, CancellationToken cancel = default)
    {
        if (test.First <= train.Last)
        {
            throw new ArgumentException($"test years {test} must come after the training years {train}");
        }
        var states = observed.States(scenario).Where(s => train.Years.Any(y => observed.TryGet(s, y, out _))).ToList();
        if (states.Count == 0)
        {
            throw new ArgumentException($"no observed state has figures in the training years {train}");
        }
        var calibration = Calibrator.Fit(scenario, parameters, observed, train, options, cancel);
        var calibrated = calibration.Calibrated;
        var means = Calibrator.MeanMilex(calibrated, test, options.Runs, options.Seed, options.Threads);
        var model = new Dictionary<string, IReadOnlyDictionary<int, double>>();
        foreach (var s in states)
        {
            var i = calibrated.IndexOf(s);
            model[s] = test.Years.ToDictionary(y => y, y => means[i][y - test.First]);
        }
        var persistence = new Dictionary<string, IReadOnlyDictionary<int, double>>();
        var trend = new Dictionary<string, IReadOnlyDictionary<int, double>>();
        foreach (var s in states)
        {
            var points = TrainingPoints(observed, s, train);
            var last = points[^1];
            persistence[s] = test.Years.ToDictionary(y => y, _ => last.Value);
            var line = LeastSquares.Line(points.Select(p => (double)p.Year).ToArray(), points.Select(p => p.Value).ToArray());
            trend[s] = test.Years.ToDictionary(y => y, y => line.Intercept + line.Slope * y);
        }
        var (richardson, note) = RichardsonForecast(scenario, states, observed, train, test);
        return new BacktestResult(train, test, calibration,
            Score("model", model, observed, test),
            Score("persistence", persistence, observed, test),
            Score("trend", trend, observed, test),
            Score("richardson", richardson, observed, test, note),
            states);
    }

    private static List<(int Year, double Value)> TrainingPoints(ObservedSpending observed, string state, YearRange train)
    {
        var points = new List<(int, double)>();
        foreach (var y in train.Years)
        {
            if (observed.TryGet(state, y, out var v))
            {
                points.Add((y, v));
            }
        }
        return points;
    }

    /// <summary>
    /// Richardson's equations for N states: Δx_i = k_i·ȳ_i − a_i·x̄_i + g_i with y_i the summed spending of i's
    /// rivals (states that can reach i or that i can reach, not allied with it at the start), fitted by OLS on
    /// the training years with the mid-year discretisation of <see cref="RichardsonFit"/>, then stepped forward
    /// jointly with the same discretisation (a linear system per year) from the last training figures. A state
    /// without rivals, or whose fit is not identified, keeps Δx = −a·x̄ + g fitted alone, or its last value.
    /// </summary>
    public static (Dictionary<string, IReadOnlyDictionary<int, double>> Forecast, string Note) RichardsonForecast(
        Scenario scenario, IReadOnlyList<string> candidates, ObservedSpending observed, YearRange train, YearRange test)
    {
        // Only states with a complete training series take part in the joint system.
        var states = candidates.Where(s => train.Years.All(y => observed.TryGet(s, y, out _))).ToList();
        var notes = new List<string>();
        var result = new Dictionary<string, IReadOnlyDictionary<int, double>>();
        foreach (var s in candidates.Except(states))
        {
            var last = TrainingPoints(observed, s, train)[^1].Value;
            result[s] = test.Years.ToDictionary(y => y, _ => last);
            notes.Add($"{s}: incomplete training series, last value held");
        }
        var n = states.Count;
        var reach = EnsembleRunner.InitialReach(scenario);
        var total = scenario.States.Count;
        var rivals = new bool[n, n];
        for (var a = 0; a < n; a++)
        {
            for (var b = 0; b < n; b++)
            {
                if (a == b) continue;
                int i = scenario.IndexOf(states[a]), j = scenario.IndexOf(states[b]);
                var allied = scenario.Alliances.Any(al => al.Members.Any(m => Same(m, states[a])) && al.Members.Any(m => Same(m, states[b])));
                rivals[a, b] = !allied && (reach[i * total + j] > 0 || reach[j * total + i] > 0);
            }
        }
        var series = states.Select(s => train.Years.Select(y => { observed.TryGet(s, y, out var v); return v; }).ToArray()).ToArray();
        var k = new double[n];
        var fatigue = new double[n];
        var g = new double[n];
        for (var a = 0; a < n; a++)
        {
            var rivalSum = new double[train.Count];
            var any = false;
            for (var b = 0; b < n; b++)
            {
                if (!rivals[a, b]) continue;
                any = true;
                for (var t = 0; t < train.Count; t++) rivalSum[t] += series[b][t];
            }
            try
            {
                if (!any)
                {
                    (fatigue[a], g[a]) = FitAlone(series[a]);
                    notes.Add($"{states[a]}: no rival with data, fitted without reaction");
                    continue;
                }
                var fit = RichardsonFit.Fit(series[a], rivalSum).X;
                (k[a], fatigue[a], g[a]) = (fit.Reaction.Value, fit.Fatigue.Value, fit.Grievance.Value);
            }
            catch (ModelInputException ex)
            {
                notes.Add($"{states[a]}: {ex.Message} Fitted without reaction.");
                (fatigue[a], g[a]) = FitAlone(series[a]);
            }
        }
        // (I + A/2 − K/2) x_{t+1} = (I − A/2 + K/2) x_t + g
        var x = series.Select(s => s[^1]).ToArray();
        var paths = states.Select(_ => new Dictionary<int, double>()).ToArray();
        for (var year = train.Last + 1; year <= test.Last; year++)
        {
            var m = new double[n, n];
            var rhs = new double[n];
            for (var a = 0; a < n; a++)
            {
                m[a, a] = 1 + fatigue[a] / 2;
                rhs[a] = (1 - fatigue[a] / 2) * x[a] + g[a];
                for (var b = 0; b < n; b++)
                {
                    if (rivals[a, b])
                    {
                        m[a, b] -= k[a] / 2;
                        rhs[a] += k[a] / 2 * x[b];
                    }
                }
            }
            x = Solve(m, rhs);
            for (var a = 0; a < n; a++)
            {
                if (test.Contains(year)) paths[a][year] = x[a];
            }
        }
        for (var a = 0; a < n; a++)
        {
            result[states[a]] = paths[a];
        }
        return (result, string.Join("; ", notes));
    }

    /// <summary>Δx = −a·x̄ + g by least squares on the mid-year discretisation, for a state fitted without rivals.</summary>
    private static (double Fatigue, double Grievance) FitAlone(double[] x)
    {
        var mids = new double[x.Length - 1];
        var changes = new double[x.Length - 1];
        for (var t = 0; t + 1 < x.Length; t++)
        {
            mids[t] = (x[t] + x[t + 1]) / 2;
            changes[t] = x[t + 1] - x[t];
        }
        var line = LeastSquares.Line(mids, changes);
        return (-line.Slope, line.Intercept);
    }

    /// <summary>Gaussian elimination with partial pivoting (N is a handful of states).</summary>
    private static double[] Solve(double[,] m, double[] rhs)
    {
        var n = rhs.Length;
        for (var c = 0; c < n; c++)
        {
            var pivot = c;
            for (var r = c + 1; r < n; r++)
            {
                if (Math.Abs(m[r, c]) > Math.Abs(m[pivot, c])) pivot = r;
            }
            if (Math.Abs(m[pivot, c]) < 1e-300)
            {
                throw new ArgumentException("the fitted Richardson system is singular");
            }
            if (pivot != c)
            {
                for (var j = 0; j < n; j++) (m[c, j], m[pivot, j]) = (m[pivot, j], m[c, j]);
                (rhs[c], rhs[pivot]) = (rhs[pivot], rhs[c]);
            }
            for (var r = c + 1; r < n; r++)
            {
                var f = m[r, c] / m[c, c];
                for (var j = c; j < n; j++) m[r, j] -= f * m[c, j];
                rhs[r] -= f * rhs[c];
            }
        }
        var x = new double[n];
        for (var r = n - 1; r >= 0; r--)
        {
            var s = rhs[r];
            for (var j = r + 1; j < n; j++) s -= m[r, j] * x[j];
            x[r] = s / m[r, r];
        }
        return x;
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    /// <summary>MAPE (percent) and RMSE per state and pooled, on the test years with an observed figure.</summary>
    public static MethodScore Score(string method, IReadOnlyDictionary<string, IReadOnlyDictionary<int, double>> forecast,
        ObservedSpending observed, YearRange test, string note = "")
    {
        var byState = new Dictionary<string, ForecastError>();
        double allApe = 0, allSe = 0;
        var allPoints = 0;
        foreach (var (state, path) in forecast)
        {
            double ape = 0, se = 0;
            var points = 0;
            foreach (var year in test.Years)
            {
                if (observed.TryGet(state, year, out var o) && path.TryGetValue(year, out var f))
                {
                    ape += Math.Abs(f - o) / Math.Abs(o);
                    se += (f - o) * (f - o);
                    points++;
                }
            }
            byState[state] = points == 0
                ? new ForecastError(double.NaN, double.NaN, 0)
                : new ForecastError(100 * ape / points, Math.Sqrt(se / points), points);
            allApe += ape; allSe += se; allPoints += points;
        }
        var pooled = allPoints == 0 ? new ForecastError(double.NaN, double.NaN, 0)
            : new ForecastError(100 * allApe / allPoints, Math.Sqrt(allSe / allPoints), allPoints);
        return new MethodScore(method, byState, pooled, forecast, note);
    }
}
