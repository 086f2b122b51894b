using System.CommandLine;
using System.Globalization;
using Spiral.Cli.Commands.Analytic;
using Spiral.Experiments.Sensitivity;
using Spiral.IO.Files;
using Spiral.IO.Store;
using Spiral.Numerics.Sensitivity;

namespace Spiral.Cli.Commands;

/// <summary>
/// <c>spiral sensitivity</c>: global sensitivity analysis of a scenario's outcome to the model's constants (Sobol indices
/// or Morris screening), or of a built-in analytic test function with known indices (docs/how-to/sensitivity.md).
/// </summary>
internal static class SensitivityCommand
{
    private static readonly string[] Functions = ["ishigami", "sobol-g"];

    public static Command Create()
    {
        var scenarioArg = new Argument<string?>("scenario") { Description = "A scenario file or library name (omit with --function).", Arity = ArgumentArity.ZeroOrOne };
        var function = new Option<string?>("--function") { Description = $"Analyse a test function with known indices instead: {string.Join(", ", Functions)}.", HelpName = "NAME" };
        var method = new Option<string>("--method") { Description = "sobol (first-order and total indices) or morris (elementary effects).", DefaultValueFactory = _ => "sobol", HelpName = "sobol|morris" };
        var parameters = new Option<string[]>("--params")
        {
            Description = "Constants to vary: paths or globs (model.crisis*), each with an optional range PATH=MIN:MAX. Default: every real model constant over ± 50% of its value.",
            AllowMultipleArgumentsPerToken = true,
            HelpName = "PATTERN",
        };
        var outcome = new Option<string>("--outcome") { Description = "The run outcome or ratio analysed (docs/reference/outcomes.md).", DefaultValueFactory = _ => SensitivityOutput.Default.Name, HelpName = "NAME" };
        var samples = new Option<int>("--samples") { Description = "Sobol: base samples N (N·(d+2) points). Morris: trajectories r (r·(d+1) points).", DefaultValueFactory = _ => 64 };
        var runs = new Option<int>("--runs") { Description = "Runs of the scenario per point (the same run seeds at every point).", DefaultValueFactory = _ => 20 };
        var seed = new Option<ulong>("--seed") { Description = "Master seed of the design, the runs and the bootstrap.", DefaultValueFactory = _ => 1UL };
        var bootstrap = new Option<int>("--bootstrap") { Description = "Bootstrap replicates behind each interval.", DefaultValueFactory = _ => 1000 };
        var threads = new Option<int>("--threads") { Description = "Worker threads (0 = all cores). Results do not depend on it.", DefaultValueFactory = _ => 0 };
        var allowLarge = new Option<bool>("--allow-large") { Description = $"Allow designs above {SensitivityOptions.MaxRuns:N0} runs." };
        var plot = AnalyticCli.PlotOption("the indices as a bar chart");
        var store = new Option<string?>("--out", "-o")
        {
            Description = "Write the analysis into a new results store (DuckDB): the factors, each design point's values and output, the indices; `spiral report` and `spiral plot --kind sensitivity` read it.",
            HelpName = "FILE.duckdb",
        };
        var json = AnalyticCli.JsonOption();
        var cluster = new ClusterArguments();
        var command = new Command("sensitivity",
            "Global sensitivity analysis: which constants drive an outcome (Sobol indices with bootstrap intervals, or Morris screening).")
        {
            scenarioArg, function, method, parameters, outcome, samples, runs, seed, bootstrap, threads, allowLarge, plot, store, json,
        };
        foreach (var option in cluster.Options)
        {
            command.Options.Add(option);
        }
        command.SetAction(parse =>
        {
            var methodName = parse.GetValue(method)!.Trim().ToLowerInvariant();
            var chosen = methodName switch
            {
                "sobol" => SensitivityMethod.Sobol,
                "morris" => SensitivityMethod.Morris,
                _ => throw new UsageException($"--method {parse.GetValue(method)}: expected sobol or morris" + Suggestions.DidYouMean(methodName, ["sobol", "morris"])),
            };
            var n = parse.GetValue(samples);
            const int minimum = 2;
            if (n < minimum || n > 1_000_000)
            {
                throw new UsageException($"--samples {n}: expected an integer from {minimum} to 1000000");
            }
            if (parse.GetValue(bootstrap) is < 0 or > 100_000)
            {
                throw new UsageException($"--bootstrap {parse.GetValue(bootstrap)}: expected an integer from 0 to 100000");
            }
            if (parse.GetValue(function) is { } name)
            {
                if (parse.GetValue(scenarioArg) is not null)
                {
                    throw new UsageException($"--function {name}: give a scenario or a test function, not both");
                }
                if (parse.GetValue(store) is not null)
                {
                    throw new UsageException($"--out: a test function's indices are not stored; --out takes a scenario analysis");
                }
                return TestFunction(parse, name, chosen, n, parse.GetValue(seed), parse.GetValue(bootstrap), parse.GetValue(plot), parse.GetValue(json));
            }
            var scenarioName = parse.GetValue(scenarioArg) ?? throw new UsageException("give a scenario (e.g. india-china-lac) or --function ishigami");
            if (parse.GetValue(runs) is < 1 or > 1_000_000)
            {
                throw new UsageException($"--runs {parse.GetValue(runs)}: expected an integer from 1 to 1000000");
            }
            var storePath = parse.GetValue(store);
            if (storePath is not null)
            {
                CliPaths.OutputFile("--out", storePath, ExistingOutput.Refuse);
            }
            var runner = RunnerArguments.Options(parse.GetValue(threads));
            var scenario = ScenarioCli.Load(scenarioName);
            SensitivityOutput output;
            IReadOnlyList<SensitivityFactor> factors;
            try
            {
                output = SensitivityOutput.Of(parse.GetValue(outcome)!);
                factors = SensitivityAnalysis.Factors(scenario, parse.GetValue(parameters) ?? []);
            }
            catch (ArgumentException ex)
            {
                throw new UsageException(ex.Message.Split(" (Parameter", 2)[0]);
            }
            var options = new SensitivityOptions(chosen, n, parse.GetValue(runs), parse.GetValue(seed), parse.GetValue(bootstrap));
            var designPoints = chosen == SensitivityMethod.Sobol ? (long)n * (factors.Count + 2) : (long)n * (factors.Count + 1);
            SensitivityResult result;
            using var session = cluster.Connect(parse);
            try
            {
                result = RunCommand.WithProgress(parse, parse.GetValue(json), designPoints * options.RunsPerPoint,
                    progress => SensitivityAnalysis.Run(scenario, factors, output, options, runner, parse.GetValue(allowLarge), progress: progress,
                        executor: session?.Executor));
            }
            catch (ArgumentException ex)
            {
                throw new UsageException(ex.Message.Split(" (Parameter", 2)[0] + (ex.Message.Contains("allow large") ? " (--allow-large)" : ""));
            }
            catch (Spiral.Distributed.ClusterException ex)
            {
                parse.InvocationConfiguration.Error.WriteLine($"error: --cluster {session!.Address}: {ex.Message}; nothing was written");
                return ExitCodes.Failure;
            }
            if (storePath is not null)
            {
                try
                {
                    ResultsStoreWriter.WriteSensitivity(storePath, new SensitivityExperiment(scenario, factors, options, allowLarge: true),
                        new StoreHeader("sensitivity", ScenarioCli.Source(scenarioName).Text, null, DetailSelection.None, Spiral.Cli.Commands.Experiments.SweepCommand.Version(),
                            Spiral.Cli.Commands.Experiments.SweepCommand.NowUtc()), result);
                }
                catch (ResultsStoreException ex)
                {
                    throw new UsageException($"--out {storePath}: {ex.Message}");
                }
                catch (OutputPathException ex)
                {
                    throw CliPaths.Usage("--out", ex);
                }
            }
            if (parse.GetValue(plot) is { } plotFile)
            {
                try
                {
                    Spiral.Reporting.Plots.PlotFonts.Register();
                    Spiral.Reporting.Plots.SensitivityPlot.Render(result, plotFile);
                }
                catch (Spiral.Reporting.Plots.PlotException ex)
                {
                    throw new UsageException("--plot " + ex.Message);
                }
            }
            if (parse.GetValue(json))
            {
                AnalyticCli.WriteJson(parse, new
                {
                    scenario = result.Scenario,
                    outcome = result.Output,
                    label = result.OutputLabel,
                    method = result.Options.Method,
                    samples = result.Options.Samples,
                    runsPerPoint = result.Options.RunsPerPoint,
                    seed = result.Options.Seed,
                    bootstrap = result.Options.Bootstrap,
                    level = result.Options.Level,
                    points = result.Points,
                    runs = result.Runs,
                    outputMean = result.OutputMean,
                    outputVariance = result.OutputVariance,
                    noiseShare = result.NoiseShare,
                    factors = result.Ranked.Select(f => new
                    {
                        path = f.Factor.Path,
                        min = f.Factor.Min,
                        max = f.Factor.Max,
                        first = Json(f.First),
                        total = Json(f.Total),
                        muStar = Json(f.MuStar),
                        mu = f.Mu,
                        sigma = f.Sigma,
                    }),
                });
                return ExitCodes.Ok;
            }
            var o = AnalyticCli.Out(parse);
            o.WriteLine($"{result.Scenario}: what drives {result.OutputLabel} ({result.Output}); {result.Options.Method}, {result.Points:N0} points × {result.Options.RunsPerPoint} runs = {result.Runs:N0} runs, seed {result.Options.Seed}");
            o.WriteLine($"mean over the design {F(result.OutputMean)}, variance {F(result.OutputVariance)}, of which Monte Carlo noise {F(100 * result.NoiseShare)}%; intervals: {100 * result.Options.Level:0}% bootstrap ({result.Options.Bootstrap} replicates)");
            if (result.NoiseShare > 0.25)
            {
                o.WriteLine($"warning: {F(100 * result.NoiseShare)}% of the variance is noise of {result.Options.RunsPerPoint} runs per point, which inflates total indices; raise --runs or screen with --method morris and analyse fewer --params");
            }
            WriteTable(parse, result.Options.Method, result.Ranked.Select(f => (f.Factor.Path, $"[{F(f.Factor.Min)}, {F(f.Factor.Max)}]", f)).ToList());
            return ExitCodes.Ok;
        });
        return command;
    }

