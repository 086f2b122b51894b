using Orleans.Runtime;
using Spiral.Core.Recording;
using Spiral.Experiments.Definitions;
using Spiral.Experiments.Metrics;
using Spiral.Experiments.Running;

namespace Spiral.Distributed;

/// <summary>How the client splits and dispatches work.</summary>
/// <param name="BatchRuns">Runs per batch (the unit sent to a silo, and the unit the store commits).</param>
/// <param name="InFlightPerSilo">Batches awaited at once per active silo.</param>
/// <param name="BatchTimeout">How long one batch may take before it is sent again (to any silo).</param>
/// <param name="MaxAttempts">Attempts per batch before the whole run fails (with the waits between them, about a minute).</param>
public sealed record ClusterRunOptions(int BatchRuns = 256, int InFlightPerSilo = 2, TimeSpan BatchTimeout = default, int MaxAttempts = 8)
{
    public static readonly TimeSpan DefaultBatchTimeout = TimeSpan.FromMinutes(2);

    public static ClusterRunOptions Default { get; } = new();

    public TimeSpan BatchTimeout { get; init; } = BatchTimeout > TimeSpan.Zero ? BatchTimeout : DefaultBatchTimeout;

    /// <exception cref="ArgumentOutOfRangeException">A count below 1 or above its bound.</exception>
    public ClusterRunOptions Validated() =>
        BatchRuns is < 1 or > 100_000 ? throw new ArgumentOutOfRangeException(nameof(BatchRuns), BatchRuns, "runs per batch must be from 1 to 100000")
        : InFlightPerSilo is < 1 or > 64 ? throw new ArgumentOutOfRangeException(nameof(InFlightPerSilo), InFlightPerSilo, "batches in flight per silo must be from 1 to 64")
        : MaxAttempts < 1 ? throw new ArgumentOutOfRangeException(nameof(MaxAttempts), MaxAttempts, "attempts must be at least 1")
        : this;
}

/// <summary>The cluster could not finish the work (no silo, a batch failing on every attempt).</summary>
public sealed class ClusterException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Runs an experiment on the silos of an Orleans cluster: the pending jobs are cut into batches by run index, at most
/// <see cref="ClusterRunOptions.InFlightPerSilo"/> batches per active silo are awaited at once, each with a timeout; a
/// batch that fails or times out (its silo died) is sent again and lands on a live silo; a batch's result is taken once
/// (a late or repeated answer is dropped); and results reach the sink in job order, chunk by chunk, with the records
/// the silos computed and the summaries of <see cref="RunMetrics"/>, exactly as <see cref="ExperimentRunner"/> hands
/// them over locally. The client alone talks to the sink (the store).
/// </summary>
public sealed class ClusterExecutor(IClusterClient client, ClusterRunOptions options, TimeProvider time, Action<string>? log = null) : IExperimentExecutor
{
    /// <summary>How often the number of active silos is read again.</summary>
    private static readonly TimeSpan SiloRefresh = TimeSpan.FromSeconds(2);

    /// <summary>How long the number of active silos may take to come.</summary>
    private static readonly TimeSpan SiloQueryTimeout = TimeSpan.FromSeconds(5);

    private readonly ClusterRunOptions _options = options.Validated();

    /// <summary>Batches that failed or timed out and were sent again, over the last execution.</summary>
    public int Retries { get; private set; }

    /// <summary>Batches taken per silo, over the last execution.</summary>
    public IReadOnlyDictionary<string, int> BatchesPerSilo => _perSilo;

    private readonly Dictionary<string, int> _perSilo = [];

    public long Execute(IExperiment experiment, IRunSink sink, CancellationToken cancel = default, IProgress<long>? progress = null,
        Func<long, bool>? isDone = null) =>
        ExecuteAsync(experiment, sink, cancel, progress, isDone).GetAwaiter().GetResult();

