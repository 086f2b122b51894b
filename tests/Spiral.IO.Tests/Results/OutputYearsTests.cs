using System.Globalization;
using Spiral.Core.Events;
using Spiral.Experiments.Definitions;
using Spiral.Experiments.Running;
using Spiral.Reporting.Narration;
using Spiral.Reporting.Plots;
using Spiral.Reporting.Reports;
using Spiral.IO.Results;
using Spiral.IO.Scenarios;
using Spiral.IO.Store;
using S = Spiral.IO.Store.StoreSchema;

namespace Spiral.IO.Tests.Results;

/// <summary>
/// The time convention (TimeConvention, docs/explanation/model.md "Time") across every output of one run of
/// india-china-lac (15 steps from 2010): step t is year 2010 + t − 1, so the years are 2010..2024; row 0 is labelled
/// 2009; the Doklam standoff, a timeline incident dated 2017, is recorded in step 8. CSV files, the results store, its
/// charts, the report, the narration and the explorer's view must all say so.
/// </summary>
public sealed class OutputYearsTests : IDisposable
{
    private const ulong Seed = 7;
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("spiral-years-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public void AllOutputs_OneRunOfIndiaChinaLac_AgreeOnYears()
    {
        var scenario = ScenarioLoader.LoadLibrary("india-china-lac");
        var experiment = new EnsembleExperiment(scenario, 1, Seed);
        var csvDir = Path.Combine(_dir.FullName, "csv");
        var storePath = Path.Combine(_dir.FullName, "run.duckdb");
        var events = new List<(int Step, int Year, string Kind)>();
        var firstWarStep = "";
        IReadOnlyList<NarratedYear> story = [];
        using (var csv = new CsvRunWriter(csvDir, ScenarioHash.Of(scenario)))
        using (var store = ResultsStoreWriter.OpenOrCreate(storePath, experiment,
                   new StoreHeader("ensemble", ScenarioLibrary.Text(scenario.Name), null, DetailSelection.All, "test"), resume: false))
        {
            ExperimentRunner.Run(experiment, new RunnerOptions(1), new Tee(store, run =>
            {
                csv.Accept(run);
                story = Narrator.Narrate(run.Record);
                foreach (var e in run.Record.Events.Items)
                {
                    events.Add((e.Step, e.Year, e.Kind.ToString()));
                }
                firstWarStep = run.Summary.FirstWarStep >= 0 ? run.Summary.FirstWarStep.ToString(CultureInfo.InvariantCulture) : "";
            }));
            store.Complete();
            csv.Commit();
        }

        // the run itself: every event of step t is dated 2009 + t; Doklam (2017) is an incident of step 8
        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.Equal(2009 + e.Step, e.Year));
        Assert.All(events, e => Assert.InRange(e.Step, 1, 15));
        Assert.Contains((8, 2017, nameof(EventKind.Incident)), events);

        // CSV: series and beliefs rows t are years 2009 + t (2009 the initial state, 2010..2024 the steps); events as recorded
        var series = Rows(Path.Combine(csvDir, "series.csv"));
        Assert.All(series, r => Assert.Equal(2009 + Int(r["step"]), Int(r["year"])));
        Assert.Equal((2009, 2024), (series.Min(r => Int(r["year"])), series.Max(r => Int(r["year"]))));
        Assert.All(Rows(Path.Combine(csvDir, "beliefs.csv")), r => Assert.Equal(2009 + Int(r["step"]), Int(r["year"])));
        Assert.Equal(events, Rows(Path.Combine(csvDir, "events.csv")).Select(r => (Int(r["step"]), Int(r["year"]), r["kind"])));
        Assert.Equal(firstWarStep, Rows(Path.Combine(csvDir, "runs.csv")).Single()["first_war_step"]);

        // the results store: the same years in series, beliefs and events
        using (var reader = ResultsReader.Open(storePath))
        {
            Assert.Equal(0, reader.Scalar<long>($"SELECT count(*) FROM {S.Series.Table} WHERE {S.Series.Year} <> 2009 + {S.Series.Step}"));
            Assert.Equal(0, reader.Scalar<long>($"SELECT count(*) FROM {S.Beliefs.Table} WHERE {S.Beliefs.Year} <> 2009 + {S.Beliefs.Step}"));
            Assert.Equal(2010, reader.Scalar<int>($"SELECT min({S.Series.Year}) FROM {S.Series.Table} WHERE {S.Series.Step} >= 1"));
            Assert.Equal(2024, reader.Scalar<int>($"SELECT max({S.Series.Year}) FROM {S.Series.Table}"));
            var stored = new List<(int, int, string)>();
            using (var q = reader.Query($"SELECT {S.Events.Step}, {S.Events.Year}, {S.Events.Kind} FROM {S.Events.Table} ORDER BY {S.Events.Seq}"))
            {
                while (q.Read())
                {
                    stored.Add((Convert.ToInt32(q.GetValue(0), CultureInfo.InvariantCulture), Convert.ToInt32(q.GetValue(1), CultureInfo.InvariantCulture), q.GetString(2)));
                }
            }
            Assert.Equal(events, stored);
        }

        // charts and the report read the store
        using (var charts = StoreCharts.Open(storePath))
        {
            var milex = charts.Trajectories().Milex[0].Years;
            Assert.Equal((2009.0, 2024.0), (milex[0], milex[^1]));
            var beliefs = charts.Beliefs().Curves[0].Years;
            Assert.Equal((2009.0, 2024.0), (beliefs[0], beliefs[^1]));
            var (html, _, _) = HtmlReport.Build(charts, "run.duckdb", "test");
            Assert.Contains("2010–2024 (15 years)", html);
        }

        // the narration tells steps 1..15 under 2010..2024, Doklam under 2017, and ends in 2024
        Assert.Equal(2010, story[0].Year);
        Assert.Equal(2024, story[^1].Year);
        Assert.All(story.Zip(story.Skip(1)), p => Assert.True(p.First.Year < p.Second.Year));
        Assert.Contains(story.Single(y => y.Year == 2017).Lines, l => l.Text.Contains("rung 5", StringComparison.Ordinal));
        Assert.Contains(story[^1].Lines, l => l.Text.StartsWith("By the end of 2024", StringComparison.Ordinal));
    }

    private static List<Dictionary<string, string>> Rows(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(x => x.First, x => x.Second)).ToList();
    }

    private static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);

    /// <summary>Hands every run to the store and to <paramref name="also"/>.</summary>
    private sealed class Tee(ResultsStoreWriter store, Action<CompletedRun> also) : IRunSink
    {
        public void ChunkStarting(long firstJob, int count) => store.ChunkStarting(firstJob, count);

        public void Accept(in CompletedRun run)
        {
            store.Accept(run);
            also(run);
        }

        public void ChunkCompleted(long firstJob, int count) => store.ChunkCompleted(firstJob, count);
    }
}
