using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Spiral.Core.Recording;
using Spiral.Core.Scenarios;
using Spiral.Cli.Commands.Analytic;
using Spiral.Experiments.Definitions;
using Spiral.Experiments.Running;
using Spiral.IO.Files;
using Spiral.Reporting.Narration;
using Spiral.IO.Results;
using Spiral.IO.Scenarios;

namespace Spiral.Cli.Commands;

/// <summary><c>spiral run</c>: a Monte Carlo ensemble of one scenario, summarized; optionally CSV rows and a narrated run.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var scenarioArg = new Argument<string>("scenario") { Description = "A scenario file (.yaml) or a library name (see `spiral scenarios list`)." };
        var runs = new Option<int>("--runs") { Description = "Number of runs.", DefaultValueFactory = _ => 1000 };
        var seed = new Option<ulong>("--seed") { Description = "Master seed; run k draws from streams derived from (seed, k).", DefaultValueFactory = _ => 1UL };
        var steps = new Option<int?>("--steps") { Description = "Years to simulate (default: the scenario's horizon)." };
        var threads = new Option<int>("--threads") { Description = "Worker threads (0 = all cores). Results do not depend on it.", DefaultValueFactory = _ => 0 };
        var outDir = new Option<string?>("--out") { Description = "Write per-step series, beliefs, events and per-run rows as CSV into this new directory.", HelpName = "DIR" };
        var json = AnalyticCli.JsonOption();
        var narrate = new Option<bool>("--narrate") { Description = "Also tell the story of run 0 year by year." };
        var command = new Command("run", "Run a scenario many times and summarize wars, crises, spirals, arming and beliefs.")
        {
            scenarioArg, runs, seed, steps, threads, outDir, json, narrate,
        };
        command.SetAction(parse => Execute(parse, parse.GetValue(scenarioArg)!, parse.GetValue(runs), parse.GetValue(seed),
            parse.GetValue(steps), parse.GetValue(threads), parse.GetValue(outDir), parse.GetValue(json), parse.GetValue(narrate)));
        return command;
    }

    private static int Execute(ParseResult parse, string scenarioName, int runs, ulong seed, int? steps, int threads,
        string? outDir, bool json, bool narrate)
    {
        if (runs < 1 || runs > 10_000_000)
        {
            throw new UsageException($"--runs {runs}: expected an integer from 1 to 10000000");
        }
        if (steps is < 1 or > 1000)
        {
            throw new UsageException($"--steps {steps}: expected an integer from 1 to 1000");
        }
        var options = RunnerArguments.Options(threads);
        if (outDir is not null)
        {
            CliPaths.OutputFolder("--out", outDir);
        }
        var scenario = ScenarioCli.Load(scenarioName);
        var ensemble = new EnsembleExperiment(scenario, runs, seed, steps);
        var hash = ScenarioHash.Of(scenario);

        CsvRunWriter? writer = null;
        if (outDir is not null)
        {
            try
            {
                writer = new CsvRunWriter(outDir, hash);
            }
            catch (OutputPathException ex)
            {
                throw CliPaths.Usage("--out", ex);
            }
        }
        using (writer)
        {
            EnsembleSummary summary;
            using (var interrupt = Experiments.ProgressDisplay.CancelOnInterrupt())
            {
                try
                {
                    summary = WithProgress(parse, json, runs, progress =>
                        EnsembleRunner.Summarize(ensemble, options, interrupt.Token, progress, writer));
                }
                catch (OperationCanceledException)
                {
                    parse.InvocationConfiguration.Error.WriteLine("stopped: interrupted; nothing written");
                    return Experiments.SweepCommand.Interrupted;
                }
            }
            writer?.Commit();
            var narration = narrate ? NarrateRunZero(scenario, seed, steps) : null;
            if (json)
            {
                AnalyticCli.WriteJson(parse, RunJson.From(summary, scenario, narration));
            }
            else
            {
                RunTables.Write(parse, summary, scenario);
                if (narration is not null)
                {
                    WriteNarration(parse, narration);
                }
                if (outDir is not null)
                {
                    AnalyticCli.Out(parse).WriteLine($"CSV written to {Path.GetFullPath(outDir)} (series.csv, beliefs.csv, events.csv, runs.csv)");
                }
            }
        }
        return ExitCodes.Ok;
    }

    private static IReadOnlyList<NarratedYear> NarrateRunZero(Scenario scenario, ulong seed, int? steps)
    {
        var horizon = steps ?? scenario.Steps;
        var record = new RunRecord(scenario.States.Count, horizon);
        Spiral.Core.Simulation.Run(scenario, seed, 0, record, horizon);
        return Narrator.Narrate(record);
    }

    private static void WriteNarration(ParseResult parse, IReadOnlyList<NarratedYear> story)
    {
        var o = AnalyticCli.Out(parse);
        o.WriteLine();
        o.WriteLine("The story of run 0");
        o.WriteLine("------------------");
        foreach (var year in story)
        {
            o.WriteLine(year.Year.ToString(CultureInfo.InvariantCulture));
            foreach (var line in year.Lines)
            {
                o.WriteLine($"  - {line.Text}");
            }
        }
    }

    /// <summary>Progress bar with rate and time left on a terminal; plain periodic lines on stderr otherwise (not with --json).</summary>
    internal static T WithProgress<T>(ParseResult parse, bool json, long total, Func<IProgress<long>?, T> body) =>
        Experiments.ProgressDisplay.Run(parse, json, total, "runs", body);
}

/// <summary>Loads a scenario for a command, turning scenario errors into one clear message and exit code 2.</summary>
internal static class ScenarioCli
{
    public static Scenario Load(string fileOrName)
    {
        try
        {
            return ScenarioLoader.Resolve(fileOrName);
        }
        catch (ScenarioException ex)
        {
            var hint = File.Exists(fileOrName) || fileOrName.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)
                ? ""
                : Suggestions.DidYouMean(fileOrName, ScenarioLibrary.Names);
            throw new UsageException(ex.Message + hint);
        }
    }

    /// <summary>The scenario's text as given (file or library), for stores and calibrated copies.</summary>
    public static ScenarioSource Source(string fileOrName)
    {
        try
        {
            return ScenarioLoader.Source(fileOrName);
        }
        catch (ScenarioException ex)
        {
            throw new UsageException(ex.Message);
        }
    }
}