    public async Task<long> ExecuteAsync(IExperiment experiment, IRunSink sink, CancellationToken cancel = default, IProgress<long>? progress = null,
        Func<long, bool>? isDone = null)
    {
        Retries = 0;
        _perSilo.Clear();
        var spec = ExperimentSpec.Of(experiment);
        var batches = Plan(experiment.TotalRuns(), _options.BatchRuns, isDone, out var alreadyDone);
        progress?.Report(alreadyDone);
        var results = new RunBatchResult?[batches.Count];
        var attempts = new int[batches.Count];
        var toSend = new SortedSet<int>(Enumerable.Range(0, batches.Count));
        var inFlight = new Dictionary<Task<RunBatchResult>, int>();
        var delivery = new Delivery(experiment, sink);
        var silos = await ActiveSilos();
        var silosReadAt = time.GetTimestamp();
        var next = 0;
        long delivered = alreadyDone, executed = 0;
        while (next < batches.Count)
        {
            cancel.ThrowIfCancellationRequested();
            if (time.GetElapsedTime(silosReadAt) > SiloRefresh)
            {
                silos = await ActiveSilos(silos);
                silosReadAt = time.GetTimestamp();
            }
            var limit = silos * _options.InFlightPerSilo;
            // Results wait for earlier batches before they reach the sink: bound how far ahead of delivery the work runs.
            var window = next + 4 * limit;
            while (inFlight.Count < limit && toSend.Count > 0 && toSend.Min < window)
            {
                var i = toSend.Min;
                toSend.Remove(i);
                inFlight[Send(spec, i, batches[i], attempts[i], cancel)] = i;
            }
            var finished = await Task.WhenAny(inFlight.Keys);
            var index = inFlight[finished];
            inFlight.Remove(finished);
            try
            {
                var result = await finished;
                if (results[index] is null && index >= next)
                {
                    results[index] = result;
                    _perSilo[result.Silo] = _perSilo.GetValueOrDefault(result.Silo) + 1;
                }
            }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex) when (ex is not ClusterException)
            {
                attempts[index]++;
                var (first, count) = batches[index];
                var reason = ex is TimeoutException ? $"no answer within {_options.BatchTimeout.TotalSeconds:0.#} s" : ex.GetBaseException().Message;
                if (attempts[index] >= _options.MaxAttempts)
                {
                    throw new ClusterException($"runs {first}..{first + count - 1} failed {attempts[index]} times; last: {reason}", ex);
                }
                Retries++;
                log?.Invoke($"runs {first}..{first + count - 1}: {reason}; sending them again (attempt {attempts[index] + 1} of {_options.MaxAttempts})");
                toSend.Add(index);
                silos = await ActiveSilos(silos);
                silosReadAt = time.GetTimestamp();
            }
            while (next < batches.Count && results[next] is { } ready)
            {
                delivery.Deliver(ready);
                results[next] = null;
                next++;
                delivered += ready.Count;
                executed += ready.Count;
                progress?.Report(delivered);
            }
        }
        log?.Invoke($"{batches.Count:N0} batches: " + string.Join(", ", _perSilo.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Value} on {p.Key}"))
            + (Retries > 0 ? $"; {Retries} sent again" : ""));
        return executed;
    }

    /// <summary>
    /// Sends batch <paramref name="index"/>; attempt k ≥ 1 first waits 2^(k−1) s (at most 15 s), which gives the client
    /// time to learn that a gateway is gone and the cluster time to declare a killed silo dead.
    /// </summary>
    private async Task<RunBatchResult> Send(ExperimentSpec spec, int index, (long First, int Count) batch, int attempt, CancellationToken cancel)
    {
        if (attempt > 0)
        {
            await Task.Delay(TimeSpan.FromSeconds(Math.Min(MaxBackoffSeconds, Math.Pow(2, attempt - 1))), time, cancel);
        }
        // A fresh grain id per attempt: a batch sent again is not tied to the activation (or gateway) that failed it.
        var grain = client.GetGrain<IRunBatchGrain>((long)index * _options.MaxAttempts + attempt);
        return await grain.Run(new RunBatch { Experiment = spec, FirstJob = batch.First, Count = batch.Count })
            .WaitAsync(_options.BatchTimeout, time, cancel);
    }

    private const double MaxBackoffSeconds = 15;

    /// <summary>
    /// Batches of at most <paramref name="batchRuns"/> consecutive pending jobs, in job order; a stored job ends a batch,
    /// so a resumed run sends only what is missing.
    /// </summary>
    internal static List<(long First, int Count)> Plan(long total, int batchRuns, Func<long, bool>? isDone, out long alreadyDone)
    {
        var batches = new List<(long, int)>();
        alreadyDone = 0;
        long start = -1;
        for (long j = 0; j <= total; j++)
        {
            var pending = j < total && (isDone is null || !isDone(j));
            if (j < total && !pending)
            {
                alreadyDone++;
            }
            if (pending && start < 0)
            {
                start = j;
            }
            if (start >= 0 && (!pending || j - start == batchRuns))
            {
                batches.Add((start, (int)(j - start)));
                start = pending ? j : -1;
            }
        }
        return batches;
    }

    /// <summary>The number of active silos; when the question goes unanswered (the silo asked just died), <paramref name="previous"/>.</summary>
    private async Task<int> ActiveSilos(int previous = 0)
    {
        Dictionary<SiloAddress, SiloStatus> hosts;
        try
        {
            hosts = await client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(SiloQueryTimeout, time);
        }
        catch (Exception) when (previous > 0)
        {
            return previous;
        }
        return hosts.Count > 0
            ? hosts.Count
            : throw new ClusterException("no silo is active in the cluster; start one with `spiral silo --cluster redis://HOST:PORT`");
    }

    /// <summary>Unpacks batches into one reused record and summary and hands them to the sink in job order.</summary>
    private sealed class Delivery(IExperiment experiment, IRunSink sink)
    {
        private readonly Dictionary<int, double[]> _reach = [];
        private RunRecord? _record;
        private RunSummary? _summary;

        public void Deliver(RunBatchResult batch)
        {
            var reps = experiment.Replications;
            using var reader = new BinaryReader(new MemoryStream(batch.Runs, writable: false));
            sink.ChunkStarting(batch.FirstJob, batch.Count);
            for (var k = 0; k < batch.Count; k++)
            {
                var (job, states, capacity) = RunRecordCodec.ReadHead(reader);
                if (job != batch.FirstJob + k)
                {
                    throw new ClusterException($"the batch from {batch.Silo} holds run {job} where run {batch.FirstJob + k} belongs");
                }
                if (_record is null || _record.N != states || _record.Capacity != capacity)
                {
                    _record = new RunRecord(states, capacity);
                    _summary = new RunSummary(states);
                }
                RunRecordCodec.ReadInto(reader, _record);
                var point = (int)(job / reps);
                var replication = (int)(job % reps);
                var runIndex = experiment.RunIndex(point, replication);
                if (_record.RunIndex != runIndex)
                {
                    throw new ClusterException($"run {job} from {batch.Silo} was computed with run index {_record.RunIndex}, expected {runIndex}");
                }
                RunMetrics.Summarize(_record, Reach(point), _summary!);
                sink.Accept(new CompletedRun(job, point, replication, runIndex, _record, _summary!));
            }
            sink.ChunkCompleted(batch.FirstJob, batch.Count);
        }

        private double[] Reach(int point)
        {
            if (!_reach.TryGetValue(point, out var reach))
            {
                if (_reach.Count > 256)
                {
                    _reach.Clear();
                }
                reach = EnsembleRunner.InitialReach(experiment.ScenarioAt(point));
                _reach[point] = reach;
            }
            return reach;
        }
    }
}
