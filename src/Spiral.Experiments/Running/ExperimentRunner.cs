using Spiral.Core;
using Spiral.Core.Recording;
using Spiral.Core.Scenarios;
using Spiral.Experiments.Definitions;
using Spiral.Experiments.Metrics;

namespace Spiral.Experiments.Running;

/// <summary>
/// A finished run handed to a sink. The record and summary belong to the runner, which reuses them for later runs once
/// <see cref="IRunSink.Accept"/> returns, unless the sink <see cref="IRunSink.KeepsRecords"/>.
/// </summary>
public readonly record struct CompletedRun(long Job, int Point, int Replication, long RunIndex, RunRecord Record, RunSummary Summary);

/// <summary>Receives finished runs in job order, chunk by chunk. A chunk is complete (and may be committed) at <see cref="ChunkCompleted"/>.</summary>
public interface IRunSink
{
    /// <summary>Called before the first run of a chunk is handed over.</summary>
    void ChunkStarting(long firstJob, int count) { }

    void Accept(in CompletedRun run);

    /// <summary>
    /// Whether the sink holds on to a run's <see cref="CompletedRun.Record"/> or <see cref="CompletedRun.Summary"/> after
    /// <see cref="Accept"/> returns (keeps it, or reads it later on another thread). False (the default): the sink copies
    /// out what it needs during <see cref="Accept"/>, and the runner reuses the record and summary for later runs and
    /// later experiments (issue 18: no allocation per run). True: every run gets a record and summary of its own that
    /// the runner never touches again and never pools.
    /// </summary>
    bool KeepsRecords => false;

    /// <summary>Called after every run of the chunk was accepted: the sink can commit them as one unit.</summary>
    void ChunkCompleted(long firstJob, int count) { }
}

/// <summary>
/// How to run any experiment: threads (0 = all cores) and how many runs make a chunk (0 = automatic). The one options
/// record of the runner; what to run (runs, seed, horizon) belongs to the <see cref="IExperiment"/>. Validated once, here.
/// </summary>
public sealed record RunnerOptions
{
    /// <summary>Upper bound on <see cref="Threads"/>.</summary>
    public const int MaxThreads = 1024;

    public static RunnerOptions Default { get; } = new();

    /// <exception cref="ArgumentOutOfRangeException">Threads outside 0..<see cref="MaxThreads"/> or a negative chunk size.</exception>
    public RunnerOptions(int Threads = 0, int ChunkSize = 0)
    {
        this.Threads = Threads is >= 0 and <= MaxThreads
            ? Threads
            : throw new ArgumentOutOfRangeException(nameof(Threads), Threads, $"threads must be 0 (all cores) or a count up to {MaxThreads}");
        this.ChunkSize = ChunkSize >= 0
            ? ChunkSize
            : throw new ArgumentOutOfRangeException(nameof(ChunkSize), ChunkSize, "chunk size must be 0 (automatic) or a positive count");
    }

    public int Threads { get; }
    public int ChunkSize { get; }
    public int EffectiveThreads => Threads > 0 ? Threads : Environment.ProcessorCount;
    /// <summary>
    /// The memory an automatic chunk's records may take in both chunk buffers together. A 100-year run of 190 states
    /// records about 30 MB, so a fixed chunk of 256 would hold about 16 GB in its two buffers.
    /// </summary>
    public const long AutomaticChunkBytes = 1L << 30;

    /// <summary>
    /// Runs per chunk for records of <paramref name="recordBytes"/> each: <see cref="ChunkSize"/> when set; otherwise
    /// max(256, 128 per thread), fewer when two chunks of such records would take more than
    /// <see cref="AutomaticChunkBytes"/>, but never fewer than one run per thread. Results do not depend on it.
    /// </summary>
    public int ChunkFor(long recordBytes)
    {
        if (ChunkSize > 0) return ChunkSize;
        var automatic = Math.Max(256, EffectiveThreads * 128);
        var fits = AutomaticChunkBytes / (2 * Math.Max(1, recordBytes));
        return (int)Math.Clamp(fits, EffectiveThreads, automatic);
    }
}

