using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using Spiral.Cli.Commands.Analytic;
using Spiral.Experiments.Definitions;
using Spiral.Experiments.Running;
using Spiral.Experiments.Scenarios;

namespace Spiral.Cli.Commands;

/// <summary>
/// <c>spiral bench</c>: ensemble throughput on a stylized scenario: the 10-state, 50-year benchmark (default) or the
/// 190-state <c>world-190</c> (docs/reference/performance.md).
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var runs = new Option<int>("--runs") { Description = "Runs to time (after a warm-up).", DefaultValueFactory = _ => 4000 };
        var threads = new Option<int>("--threads") { Description = "Worker threads (0 = all cores).", DefaultValueFactory = _ => 0 };
        var scenarioName = new Option<string>("--scenario")
        {
            Description = $"Stylized scenario to time: {StylizedScenario.Benchmark().Name} (10 states, 50 steps) or {StylizedScenario.World190Name} (190 neighbouring states, 100 steps).",
            DefaultValueFactory = _ => StylizedScenario.Benchmark().Name,
        };
        var steps = new Option<int?>("--steps") { Description = "Steps per run (default: the scenario's)." };
        var json = AnalyticCli.JsonOption();
        var command = new Command("bench", "Measure runs per second on a stylized scenario (default 10 states, 50 steps).") { runs, threads, scenarioName, steps, json };
        command.SetAction(parse =>
        {
            var n = parse.GetValue(runs);
            var t = parse.GetValue(threads);
            if (n < 1)
            {
                throw new UsageException($"--runs {n}: expected a positive integer");
            }
            var name = parse.GetValue(scenarioName);
            var scenario = name switch
            {
                _ when string.Equals(name, StylizedScenario.Benchmark().Name, StringComparison.OrdinalIgnoreCase) => StylizedScenario.Benchmark(),
                _ when string.Equals(name, StylizedScenario.World190Name, StringComparison.OrdinalIgnoreCase) => StylizedScenario.World190(),
                _ => throw new UsageException($"--scenario {name}: expected {StylizedScenario.Benchmark().Name} or {StylizedScenario.World190Name}"),
            };
            if (parse.GetValue(steps) is { } s)
            {
                if (s < 1)
                {
                    throw new UsageException($"--steps {s}: expected a positive integer");
                }
                scenario = scenario with { Steps = s };
            }
            var options = RunnerArguments.Options(t);
            // The warm-up brings the JIT's code to its tiers and fills the runner's two chunk buffers (at least 200
            // runs, at most the timed runs), so the timed runs reuse its records as a long sweep does after its
            // first two chunks.
            var chunk = ExperimentRunner.ChunkOf(new EnsembleExperiment(scenario, n, 1), options);
            ExperimentRunner.Run(new EnsembleExperiment(scenario, Math.Min(n, Math.Max(200, 2 * chunk)), 99), options, _ => { });
            // Process CPU time besides wall time: on a shared machine it moves far less with other work than wall time does.
            // Memory besides time: bytes allocated and collections of each generation during the timed runs.
            var collectionsBefore = Collections();
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            ExperimentRunner.Run(new EnsembleExperiment(scenario, n, 1), options, _ => { });
            var seconds = clock.Elapsed.TotalSeconds;
            var cpuSecondsPerRun = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds / n;
            var allocatedBytesPerRun = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / (double)n;
            var collections = Collections();
            var (gen0Collections, gen1Collections, gen2Collections) =
                (collections[0] - collectionsBefore[0], collections[1] - collectionsBefore[1], collections[2] - collectionsBefore[2]);
            var states = scenario.States.Count;
            var runsPerSecond = n / seconds;
            var dyadSteps = runsPerSecond * scenario.Steps * states * (states - 1);
            var secondsPerRun = seconds / n;
            var threadCount = options.EffectiveThreads;
            if (parse.GetValue(json))
            {
                AnalyticCli.WriteJson(parse, new { scenario = scenario.Name, runsPerSecond, secondsPerRun, cpuSecondsPerRun, allocatedBytesPerRun, gen0Collections, gen1Collections, gen2Collections, dyadStepsPerSecond = dyadSteps, states, steps = scenario.Steps, runs = n, threads = threadCount, seconds });
            }
            else
            {
                var table = AnalyticCli.NewTable("measure", "value");
                var inv = CultureInfo.InvariantCulture;
                table.AddRow("scenario", $"{scenario.Name}: {states} states, {scenario.Steps} steps");
                table.AddRow("runs timed", n.ToString(inv));
                table.AddRow("threads", threadCount.ToString(inv));
                table.AddRow("runs per second", runsPerSecond.ToString("F0", inv));
                table.AddRow("seconds per run", secondsPerRun.ToString("G4", inv));
                table.AddRow("CPU seconds per run", cpuSecondsPerRun.ToString("G4", inv));
                table.AddRow("bytes allocated per run", allocatedBytesPerRun.ToString("F0", inv));
                table.AddRow("collections gen 0 / 1 / 2", $"{gen0Collections} / {gen1Collections} / {gen2Collections}");
                table.AddRow("dyad-steps per second", dyadSteps.ToString("E3", inv));
                AnalyticCli.Write(parse, table);
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Collections so far of generations 0, 1 and 2 (a collection of a generation also counts for the younger ones).</summary>
    private static int[] Collections() => [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
}
