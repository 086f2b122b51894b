using Spiral.Core.Parameters;
using System.Globalization;
using DuckDB.NET.Data;
using Spiral.Core.Scenarios;
using Spiral.Experiments.Counterfactuals;
using Spiral.Experiments.Definitions;
using Spiral.Experiments.Running;
using Spiral.Experiments.Sensitivity;
using Spiral.IO.Scenarios;
using Spiral.IO.Store;
using S = Spiral.IO.Store.StoreSchema;

namespace Spiral.Reporting.Tests.Plots;

/// <summary>
/// Small results stores for plot, report and CLI tests, written in the documented schema (StoreSchema.CreateTables)
/// from real simulation runs: a four-worlds sweep of a Jervis scenario, a plain ensemble, and a paired comparison.
/// </summary>
public static class TestStores
{
    public const ulong Seed = 20260427;
    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, string> Cache = [];

    /// <summary>A 4 × 4 sweep of world.offenseAdvantage × world.distinguishability, 6 runs a point, the first 3 with detail.</summary>
    public static string FourWorlds() => Cached("four-worlds", path =>
    {
        var baseScenario = ScenarioLoader.LoadLibrary("jervis-doubly-dangerous") with { Steps = 20 };
        double[] offense = [0.6, 0.9, 1.3, 1.8];
        double[] dist = [0.1, 0.35, 0.65, 0.9];
        var points = new List<(Scenario Scenario, double[] Values)>();
        foreach (var o in offense)
        {
            foreach (var d in dist)
            {
                points.Add((ParameterCatalog.Set(ParameterCatalog.Set(baseScenario, "world.offenseAdvantage", o), "world.distinguishability", d), [o, d]));
            }
        }
        Write(path, "sweep", "four-worlds-test", baseScenario, ["world.offenseAdvantage", "world.distinguishability"], points, 6, 3);
    });

    /// <summary>One ensemble of india-china-lac: 12 runs, all with detail, no axes.</summary>
    public static string Ensemble() => Cached("ensemble", path =>
    {
        var scenario = ScenarioLoader.LoadLibrary("india-china-lac");
        Write(path, "ensemble", "india-china-lac", scenario, [], [(scenario, [])], 12, 12);
    });

    /// <summary>A paired comparison of a hotline between India and China, stored as the schema's comparisons rows.</summary>
    public static string Comparison() => Cached("compare", path =>
    {
        var scenario = ScenarioLoader.LoadLibrary("india-china-lac");
        Write(path, "compare", "india-china-lac", scenario, [], [(scenario, [])], 8, 8);
        var result = PairedComparison.Run(new PairedCounterfactual(scenario, [Intervention.Parse("hotline:india,china")], 200, Seed), new RunnerOptions(2)).Single();
        using var connection = new DuckDBConnection($"Data Source={path}");
        connection.Open();
        using var appender = connection.CreateAppender(S.Comparisons.Table);
        foreach (var o in result.Outcomes)
        {
            appender.CreateRow().AppendValue(result.Intervention).AppendValue(o.Outcome.Name).AppendValue(result.Runs)
                .AppendValue(o.Baseline).AppendValue(o.Treated).AppendValue(o.Difference.Mean).AppendValue(o.Difference.Low)
                .AppendValue(o.Difference.High).EndRow();
        }
    });

    /// <summary>A DuckDB file with unrelated tables: a DuckDB database, but not a Spiral store.</summary>
    /// <summary>A Sobol analysis of two constants of jervis-doubly-dangerous (20 years), written by <c>ResultsStoreWriter.WriteSensitivity</c>.</summary>
    public static string Sensitivity() => Cached("sensitivity", path =>
    {
        var (scenario, factors, options, result) = SensitivityAnalysisOf();
        ResultsStoreWriter.WriteSensitivity(path, new SensitivityExperiment(scenario, factors, options),
            new StoreHeader("sensitivity", "", null, DetailSelection.None, "test"), result);
    });

    /// <summary>The analysis behind <see cref="Sensitivity"/>: 8 base samples, 6 runs a point.</summary>
    public static (Scenario Scenario, IReadOnlyList<SensitivityFactor> Factors, SensitivityOptions Options, SensitivityResult Result) SensitivityAnalysisOf()
    {
        var scenario = ScenarioLoader.LoadLibrary("jervis-doubly-dangerous") with { Steps = 20 };
        var factors = SensitivityAnalysis.Factors(scenario, ["world.incidentBaseRate", "model.crisisFadeProbability"]);
        var options = new SensitivityOptions(SensitivityMethod.Sobol, 8, 6, Seed, Bootstrap: 200);
        return (scenario, factors, options, SensitivityAnalysis.Run(scenario, factors, SensitivityOutput.Of("crises"), options, new RunnerOptions(2)));
    }

