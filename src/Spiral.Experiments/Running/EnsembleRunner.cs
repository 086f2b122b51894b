using Spiral.Core.Recording;
using Spiral.Core.Scenarios;
using Spiral.Experiments.Definitions;
using Spiral.Experiments.Metrics;

namespace Spiral.Experiments.Running;

/// <summary>How to run an ensemble: how many runs, the master seed, the horizon, the thread count.</summary>
public sealed record EnsembleOptions(int Runs = 1000, ulong Seed = 1, int? Steps = null, int Threads = 0)
{
    public int EffectiveThreads => Threads > 0 ? Threads : Environment.ProcessorCount;
}

/// <summary>
/// Runs a scenario many times: a thin wrapper over <see cref="ExperimentRunner"/> with an
/// <see cref="EnsembleExperiment"/> (the Agents.jl <c>ensemblerun!</c> idea: a thin wrapper over one run). Runs
/// execute in parallel on their own derived streams and reach the sink in run-index order, so results are
/// bit-identical whatever the thread count, and memory is bounded by a chunk, not the number of runs.
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
        ExperimentRunner.Run(new EnsembleExperiment(scenario, options.Runs, options.Seed, options.Steps),
            new RunnerOptions(options.Threads), new DelegateSink(sink), cancel,
            progress is null ? null : new CountProgress(progress));
    }

    private sealed class DelegateSink(RunSink sink) : IRunSink
    {
        public void Accept(in CompletedRun run) => sink(run.Record, run.Summary);
    }

    private sealed class CountProgress(IProgress<int> inner) : IProgress<long>
    {
        public void Report(long value) => inner.Report((int)value);
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