    private static int TestFunction(ParseResult parse, string name, SensitivityMethod method, int samples, ulong seed, int bootstrap, string? plotFile, bool json)
    {
        ISensitivityTestFunction f = name.Trim().ToLowerInvariant() switch
        {
            "ishigami" => new Ishigami(),
            "sobol-g" => new SobolG(),
            _ => throw new UsageException($"--function {name}: expected one of {string.Join(", ", Functions)}" + Suggestions.DidYouMean(name, Functions)),
        };
        var point = new double[f.Factors];
        var rows = new List<(string Path, string Range, SensitivityFactorResult Result)>();
        if (method == SensitivityMethod.Sobol)
        {
            var design = SobolDesign.Create(f.Factors, samples, seed);
            var outputs = Evaluate(f, design.Points, design.Point);
            var r = design.Analyse(outputs, bootstrap, 0.95, seed);
            rows = r.Factors.Select(x => ($"x{x.Index + 1}", "[0, 1]", new SensitivityFactorResult(new SensitivityFactor($"x{x.Index + 1}", 0, 1, false), x.First, x.Total))).ToList();
        }
        else
        {
            var design = MorrisDesign.Create(f.Factors, samples, seed);
            var outputs = Evaluate(f, design.Points, design.Point);
            var r = design.Analyse(outputs, bootstrap, 0.95, seed);
            rows = r.Factors.Select(x => ($"x{x.Index + 1}", "[0, 1]", new SensitivityFactorResult(new SensitivityFactor($"x{x.Index + 1}", 0, 1, false), MuStar: x.MuStarInterval, Mu: x.Mu, Sigma: x.Sigma))).ToList();
        }
        if (json)
        {
            AnalyticCli.WriteJson(parse, new
            {
                function = f.Name,
                method,
                samples,
                seed,
                bootstrap,
                level = 0.95,
                factors = rows.Select((x, i) => new
                {
                    factor = x.Path,
                    first = Json(x.Result.First),
                    total = Json(x.Result.Total),
                    muStar = Json(x.Result.MuStar),
                    mu = x.Result.Mu,
                    sigma = x.Result.Sigma,
                    analyticFirst = f.FirstOrder[i],
                    analyticTotal = f.Total[i],
                }),
            });
            return ExitCodes.Ok;
        }
        AnalyticCli.Out(parse).WriteLine($"{f.Name} ({f.Factors} factors on the unit cube): {method}, {samples} samples, seed {seed}; analytic indices beside the estimates");
        WriteTable(parse, method, rows, f);
        if (plotFile is not null)
        {
            AnalyticCli.Out(parse).WriteLine("--plot draws scenario analyses only; nothing drawn for a test function");
        }
        return ExitCodes.Ok;
    }