    public static string ForeignDuckDb() => Cached("foreign", path =>
    {
        using var connection = new DuckDBConnection($"Data Source={path}");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1);";
        cmd.ExecuteNonQuery();
    });

    private static readonly string Root = CreateRoot();

    private static string CreateRoot()
    {
        var root = Path.Combine(Path.GetTempPath(), "spiral-tests-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(root);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
            }
        };
        return root;
    }

    /// <summary>A new empty folder under this process's temporary root (removed when the test process exits).</summary>
    public static string TempDir()
    {
        var dir = Path.Combine(Root, Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static string Cached(string name, Action<string> build)
    {
        lock (Gate)
        {
            if (Cache.TryGetValue(name, out var existing))
            {
                return existing;
            }
            var path = Path.Combine(TempDir(), name + ".duckdb");
            build(path);
            Cache[name] = path;
            return path;
        }
    }

    private static void Write(string path, string kind, string name, Scenario baseScenario, IReadOnlyList<string> axes,
        IReadOnlyList<(Scenario Scenario, double[] Values)> points, int replications, int detailed)
    {
        using var connection = new DuckDBConnection($"Data Source={path}");
        connection.Open();
        foreach (var ddl in S.CreateTables(axes.Select(a => (a, true)).ToList()))
        {
            Exec(connection, ddl);
        }
        var hash = ScenarioHash.Of(baseScenario);
        Exec(connection, $"""
            INSERT INTO {S.Experiment.Table} VALUES ('{kind}', '{name}', '{baseScenario.Name}', '{hash}',
              'name: {baseScenario.Name}\nstartYear: {baseScenario.StartYear}\n', NULL, 'def', {Seed}, {points.Count}, {replications},
              {points.Count * replications}, {baseScenario.Steps}, {baseScenario.StartYear}, {baseScenario.States.Count}, 'sample', {detailed},
              'test', {S.Version}, '2026-01-01T00:00:00Z')
            """);
        for (var a = 0; a < axes.Count; a++)
        {
            Exec(connection, $"INSERT INTO {S.Axes.Table} VALUES ({a}, '{axes[a]}', 'values', true, {points.Select(p => p.Values[a]).Distinct().Count()})");
        }
        for (var i = 0; i < baseScenario.States.Count; i++)
        {
            Exec(connection, $"INSERT INTO {S.States.Table} VALUES ({i}, '{baseScenario.States[i].Name}')");
        }
        using var runStates = connection.CreateAppender(S.RunStates.Table);
        using var runs = connection.CreateAppender(S.Runs.Table);
        using var series = new ColumnAppender(connection, S.Series.Table, StoreRows.SeriesColumns);
        using var beliefs = new ColumnAppender(connection, S.Beliefs.Table, StoreRows.BeliefsColumns);
        using var events = connection.CreateAppender(S.Events.Table);
        for (var p = 0; p < points.Count; p++)
        {
            var (scenario, values) = points[p];
            var pointHash = ScenarioHash.Of(scenario);
            Exec(connection, $"INSERT INTO {S.Points.Table} VALUES ({p}, '{pointHash}')");
            var first = (long)p * replications;
            ExperimentRunner.Run(new EnsembleExperiment(scenario, replications, Seed), new RunnerOptions(2), run =>
            {
                var (rec, sum) = (run.Record, run.Summary);
                var runId = first + sum.RunIndex;
                var detail = sum.RunIndex < detailed;
                var row = runs.CreateRow().AppendValue(runId).AppendValue(p).AppendValue((int)sum.RunIndex).AppendValue(rec.Seed)
                    .AppendValue(pointHash).AppendValue(detail);
                row = StoreRows.AppendRunOutcomes(row, sum);
                foreach (var v in values)
                {
                    row = row.AppendValue(v);
                }
                row.EndRow();
                for (var i = 0; i < rec.N; i++)
                {
                    StoreRows.AppendStateOutcomes(runStates.CreateRow().AppendValue(runId).AppendValue((short)i), sum, i).EndRow();
                }
                if (detail)
                {
                    StoreRows.AppendDetail(rec, runId, series, beliefs, events);
                }
            });
        }
    }

    private static void Exec(DuckDBConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
