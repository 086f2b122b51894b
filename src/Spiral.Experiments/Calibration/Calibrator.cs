using Spiral.Core.Parameters;
using Spiral.Core.Recording;
using Spiral.Core.Scenarios;
using Spiral.Experiments.Counterfactuals;
using Spiral.Experiments.Definitions;
using Spiral.Experiments.Running;
using Spiral.Numerics.Optimization;

namespace Spiral.Experiments.Calibration;

/// <summary>How to calibrate: ensemble size and seed of every evaluation, the search budget, threads.</summary>
public sealed record CalibrationOptions(int Runs = 64, ulong Seed = 1, int MaxEvaluations = 150, int Threads = 0);

/// <summary>A fitted parameter: its path, bounds, the scenario's value and the calibrated value.</summary>
public sealed record FittedParameter(string Path, double Min, double Max, double Initial, double Value);

/// <summary>The outcome of <see cref="Calibrator.Fit"/>.</summary>
public sealed record CalibrationResult(
    Scenario Calibrated,
    IReadOnlyList<FittedParameter> Parameters,
    double InitialLoss,
    double Loss,
    int Evaluations,
    bool Converged,
    YearRange Train,
    int Runs,
    ulong Seed)
{
    public const string Method =
        "Nelder-Mead simplex on the unit box of the parameters' bounds, minimising the log-RMSE between the ensemble-mean " +
        "simulated military spending and the observed series over the training years (all observed states pooled), " +
        "every evaluation on the same seed (common random numbers)";
}

/// <summary>
/// Fits a scenario's free parameters so that the ensemble-mean simulated military spending matches an observed
/// series over the training years. The loss is the root mean square of ln(simulated mean) − ln(observed) over
/// every observed state and training year: relative errors, so a large and a small state weigh alike. Every
/// evaluation runs the same ensemble (same master seed, same run indices: common random numbers), which makes the
/// loss a deterministic function of the parameters that a simplex search can minimise (Nelder &amp; Mead 1965).
/// Simulated spending of calendar year y is the spending of the step that simulates y (record row y − startYear + 1,
/// the step whose timeline events are dated y).
/// </summary>
public static class Calibrator
{
    /// <summary>Record row holding the spending at the end of calendar year <paramref name="year"/> (<see cref="TimeConvention.Step"/>).</summary>
    public static int RowOf(Scenario scenario, int year) => TimeConvention.Step(scenario.StartYear, year);

    /// <summary>Ensemble-mean military spending per state (scenario order) and calendar year, for the years given.</summary>
    public static double[][] MeanMilex(Scenario scenario, YearRange years, int runs, ulong seed, int threads = 0)
    {
        if (years.First < scenario.StartYear)
        {
            throw new ArgumentException($"year {years.First} is before the scenario's start year {scenario.StartYear}");
        }
        var n = scenario.States.Count;
        var steps = Math.Max(scenario.Steps, RowOf(scenario, years.Last));
        var sums = new double[n][];
        for (var i = 0; i < n; i++)
        {
            sums[i] = new double[years.Count];
        }
        var count = 0;
        ExperimentRunner.Run(new EnsembleExperiment(scenario, runs, seed, steps), new RunnerOptions(threads), run =>
        {
            var record = run.Record;
            count++;
            for (var k = 0; k < years.Count; k++)
            {
                var row = RowOf(scenario, years.First + k);
                for (var i = 0; i < n; i++)
                {
                    sums[i][k] += record.Milex[record.Row(row, i)];
                }
            }
        });
        foreach (var s in sums)
        {
            for (var k = 0; k < s.Length; k++)
            {
                s[k] /= count;
            }
        }
        return sums;
    }

    /// <summary>Log-RMSE of the ensemble mean against the observed series over <paramref name="train"/>.</summary>
    public static double Loss(Scenario scenario, ObservedSpending observed, YearRange train, int runs, ulong seed, int threads = 0)
    {
        var means = MeanMilex(scenario, train, runs, seed, threads);
        return LogRmse(scenario, means, observed, train);
    }

    internal static double LogRmse(Scenario scenario, double[][] means, ObservedSpending observed, YearRange years)
    {
        double sum = 0;
        var points = 0;
        for (var i = 0; i < scenario.States.Count; i++)
        {
            foreach (var year in years.Years)
            {
                if (observed.TryGet(scenario.States[i].Name, year, out var o) && o > 0)
                {
                    var s = Math.Max(means[i][year - years.First], 1e-12);
                    var e = Math.Log(s) - Math.Log(o);
                    sum += e * e;
                    points++;
                }
            }
        }
        return points == 0 ? throw new ArgumentException($"no observed figures in {years}") : Math.Sqrt(sum / points);
    }

    /// <summary>Sets every parameter; each value is a point of its [Min, Max] interval.</summary>
    public static Scenario Apply(Scenario scenario, IReadOnlyList<FreeParameter> parameters, IReadOnlyList<double> values)
    {
        for (var k = 0; k < parameters.Count; k++)
        {
            scenario = ParameterCatalog.Set(scenario, parameters[k].Path, values[k]);
        }
        return scenario;
    }

    /// <summary>Fits <paramref name="parameters"/> on the training years, starting from the scenario's own values.</summary>
    public static CalibrationResult Fit(Scenario scenario, IReadOnlyList<FreeParameter> parameters, ObservedSpending observed,
        YearRange train, CalibrationOptions options, CancellationToken cancel = default)
    {
        if (options.Runs < 1 || options.MaxEvaluations < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "runs and evaluations must be at least 1");
        }
        foreach (var p in parameters)
        {
            if (!(p.Max > p.Min) || !double.IsFinite(p.Min) || !double.IsFinite(p.Max))
            {
                throw new ArgumentException($"parameter '{p.Path}': bounds [{p.Min}, {p.Max}] are not an interval");
            }
        }
        var initial = parameters.Select(p => Math.Clamp(ParameterCatalog.Get(scenario, p.Path), p.Min, p.Max)).ToArray();
        double[] ToValues(double[] u) => u.Select((x, k) => parameters[k].Min + x * (parameters[k].Max - parameters[k].Min)).ToArray();
        double Objective(double[] u)
        {
            cancel.ThrowIfCancellationRequested();
            try
            {
                return Loss(Apply(scenario, parameters, ToValues(u)), observed, train, options.Runs, options.Seed, options.Threads);
            }
            catch (Exception ex) when (ex is ScenarioPathException or InvalidScenarioException)
            {
                return double.MaxValue;
            }
        }
        var start = initial.Select((v, k) => (v - parameters[k].Min) / (parameters[k].Max - parameters[k].Min)).ToArray();
        var initialLoss = Objective(start);
        var best = NelderMead.Minimize(Objective, start, options.MaxEvaluations);
        var (point, loss) = best.Value <= initialLoss ? (best.Point, best.Value) : (start, initialLoss);
        var values = ToValues(point);
        return new CalibrationResult(
            Apply(scenario, parameters, values),
            parameters.Select((p, k) => new FittedParameter(p.Path, p.Min, p.Max, initial[k], values[k])).ToList(),
            initialLoss, loss, best.Evaluations + 1, best.Converged, train, options.Runs, options.Seed);
    }
}