    private static double[] Evaluate(ISensitivityTestFunction f, long points, Action<long, Span<double>> at)
    {
        var outputs = new double[points];
        var unit = new double[f.Factors];
        for (var k = 0; k < points; k++)
        {
            at(k, unit);
            outputs[k] = f.Evaluate(unit);
        }
        return outputs;
    }

    private static void WriteTable(ParseResult parse, SensitivityMethod method, IReadOnlyList<(string Path, string Range, SensitivityFactorResult Result)> rows,
        ISensitivityTestFunction? analytic = null)
    {
        var table = method == SensitivityMethod.Sobol
            ? AnalyticCli.NewTable(analytic is null
                ? ["factor", "range", "total index [95%]", "first-order index [95%]"]
                : ["factor", "range", "total index [95%]", "first-order index [95%]", "analytic total", "analytic first"])
            : AnalyticCli.NewTable(analytic is null
                ? ["factor", "range", "μ* [95%]", "μ", "σ"]
                : ["factor", "range", "μ* [95%]", "μ", "σ", "analytic total"]);
        for (var i = 0; i < rows.Count; i++)
        {
            var (path, range, r) = rows[i];
            var index = analytic is null ? -1 : int.Parse(path[1..], CultureInfo.InvariantCulture) - 1;
            if (method == SensitivityMethod.Sobol)
            {
                AnalyticCli.AddRow(table, analytic is null
                    ? [path, range, Text(r.Total), Text(r.First)]
                    : [path, range, Text(r.Total), Text(r.First), F(analytic.Total[index]), F(analytic.FirstOrder[index])]);
            }
            else
            {
                AnalyticCli.AddRow(table, analytic is null
                    ? [path, range, Text(r.MuStar), F(r.Mu ?? 0), F(r.Sigma ?? 0)]
                    : [path, range, Text(r.MuStar), F(r.Mu ?? 0), F(r.Sigma ?? 0), F(analytic.Total[index])]);
            }
        }
        AnalyticCli.Write(parse, table);
    }

    private static object? Json(SensitivityInterval? i) => i is null ? null : new { estimate = i.Estimate, low = i.Low, high = i.High };

    private static string Text(SensitivityInterval? i) => i is null ? "" : $"{F(i.Estimate)} [{F(i.Low)}, {F(i.High)}]";

    private static string F(double v) => Spiral.Reporting.Plots.TornadoPlot.Number(Math.Round(v, 4));
}
