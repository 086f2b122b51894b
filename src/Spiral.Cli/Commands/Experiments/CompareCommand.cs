using Spiral.Core.Scenarios;
using Spiral.Core.Parameters;
using System.CommandLine;
using System.Globalization;
using Spiral.Cli.Commands.Analytic;
using Spiral.Core.Recording;
using Spiral.Experiments.Counterfactuals;
using Spiral.Experiments.Definitions;
using Spiral.Experiments.Running;
using Spiral.IO.Files;
using Spiral.IO.Scenarios;
using Spiral.IO.Store;

namespace Spiral.Cli.Commands.Experiments;

/// <summary><c>spiral compare</c>: same-seed counterfactuals of interventions, with paired differences and 95% intervals.</summary>
internal static class CompareCommand
{
    public static Command Create()
    {
        var scenarioArg = new Argument<string>("scenario") { Description = "A scenario file (.yaml) or a library name." };
        var interventions = new Option<string[]>("--intervention", "-i")
        {
            Description = "An intervention, e.g. hotline:india,china  cbm:india,china@2012  posture:india=defensive  institutions=0.6  drop:cbmSigned@2013. Repeat to compare several, each against the same baseline.",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
            HelpName = "SPEC",
        };
        var combined = new Option<bool>("--combined") { Description = "Apply all interventions together as one treated arm." };
        var runs = new Option<int>("--runs") { Description = "Runs per arm (the arms share seeds).", DefaultValueFactory = _ => 1000 };
        var seed = new Option<ulong>("--seed") { Description = "Master seed; run k of every arm draws from (seed, k).", DefaultValueFactory = _ => 1UL };
        var steps = new Option<int?>("--steps") { Description = "Years to simulate (default: the scenario's horizon)." };
        var threads = new Option<int>("--threads") { Description = "Worker threads (0 = all cores). Results do not depend on it.", DefaultValueFactory = _ => 0 };
        var output = new Option<string?>("--out", "-o") { Description = "Also write the comparison into a new DuckDB results store (table comparisons).", HelpName = "FILE.duckdb" };
        var json = AnalyticCli.JsonOption();
        var command = new Command("compare", "Compare a scenario with and without interventions on the same seeds: paired differences with 95% intervals.")
        {
            scenarioArg, interventions, combined, runs, seed, steps, threads, output, json,
        };
        command.SetAction(parse => Execute(parse, parse.GetValue(scenarioArg)!, parse.GetValue(interventions) ?? [], parse.GetValue(combined),
            parse.GetValue(runs), parse.GetValue(seed), parse.GetValue(steps), parse.GetValue(threads), parse.GetValue(output), parse.GetValue(json)));
        return command;
    }

