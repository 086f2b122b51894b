using System.Diagnostics;
using System.Globalization;
using Spiral.Experiments.Definitions;
using Spiral.Experiments.Running;
using Spiral.Experiments.Scenarios;

namespace Spiral.Benchmarks;

/// <summary>
/// What <see cref="ExperimentRunner"/> allocates per run of <c>bench-10x50</c> (issue 18, runner part;
/// docs/reference/performance.md, "Runner, fourth stop"): the calls <c>spiral bench</c> makes (a warm-up ensemble,
/// then the timed one), repeated <c>passes</c> times in one process. For each timed call it prints the bytes allocated
/// (<see cref="GC.GetTotalAllocatedBytes"/>, all threads) over the whole call and over its chunks from the third on
/// (the steady state, once both chunk buffers have been filled), the collections of each generation, the process CPU
/// time per run; the sink keeps nothing, as <c>spiral bench</c>'s. Then the <see cref="SummaryHasher"/> content hash of
/// the timed runs, in another call (the hasher allocates per run), to compare before and after a change meant to leave
/// results identical.
/// <c>dotnet bench/Spiral.Benchmarks/bin/Release/net10.0/Spiral.Benchmarks.dll runner-memory [runs] [threads] [passes] [chunk]</c>.
/// </summary>
internal static class RunnerMemory
{
    public static void Run(string[] args)
    {
        var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 4000;
        var threads = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1;
        var passes = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 3;
        var chunk = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 0;
        var scenario = StylizedScenario.Benchmark();
        var options = new RunnerOptions(threads, chunk);
        Pieces(scenario);
        for (var pass = 0; pass < passes; pass++)
        {
            ExperimentRunner.Run(new EnsembleExperiment(scenario, Math.Min(runs, 200), 99), options, _ => { });
            var sink = new ChunkAllocations();
            var gen = new[] { GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2) };
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            ExperimentRunner.Run(new EnsembleExperiment(scenario, runs, 1), options, sink);
            var cpuPerRun = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds / runs;
            var total = GC.GetTotalAllocatedBytes(precise: true) - before;
            var steady = sink.SteadyBytes(out var steadyRuns);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"pass {pass}: {runs} runs, {threads} threads: {total / (double)runs:F0} B per run over the call, " +
                $"{(steadyRuns > 0 ? steady / (double)steadyRuns : double.NaN):F1} B per run from chunk 3 on ({steadyRuns} runs), " +
                $"collections gen0/1/2 {GC.CollectionCount(0) - gen[0]}/{GC.CollectionCount(1) - gen[1]}/{GC.CollectionCount(2) - gen[2]}, " +
                $"{cpuPerRun * 1e6:F0} µs CPU per run"));
        }
        var hasher = new SummaryHasher();
        ExperimentRunner.Run(new EnsembleExperiment(scenario, runs, 1), options, hasher);
        Console.WriteLine($"SummaryHasher of the timed runs: {hasher.Hex()}");
    }

    /// <summary>What a record, its log's growth and a summary allocate, and how many events the runs log.</summary>
    private static void Pieces(Spiral.Core.Scenarios.Scenario scenario)
    {
        var n = scenario.States.Count;
        var before = GC.GetAllocatedBytesForCurrentThread();
        var record = new Spiral.Core.Recording.RunRecord(n, scenario.Steps);
        var recordBytes = GC.GetAllocatedBytesForCurrentThread() - before;
        before = GC.GetAllocatedBytesForCurrentThread();
        _ = new Spiral.Experiments.Metrics.RunSummary(n);
        var summaryBytes = GC.GetAllocatedBytesForCurrentThread() - before;
        before = GC.GetAllocatedBytesForCurrentThread();
        _ = EnsembleRunner.InitialReach(scenario);
        var reachBytes = GC.GetAllocatedBytesForCurrentThread() - before;
        var events = new List<int>();
        long growth = 0;
        for (var k = 0; k < 2000; k++)
        {
            var fresh = new Spiral.Core.Recording.RunRecord(n, scenario.Steps);
            before = GC.GetAllocatedBytesForCurrentThread();
            Spiral.Core.Simulation.Run(scenario, 1, k, fresh);
            growth += GC.GetAllocatedBytesForCurrentThread() - before;
            events.Add(fresh.Events.Count);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"a record of {n} states × {scenario.Steps} steps: {recordBytes} B new, a summary {summaryBytes} B, the initial reach (once per call and point) {reachBytes} B; events per run over 2,000 runs: " +
            $"mean {events.Average():F0}, median {Quantile(events, 0.5)}, 99th percentile {Quantile(events, 0.99)}, 99.9th {Quantile(events, 0.999)}, max {events.Max()}; " +
            $"a fresh record's first run allocates {growth / 2000.0:F0} B (its event log growing), an event takes {System.Runtime.CompilerServices.Unsafe.SizeOf<Spiral.Core.Events.SimEvent>()} B"));
        GC.KeepAlive(record);
    }

    private static int Quantile(List<int> values, double q) => values.Order().ElementAt((int)Math.Min(values.Count - 1, Math.Floor(q * values.Count)));

    /// <summary>Notes the bytes allocated so far at the end of every chunk.</summary>
    private sealed class ChunkAllocations : IRunSink
    {
        private readonly List<(long Bytes, int Runs)> _chunkEnds = new(1024);

        public void Accept(in CompletedRun run)
        {
        }

        public void ChunkCompleted(long firstJob, int count) => _chunkEnds.Add((GC.GetTotalAllocatedBytes(precise: true), count));

        /// <summary>Bytes allocated from the end of the second chunk to the end of the last, and the runs of those chunks.</summary>
        public long SteadyBytes(out int runs)
        {
            runs = _chunkEnds.Skip(2).Sum(c => c.Runs);
            return _chunkEnds.Count > 2 ? _chunkEnds[^1].Bytes - _chunkEnds[1].Bytes : 0;
        }
    }
}
