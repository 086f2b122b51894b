using BenchmarkDotNet.Attributes;
using Spiral.Core;
using Spiral.Core.Model;
using Spiral.Core.Recording;
using Spiral.Core.Scenarios;
using Spiral.Experiments.Scenarios;

namespace Spiral.Benchmarks;

/// <summary>
/// One kernel step and one recorded run of the 10-state, 50-step benchmark scenario (the scenario of <c>spiral bench</c>),
/// and one recorded 100-year run of the 190-state <c>world-190</c> (docs/reference/performance.md).
/// </summary>
[MemoryDiagnoser]
public class KernelBenchmarks
{
    private Scenario _scenario = null!;
    private World _world = null!;
    private RunRecord _record = null!;
    private Scenario _world190 = null!;
    private RunRecord _record190 = null!;

    [GlobalSetup]
    public void Setup()
    {
        _scenario = StylizedScenario.Benchmark() with { Steps = 1_000_000 };
        _world = WorldFactory.Create(_scenario, 1, 0);
        _record = new RunRecord(10, 50);
        _world190 = StylizedScenario.World190();
        _record190 = new RunRecord(_world190.States.Count, _world190.Steps);
        for (var t = 0; t < 200; t++)
        {
            Kernel.Step(_world);
        }
    }

    /// <summary>One step of a warm world: must allocate nothing.</summary>
    [Benchmark]
    public void Step()
    {
        _world.Events.Clear();
        Kernel.Step(_world);
    }

    /// <summary>One whole run: world (re-)initialisation, 50 steps, recording. Must allocate nothing.</summary>
    [Benchmark]
    public void Run() => Simulation.Run(_scenario, 1, 7, _record, 50);

    /// <summary>One 100-year run of <c>world-190</c>, recorded (issue 18's goal: under 0.25 s).</summary>
    [Benchmark]
    public void RunWorld190() => Simulation.Run(_world190, 1, 7, _record190);
}
