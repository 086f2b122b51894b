using BenchmarkDotNet.Attributes;
using Spiral.Experiments.Definitions;
using Spiral.Experiments.Running;
using Spiral.IO.Scenarios;
using Spiral.IO.Store;

namespace Spiral.Benchmarks;

/// <summary>
/// Sweep throughput on the four-worlds grid (sweeps/four-worlds.yaml: 10 offense advantages × 10 distinguishabilities
/// on jervis-doubly-dangerous) with 100 replications per point = 10,000 runs per operation (the shipped sweep), on all cores: without a store,
/// and streaming into a DuckDB results store with each <c>--series</c> choice. Runs per second = 10,000 / mean time.
/// The cost of storing is the ratio of a store row to <see cref="NoStore"/>. On a busy machine run it in process:
/// <c>-- --filter '*SweepBenchmarks*' --inProcess --warmupCount 2 --iterationCount 6</c>.
/// </summary>
[MemoryDiagnoser]
public class SweepBenchmarks
{
    private SweepExperiment _sweep = null!;
    private string _dir = "";
    private int _n;

    [GlobalSetup]
    public void Setup()
    {
        var scenario = ScenarioLoader.LoadLibrary("jervis-doubly-dangerous");
        _sweep = new SweepExperiment(new SweepDefinition("four-worlds", scenario,
        [
            SweepAxis.OfValues("world.offenseAdvantage", 0.333, 0.5, 0.667, 0.8, 1.0, 1.25, 1.5, 2.0, 2.5, 3.0),
            SweepAxis.OfRange("world.distinguishability", 0, 0.9, 0.1),
        ], Replications: 100, Seed: 1978));
        _dir = Directory.CreateTempSubdirectory("spiral-bench-").FullName;
    }

    /// <summary>The sweep (after <see cref="Setup"/>).</summary>
    public SweepExperiment Sweep => _sweep;

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_dir, true);

    /// <summary>Runs and summarizes every run; results are dropped.</summary>
    [Benchmark(Baseline = true)]
    public long NoStore() => ExperimentRunner.Run(_sweep, new RunnerOptions(), _ => { });

    /// <summary>Into a store with the default detail: series, beliefs and events of replications 0-9 (one run in ten).</summary>
    [Benchmark]
    public long StoreSeriesSample10() => Store(DetailSelection.Default);

    /// <summary>Into a store with runs and per-state outcomes only.</summary>
    [Benchmark]
    public long StoreSeriesNone() => Store(DetailSelection.None);

    private long Store(DetailSelection detail)
    {
        var path = Path.Combine(_dir, $"b{_n++}.duckdb");
        long runs;
        using (var writer = ResultsStoreWriter.OpenOrCreate(path, _sweep,
                   new StoreHeader("sweep", "", null, detail, "bench"), resume: false))
        {
            runs = ExperimentRunner.Run(_sweep, new RunnerOptions(), writer, isDone: writer.IsDone);
            writer.Complete();
        }
        File.Delete(path);
        return runs;
    }
}