    private static int Execute(ParseResult parse, string scenarioName, string[] specs, bool combined, int runs, ulong seed, int? steps,
        int threads, string? output, bool json)
    {
        if (runs < 2 || runs > 10_000_000)
        {
            throw new UsageException($"--runs {runs}: expected an integer from 2 to 10000000");
        }
        if (steps is < 1 or > 1000)
        {
            throw new UsageException($"--steps {steps}: expected an integer from 1 to 1000");
        }
        var options = RunnerArguments.Options(threads);
        if (specs.Length == 0)
        {
            throw new UsageException("--intervention is required, e.g. --intervention hotline:india,china");
        }
        if (output is not null)
        {
            CliPaths.OutputFile("--out", output, ExistingOutput.Refuse);
        }
        var scenario = ScenarioCli.Load(scenarioName);
        var parsed = new List<Intervention>();
        foreach (var spec in specs)
        {
            try
            {
                var intervention = Intervention.Parse(spec);
                intervention.Apply(scenario).EnsureValid();
                parsed.Add(intervention);
            }
            catch (Exception ex) when (ex is ScenarioPathException or InvalidScenarioException)
            {
                throw new UsageException($"--intervention {spec}: {ex.Message}");
            }
        }
        var experiment = new PairedCounterfactual(scenario, parsed, runs, seed, steps, combined);
        try
        {
            for (var point = 0; point < experiment.PointCount; point++)
            {
                experiment.ScenarioAt(point);
            }
        }
        catch (InvalidScenarioException ex)
        {
            throw new UsageException($"--intervention (together): {ex.Message}");
        }
        IReadOnlyList<ComparisonResult> results;
        using (var interrupt = ProgressDisplay.CancelOnInterrupt())
        {
            try
            {
                results = ProgressDisplay.Run(parse, json, experiment.TotalRuns(), "compare", progress =>
                    PairedComparison.Run(experiment, options, interrupt.Token, progress));
            }
            catch (OperationCanceledException)
            {
                parse.InvocationConfiguration.Error.WriteLine("stopped: comparison interrupted; nothing written");
                return SweepCommand.Interrupted;
            }
        }
        if (output is not null)
        {
            var text = ScenarioCli.Source(scenarioName).Text;
            try
            {
                ResultsStoreWriter.WriteComparisons(output, experiment,
                    new StoreHeader("compare", text, null, DetailSelection.None, SweepCommand.Version(), SweepCommand.NowUtc()), results);
            }
            catch (ResultsStoreException ex)
            {
                throw new UsageException($"--out {output}: {ex.Message}");
            }
            catch (OutputPathException ex)
            {
                throw CliPaths.Usage("--out", ex);
            }
        }
        if (json)
        {
            AnalyticCli.WriteJson(parse, new
            {
                scenario = scenario.Name,
                runs,
                seed,
                steps = steps ?? scenario.Steps,
                baselineHash = results.Count > 0 ? results[0].BaselineHash : ScenarioHash.Of(scenario),
                comparisons = results.Select(c => new
                {
                    intervention = c.Intervention,
                    treatedHash = c.TreatedHash,
                    outcomes = c.Outcomes.Select(o => new
                    {
                        outcome = o.Outcome.Name,
                        baseline = o.Baseline,
                        treated = o.Treated,
                        difference = o.Difference.Mean,
                        low = o.Difference.Low,
                        high = o.Difference.High,
                        significant = o.Difference.Low > 0 || o.Difference.High < 0,
                    }).ToArray(),
                    ratios = c.Ratios.Select(o => new
                    {
                        ratio = o.Ratio.Name,
                        baseline = o.Baseline,
                        treated = o.Treated,
                        difference = o.Difference.Mean,
                        low = o.Difference.Low,
                        high = o.Difference.High,
                        significant = o.Difference.Low > 0 || o.Difference.High < 0,
                    }).ToArray(),
                }).ToArray(),
                store = output is null ? null : Path.GetFullPath(output),
            });
            return ExitCodes.Ok;
        }
        var w = AnalyticCli.Out(parse);
        w.WriteLine($"{scenario.Name}: {runs:N0} paired runs per arm, seed {seed}, {TimeConvention.Span(scenario.StartYear, steps ?? scenario.Steps)} (same seeds in every arm)");
        foreach (var c in results)
        {
            w.WriteLine();
            w.WriteLine($"Intervention: {c.Intervention}");
            var table = AnalyticCli.NewTable("outcome", "baseline", "treated", "difference (treated − baseline)", "95% CI", "");
            foreach (var o in c.Outcomes)
            {
                var sig = o.Difference.Low > 0 || o.Difference.High < 0 ? "*" : "";
                AnalyticCli.AddRow(table, o.Outcome.Label, R(o.Baseline), R(o.Treated), R(o.Difference.Mean),
                    string.Create(CultureInfo.InvariantCulture, $"[{R(o.Difference.Low)}, {R(o.Difference.High)}]"), sig);
            }
            foreach (var o in c.Ratios)
            {
                var sig = o.Difference.Low > 0 || o.Difference.High < 0 ? "*" : "";
                AnalyticCli.AddRow(table, o.Ratio.Label + " (over all runs)", R(o.Baseline), R(o.Treated), R(o.Difference.Mean),
                    string.Create(CultureInfo.InvariantCulture, $"[{R(o.Difference.Low)}, {R(o.Difference.High)}]"), sig);
            }
            AnalyticCli.Write(parse, table);
        }
        w.WriteLine("* the 95% interval of the paired difference excludes 0.");
        if (output is not null)
        {
            w.WriteLine($"Written to {Path.GetFullPath(output)} (table comparisons).");
        }
        return ExitCodes.Ok;
    }

    private static double R(double v) => Math.Round(v, 4);
}
