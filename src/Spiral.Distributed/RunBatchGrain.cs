using System.Collections.Concurrent;
using Orleans.Concurrency;
using Spiral.Experiments.Definitions;
using Spiral.Experiments.Running;

namespace Spiral.Distributed;

/// <summary>A batch of work: jobs <see cref="FirstJob"/> … <see cref="FirstJob"/> + <see cref="Count"/> − 1 of an experiment.</summary>
[GenerateSerializer, Immutable, Alias("spiral.run-batch")]
public sealed class RunBatch
{
    [Id(0)] public required ExperimentSpec Experiment { get; init; }
    [Id(1)] public required long FirstJob { get; init; }
    [Id(2)] public required int Count { get; init; }
}

/// <summary>A batch's runs, packed by <see cref="RunRecordCodec"/> in job order, and the silo that ran them.</summary>
[GenerateSerializer, Immutable, Alias("spiral.run-batch-result")]
public sealed class RunBatchResult
{
    [Id(0)] public required long FirstJob { get; init; }
    [Id(1)] public required int Count { get; init; }
    [Id(2)] public required byte[] Runs { get; init; }
    [Id(3)] public required string Silo { get; init; }
}

/// <summary>Runs batches of an experiment on the silo that hosts it.</summary>
[Alias("spiral.IRunBatchGrain")]
public interface IRunBatchGrain : IGrainWithIntegerKey
{
    [Alias("Run")]
    Task<RunBatchResult> Run(RunBatch batch);
}

/// <summary>How a silo runs batches: its runner options (threads).</summary>
/// <param name="Runner">Threads (and chunk) of the runner inside a batch.</param>
/// <param name="HoldEachBatch">A wait before each batch, for tests that need a silo busy when it is killed (a slow machine); zero otherwise.</param>
public sealed record BatchRunnerSettings(RunnerOptions Runner, TimeSpan HoldEachBatch = default);

/// <summary>
/// A stateless worker (any number of activations, on the silo that receives the call): rebuilds the batch's experiment
/// (cached per silo), runs the batch's jobs through the one <see cref="ExperimentRunner"/> — the same code a local
/// sweep runs — and returns the records. It keeps nothing: a batch lost with its silo is simply run again elsewhere.
/// </summary>
[StatelessWorker]
internal sealed class RunBatchGrain(BatchRunnerSettings settings, ExperimentCache experiments, ILocalSiloDetails silo) : Grain, IRunBatchGrain
{
    public async Task<RunBatchResult> Run(RunBatch batch)
    {
        var experiment = experiments.Get(batch.Experiment);
        if (settings.HoldEachBatch > TimeSpan.Zero)
        {
            await Task.Delay(settings.HoldEachBatch);
        }
        var packed = await Task.Run(() =>
        {
            using var stream = new MemoryStream();
            using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
            {
                var sink = RunSinks.Of(run => RunRecordCodec.Write(writer, run.Job, run.Record));
                ExperimentRunner.RunRange(experiment, settings.Runner, sink, batch.FirstJob, batch.Count);
            }
            return stream.ToArray();
        });
        return new RunBatchResult { FirstJob = batch.FirstJob, Count = batch.Count, Runs = packed, Silo = silo.SiloAddress.ToString() };
    }
}

/// <summary>The experiments a silo rebuilt, by fingerprint, so that each batch does not parse its definition again.</summary>
internal sealed class ExperimentCache
{
    private const int Capacity = 8;
    private readonly ConcurrentDictionary<string, IExperiment> _byFingerprint = new();

    public IExperiment Get(ExperimentSpec spec)
    {
        var key = spec.Kind + ":" + spec.Fingerprint + ":" + spec.ModelBuild;
        if (_byFingerprint.TryGetValue(key, out var found))
        {
            return found;
        }
        if (_byFingerprint.Count >= Capacity)
        {
            _byFingerprint.Clear();
        }
        return _byFingerprint.GetOrAdd(key, _ => spec.ToExperiment());
    }
}
