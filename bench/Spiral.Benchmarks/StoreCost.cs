using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Spiral.Experiments.Running;
using Spiral.IO.Store;

namespace Spiral.Benchmarks;

/// <summary>
/// What the results store costs a sweep (issue 18): the shipped four-worlds sweep (<see cref="SweepBenchmarks"/>,
/// 10,000 runs) run alternately without a store, into a store with <c>--series none</c> and with the default
/// <c>--series sample 10</c>, several rounds. Reports the median wall time and the median CPU time of the process
/// (all threads: the workers, the store's sink thread and DuckDB's) for each, and the CPU time of the thread that
/// feeds the store (every writer call and the final checkpoint, timed with <c>CLOCK_THREAD_CPUTIME_ID</c>). On a
/// shared machine the CPU times are the figures to compare: they count work done, not time spent waiting for a
/// core; the store's own CPU time over the no-store process CPU time is what storing costs.
/// <c>dotnet run -c Release --project bench/Spiral.Benchmarks -- store-cost [rounds] [threads] [chunks per commit]</c>: the
/// writer commits about once a second by default, so a loaded machine commits more often than a quiet one; a chunk
/// count (the runner's chunk is 256 runs on 2 threads) fixes the commits for comparisons.
/// </summary>
public static class StoreCost
{
    public static void Run(string[] args)
    {
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        var threads = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 0;
        var chunksPerCommit = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 0;
        var bench = new SweepBenchmarks();
        bench.Setup();
        var sweep = bench.Sweep;
        var dir = Directory.CreateTempSubdirectory("spiral-storecost-").FullName;
        var variants = new (string Name, DetailSelection? Detail)[] { ("no store", null), ("store, series none", DetailSelection.None), ("store, series sample 10", DetailSelection.Default) };
        var wall = variants.Select(_ => new List<double>()).ToArray();
        var cpu = variants.Select(_ => new List<double>()).ToArray();
        var sinkCpu = variants.Select(_ => new List<double>()).ToArray();
        var acceptCpu = variants.Select(_ => new List<double>()).ToArray();
        var commits = variants.Select(_ => new List<double>()).ToArray();
        var options = new RunnerOptions(threads);
        var file = 0;
        try
        {
            for (var round = -1; round < rounds; round++)
            {
                for (var v = 0; v < variants.Length; v++)
                {
                    var process = Process.GetCurrentProcess();
                    var cpu0 = process.TotalProcessorTime;
                    var clock = Stopwatch.StartNew();
                    var sink = 0.0;
                    var accept = 0.0;
                    var commitCount = 0;
                    if (variants[v].Detail is { } detail)
                    {
                        var path = Path.Combine(dir, $"s{file++}.duckdb");
                        var t0 = ThreadCpu();
                        using (var writer = ResultsStoreWriter.OpenOrCreate(path, sweep, new StoreHeader("sweep", "", null, detail, "bench"), resume: false))
                        {
                            if (chunksPerCommit > 0)
                            {
                                writer.CommitEvery = TimeSpan.MaxValue;
                            }
                            var timed = new TimedSink(writer, chunksPerCommit);
                            sink += ThreadCpu() - t0;
                            ExperimentRunner.Run(sweep, options, timed, isDone: writer.IsDone);
                            t0 = ThreadCpu();
                            writer.Complete();
                            sink += ThreadCpu() - t0 + timed.Seconds;
                            accept = timed.AcceptSeconds;
                            commitCount = writer.Commits;
                        }
                        File.Delete(path);
                    }
                    else
                    {
                        ExperimentRunner.Run(sweep, options, _ => { });
                    }
                    clock.Stop();
                    process.Refresh();
                    if (round >= 0)
                    {
                        wall[v].Add(clock.Elapsed.TotalSeconds);
                        cpu[v].Add((process.TotalProcessorTime - cpu0).TotalSeconds);
                        sinkCpu[v].Add(sink);
                        acceptCpu[v].Add(accept);
                        commits[v].Add(commitCount);
                    }
                }
            }
        }
        finally
        {
            Directory.Delete(dir, true);
            bench.Cleanup();
        }
        var runs = sweep.PointCount * (double)sweep.Replications;
        var schedule = chunksPerCommit > 0 ? $"a commit every {chunksPerCommit} chunks" : "commits by the writer's clock";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"four-worlds sweep, {runs:N0} runs, {rounds} rounds, threads {options.EffectiveThreads}, {schedule}"));
        Console.WriteLine("variant                    wall s (median)  runs/s   CPU s (median)  CPU vs no store  store CPU s  store CPU / no-store CPU  of which Accept s  close+commit s  commits  wall vs no store");
        for (var v = 0; v < variants.Length; v++)
        {
            var w = Median(wall[v]);
            var c = Median(cpu[v]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{variants[v].Name,-26} {w,15:0.000}  {runs / w,7:0}  {c,14:0.000}  {(c / Median(cpu[0]) - 1) * 100,14:+0.0;-0.0}%  {Median(sinkCpu[v]),11:0.000}  {Median(sinkCpu[v]) / Median(cpu[0]) * 100,23:0.0}%  {Median(acceptCpu[v]),17:0.000}  {Median(sinkCpu[v]) - Median(acceptCpu[v]),14:0.000}  {Median(commits[v]),7:0}  {(w / Median(wall[0]) - 1) * 100,15:+0.0;-0.0}%"));
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    /// <summary>CPU seconds used by the calling thread (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>).</summary>
    private static double ThreadCpu()
    {
        const int ThreadCpuClock = 3;
        ClockGetTime(ThreadCpuClock, out var t);
        return t.Seconds + t.Nanoseconds * 1e-9;
    }

    /// <summary>
    /// Passes every call to the store and adds up the CPU time the calling thread spent in it, and apart the time in
    /// <see cref="IRunSink.Accept"/> (building and appending rows; the rest is opening appenders and committing). With
    /// <paramref name="chunksPerCommit"/> &gt; 0 it commits after every that many chunks instead of the writer's clock, so
    /// the number of commits does not depend on how fast a loaded machine runs the sweep.
    /// </summary>
    private sealed class TimedSink(ResultsStoreWriter inner, int chunksPerCommit) : IRunSink
    {
        private int _chunks;

        public double Seconds { get; private set; }

        public double AcceptSeconds { get; private set; }

        public void ChunkStarting(long firstJob, int count)
        {
            var t = ThreadCpu();
            inner.ChunkStarting(firstJob, count);
            Seconds += ThreadCpu() - t;
        }

        public void Accept(in CompletedRun run)
        {
            var t = ThreadCpu();
            inner.Accept(run);
            var spent = ThreadCpu() - t;
            Seconds += spent;
            AcceptSeconds += spent;
        }

        public void ChunkCompleted(long firstJob, int count)
        {
            var t = ThreadCpu();
            inner.ChunkCompleted(firstJob, count);
            if (chunksPerCommit > 0 && ++_chunks % chunksPerCommit == 0)
            {
                inner.Flush();
            }
            Seconds += ThreadCpu() - t;
        }
    }
}
