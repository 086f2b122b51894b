using Spiral.Core.Scenarios;
using Spiral.Experiments.Definitions;

namespace Spiral.Experiments.Running;

/// <summary>
/// Ensembles through the one <see cref="ExperimentRunner"/>: an <see cref="EnsembleExperiment"/> (the Agents.jl
/// <c>ensemblerun!</c> idea: a thin wrapper over one run) aggregated by an <see cref="EnsembleAggregator"/>. Runs
/// execute in parallel on their own derived streams and reach the sinks in run-index order, so results are
/// bit-identical whatever the thread count, and memory is bounded by a chunk, not the number of runs.
/// </summary>
public static class EnsembleRunner
{
    /// <summary>Runs the ensemble and aggregates it into an <see cref="EnsembleSummary"/>; every run also reaches <paramref name="alsoTo"/>.</summary>
    public static EnsembleSummary Summarize(EnsembleExperiment ensemble, RunnerOptions? options = null, CancellationToken cancel = default,
        IProgress<long>? progress = null, IRunSink? alsoTo = null)
    {
        var aggregate = new EnsembleAggregator(ensemble.Scenario, ensemble.Seed, ensemble.Steps);
        ExperimentRunner.Run(ensemble, options ?? RunnerOptions.Default, RunSinks.Tee(aggregate, alsoTo), cancel, progress);
        return aggregate.Result();
    }

    public static double[] InitialReach(Scenario scenario) =>
        Spiral.Core.Model.WorldFactory.Create(scenario, 0, 0).Reach;
}
