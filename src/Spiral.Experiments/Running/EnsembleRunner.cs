using Spiral.Core;
using Spiral.Core.Recording;
using Spiral.Core.Scenarios;
using Spiral.Experiments.Metrics;

namespace Spiral.Experiments.Running;

/// <summary>How to run an ensemble: how many runs, the master seed, the horizon, the thread count.</summary>
public sealed record EnsembleOptions(int Runs = 1000, ulong Seed = 1, int? Steps = null, int Threads = 0)
{
    public int EffectiveThreads => Threads > 0 ? Threads : Environment.ProcessorCount;
}

/// <summary>
/// Runs a scenario many times in parallel over all cores. Runs are executed in chunks; within a chunk they run
/// in parallel, each on its own derived random streams, and then every finished run is handed to the sink in
/// run-index order. Results are therefore bit-identical whatever the thread count, and memory is bounded by
/// the chunk, not the number of runs (the Agents.jl <c>ensemblerun!</c> idea: a thin wrapper over one run).
/// </summary>
public static class EnsembleRunner
{
    /// <summary>A finished run, in run order: its rows and its summary (both reused after the call returns).</summary>
    public delegate void RunSink(RunRecord record, RunSummary summary);

    public static void Run(Scenario scenario, EnsembleOptions options, RunSink sink, CancellationToken cancel = default,
        IProgress<int>? progress = null)
    {
        if (options.Runs < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "runs must be at least 1");
        }
        var steps = options.Steps ?? scenario.Steps;
        var n = scenario.States.Count;
        var reach = InitialReach(scenario);
        var threads = options.EffectiveThreads;
        var chunk = Math.Min(options.Runs, Math.Max(16, threads * 16));
        var records = new RunRecord[chunk];
        var summaries = new RunSummary[chunk];
        for (var k = 0; k < chunk; k++)
        {
            records[k] = new RunRecord(n, steps);
            summaries[k] = new RunSummary(n);
        }
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancel };
        for (var start = 0; start < options.Runs; start += chunk)
        {
            var count = Math.Min(chunk, options.Runs - start);
            var first = start;
            Parallel.For(0, count, parallel, k =>
            {
                Simulation.Run(scenario, options.Seed, first + k, records[k], steps);
                RunMetrics.Summarize(records[k], reach, summaries[k]);
            });
            for (var k = 0; k < count; k++)
            {
                sink(records[k], summaries[k]);
            }
            progress?.Report(start + count);
        }
    }

    /// <summary>Runs and aggregates into an <see cref="EnsembleSummary"/>.</summary>
    public static EnsembleSummary Summarize(Scenario scenario, EnsembleOptions options, CancellationToken cancel = default,
        IProgress<int>? progress = null, RunSink? alsoTo = null)
    {
        var aggregate = new EnsembleAggregator(scenario, options);
        Run(scenario, options, (rec, sum) =>
        {
            aggregate.Add(sum);
            alsoTo?.Invoke(rec, sum);
        }, cancel, progress);
        return aggregate.Result();
    }

    public static double[] InitialReach(Scenario scenario) =>
        Spiral.Core.Model.WorldFactory.Create(scenario, 0, 0).Reach;
}
