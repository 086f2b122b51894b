using System.CommandLine;
using System.Globalization;
using System.Reflection;
using Spiral.Cli.Commands.Analytic;
using Spiral.Experiments.Definitions;
using Spiral.Experiments.Metrics;
using Spiral.Experiments.Running;
using Spiral.IO.Files;
using Spiral.IO.Scenarios;
using Spiral.IO.Store;
using Spiral.IO.Sweeps;

namespace Spiral.Cli.Commands.Experiments;

/// <summary><c>spiral sweep</c>: runs a sweep file into a DuckDB results store and prints per-point statistics queried from it.</summary>
internal static class SweepCommand
{
    /// <summary>Exit code of a sweep stopped by Ctrl+C or SIGTERM (128 + SIGINT).</summary>
    public const int Interrupted = 130;

    public static Command Create()
    {
        var file = new Argument<string>("sweep") { Description = "A sweep file (.yaml); see docs/how-to/sweeps.md." };
        var output = new Option<string?>("--out", "-o") { Description = "Results store to write (default: <sweep name>.duckdb in the current folder).", HelpName = "FILE.duckdb" };
        var resume = new Option<bool>("--resume") { Description = "Continue the store of an interrupted sweep: completed runs are kept, the rest are run." };
        var threads = new Option<int>("--threads") { Description = "Worker threads (0 = all cores). Results do not depend on it.", DefaultValueFactory = _ => 0 };
        var series = new Option<string[]>("--series")
        {
            Description = "Which runs keep per-step series, beliefs and events: all, none, or sample N (replications 0..N-1 of every point). Default: sample 10.",
            HelpName = "all|none|sample N",
            AllowMultipleArgumentsPerToken = true,
            Arity = new ArgumentArity(1, 2),
        };
        var chunk = new Option<int>("--chunk") { Description = "Runs per committed chunk (0 = automatic).", DefaultValueFactory = _ => 0, Hidden = true };
        var commitMs = new Option<int>("--commit-ms")
        {
            Description = "Group chunks into one commit until this many milliseconds passed (0 = commit every chunk).",
            DefaultValueFactory = _ => (int)ResultsStoreWriter.DefaultCommitEvery.TotalMilliseconds,
            Hidden = true,
        };
        var allowLarge = new Option<bool>("--allow-large") { Description = $"Run a sweep of more than {SweepExperiment.LargeRuns:N0} runs (refused otherwise)." };
        var json = AnalyticCli.JsonOption();
        var cluster = new ClusterArguments();
        var command = new Command("sweep", "Run a parameter sweep (axes × replications) into a DuckDB results store; --resume continues an interrupted one.")
        {
            file, output, resume, threads, series, json, allowLarge, chunk, commitMs,
        };
        foreach (var option in cluster.Options)
        {
            command.Options.Add(option);
        }
        command.SetAction(parse => Execute(parse, parse.GetValue(file)!, parse.GetValue(output), parse.GetValue(resume),
            parse.GetValue(threads), parse.GetValue(series), parse.GetValue(json), parse.GetValue(chunk), parse.GetValue(allowLarge),
            parse.GetValue(commitMs), cluster));
        return command;
    }

    /// <summary><c>dyads[india,china].hotline</c> → <c>hotline</c>, <c>world.offenseAdvantage</c> → <c>offenseAdvantage</c>.</summary>
    private static string ShortName(string path)
    {
        var dot = path.LastIndexOf('.');
        return dot >= 0 && dot < path.Length - 1 ? path[(dot + 1)..] : path;
    }

