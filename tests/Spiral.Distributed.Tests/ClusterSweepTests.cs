using System.Collections.Concurrent;
using Orleans.TestingHost;
using Spiral.Experiments.Definitions;
using Spiral.Experiments.Running;
using Spiral.Experiments.Sensitivity;
using Spiral.IO.Scenarios;
using Spiral.IO.Store;
using Spiral.IO.Sweeps;

namespace Spiral.Distributed.Tests;

/// <summary>
/// Issue 17, DESIGN.md section 12, on Orleans' in-process test cluster of 3 silos: a sweep run on the silos writes the
/// store a local run writes (every table's content hash, the commit chunks included), also when a silo is killed while
/// it runs a batch; a sensitivity analysis on the silos gives the local indices.
/// </summary>
public sealed class ClusterSweepTests : IDisposable
{
    private const int BatchRuns = 16;

    /// <summary>6 points × 40 replications of the 6-state doubly dangerous world over 10 years: 240 runs, 15 batches.</summary>
    private const string SweepText =
        "scenario: jervis-doubly-dangerous\nseed: 17\nreplications: 40\nsteps: 10\naxes:\n  - path: world.offenseAdvantage\n    values: [0.5, 1, 3]\n  - path: world.distinguishability\n    values: [0, 0.9]\n";

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("spiral-cluster-");

    public void Dispose() => _dir.Delete(true);

    private static LoadedSweep Sweep() => SweepLoader.LoadText(SweepText, "cluster.yaml");

    private static async Task<InProcessTestCluster> StartCluster(TimeSpan batchDelay)
    {
        var builder = new InProcessTestClusterBuilder(3);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddRunBatches(new BatchRunnerSettings(new RunnerOptions(Threads: 1), batchDelay));
            silo.AddIncomingGrainCallFilter<BatchTracker>();
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    /// <summary>Runs the sweep through <paramref name="executor"/> into a new store with every run's detail; returns its table hashes.</summary>
    private IReadOnlyDictionary<string, string> RunToStore(string name, LoadedSweep sweep, Func<SweepExperiment, IRunSink, Func<long, bool>, long> execute)
    {
        var path = Path.Combine(_dir.FullName, name + ".duckdb");
        var experiment = sweep.Experiment();
        var header = new StoreHeader("sweep", sweep.ScenarioText, sweep.SweepText, DetailSelection.All, "test");
        using (var writer = ResultsStoreWriter.OpenOrCreate(path, experiment, header, resume: false))
        {
            writer.CommitEvery = TimeSpan.Zero;
            Assert.Equal(experiment.TotalRuns(), execute(experiment, writer, writer.IsDone));
            writer.Complete();
        }
        using var reader = ResultsReader.Open(path);
        var runs = reader.Scalar<string>($"SELECT count(*) || ',' || count(DISTINCT {StoreSchema.Runs.RunId}) || ',' || min({StoreSchema.Runs.RunId}) || ',' || max({StoreSchema.Runs.RunId}) FROM {StoreSchema.Runs.Table}");
        Assert.Equal($"{experiment.TotalRuns()},{experiment.TotalRuns()},0,{experiment.TotalRuns() - 1}", runs);
        return reader.ContentHashes();
    }

    private IReadOnlyDictionary<string, string> Local(LoadedSweep sweep) =>
        RunToStore("local", sweep, (e, sink, done) => ExperimentRunner.Run(e, new RunnerOptions(Threads: 2, ChunkSize: BatchRuns), sink, isDone: done));

    private static void AssertSameStore(IReadOnlyDictionary<string, string> expected, IReadOnlyDictionary<string, string> actual)
    {
        Assert.Equal(StoreSchema.Tables.Count, expected.Count);
        foreach (var table in StoreSchema.Tables)
        {
            Assert.True(expected[table] == actual[table], $"table {table} differs from the local run's");
        }
    }

    [Fact]
    public async Task Execute_SweepOnThreeSilos_StoreEqualsLocalRun()
    {
        await using var cluster = await StartCluster(TimeSpan.Zero);
        var sweep = Sweep();
        var executor = new ClusterExecutor(cluster.Client, new ClusterRunOptions(BatchRuns, BatchTimeout: TimeSpan.FromSeconds(60)), TimeProvider.System);

        var distributed = RunToStore("cluster", sweep, (e, sink, done) => executor.Execute(e, sink, isDone: done));

        AssertSameStore(Local(sweep), distributed);
        Assert.Equal(15, executor.BatchesPerSilo.Values.Sum());
        Assert.True(executor.BatchesPerSilo.Count >= 2, $"batches ran on {string.Join(", ", executor.BatchesPerSilo)}");
        Assert.Equal(0, executor.Retries);
    }

    [Fact]
    public async Task Execute_SiloKilledWhileRunningABatch_ItsBatchesRerunElsewhereAndStoreEqualsLocalRun()
    {
        // Each batch is held 300 ms on its silo, so that the silo killed surely has a batch in hand.
        await using var cluster = await StartCluster(TimeSpan.FromMilliseconds(300));
        var sweep = Sweep();
        var victim = cluster.Silos[2];
        var executor = new ClusterExecutor(cluster.Client, new ClusterRunOptions(BatchRuns, BatchTimeout: TimeSpan.FromSeconds(10)), TimeProvider.System);
        var killed = new TaskCompletionSource();

        var distributed = RunToStore("killed", sweep, (e, sink, done) =>
        {
            var running = Task.Run(() => executor.ExecuteAsync(e, sink, isDone: done));
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!BatchTracker.IsRunning(victim.SiloAddress.ToString()) && DateTime.UtcNow < deadline && !running.IsCompleted)
            {
                Thread.Sleep(5);
            }
            Assert.True(BatchTracker.IsRunning(victim.SiloAddress.ToString()), "the silo to kill never ran a batch");
            cluster.KillSiloAsync(victim).GetAwaiter().GetResult();
            return running.GetAwaiter().GetResult();
        });

        AssertSameStore(Local(sweep), distributed);
        Assert.True(executor.Retries >= 1, "the killed silo's batch was sent again");
    }

