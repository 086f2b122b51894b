using Spiral.Experiments.Definitions;

namespace Spiral.Experiments.Running;

/// <summary>
/// Where an experiment's runs execute: on this machine's cores (<see cref="LocalExecutor"/>) or on a cluster of
/// machines (Spiral.Distributed). Either way every pending job reaches the sink once, in job order, with the values
/// <see cref="ExperimentRunner"/> computes for it, so results do not depend on where they ran.
/// </summary>
public interface IExperimentExecutor
{
    /// <summary>Runs every job not <paramref name="isDone"/> into <paramref name="sink"/>; returns how many ran.</summary>
    long Execute(IExperiment experiment, IRunSink sink, CancellationToken cancel = default, IProgress<long>? progress = null,
        Func<long, bool>? isDone = null);
}

/// <summary>The runs on this machine, through <see cref="ExperimentRunner"/>.</summary>
public sealed class LocalExecutor(RunnerOptions options) : IExperimentExecutor
{
    public static LocalExecutor Default { get; } = new(RunnerOptions.Default);

    public RunnerOptions Options => options;

    public long Execute(IExperiment experiment, IRunSink sink, CancellationToken cancel = default, IProgress<long>? progress = null,
        Func<long, bool>? isDone = null) =>
        ExperimentRunner.Run(experiment, options, sink, cancel, progress, isDone);
}
