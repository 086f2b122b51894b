using BenchmarkDotNet.Attributes;
using Spiral.Core;
using Spiral.Core.Model;
using Spiral.Core.Recording;
using Spiral.Core.Scenarios;
using Spiral.Experiments.Scenarios;

namespace Spiral.Benchmarks;

/// <summary>One kernel step and one recorded run of the 10-state, 50-step benchmark scenario (the scenario of <c>spiral bench</c>).</summary>
[MemoryDiagnoser]
public class KernelBenchmarks
{
    private Scenario _scenario = null!;
    private World _world = null!;
    private RunRecord _record = null!;

    [GlobalSetup]
    public void Setup()
    {
        _scenario = StylizedScenario.Benchmark() with { Steps = 1_000_000 };
        _world = WorldFactory.Create(_scenario, 1, 0);
        _record = new RunRecord(10, 50);
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

    /// <summary>One whole run: world creation, 50 steps, recording.</summary>
    [Benchmark]
    public void Run() => Simulation.Run(_scenario, 1, 7, _record, 50);
}