/// <summary>Sinks built from other sinks.</summary>
public static class RunSinks
{
    /// <summary>A sink that calls <paramref name="accept"/> for each run.</summary>
    public static IRunSink Of(Action<CompletedRun> accept) => new DelegateSink(accept);

    /// <summary>A sink that hands every call to each of <paramref name="sinks"/> (nulls skipped), in order.</summary>
    public static IRunSink Tee(params IRunSink?[] sinks) => new TeeSink(sinks.OfType<IRunSink>().ToArray());

    private sealed class DelegateSink(Action<CompletedRun> accept) : IRunSink
    {
        public void Accept(in CompletedRun run) => accept(run);
    }

    private sealed class TeeSink(IRunSink[] sinks) : IRunSink
    {
        public bool KeepsRecords { get; } = sinks.Any(s => s.KeepsRecords);

        public void ChunkStarting(long firstJob, int count)
        {
            foreach (var s in sinks) s.ChunkStarting(firstJob, count);
        }

        public void Accept(in CompletedRun run)
        {
            foreach (var s in sinks) s.Accept(run);
        }

        public void ChunkCompleted(long firstJob, int count)
        {
            foreach (var s in sinks) s.ChunkCompleted(firstJob, count);
        }
    }
}

/// <summary>
/// Runs any <see cref="IExperiment"/> in parallel over all cores. Pending jobs are taken in job order in chunks; a
/// chunk's runs execute in parallel, each on its own streams derived from (seed, run index), and are then handed to
/// the sink in job order. Results therefore do not depend on the thread count or chunk size, memory is bounded by
/// one chunk, and jobs already done (<c>isDone</c>, e.g. read back from a store on resume) are skipped.
/// Cancellation is observed between and inside chunks; a cancelled chunk is never handed to the sink.
/// </summary>
public static class ExperimentRunner
{
    /// <summary>Runs the experiment; returns the number of runs executed (excluding skipped ones).</summary>
    /// <remarks>
    /// Two chunk buffers alternate: while the sink consumes chunk k on one thread (e.g. a store committing it), the
    /// workers already simulate chunk k+1. The sink still sees chunks strictly one after another, in job order.
    /// A buffer's records and summaries are reused from chunk to chunk, taken from and given back to
    /// <see cref="RunSlotPool"/> so the next call reuses them too, unless the sink <see cref="IRunSink.KeepsRecords"/>.
    /// </remarks>
    public static long Run(IExperiment experiment, RunnerOptions options, IRunSink sink, CancellationToken cancel = default,
        IProgress<long>? progress = null, Func<long, bool>? isDone = null) =>
        RunRange(experiment, options, sink, 0, experiment.TotalRuns(), cancel, progress, isDone);

