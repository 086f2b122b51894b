using System.Diagnostics;
using System.Security.Cryptography;
using Spiral.Core;
using Spiral.Core.Recording;
using Spiral.Core.Scenarios;
using Spiral.Experiments.Scenarios;
using Spiral.IO.Scenarios;
using Spiral.Testing;

namespace Spiral.Benchmarks;

/// <summary>
/// A fixed kernel workload for instruction counts that do not depend on the machine's load
/// (<c>valgrind --tool=callgrind</c>, docs/reference/performance.md) and a bit-identity check of the kernel:
/// <c>kernel-work bench|world-190 RUNS [STEPS]</c> runs that many recorded runs on one thread after one warm-up run and
/// prints the content hash of the last run and the process CPU time of the timed runs; <c>kernel-work verify</c> prints the content
/// hash of 24 runs of every library scenario and of stylized worlds that exercise each mechanism, to compare before and
/// after a change meant to leave results bit-identical.
/// </summary>
internal static class KernelWork
{
    public static void Run(string[] args)
    {
        if (args.Length > 1 && args[1] == "verify")
        {
            Verify();
            return;
        }
        if (args.Length < 3 || !int.TryParse(args[2], out var runs) || runs < 1)
        {
            throw new ArgumentException("usage: kernel-work bench|world-190 RUNS [STEPS] | kernel-work verify");
        }
        var scenario = args[1] switch
        {
            "bench" => StylizedScenario.Benchmark(),
            StylizedScenario.World190Name => StylizedScenario.World190(),
            _ => throw new ArgumentException($"kernel-work: unknown workload '{args[1]}'; expected bench or {StylizedScenario.World190Name}"),
        };
        if (args.Length > 3)
        {
            scenario = scenario with { Steps = int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) };
        }
        var record = new RunRecord(scenario.States.Count, scenario.Steps);
        Simulation.Run(scenario, 1, -1, record);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        for (var k = 0; k < runs; k++)
        {
            Simulation.Run(scenario, 1, k, record);
        }
        var seconds = clock.Elapsed.TotalSeconds;
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        RunContentHash.Append(sha, record);
        Console.WriteLine($"{scenario.Name} {runs} runs × {scenario.Steps} steps: last run's hash {RunContentHash.Digest(sha)}, " +
            $"{seconds:F3} s wall, {cpu.TotalSeconds:F3} s CPU, {seconds / runs * 1e3:F3} ms per run");
    }

    private static void Verify()
    {
        var scenarios = ScenarioLibrary.Names.Select(ScenarioLoader.LoadLibrary).ToList();
        scenarios.Add(StylizedScenario.Benchmark());
        scenarios.Add(StylizedScenario.Create(states: 6, institutions: 0.6, greedProbability: 0.3) with { Name = "institutions" });
        scenarios.Add(StylizedScenario.Create(states: 6, empathy: 0, rivalry: 0.5, greedProbability: 0.3) with { Name = "empathy-0-rivalry" });
        scenarios.Add(StylizedScenario.Create(states: 6, empathy: 1, transparency: 0.5, hotline: 0.5) with { Name = "empathy-1" });
        foreach (var policy in new[] { "Grit", "TitForTat", "CostlySignaller", "OffensiveRealist" })
        {
            scenarios.Add(StylizedScenario.Create(states: 5, policy: policy, offenseAdvantage: 1.6, distinguishability: 0.2, greedProbability: 0.3) with { Name = policy });
        }
        scenarios.Add(StylizedScenario.Grid(rows: 4, columns: 5) with { Name = "grid-4x5" });
        scenarios.Add(StylizedScenario.World190(steps: 30));
        foreach (var scenario in scenarios)
        {
            var runs = scenario.States.Count > 100 ? 2 : 24;
            var record = new RunRecord(scenario.States.Count, scenario.Steps);
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            for (var k = 0; k < runs; k++)
            {
                Simulation.Run(scenario, 20240601, k, record);
                RunContentHash.Append(sha, record);
            }
            Console.WriteLine($"{scenario.Name,-32} {runs,3} runs  {RunContentHash.Digest(sha)}");
        }
    }
}