    [Fact]
    public async Task Run_SensitivityOnThreeSilos_SameIndicesAsLocal()
    {
        await using var cluster = await StartCluster(TimeSpan.Zero);
        var scenario = ScenarioLoader.LoadLibrary("india-china-lac");
        var factors = SensitivityAnalysis.Factors(scenario, ["model.warCost", "world.offenseAdvantage", "model.crisisMisreading"]);
        var options = new SensitivityOptions(SensitivityMethod.Morris, 4, 10, 3, Bootstrap: 200);
        var output = SensitivityOutput.Of("crises");
        var executor = new ClusterExecutor(cluster.Client, new ClusterRunOptions(BatchRuns: 20, BatchTimeout: TimeSpan.FromSeconds(60)), TimeProvider.System);

        var local = SensitivityAnalysis.Run(scenario, factors, output, options, new RunnerOptions(Threads: 2));
        var distributed = SensitivityAnalysis.Run(scenario, factors, output, options, executor: executor);

        Assert.Equal(160, distributed.Runs);
        Assert.Equal(local.OutputMean, distributed.OutputMean);
        Assert.Equal(local.OutputVariance, distributed.OutputVariance);
        Assert.Equal(local.Factors.Select(f => (f.MuStar, f.Mu, f.Sigma)), distributed.Factors.Select(f => (f.MuStar, f.Mu, f.Sigma)));
        Assert.True(local.OutputVariance > 0, "the design moves the output");
        Assert.Equal(8, executor.BatchesPerSilo.Values.Sum());
    }

    /// <summary>Counts the batches each silo has in hand.</summary>
    private sealed class BatchTracker(ILocalSiloDetails silo) : IIncomingGrainCallFilter
    {
        private static readonly ConcurrentDictionary<string, int> Running = new();

        public static bool IsRunning(string silo) => Running.GetValueOrDefault(silo) > 0;

        public async Task Invoke(IIncomingGrainCallContext context)
        {
            if (context.Grain is not IRunBatchGrain)
            {
                await context.Invoke();
                return;
            }
            var name = silo.SiloAddress.ToString();
            Running.AddOrUpdate(name, 1, (_, n) => n + 1);
            try
            {
                await context.Invoke();
            }
            finally
            {
                Running.AddOrUpdate(name, 0, (_, n) => n - 1);
            }
        }
    }
}
