using Spiral.Analytic;
using Spiral.Analytic.Richardson;
using Spiral.Core.Scenarios;
using Spiral.Experiments.Definitions;
using Spiral.Experiments.Running;
using Spiral.Numerics.Statistics;

namespace Spiral.Experiments.Calibration;

/// <summary>
/// How to backtest: ensemble size and master seed, worker threads, and the origins: the last training year alone, or
/// (<see cref="Rolling"/>) every year from it to the year before the last test year, each origin knowing the observed
/// figures up to itself and forecasting the test years after it.
/// </summary>
public sealed record BacktestOptions(int Runs = 200, ulong Seed = 1, int Threads = 0, bool Rolling = false);

/// <summary>One forecast of one observed figure: the state, the origin (last year known), the forecast year, and the forecast's point, 80% interval and CRPS.</summary>
public sealed record ForecastPoint(string State, int Origin, int Year, double Observed, double Point, double Low80, double High80, double Crps);

/// <summary>
/// Scores of one method on one series (a state) or pooled over every state (<c>"all"</c>): MASE (absolute errors over the
/// state's naive scale), MAPE (%), mean CRPS in the observed unit and scaled by the naive scale (the pooled figure uses the
/// scaled one), and the share of observed figures inside the 80% interval (NaN for point forecasts).
/// </summary>
public sealed record SeriesScore(string Series, int Points, double Mase, double Mape, double Crps, double ScaledCrps, double Coverage80);

/// <summary>One method's forecasts and scores per state and pooled.</summary>
public sealed record MethodScore(string Method, IReadOnlyList<SeriesScore> ByState, SeriesScore Pooled, IReadOnlyList<ForecastPoint> Points, string Note = "");

/// <summary>What the weighting did at one origin: the effective sample size of the weights (Kish) and the residual sd of log spending per state.</summary>
public sealed record OriginWeights(int Origin, double EffectiveSampleSize, IReadOnlyDictionary<string, double> Sigma);

/// <summary>The conditioned model, the same ensemble unweighted, and the baselines on the same forecast points.</summary>
public sealed record BacktestResult(
    YearRange Train,
    YearRange Test,
    IReadOnlyList<int> Origins,
    int Runs,
    ulong Seed,
    MethodScore Model,
    MethodScore Unconditioned,
    MethodScore Persistence,
    MethodScore Trend,
    MethodScore Richardson,
    DieboldMarianoTest VersusPersistence,
    DieboldMarianoTest VersusTrend,
    IReadOnlyList<OriginWeights> Weights,
    IReadOnlyList<string> States,
    IReadOnlyDictionary<string, double> Scale)
{
    public const string Method =
        "ensemble simulated with the information of the origin (timeline events and observed GDP up to the origin year), each run " +
        "weighted by the Gaussian likelihood of the observed log spending of the training years up to the origin (residual sd per " +
        "state: the root mean square of the runs' log errors over those years); forecast = the weighted sample (point: weighted " +
        "median; interval: weighted 10% and 90% quantiles)";
}