    /// <summary>
    /// Runs jobs <paramref name="firstJob"/> … <paramref name="firstJob"/> + <paramref name="jobs"/> − 1 only, exactly as
    /// <see cref="Run(IExperiment, RunnerOptions, IRunSink, CancellationToken, IProgress{long}?, Func{long, bool}?)"/>
    /// runs them within the whole experiment (a batch of a sweep split across machines, Spiral.Distributed).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The range reaches outside the experiment's jobs.</exception>
    public static long RunRange(IExperiment experiment, RunnerOptions options, IRunSink sink, long firstJob, long jobs,
        CancellationToken cancel = default, IProgress<long>? progress = null, Func<long, bool>? isDone = null)
    {
        if (firstJob < 0 || jobs < 0 || firstJob + jobs > experiment.TotalRuns())
        {
            throw new ArgumentOutOfRangeException(nameof(firstJob), firstJob,
                $"jobs {firstJob}..{firstJob + jobs - 1} are outside the experiment's 0..{experiment.TotalRuns() - 1}");
        }
        var total = firstJob + jobs;
        var reps = experiment.Replications;
        var n = experiment.ScenarioAt(0).States.Count;
        var capacity = MaxSteps(experiment);
        var chunk = (int)Math.Min(ChunkOf(experiment, options), Math.Max(1, jobs));
        var buffers = new[] { new ChunkBuffer(chunk), new ChunkBuffer(chunk) };
        var keeps = sink.KeepsRecords;
        // The event log capacity a new record starts with and every record is grown to before its run: the largest
        // any record of this shape has grown to, so logs grow once and are kept (issue 18, runner part).
        var logCapacity = Math.Max(RunRecord.DefaultEventCapacity, keeps ? 0 : RunSlotPool.Take(n, capacity, buffers[0].Slots, buffers[1].Slots));
        var pointCache = new Dictionary<int, PointInfo>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.EffectiveThreads, CancellationToken = cancel };
        long done = 0, executed = 0, next = firstJob;
        if (isDone is not null)
        {
            for (var j = firstJob; j < total; j++)
            {
                if (isDone(j)) done++;
            }
            progress?.Report(done);
        }
        Task? pending = null;
        var which = 0;
        try
        {
            while (next < total)
            {
                cancel.ThrowIfCancellationRequested();
                var buffer = buffers[which];
                if (keeps)
                {
                    // The sink owns the records it was handed; this chunk's runs get new ones.
                    Array.Clear(buffer.Slots);
                }
                var count = 0;
                while (count < chunk && next < total)
                {
                    if (isDone is null || !isDone(next))
                    {
                        buffer.Jobs[count++] = next;
                    }
                    next++;
                }
                if (count == 0)
                {
                    break;
                }
                if (pointCache.Count > 256)
                {
                    pointCache.Clear();
                }
                for (var k = 0; k < count; k++)
                {
                    var point = (int)(buffer.Jobs[k] / reps);
                    if (!pointCache.TryGetValue(point, out var info))
                    {
                        var scenario = experiment.ScenarioAt(point);
                        info = new PointInfo(scenario, EnsembleRunner.InitialReach(scenario), experiment.StepsAt(scenario));
                        pointCache[point] = info;
                    }
                    buffer.Points[k] = info;
                }
                Parallel.For(0, count, parallel, k =>
                {
                    var job = buffer.Jobs[k];
                    var point = (int)(job / reps);
                    var p = buffer.Points[k];
                    // A slot is allocated by the worker that first runs into it, not by this thread before the
                    // chunk: its zeroed lines are then in that worker's cache when the run writes them, and the
                    // workers do not wait while one thread allocates a whole chunk (issue 18, runner part).
                    var slot = buffer.Slots[k] ??= new RunSlot(new RunRecord(n, capacity, logCapacity), new RunSummary(n));
                    slot.Record.Events.EnsureCapacity(logCapacity);
                    Simulation.Run(p.Scenario, experiment.Seed, experiment.RunIndex(point, (int)(job % reps)), slot.Record, p.Steps);
                    RunMetrics.Summarize(slot.Record, p.Reach, slot.Summary);
                });
                for (var k = 0; k < count; k++)
                {
                    logCapacity = Math.Max(logCapacity, buffer.Slots[k]!.Record.Events.Capacity);
                }
                // The previous chunk must be fully consumed before this one is handed over (order) and before its
                // buffer is reused (next iteration).
                pending?.GetAwaiter().GetResult();
                var handed = count;
                pending = Task.Run(() =>
                {
                    Deliver(experiment, sink, buffer, handed);
                    Interlocked.Add(ref done, handed);
                    Interlocked.Add(ref executed, handed);
                    progress?.Report(Interlocked.Read(ref done));
                }, CancellationToken.None);
                which = 1 - which;
            }
        }
        finally
        {
            // Never leave a chunk half-delivered: finish the one in flight even when cancelled.
            try
            {
                pending?.GetAwaiter().GetResult();
            }
            finally
            {
                if (!keeps)
                {
                    // Logs that have not grown to the shape's largest yet grow now, in this call, not in the next.
                    foreach (var slot in buffers.SelectMany(b => b.Slots))
                    {
                        slot?.Record.Events.EnsureCapacity(logCapacity);
                    }
                    RunSlotPool.Return(n, capacity, logCapacity, buffers[0].Slots, buffers[1].Slots);
                }
            }
        }
        return executed;
    }

    private static void Deliver(IExperiment experiment, IRunSink sink, ChunkBuffer buffer, int count)
    {
        var reps = experiment.Replications;
        sink.ChunkStarting(buffer.Jobs[0], count);
        for (var k = 0; k < count; k++)
        {
            var job = buffer.Jobs[k];
            var point = (int)(job / reps);
            var rep = (int)(job % reps);
            var slot = buffer.Slots[k]!;
            sink.Accept(new CompletedRun(job, point, rep, experiment.RunIndex(point, rep), slot.Record, slot.Summary));
        }
        sink.ChunkCompleted(buffer.Jobs[0], count);
    }

    private sealed class ChunkBuffer(int size)
    {
        public long[] Jobs { get; } = new long[size];
        public PointInfo[] Points { get; } = new PointInfo[size];
        public RunSlot?[] Slots { get; } = new RunSlot?[size];
    }

    /// <summary>Runs and hands each finished run to <paramref name="accept"/>.</summary>
    public static long Run(IExperiment experiment, RunnerOptions options, Action<CompletedRun> accept, CancellationToken cancel = default,
        IProgress<long>? progress = null) =>
        Run(experiment, options, RunSinks.Of(accept), cancel, progress);

    /// <summary>The runs per chunk <paramref name="options"/> give for <paramref name="experiment"/>'s records (<see cref="RunnerOptions.ChunkFor"/>).</summary>
    public static int ChunkOf(IExperiment experiment, RunnerOptions options) =>
        options.ChunkFor(RunRecord.RowBytes(experiment.ScenarioAt(0).States.Count, MaxSteps(experiment)));

    private static int MaxSteps(IExperiment experiment)
    {
        if (experiment.Steps is { } steps)
        {
            return steps;
        }
        if (experiment is SweepExperiment sweep && !sweep.Axes.Any(a => a.Path.Trim() == "steps"))
        {
            return sweep.Definition.BaseScenario.Steps;
        }
        var max = 0;
        for (var p = 0; p < experiment.PointCount; p++)
        {
            max = Math.Max(max, experiment.ScenarioAt(p).Steps);
        }
        return max;
    }

    private sealed record PointInfo(Scenario Scenario, double[] Reach, int Steps);

}

