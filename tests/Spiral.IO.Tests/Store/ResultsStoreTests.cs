using Spiral.Core.Scenarios;
using Spiral.Experiments.Counterfactuals;
using Spiral.Experiments.Definitions;
using Spiral.Experiments.Metrics;
using Spiral.Experiments.Running;
using Spiral.IO.Store;
using Spiral.Numerics.Random;
using Spiral.Testing;
using S = Spiral.IO.Store.StoreSchema;

namespace Spiral.IO.Tests.Store;

/// <summary>The DuckDB results store: one row per run, detail as chosen, whole chunks only, resume equals an uninterrupted run.</summary>
public sealed class ResultsStoreTests : IDisposable
{
    private static readonly Scenario Base = ScenarioBuilder.Stylized(states: 3, offenseAdvantage: 2, distinguishability: 0.1,
        greedProbability: 0.2, steps: 12, rivalry: 0.3);

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("spiral-store-");

    public void Dispose() => _dir.Delete(true);

    private string File(string name) => Path.Combine(_dir.FullName, name);

    private static SweepExperiment Sweep(int replications = 6) => new(new SweepDefinition("test", Base,
        [SweepAxis.OfValues("world.offenseAdvantage", 0.5, 3.0), SweepAxis.OfValues("states[s1].policy", "DefensiveRealist", "Grit")],
        replications, Seed: 11));

    private static StoreHeader Header(DetailSelection? detail = null) =>
        new("sweep", "name: test", "sweep: text", detail ?? DetailSelection.All, "test-1.0", "2026-01-01T00:00:00Z");

    private static void Write(string path, IExperiment experiment, StoreHeader header, bool resume = false, int chunk = 5,
        CancellationToken cancel = default)
    {
        using var writer = ResultsStoreWriter.OpenOrCreate(path, experiment, header, resume);
        ExperimentRunner.Run(experiment, new RunnerOptions(2, chunk), writer, cancel, isDone: writer.IsDone);
        writer.Complete();
    }

    [Fact]
    public void Write_SweepOfTwentyFourRuns_OneRowPerRunWithSeedPointAndParameters()
    {
        var path = File("a.duckdb");
        var sweep = Sweep();
        Write(path, sweep, Header());
        using var reader = ResultsReader.Open(path);
        Assert.Equal(24, reader.RunCount());
        Assert.Equal(24, reader.Scalar<long>($"SELECT count(DISTINCT {S.Runs.RunId}) FROM {S.Runs.Table}"));
        Assert.Equal(RandomStream.RunSeed(11, 13),
            reader.Scalar<ulong>($"SELECT {S.Runs.Seed} FROM {S.Runs.Table} WHERE {S.Runs.RunId} = 13"));
        Assert.Equal("3|1|3.0|Grit", reader.Scalar<string>(
            $"SELECT concat_ws('|', {S.Runs.Point}, {S.Runs.Replication}, \"world.offenseAdvantage\", \"states[s1].policy\") FROM {S.Runs.Table} WHERE {S.Runs.RunId} = 19"));
        Assert.Equal(ScenarioHash.Of(sweep.ScenarioAt(3)),
            reader.Scalar<string>($"SELECT {S.Runs.ScenarioHash} FROM {S.Runs.Table} WHERE {S.Runs.RunId} = 19"));
        var experiment = reader.Experiment();
        Assert.Equal(("sweep", "test", 4, 6, 24L, 12, 3, "all"), (experiment.Kind, experiment.Name, experiment.Points, experiment.Replications,
            experiment.TotalRuns, experiment.Steps, experiment.StateCount, experiment.DetailMode));
        Assert.Equal(["S1", "S2", "S3"], reader.States());
        Assert.Equal(["world.offenseAdvantage", "states[s1].policy"], reader.Axes().Select(a => a.Path));
        Assert.Equal([true, false], reader.Axes().Select(a => a.Numeric));
        Assert.Equal(8, reader.Scalar<long>($"SELECT count(*) FROM {S.PointValues.Table}"));
    }

