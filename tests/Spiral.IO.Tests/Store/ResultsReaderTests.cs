using Spiral.Core.Scenarios;
using Spiral.Experiments.Definitions;
using Spiral.Experiments.Running;
using Spiral.IO.Store;
using Spiral.Numerics.Random;
using Spiral.Testing;
using S = Spiral.IO.Store.StoreSchema;

namespace Spiral.IO.Tests.Store;

/// <summary>
/// The typed queries plots and reports read through (all SQL lives in <see cref="ResultsReader"/>), on a sweep of
/// 2 × 2 points × 5 replications with detail for replications 0 and 1 (8 runs), 3 states, 12 steps from 2000.
/// </summary>
public sealed class ResultsReaderTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("spiral-reader-");
    private readonly ResultsReader _reader;
    private readonly SweepExperiment _sweep;

    public ResultsReaderTests()
    {
        var scenario = ScenarioBuilder.Stylized(states: 3, offenseAdvantage: 2, distinguishability: 0.1, greedProbability: 0.2, steps: 12, rivalry: 0.3);
        var sweep = _sweep = new SweepExperiment(new SweepDefinition("test", scenario,
            [SweepAxis.OfValues("world.offenseAdvantage", 0.5, 3.0), SweepAxis.OfValues("states[s1].policy", "DefensiveRealist", "Grit")], 5, Seed: 11));
        var path = Path.Combine(_dir.FullName, "r.duckdb");
        var header = new StoreHeader("sweep", "name: test", "sweep: text", DetailSelection.SampleOf(2), "test-1.0", "2026-01-01T00:00:00Z");
        using (var writer = ResultsStoreWriter.OpenOrCreate(path, sweep, header, resume: false))
        {
            ExperimentRunner.Run(sweep, new RunnerOptions(2, 5), writer, default, isDone: writer.IsDone);
            writer.Complete();
        }
        _reader = ResultsReader.Open(path);
    }

    public void Dispose()
    {
        _reader.Dispose();
        _dir.Delete(true);
    }

    [Fact]
    public void Tables_SpiralStore_HoldsEverySchemaTable()
    {
        Assert.Superset(new HashSet<string>(S.Tables), new HashSet<string>(_reader.Tables()));
        Assert.True(_reader.HasTable(S.Runs.Table));
        Assert.False(_reader.HasTable("no_such_table"));
    }

    [Fact]
    public void FirstRuns_Three_RunsZeroToTwoOfPointZeroWithTheirSeeds()
    {
        var runs = _reader.FirstRuns(3);
        Assert.Equal([0L, 1L, 2L], runs.Select(r => r.RunId));
        Assert.Equal([0, 0, 0], runs.Select(r => r.Point));
        Assert.Equal([0, 1, 2], runs.Select(r => r.Replication));
        Assert.Equal(RandomStream.RunSeed(11, 2), runs[2].Seed);
        Assert.Equal(ScenarioHash.Of(_sweep.ScenarioAt(0)), runs[0].ScenarioHash);
    }

    [Fact]
    public void DetailedRunCount_SampleOfTwo_TwoRunsPerPoint() => Assert.Equal(8, _reader.DetailedRunCount());

    [Fact]
    public void EventCounts_AllKinds_SumToTheEventRowsMostFrequentFirst()
    {
        var counts = _reader.EventCounts();
        Assert.Equal(_reader.Scalar<long>($"SELECT count(*) FROM {S.Events.Table}"), counts.Sum(c => c.Count));
        Assert.Equal(counts.Select(c => c.Count).OrderDescending(), counts.Select(c => c.Count));
    }

    [Fact]
    public void ConceptCounts_TaggedEvents_SumToTheTaggedEventRowsNoneLeftOut()
    {
        var counts = _reader.ConceptCounts();
        Assert.NotEmpty(counts);
        Assert.DoesNotContain(counts, c => c.Concept == nameof(Spiral.Core.Events.Concept.None));
        Assert.All(counts, c => Assert.True(Enum.TryParse<Spiral.Core.Events.Concept>(c.Concept, out _), c.Concept));
        Assert.Equal(_reader.Scalar<long>($"SELECT count(*) FROM {S.Events.Table} WHERE {S.Events.Concept} <> 'None'"), counts.Sum(c => c.Count));
    }

    [Fact]
    public void AxisValues_NumericAndTextAxes_DistinctValuesInOrder()
    {
        Assert.Equal(["0.5", "3.0"], _reader.AxisValues("world.offenseAdvantage", 13));
        Assert.Equal(["DefensiveRealist", "Grit"], _reader.AxisValues("states[s1].policy", 13));
        Assert.Equal(["0.5"], _reader.AxisValues("world.offenseAdvantage", 1));
    }

    [Fact]
    public void Trajectories_AllStates_ThirteenYearsEachOverTheDetailedRuns()
    {
        var rows = _reader.Trajectories();
        Assert.Equal(3 * 13, rows.Count);
        Assert.All(rows, r => Assert.Equal(8, r.Runs));
        Assert.Equal(1999, rows.Min(r => r.Year));
        Assert.Equal(2011, rows.Max(r => r.Year));
        Assert.All(rows, r => Assert.True(r.MilexP10 <= r.MilexMedian && r.MilexMedian <= r.MilexP90 && r.SecurityP10 <= r.SecurityP90));
        Assert.All(_reader.Trajectories(state: 1), r => Assert.Equal(1, r.State));
    }

    [Fact]
    public void BeliefBands_AllObservers_SixPairsThirteenStepsYearsByTheTimeConvention()
    {
        var rows = _reader.BeliefBands();
        Assert.Equal(6 * 13, rows.Count);
        Assert.All(rows, r => Assert.Equal((8L, 1999 + r.Step), (r.Runs, r.Year)));
        Assert.All(rows, r => Assert.InRange(r.Mean, 0, 1));
        Assert.Equal(2 * 13, _reader.BeliefBands(observer: 2).Count);
        Assert.All(_reader.BeliefBands(point: 1, observer: 2), r => Assert.Equal((2, 2L), (r.Observer, r.Runs)));
    }

    [Fact]
    public void CopyTable_UnknownTable_Throws() =>
        Assert.Throws<ArgumentException>(() => _reader.CopyTable("no_such_table", Path.Combine(_dir.FullName, "x.csv"), ExportFormat.Csv));
}