/// <summary>A content hash of every run's outcomes (every entry of <see cref="OutcomeRegistry"/>) and spending and security rows in job order, for determinism checks.</summary>
public sealed class SummaryHasher : IRunSink
{
    private readonly System.Security.Cryptography.IncrementalHash _hash =
        System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
    private readonly byte[] _buffer = new byte[8];

    public long Runs { get; private set; }

    public void Accept(in CompletedRun run)
    {
        Runs++;
        var s = run.Summary;
        Add(run.Job); Add(run.RunIndex); Add((long)s.Seed);
        var r = run.Record;
        foreach (var o in OutcomeRegistry.Runs)
        {
            Add(o.Of(s));
        }
        for (var i = 0; i < r.N; i++)
        {
            foreach (var o in OutcomeRegistry.States)
            {
                Add(o.Of(s, i));
            }
            for (var j = 0; j < r.N; j++)
            {
                foreach (var o in OutcomeRegistry.Dyads)
                {
                    Add(i == j ? 0 : o.Of(s, i, j));
                }
            }
        }
        for (var k = 0; k < (r.Steps + 1) * r.N; k++)
        {
            Add(r.Milex[k]);
            Add(r.Security[k]);
        }
    }

    public string Hex() => Convert.ToHexStringLower(_hash.GetCurrentHash());

    private void Add(long v)
    {
        BitConverter.TryWriteBytes(_buffer, v);
        _hash.AppendData(_buffer);
    }

    private void Add(double v) => Add(BitConverter.DoubleToInt64Bits(v));
}