    internal static string Version() =>
        typeof(SweepCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    internal static string NowUtc() => DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static int Execute(ParseResult parse, string file, string? output, bool resume, int threads, string[]? series, bool json, int chunk,
        bool allowLarge, int commitMs, ClusterArguments clusterArguments)
    {
        if (commitMs < 0)
        {
            throw new UsageException($"--commit-ms: {commitMs} is negative; expected 0 or more milliseconds");
        }
        var options = RunnerArguments.Options(threads, chunk);
        DetailSelection detail;
        try
        {
            detail = series is { Length: > 0 } ? DetailSelection.Parse(string.Join(' ', series)) : DetailSelection.Default;
        }
        catch (ArgumentException ex)
        {
            throw new UsageException($"--series: {ex.Message}");
        }
        LoadedSweep loaded;
        try
        {
            loaded = SweepLoader.LoadFile(file, allowLarge);
        }
        catch (ScenarioException ex)
        {
            throw new UsageException(ex.Message);
        }
        var experiment = loaded.Experiment();
        var path = output ?? loaded.Definition.Name + ".duckdb";
        // An existing store without --resume is refused by the writer, with the hint to resume.
        CliPaths.OutputFile("--out", path, ExistingOutput.Reopen, ResultsStoreWriter.WalSuffix);
        // Connected before the store is opened: a cluster that cannot run the sweep leaves nothing written.
        using var cluster = clusterArguments.Connect(parse);
        var executor = (IExperimentExecutor?)cluster?.Executor ?? new LocalExecutor(options);
        var header = new StoreHeader("sweep", loaded.ScenarioText, loaded.SweepText, detail, Version(), NowUtc());
        ResultsStoreWriter writer;
        try
        {
            writer = ResultsStoreWriter.OpenOrCreate(path, experiment, header, resume);
        }
        catch (ResultsStoreException ex)
        {
            throw new UsageException($"--out {path}: {ex.Message}");
        }
        catch (OutputPathException ex)
        {
            throw CliPaths.Usage("--out", ex);
        }
        writer.CommitEvery = TimeSpan.FromMilliseconds(commitMs);
        if (writer.Repaired.Length > 0)
        {
            parse.InvocationConfiguration.Error.WriteLine($"repaired {path}: {writer.Repaired}");
        }
        var total = experiment.TotalRuns();
        long executed;
        var previously = writer.CompletedRuns;
        using (var interrupt = ProgressDisplay.CancelOnInterrupt())
        using (writer)
        {
            try
            {
                executed = ProgressDisplay.Run(parse, json, total, "sweep", progress =>
                    executor.Execute(experiment, writer, interrupt.Token, progress, writer.IsDone));
                writer.Complete();
            }
            catch (Spiral.Distributed.ClusterException ex)
            {
                writer.Complete();
                writer.Dispose();
                using var partial = ResultsReader.Open(path, verify: false);
                parse.InvocationConfiguration.Error.WriteLine(
                    $"error: --cluster {cluster!.Address}: {ex.Message}; {partial.RunCount():N0} of {total:N0} runs are stored in {path}; run the same command with --resume to finish");
                return ExitCodes.Failure;
            }
            catch (OperationCanceledException)
            {
                writer.Complete();
                writer.Dispose();
                using var partial = ResultsReader.Open(path, verify: false);
                parse.InvocationConfiguration.Error.WriteLine(
                    $"stopped: {partial.RunCount():N0} of {total:N0} runs are stored in {path}; run the same command with --resume to finish");
                return Interrupted;
            }
        }

        using var reader = ResultsReader.Open(path, verify: false);
        var points = reader.PointSummaries();
        var runs = reader.RunCount();
        if (json)
        {
            AnalyticCli.WriteJson(parse, new
            {
                sweep = loaded.Definition.Name,
                store = Path.GetFullPath(path),
                scenario = loaded.Definition.BaseScenario.Name,
                seed = loaded.Definition.Seed,
                replications = loaded.Definition.Replications,
                pointCount = experiment.PointCount,
                totalRuns = total,
                storedRuns = runs,
                resumedFrom = previously,
                executed,
                series = writer.Detail.ToString(),
                axes = loaded.Definition.Axes.Select(a => a.Path).ToArray(),
                points = points.Select(p =>
                {
                    var point = new OrderedDictionary<string, object?>
                    {
                        ["point"] = p.Point,
                        ["values"] = loaded.Definition.Axes.Select((a, i) => (a.Path, Value: i < p.Values.Count ? p.Values[i] : ""))
                            .ToDictionary(x => x.Path, x => x.Value),
                        ["runs"] = p.Runs,
                    };
                    OutcomeJson.AddRunOutcomes(point, p.Outcomes);
                    return point;
                }).ToArray(),
            });
            return ExitCodes.Ok;
        }
        var o = AnalyticCli.Out(parse);
        o.WriteLine($"Sweep {loaded.Definition.Name}: {experiment.PointCount:N0} points × {loaded.Definition.Replications:N0} replications = {total:N0} runs of {loaded.Definition.BaseScenario.Name}, seed {loaded.Definition.Seed}");
        if (previously > 0)
        {
            o.WriteLine($"Resumed: {previously:N0} runs were already stored, {executed:N0} run now.");
        }
        o.WriteLine($"Axes: {string.Join(" × ", loaded.Definition.Axes.Select(a => a.Path))}");
        var headline = OutcomeRegistry.Runs.Where(x => x.Headline).ToList();
        var headers = loaded.Definition.Axes.Select(a => ShortName(a.Path))
            .Concat(["runs", .. headline.SelectMany(x => x.Kind == OutcomeKind.Indicator ? [x.Label, "95% CI"] : new[] { x.Label })]).ToArray();
        var table = AnalyticCli.NewTable(headers);
        const int maxRows = 60;
        foreach (var p in points.Take(maxRows))
        {
            var cells = p.Values.Cast<object?>().Append(p.Runs).Concat(headline.SelectMany(x =>
            {
                var e = p[x].Estimate;
                return x.Kind == OutcomeKind.Indicator
                    ? [Math.Round(e.Mean, 3), string.Create(CultureInfo.InvariantCulture, $"[{e.Low:0.000}, {e.High:0.000}]")]
                    : new object?[] { Math.Round(e.Mean, 4) };
            })).ToArray();
            AnalyticCli.AddRow(table, cells);
        }
        AnalyticCli.Write(parse, table);
        if (points.Count > maxRows)
        {
            o.WriteLine($"… {points.Count - maxRows:N0} more points: query the store or use --json.");
        }
        o.WriteLine($"Results: {Path.GetFullPath(path)} ({runs:N0} runs; series: {writer.Detail}). Export with: spiral export {path} --parquet DIR");
        return ExitCodes.Ok;
    }
}