    [Fact]
    public void Write_SummaryColumns_EqualTheRunnersSummaries()
    {
        var path = File("b.duckdb");
        var sweep = Sweep(3);
        Write(path, sweep, Header());
        var expected = new List<string>();
        ExperimentRunner.Run(sweep, new RunnerOptions(1), r => expected.Add(string.Join('|', r.Job, r.Summary.Wars, r.Summary.Crises, r.Summary.Spirals,
            r.Summary.MaxRung, r.Summary.CbmsSigned)));
        using var reader = ResultsReader.Open(path);
        using var q = reader.Query($"SELECT concat_ws('|', run_id, wars, crises, spirals, max_rung, cbms_signed) FROM runs ORDER BY run_id");
        var actual = new List<string>();
        while (q.Read())
        {
            actual.Add(q.GetString(0));
        }
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Write_DetailAll_SeriesBeliefsAndEventsForEveryRun()
    {
        var path = File("c.duckdb");
        Write(path, Sweep(2), Header(DetailSelection.All));
        using var reader = ResultsReader.Open(path);
        Assert.Equal(8 * 13 * 3, reader.Scalar<long>($"SELECT count(*) FROM {S.Series.Table}"));
        Assert.Equal(8 * 13 * 6, reader.Scalar<long>($"SELECT count(*) FROM {S.Beliefs.Table}"));
        Assert.Equal(8 * 3, reader.Scalar<long>($"SELECT count(*) FROM {S.RunStates.Table}"));
        Assert.Equal(reader.Scalar<long>("SELECT count(*) FROM events"),
            reader.Scalar<long>("SELECT count(*) FROM events WHERE run_id IN (SELECT run_id FROM runs)"));
        // 12 steps from 2000 simulate 2000..2011; row 0, the initial state, is labelled 1999
        Assert.Equal(2011, reader.Scalar<int>($"SELECT max({S.Series.Year}) FROM {S.Series.Table}"));
        Assert.Equal(1999, reader.Scalar<int>($"SELECT min({S.Beliefs.Year}) FROM {S.Beliefs.Table}"));
    }

    [Fact]
    public void Write_DetailSampleTwo_OnlyReplicationsZeroAndOneHaveSeries()
    {
        var path = File("d.duckdb");
        Write(path, Sweep(5), Header(DetailSelection.SampleOf(2)));
        using var reader = ResultsReader.Open(path);
        Assert.Equal(8, reader.Scalar<long>("SELECT count(*) FROM runs WHERE has_detail"));
        Assert.Equal(8 * 13 * 3, reader.Scalar<long>("SELECT count(*) FROM series"));
        Assert.Equal(0, reader.Scalar<long>("SELECT count(*) FROM series WHERE run_id IN (SELECT run_id FROM runs WHERE replication >= 2)"));
    }

    [Fact]
    public void Write_DetailNone_NoSeriesButEveryRun()
    {
        var path = File("e.duckdb");
        Write(path, Sweep(3), Header(DetailSelection.None));
        using var reader = ResultsReader.Open(path);
        Assert.Equal((12L, 0L, 0L), (reader.RunCount(), reader.Scalar<long>("SELECT count(*) FROM series"), reader.Scalar<long>("SELECT count(*) FROM beliefs")));
    }

    [Fact]
    public void Resume_AfterCancellationMidway_SameRunsAndSeriesAsUninterrupted()
    {
        var whole = File("whole.duckdb");
        var parts = File("parts.duckdb");
        var sweep = Sweep(6);
        Write(whole, sweep, Header());
        using (var cts = new CancellationTokenSource())
        {
            using var writer = ResultsStoreWriter.OpenOrCreate(parts, sweep, Header(), resume: false);
            writer.CommitEvery = TimeSpan.FromHours(1);
            var sink = new CancelAfter(writer, 2, cts);
            Assert.ThrowsAny<OperationCanceledException>(() =>
                ExperimentRunner.Run(sweep, new RunnerOptions(2, 5), sink, cts.Token, isDone: writer.IsDone));
            writer.Flush();
        }
        using (var reader = ResultsReader.Open(parts))
        {
            Assert.InRange(reader.RunCount(), 10, 15);
            Assert.Equal(0, reader.RunCount() % 5);
        }
        Write(parts, sweep, Header(), resume: true);
        using var a = ResultsReader.Open(whole);
        using var b = ResultsReader.Open(parts);
        Assert.Equal(24, b.RunCount());
        foreach (var table in new[] { S.Runs.Table, S.RunStates.Table, S.Series.Table, S.Beliefs.Table, S.Events.Table, S.Points.Table, S.PointValues.Table })
        {
            Assert.Equal(a.ContentHash(table), b.ContentHash(table));
        }
    }

    [Fact]
    public void Dispose_SinkFailedMidChunk_ChunkRolledBackAndStoreHoldsWholeChunks()
    {
        var path = File("f.duckdb");
        var sweep = Sweep(6);
        using (var writer = ResultsStoreWriter.OpenOrCreate(path, sweep, Header(), resume: false))
        {
            writer.CommitEvery = TimeSpan.Zero;
            var failing = new FailOnJob(writer, 12);
            Assert.Throws<InvalidOperationException>(() => ExperimentRunner.Run(sweep, new RunnerOptions(1, 5), failing));
        }
        using var reader = ResultsReader.Open(path);
        Assert.Equal(10, reader.RunCount());
        Assert.Equal(2, reader.Scalar<long>("SELECT count(*) FROM chunks"));
        Assert.Equal(10 * 13 * 3, reader.Scalar<long>("SELECT count(*) FROM series"));
    }

    [Fact]
    public void Dispose_WithoutFlushAfterGroupedChunks_NothingOfTheOpenGroupKept()
    {
        var path = File("grouped.duckdb");
        var sweep = Sweep(6);
        using (var writer = ResultsStoreWriter.OpenOrCreate(path, sweep, Header(), resume: false))
        {
            writer.CommitEvery = TimeSpan.FromHours(1);
            ExperimentRunner.Run(sweep, new RunnerOptions(2, 5), writer);
        }
        using var reader = ResultsReader.Open(path);
        Assert.Equal((0L, 0L), (reader.RunCount(), reader.Scalar<long>("SELECT count(*) FROM chunks")));
    }

    [Fact]
    public void OpenOrCreate_ExistingFileWithoutResume_Refused()
    {
        var path = File("g.duckdb");
        Write(path, Sweep(1), Header());
        var ex = Assert.Throws<ResultsStoreException>(() => ResultsStoreWriter.OpenOrCreate(path, Sweep(1), Header(), resume: false));
        Assert.Contains("--resume", ex.Message);
    }

    [Fact]
    public void OpenOrCreate_ResumeWithAnotherSweep_Refused()
    {
        var path = File("h.duckdb");
        Write(path, Sweep(1), Header());
        var ex = Assert.Throws<ResultsStoreException>(() => ResultsStoreWriter.OpenOrCreate(path, Sweep(2), Header(), resume: true));
        Assert.Contains("another experiment", ex.Message);
    }

    [Fact]
    public void Reader_OutcomeGridAndBands_OneCellPerPointAndOneBandPerStateAndStep()
    {
        var path = File("i.duckdb");
        var sweep = new SweepExperiment(new SweepDefinition("grid", Base,
            [SweepAxis.OfValues("world.offenseAdvantage", 0.5, 3.0), SweepAxis.OfValues("world.distinguishability", 0, 0.9)], 10, Seed: 2));
        Write(path, sweep, Header(DetailSelection.SampleOf(3)));
        using var reader = ResultsReader.Open(path);
        var grid = reader.OutcomeGrid(OutcomeRegistry.HadWar, "world.offenseAdvantage", "world.distinguishability");
        Assert.Equal(4, grid.Count);
        Assert.All(grid, c => Assert.Equal(10, c.Runs));
        Assert.All(grid, c => Assert.InRange(c.Mean, c.Low, c.High));
        var by = reader.OutcomeBy(OutcomeRegistry.Crises, "world.offenseAdvantage");
        Assert.Equal([0.5, 3.0], by.Select(b => b.NumericValue!.Value));
        Assert.All(by, b => Assert.Equal(20, b.Runs));
        var bands = reader.SeriesBands(S.Series.Milex);
        Assert.Equal(3 * 13, bands.Count);
        Assert.All(bands, b => Assert.True(b.P05 <= b.Median && b.Median <= b.P95));
        Assert.All(bands, b => Assert.Equal(12, b.Runs));
        Assert.Equal(3 * 13, reader.SeriesBands(S.Series.Security, point: 1).Count);
        Assert.Equal(6 * 13, reader.BeliefBands().Count);
        var points = reader.PointSummaries();
        Assert.Equal(4, points.Count);
        Assert.Equal(["3", "0.9"], points[3].Values);
    }

    [Fact]
    public void Export_ParquetAndCsv_OneFilePerTableAndRunsCsvHasOneLinePerRun()
    {
        var path = File("j.duckdb");
        Write(path, Sweep(3), Header(DetailSelection.SampleOf(1)));
        var parquet = ResultsExport.Export(path, File("pq"), ExportFormat.Parquet);
        Assert.Equal(S.Tables.Count, parquet.Count);
        Assert.All(parquet, f => Assert.True(System.IO.File.Exists(f) && new FileInfo(f).Length > 0, f));
        var csv = ResultsExport.Export(path, File("csv"), ExportFormat.Csv);
        var runs = System.IO.File.ReadAllLines(csv.Single(f => f.EndsWith("runs.csv", StringComparison.Ordinal)));
        Assert.Equal(13, runs.Length);
        Assert.StartsWith("run_id,point,replication,seed,scenario_hash", runs[0]);
        Assert.Contains("\"world.offenseAdvantage\"", runs[0].Replace("world.offenseAdvantage", "\"world.offenseAdvantage\"", StringComparison.Ordinal));
        Assert.Empty(Directory.GetDirectories(_dir.FullName, ".*tmp*"));
    }

    [Fact]
    public void Export_TargetNotEmpty_RefusedAndNothingWritten()
    {
        var path = File("k.duckdb");
        Write(path, Sweep(1), Header());
        Directory.CreateDirectory(File("full"));
        System.IO.File.WriteAllText(Path.Combine(File("full"), "x.txt"), "x");
        var ex = Assert.Throws<Spiral.IO.Files.OutputPathException>(() => ResultsExport.Export(path, File("full"), ExportFormat.Csv));
        Assert.Contains("not empty", ex.Problem);
        Assert.Single(Directory.GetFiles(File("full")));
        Assert.Equal(["full", "k.duckdb"], Directory.GetFileSystemEntries(Path.GetDirectoryName(path)!).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void WriteComparisons_TwoInterventions_OneRowPerComparedOutcomeEach()
    {
        var path = File("cmp.duckdb");
        var experiment = new PairedCounterfactual(Base, [Intervention.Parse("institutions=0.6"), Intervention.Parse("hotline:s1,s2")], 20, 3);
        var results = PairedComparison.Run(experiment, new RunnerOptions(2));
        ResultsStoreWriter.WriteComparisons(path, experiment, Header(DetailSelection.None) with { Kind = "compare", SweepText = null }, results);
        using var reader = ResultsReader.Open(path);
        var rows = reader.Comparisons();
        Assert.Equal(2 * (OutcomeRegistry.Compared.Count + OutcomeRegistry.Ratios.Count), rows.Count);
        var ratio = results[1][OutcomeRegistry.ForceOrWarGivenCrisis];
        Assert.Equal(ratio.Difference.Mean, rows.Single(r => r.Intervention == "hotline:s1,s2" && r.Outcome == "forceOrWarGivenCrisis").Difference);
        Assert.Equal(results[1][OutcomeRegistry.HadWar].Difference.Mean, rows.Single(r => r.Intervention == "hotline:s1,s2" && r.Outcome == "hadWar").Difference);
        Assert.Equal("compare", reader.Experiment().Kind);
    }

    [Fact]
    public void DetailSelection_Parse_AcceptsAllNoneAndSample()
    {
        Assert.Equal(DetailSelection.All, DetailSelection.Parse("all"));
        Assert.Equal(DetailSelection.None, DetailSelection.Parse(" NONE "));
        Assert.Equal(DetailSelection.SampleOf(25), DetailSelection.Parse("sample 25"));
        Assert.Equal(DetailSelection.SampleOf(3), DetailSelection.Parse("sample:3"));
        Assert.Throws<ArgumentException>(() => DetailSelection.Parse("sample 0"));
        Assert.Throws<ArgumentException>(() => DetailSelection.Parse("some"));
    }

    private sealed class CancelAfter(IRunSink inner, int chunks, CancellationTokenSource cts) : IRunSink
    {
        private int _completed;

        public void ChunkStarting(long firstJob, int count) => inner.ChunkStarting(firstJob, count);

        public void Accept(in CompletedRun run) => inner.Accept(run);

        public void ChunkCompleted(long firstJob, int count)
        {
            inner.ChunkCompleted(firstJob, count);
            if (++_completed == chunks)
            {
                cts.Cancel();
            }
        }
    }

    private sealed class FailOnJob(IRunSink inner, long job) : IRunSink
    {
        public void ChunkStarting(long firstJob, int count) => inner.ChunkStarting(firstJob, count);

        public void Accept(in CompletedRun run)
        {
            if (run.Job == job)
            {
                throw new InvalidOperationException("simulated failure");
            }
            inner.Accept(run);
        }

        public void ChunkCompleted(long firstJob, int count) => inner.ChunkCompleted(firstJob, count);
    }
}
