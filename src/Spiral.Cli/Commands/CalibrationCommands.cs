using Spiral.Core.Scenarios;
using Spiral.Core.Parameters;
using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Spiral.Cli.Commands.Analytic;
using Spiral.Core.Recording;
using Spiral.Experiments.Calibration;
using Spiral.Experiments.Counterfactuals;
using Spiral.IO.Calibration;
using Spiral.IO.Files;
using Spiral.IO.Scenarios;

namespace Spiral.Cli.Commands;

/// <summary>
/// <c>spiral calibrate</c> and <c>spiral backtest</c>: fit a scenario's free parameters (its <c>calibration:</c>
/// section) to observed military spending, and score the model's forecast of held-out years, conditioned on the
/// observed spending up to the origin, beside baselines.
/// </summary>
internal static class CalibrationCommands
{
    public static Command Calibrate()
    {
        var scenarioArg = new Argument<string>("scenario") { Description = "A scenario file or library name with a calibration: section." };
        var train = new Option<string?>("--train") { Description = "Training years, e.g. 2010-2019 (default: the scenario's calibration.train).", HelpName = "FIRST-LAST" };
        var (runs, seed, iterations, threads) = CommonOptions();
        var outFile = new Option<string?>("--out") { Description = "Write the calibrated scenario (the file with a calibrated: block) here.", HelpName = "FILE.yaml" };
        var json = AnalyticCli.JsonOption();
        var command = new Command("calibrate",
            "Fit a scenario's free parameters so that the ensemble-mean simulated military spending matches the observed series over the training years.")
        {
            scenarioArg, train, runs, seed, iterations, threads, outFile, json,
        };
        command.Subcommands.Add(Crises());
        command.SetAction(parse =>
        {
            if (parse.GetValue(outFile) is { } target)
            {
                CliPaths.OutputFile("--out", target, ExistingOutput.Replace);
            }
            var setup = LoadSetup(parse.GetValue(scenarioArg)!);
            var observed = Observed(setup);
            var trainRange = Range(parse.GetValue(train), setup.Train, "--train", setup);
            var options = Options(parse.GetValue(runs), parse.GetValue(seed), parse.GetValue(iterations), parse.GetValue(threads));
            var result = Guard(() => Calibrator.Fit(setup.Scenario, setup.Parameters, observed, trainRange, options));
            string? written = null;
            if (parse.GetValue(outFile) is { } path)
            {
                var original = ScenarioCli.Source(parse.GetValue(scenarioArg)!).Text;
                var text = CalibrationSetup.WriteCalibrated(original, result);
                ScenarioLoader.LoadText(text, path); // never write a file that does not load
                try
                {
                    OutputPath.WriteAtomically(path, text);
                }
                catch (OutputPathException ex)
                {
                    throw CliPaths.Usage("--out", ex);
                }
                written = Path.GetFullPath(path);
            }
            if (parse.GetValue(json))
            {
                AnalyticCli.WriteJson(parse, new
                {
                    scenario = setup.Scenario.Name,
                    method = CalibrationResult.Method,
                    train = result.Train.ToString(),
                    runs = result.Runs,
                    seed = result.Seed,
                    evaluations = result.Evaluations,
                    converged = result.Converged,
                    initialLoss = result.InitialLoss,
                    loss = result.Loss,
                    unit = observed.Unit,
                    parameters = result.Parameters.Select(p => new { path = p.Path, min = p.Min, max = p.Max, initial = p.Initial, value = p.Value }),
                    file = written,
                });
                return ExitCodes.Ok;
            }
            var o = AnalyticCli.Out(parse);
            o.WriteLine($"{setup.Scenario.Name}: calibrated on {result.Train} against {observed.Source} ({observed.Unit})");
            o.WriteLine($"method: {CalibrationResult.Method}; {result.Runs} runs per evaluation, seed {result.Seed}");
            var table = new Table().AddColumns("parameter", "bounds", "scenario value", "calibrated");
            foreach (var p in result.Parameters)
            {
                table.AddRow(Markup.Escape(p.Path), Markup.Escape($"[{F(p.Min)}, {F(p.Max)}]"), F(p.Initial), F(p.Value));
            }
            AnalyticCli.Write(parse, table);
            o.WriteLine($"log-RMSE {F(result.InitialLoss)} -> {F(result.Loss)} after {result.Evaluations} evaluations ({(result.Converged ? "converged" : "evaluation budget reached")})");
            if (written is not null)
            {
                o.WriteLine($"calibrated scenario written to {written}");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Backtest()
    {
        var scenarioArg = new Argument<string>("scenario") { Description = "A scenario file or library name with a calibration: section." };
        var train = new Option<string?>("--train") { Description = "Training years (default: the scenario's calibration.train).", HelpName = "FIRST-LAST" };
        var test = new Option<string?>("--test") { Description = "Held-out years (default: the scenario's calibration.test).", HelpName = "FIRST-LAST" };
        var origins = new Option<string>("--origins") { Description = "last: one origin, the last training year; rolling: every year from it to the year before the last test year.", DefaultValueFactory = _ => "last" };
        var runs = new Option<int>("--runs") { Description = "Runs of the ensemble at each origin.", DefaultValueFactory = _ => 200 };
        var seed = new Option<ulong>("--seed") { Description = "Master seed (the same run indices at every origin).", DefaultValueFactory = _ => 1UL };
        var threads = new Option<int>("--threads") { Description = "Worker threads (0 = all cores). Results do not depend on it.", DefaultValueFactory = _ => 0 };
        var json = AnalyticCli.JsonOption();
        var command = new Command("backtest",
            "Forecast the held-out years from an ensemble weighted by the likelihood of the observed spending up to the origin; score it (MASE, MAPE, CRPS, 80% coverage, Diebold-Mariano) beside persistence, trend and Richardson baselines.")
        {
            scenarioArg, train, test, origins, runs, seed, threads, json,
        };
        command.SetAction(parse =>
        {
            var setup = LoadSetup(parse.GetValue(scenarioArg)!);
            var observed = Observed(setup);
            var trainRange = Range(parse.GetValue(train), setup.Train, "--train", setup);
            var testRange = Range(parse.GetValue(test), setup.Test, "--test", setup);
            if (testRange.First <= trainRange.Last)
            {
                throw new UsageException($"--test {testRange}: the held-out years must come after the training years {trainRange}");
            }
            foreach (var (option, range) in new[] { ("--train", trainRange), ("--test", testRange) })
            {
                if (!observed.States(setup.Scenario).Any(st => range.Years.Any(y => observed.TryGet(st, y, out _))))
                {
                    throw new UsageException($"{option} {range}: no observed figure in these years ({observed.Source})");
                }
            }
            var rolling = parse.GetValue(origins) switch
            {
                "last" => false,
                "rolling" => true,
                var other => throw new UsageException($"--origins {other}: expected last or rolling"),
            };
            var n = parse.GetValue(runs);
            if (n is < 2 or > 100_000)
            {
                throw new UsageException($"--runs {n}: expected an integer from 2 to 100000");
            }
            var options = new BacktestOptions(n, parse.GetValue(seed), RunnerArguments.Options(parse.GetValue(threads)).Threads, rolling);
            var r = Guard(() => Spiral.Experiments.Calibration.Backtest.Run(setup.Scenario, observed, trainRange, testRange, options));
            var methods = new[] { r.Model, r.Unconditioned, r.Persistence, r.Trend, r.Richardson };
            if (parse.GetValue(json))
            {
                AnalyticCli.WriteJson(parse, new
                {
                    scenario = setup.Scenario.Name,
                    method = BacktestResult.Method,
                    train = r.Train.ToString(),
                    test = r.Test.ToString(),
                    origins = r.Origins,
                    runs = r.Runs,
                    seed = r.Seed,
                    unit = observed.Unit,
                    scale = r.Scale,
                    weights = r.Weights.Select(w => new { origin = w.Origin, effectiveSampleSize = w.EffectiveSampleSize, sigma = w.Sigma }),
                    methods = methods.ToDictionary(m => m.Method, Json),
                    dieboldMariano = new { persistence = Json(r.VersusPersistence), trend = Json(r.VersusTrend) },
                });
                return ExitCodes.Ok;
            }
            var o = AnalyticCli.Out(parse);
            o.WriteLine($"{setup.Scenario.Name}: trained on {r.Train}, tested on {r.Test}, origins {string.Join(", ", r.Origins)}; spending in {observed.Unit}; {r.Runs} runs, seed {r.Seed}");
            o.WriteLine($"effective sample size of the weights: {string.Join(", ", r.Weights.Select(w => $"{w.Origin}: {F1(w.EffectiveSampleSize)}"))}");
            var table = new Table().AddColumns("state", "method", "points", "MASE", "MAPE %", "CRPS", "CRPS/scale", "80% coverage");
            foreach (var state in r.States.Append("all"))
            {
                foreach (var m in methods)
                {
                    var e = state == "all" ? m.Pooled : m.ByState.First(x => x.Series == state);
                    table.AddRow(Markup.Escape(state), m.Method, e.Points.ToString(CultureInfo.InvariantCulture), F2(e.Mase), F1(e.Mape),
                        F2(e.Crps), F2(e.ScaledCrps), double.IsNaN(e.Coverage80) ? "-" : F2(e.Coverage80));
                }
            }
            AnalyticCli.Write(parse, table);
            o.WriteLine($"Diebold-Mariano (scaled absolute errors, model minus baseline, HLN-corrected): persistence {Dm(r.VersusPersistence)}; trend {Dm(r.VersusTrend)}");
            if (r.Richardson.Note.Length > 0)
            {
                o.WriteLine($"richardson: {r.Richardson.Note}");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary><c>spiral calibrate crises</c>: λ0, the crisis fade probability and the audience cost by SMM (<see cref="CrisisCalibration"/>).</summary>
    private static Command Crises()
    {
        var scenarios = new Option<string?>("--scenarios") { Description = $"Cases, comma-separated (default: every scenario with an observed record: {string.Join(", ", ObservedCrises.Cases.Keys)}).", HelpName = "A,B" };
        var runs = new Option<int>("--runs") { Description = "Runs per case and evaluation (common random numbers).", DefaultValueFactory = _ => 50 };
        var seed = new Option<ulong>("--seed") { Description = "Master seed of every evaluation.", DefaultValueFactory = _ => 1UL };
        var iterations = new Option<int>("--iterations") { Description = "Budget of objective evaluations for the simplex search.", DefaultValueFactory = _ => 60 };
        var threads = new Option<int>("--threads") { Description = "Worker threads (0 = all cores). Results do not depend on it.", DefaultValueFactory = _ => 0 };
        var json = AnalyticCli.JsonOption();
        var command = new Command("crises",
            "Estimate the incident base rate, the crisis fade probability and the audience cost by the simulated method of moments on the cases' crisis rate (training years) and the MID 5.0 shares reaching use of force and war.")
        {
            scenarios, runs, seed, iterations, threads, json,
        };
        command.SetAction(parse =>
        {
            var names = parse.GetValue(scenarios) is { } list ? AnalyticCli.SplitList(list, "--scenarios") : ObservedCrises.Cases.Keys.ToList();
            var cases = new List<CrisisCase>();
            foreach (var name in names)
            {
                var scenario = ScenarioCli.Load(name);
                try
                {
                    cases.Add(new CrisisCase(scenario, ObservedCrises.Record(scenario, ObservedCrises.DefaultYears(name, scenario))));
                }
                catch (ObservedDataException ex)
                {
                    throw new UsageException($"--scenarios {name}: {ex.Message}");
                }
            }
            var o = Options(parse.GetValue(runs), parse.GetValue(seed), parse.GetValue(iterations), parse.GetValue(threads));
            var r = Guard(() => CrisisCalibration.Fit(cases, o.Runs, o.Seed, o.MaxEvaluations, o.Threads));
            if (parse.GetValue(json))
            {
                AnalyticCli.WriteJson(parse, new
                {
                    method = CrisisCalibrationResult.Method,
                    cases = cases.Select(c => new { scenario = c.Scenario.Name, years = c.Record.Years.ToString(), crises = c.Record.CountsByLevel, episodes = c.Record.Episodes }),
                    runs = r.Runs,
                    seed = r.Seed,
                    evaluations = r.Evaluations,
                    converged = r.Converged,
                    objective = r.Objective,
                    objectiveAtDefaults = r.ObjectiveAtDefaults,
                    conditionNumber = AnalyticCli.Finite(r.ConditionNumber),
                    identified = r.Identified,
                    parameters = r.Parameters.Select(p => new { path = p.Path, min = p.Min, max = p.Max, @default = p.Default, value = p.Value, se = AnalyticCli.Finite(p.StandardError) }),
                    moments = r.Moments.Select((m, i) => new { name = m.Name, observed = m.Observed, se = m.StandardError, simulated = m.Simulated, atDefaults = r.MomentsAtDefaults[i].Simulated, source = m.Source }),
                });
                return ExitCodes.Ok;
            }
            var output = AnalyticCli.Out(parse);
            output.WriteLine($"crisis calibration on {string.Join(", ", r.Cases)} ({r.Runs} runs per case and evaluation, seed {r.Seed})");
            output.WriteLine($"method: {CrisisCalibrationResult.Method}");
            var table = new Table().AddColumns("parameter", "bounds", "default", "estimate", "s.e.");
            foreach (var p in r.Parameters)
            {
                table.AddRow(Markup.Escape(p.Path), Markup.Escape($"[{F(p.Min)}, {F(p.Max)}]"), F(p.Default), F(p.Value), F(p.StandardError));
            }
            AnalyticCli.Write(parse, table);
            var moments = new Table().AddColumns("moment", "observed", "s.e.", "at defaults", "fitted");
            for (var i = 0; i < r.Moments.Count; i++)
            {
                var m = r.Moments[i];
                moments.AddRow(Markup.Escape(m.Name), F(m.Observed), F(m.StandardError), F(r.MomentsAtDefaults[i].Simulated), F(m.Simulated));
            }
            AnalyticCli.Write(parse, moments);
            output.WriteLine($"objective {F(r.ObjectiveAtDefaults)} at the defaults -> {F(r.Objective)} after {r.Evaluations} evaluations ({(r.Converged ? "converged" : "evaluation budget reached")}); "
                + $"condition number of G'WG {F(r.ConditionNumber)}; {(r.Identified ? "identified" : "NOT identified (an estimate at a bound, an s.e. above a quarter of its estimate, or a singular G'WG): do not apply")}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static object Json(MethodScore m) => new
    {
        pooled = Json(m.Pooled),
        byState = m.ByState.ToDictionary(s => s.Series, Json),
        forecasts = m.Points.Select(p => new { state = p.State, origin = p.Origin, year = p.Year, observed = p.Observed, point = p.Point, low80 = N(p.Low80), high80 = N(p.High80), crps = p.Crps }),
        note = m.Note.Length > 0 ? m.Note : null,
    };

    private static object Json(SeriesScore s) => new
    {
        points = s.Points, mase = N(s.Mase), mape = N(s.Mape), crps = N(s.Crps), scaledCrps = N(s.ScaledCrps), coverage80 = N(s.Coverage80),
    };

    private static object Json(Spiral.Numerics.Statistics.DieboldMarianoTest t) => new
    {
        meanDifference = N(t.MeanDifference), statistic = N(t.Statistic), pValue = N(t.PValue), points = t.Points,
    };

    private static double? N(double v) => double.IsFinite(v) ? v : null;

    private static string Dm(Spiral.Numerics.Statistics.DieboldMarianoTest t) =>
        $"mean difference {F2(t.MeanDifference)}, statistic {F2(t.Statistic)}, p {F2(t.PValue)} (n {t.Points})";

    private static string F2(double v) => double.IsNaN(v) ? "-" : v.ToString("0.00", CultureInfo.InvariantCulture);

    private static (Option<int> Runs, Option<ulong> Seed, Option<int> Iterations, Option<int> Threads) CommonOptions() => (
        new Option<int>("--runs") { Description = "Runs per ensemble evaluation (common random numbers).", DefaultValueFactory = _ => 64 },
        new Option<ulong>("--seed") { Description = "Master seed of every evaluation.", DefaultValueFactory = _ => 1UL },
        new Option<int>("--iterations") { Description = "Budget of objective evaluations for the simplex search.", DefaultValueFactory = _ => 150 },
        new Option<int>("--threads") { Description = "Worker threads (0 = all cores). Results do not depend on it.", DefaultValueFactory = _ => 0 });

    private static CalibrationOptions Options(int runs, ulong seed, int iterations, int threads)
    {
        if (runs is < 1 or > 100_000)
        {
            throw new UsageException($"--runs {runs}: expected an integer from 1 to 100000");
        }
        if (iterations is < 1 or > 100_000)
        {
            throw new UsageException($"--iterations {iterations}: expected an integer from 1 to 100000");
        }
        return new CalibrationOptions(runs, seed, iterations, RunnerArguments.Options(threads).Threads);
    }

    private static CalibrationSetup LoadSetup(string fileOrName)
    {
        try
        {
            return CalibrationSetup.Load(fileOrName);
        }
        catch (ScenarioException ex)
        {
            throw new UsageException(ex.Message);
        }
    }

    private static ObservedSpending Observed(CalibrationSetup setup)
    {
        try
        {
            return setup.LoadObserved();
        }
        catch (ObservedDataException ex)
        {
            throw new UsageException(ex.Message);
        }
    }

    private static YearRange Range(string? text, YearRange? fallback, string option, CalibrationSetup setup)
    {
        if (text is null)
        {
            return fallback ?? throw new UsageException($"{option}: the scenario sets no default; give the years, e.g. {option} 2010-2019");
        }
        if (!YearRange.TryParse(text, out var r))
        {
            throw new UsageException($"{option} {text}: expected FIRST-LAST, e.g. 2010-2019");
        }
        var s = setup.Scenario;
        if (r.First < s.StartYear || r.Last > TimeConvention.LastYear(s.StartYear, s.Steps))
        {
            throw new UsageException($"{option} {text}: expected years within the scenario's {s.StartYear}-{TimeConvention.LastYear(s.StartYear, s.Steps)}");
        }
        return r;
    }

    private static T Guard<T>(Func<T> body)
    {
        try
        {
            return body();
        }
        catch (Exception ex) when (ex is ScenarioPathException or InvalidScenarioException)
        {
            throw new UsageException(ex.Message);
        }
        catch (ArgumentException ex)
        {
            throw new UsageException(ex.Message);
        }
    }

    private static string F(double v) => v.ToString("0.#####", CultureInfo.InvariantCulture);

    private static string F1(double v) => double.IsNaN(v) ? "-" : v.ToString("0.0", CultureInfo.InvariantCulture);
}