/// <summary>
/// Out-of-sample check of a scenario conditioned on the forecast origin. For each origin O (the last training year, or with
/// rolling origins every year from it to the year before the last test year) the scenario is cut to what is known at O
/// (timeline events dated after O and observed GDP after O are dropped, so no scripted history of the test years enters),
/// an ensemble is simulated, each run is weighted by the likelihood of the observed spending path up to O, Gaussian on log
/// spending with a residual sd per state estimated on those years, and the weighted sample is the predictive
/// distribution of each later year. Scores: MASE against the in-sample random walk (Hyndman &amp; Koehler 2006), MAPE,
/// CRPS of the weighted sample (Gneiting &amp; Raftery 2007), 80% interval coverage, and Diebold-Mariano tests with the
/// Harvey-Leybourne-Newbold correction against persistence and a linear trend fitted on the years up to O.
/// Common random numbers: every origin simulates the same run indices from the same master seed; the result does not
/// depend on the thread count.
/// </summary>
public static class Backtest
{
    public static BacktestResult Run(Scenario scenario, ObservedSpending observed, YearRange train, YearRange test,
        BacktestOptions options, CancellationToken cancel = default)
    {
        if (test.First <= train.Last)
        {
            throw new ArgumentException($"test years {test} must come after the training years {train}");
        }
        if (train.First < scenario.StartYear)
        {
            throw new ArgumentException($"training year {train.First} is before the scenario's start year {scenario.StartYear}");
        }
        if (options.Runs < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "a weighted ensemble needs at least 2 runs");
        }
        var states = observed.States(scenario)
            .Where(s => train.Years.Count(y => observed.TryGet(s, y, out _)) >= 2).ToList();
        if (states.Count == 0)
        {
            throw new ArgumentException($"no observed state has two figures in the training years {train}");
        }
        var scale = states.ToDictionary(s => s, s => ForecastScores.NaiveScale(
            train.Years.Select(y => observed.TryGet(s, y, out var v) ? v : double.NaN).ToArray()));
        var origins = options.Rolling ? Enumerable.Range(train.Last, test.Last - train.Last).ToList() : [train.Last];
        var model = new List<ForecastPoint>();
        var flat = new List<ForecastPoint>();
        var persistence = new List<ForecastPoint>();
        var trend = new List<ForecastPoint>();
        var richardson = new List<ForecastPoint>();
        var weightsInfo = new List<OriginWeights>();
        var notes = new List<string>();
        foreach (var origin in origins)
        {
            cancel.ThrowIfCancellationRequested();
            var known = new YearRange(train.First, origin);
            var ahead = new YearRange(origin + 1, test.Last);
            var paths = Simulate(KnownAt(scenario, origin), new YearRange(train.First, test.Last), options);
            var (weights, sigma) = Weights(scenario, paths, observed, states, known, train.First);
            var ess = 1 / weights.Sum(w => w * w);
            weightsInfo.Add(new OriginWeights(origin, ess, sigma));
            var (rich, note) = RichardsonForecast(scenario, states, observed, known, ahead);
            if (note.Length > 0 && !notes.Contains(note))
            {
                notes.Add(note);
            }
            foreach (var s in states)
            {
                var i = scenario.IndexOf(s);
                var points = TrainingPoints(observed, s, known);
                if (points.Count == 0)
                {
                    continue;
                }
                var last = points[^1].Value;
                var line = points.Count >= 2
                    ? LeastSquares.Line(points.Select(p => (double)p.Year).ToArray(), points.Select(p => p.Value).ToArray())
                    : new LineFit(last, 0, 0);
                foreach (var year in ahead.Years)
                {
                    if (year < test.First || !observed.TryGet(s, year, out var o))
                    {
                        continue;
                    }
                    var sample = paths.Select(run => run[i][year - train.First]).ToArray();
                    model.Add(Distribution(s, origin, year, o, sample, weights));
                    flat.Add(Distribution(s, origin, year, o, sample, []));
                    persistence.Add(PointForecast(s, origin, year, o, last));
                    trend.Add(PointForecast(s, origin, year, o, line.Intercept + line.Slope * year));
                    richardson.Add(PointForecast(s, origin, year, o,
                        rich.TryGetValue(s, out var r) && r.TryGetValue(year, out var f) ? f : last));
                }
            }
        }
        var horizon = test.Last - train.Last;
        return new BacktestResult(train, test, origins, options.Runs, options.Seed,
            Score("model", model, states, scale),
            Score("unconditioned", flat, states, scale),
            Score("persistence", persistence, states, scale),
            Score("trend", trend, states, scale),
            Score("richardson", richardson, states, scale, string.Join("; ", notes)),
            Compare(model, persistence, scale, horizon),
            Compare(model, trend, scale, horizon),
            weightsInfo, states, scale);
    }

    /// <summary>
    /// The scenario as known at the end of <paramref name="origin"/>: timeline events dated after it and observed GDP
    /// after it are dropped (after its series ends a state's GDP grows at its <c>growth</c>).
    /// </summary>
    public static Scenario KnownAt(Scenario scenario, int origin) => scenario with
    {
        Timeline = scenario.Timeline.Where(e => e.Year <= origin).ToList(),
        States = scenario.States.Select(s => s.GdpSeries is { } g
            ? s with { GdpSeries = g.Where(kv => kv.Key <= origin).ToDictionary(kv => kv.Key, kv => kv.Value) }
            : s).ToList(),
    };

    /// <summary>Military spending of every run (by replication), state and year of <paramref name="years"/>.</summary>
    private static double[][][] Simulate(Scenario scenario, YearRange years, BacktestOptions options)
    {
        var n = scenario.States.Count;
        var steps = Math.Max(scenario.Steps, Calibrator.RowOf(scenario, years.Last));
        var paths = new double[options.Runs][][];
        ExperimentRunner.Run(new EnsembleExperiment(scenario, options.Runs, options.Seed, steps), new RunnerOptions(options.Threads), run =>
        {
            var record = run.Record;
            var path = new double[n][];
            for (var i = 0; i < n; i++)
            {
                path[i] = new double[years.Count];
                for (var k = 0; k < years.Count; k++)
                {
                    path[i][k] = record.Milex[record.Row(Calibrator.RowOf(scenario, years.First + k), i)];
                }
            }
            paths[run.Replication] = path;
        });
        return paths;
    }

    /// <summary>
    /// Normalised likelihood weights of the runs: Π over states and known years of N(ln obs; ln sim, σ_s²), with σ_s the root
    /// mean square over runs and known years of ln sim − ln obs (so a state the model misses for every run does not
    /// decide the weights alone), computed in logs and shifted by the largest before exponentiating.
    /// </summary>
    public static (double[] Weights, Dictionary<string, double> Sigma) Weights(Scenario scenario, double[][][] paths,
        ObservedSpending observed, IReadOnlyList<string> states, YearRange known, int firstYear)
    {
        var runs = paths.Length;
        var logLik = new double[runs];
        var sigma = new Dictionary<string, double>();
        foreach (var s in states)
        {
            var i = scenario.IndexOf(s);
            var years = known.Years.Where(y => observed.TryGet(s, y, out var o) && o > 0).ToList();
            if (years.Count == 0)
            {
                continue;
            }
            var errors = new double[runs, years.Count];
            double sum = 0;
            for (var r = 0; r < runs; r++)
            {
                for (var k = 0; k < years.Count; k++)
                {
                    observed.TryGet(s, years[k], out var o);
                    var e = Math.Log(Math.Max(paths[r][i][years[k] - firstYear], 1e-12)) - Math.Log(o);
                    errors[r, k] = e;
                    sum += e * e;
                }
            }
            var sd = Math.Max(Math.Sqrt(sum / (runs * years.Count)), 1e-6);
            sigma[s] = sd;
            for (var r = 0; r < runs; r++)
            {
                for (var k = 0; k < years.Count; k++)
                {
                    logLik[r] -= errors[r, k] * errors[r, k] / (2 * sd * sd);
                }
            }
        }
        var max = logLik.Max();
        var weights = logLik.Select(l => Math.Exp(l - max)).ToArray();
        var total = weights.Sum();
        for (var r = 0; r < runs; r++)
        {
            weights[r] /= total;
        }
        return (weights, sigma);
    }

    private static ForecastPoint Distribution(string state, int origin, int year, double observed, double[] sample, double[] weights) =>
        new(state, origin, year, observed,
            ForecastScores.Quantile(sample, weights, 0.5),
            ForecastScores.Quantile(sample, weights, 0.1),
            ForecastScores.Quantile(sample, weights, 0.9),
            ForecastScores.Crps(sample, weights, observed));

    /// <summary>A point forecast as a degenerate distribution: its CRPS is the absolute error, it has no interval.</summary>
    private static ForecastPoint PointForecast(string state, int origin, int year, double observed, double value) =>
        new(state, origin, year, observed, value, double.NaN, double.NaN, Math.Abs(value - observed));

    /// <summary>Scores per state and pooled; the pooled CRPS is the mean of the scaled one, so every state weighs alike.</summary>
    public static MethodScore Score(string method, IReadOnlyList<ForecastPoint> points, IReadOnlyList<string> states,
        IReadOnlyDictionary<string, double> scale, string note = "")
    {
        SeriesScore Of(string name, IReadOnlyList<ForecastPoint> ps)
        {
            if (ps.Count == 0)
            {
                return new SeriesScore(name, 0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
            }
            var scaled = ps.Select(p => Math.Abs(p.Point - p.Observed) / scale[p.State]).Average();
            var mape = 100 * ps.Select(p => Math.Abs(p.Point - p.Observed) / Math.Abs(p.Observed)).Average();
            var crps = ps.Select(p => p.Crps).Average();
            var scaledCrps = ps.Select(p => p.Crps / scale[p.State]).Average();
            var coverage = ps.All(p => double.IsNaN(p.Low80)) ? double.NaN
                : ps.Count(p => p.Observed >= p.Low80 && p.Observed <= p.High80) / (double)ps.Count;
            return new SeriesScore(name, ps.Count, scaled, mape, crps, scaledCrps, coverage);
        }
        var byState = states.Select(s => Of(s, points.Where(p => p.State == s).ToList())).ToList();
        return new MethodScore(method, byState, Of("all", points), points, note);
    }

    /// <summary>Diebold-Mariano on the scaled absolute errors of two methods at the same points (negative mean: the first is better).</summary>
    private static DieboldMarianoTest Compare(IReadOnlyList<ForecastPoint> a, IReadOnlyList<ForecastPoint> b,
        IReadOnlyDictionary<string, double> scale, int horizon)
    {
        var d = a.Select((p, k) => (Math.Abs(p.Point - p.Observed) - Math.Abs(b[k].Point - b[k].Observed)) / scale[p.State]).ToArray();
        return ForecastScores.DieboldMariano(d, Math.Max(1, horizon));
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
}
