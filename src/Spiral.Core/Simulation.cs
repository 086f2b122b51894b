using Spiral.Core.Model;
using Spiral.Core.Recording;
using Spiral.Core.Scenarios;

namespace Spiral.Core;

/// <summary>One run of a scenario: build the world for (seed, run index), step it, record it.</summary>
public static class Simulation
{
    /// <summary>This thread's world, re-initialised for each run it simulates instead of allocating one per run (issue 18).</summary>
    [ThreadStatic]
    private static World? _world;

    /// <summary>
    /// Runs <paramref name="steps"/> steps (default: the scenario's horizon) into <paramref name="record"/>, which
    /// must have room for them. Types are redrawn per run; randomness comes only from the run's derived streams.
    /// </summary>
    public static void Run(Scenario scenario, ulong masterSeed, long runIndex, RunRecord record, int? steps = null)
    {
        var horizon = steps ?? scenario.Steps;
        if (horizon > record.Capacity || record.N != scenario.States.Count)
        {
            throw new ArgumentException($"record holds {record.N} states × {record.Capacity} steps; run needs {scenario.States.Count} × {horizon}");
        }
        var world = WorldFactory.Create(scenario, masterSeed, runIndex, record.Events, _world);
        _world = world;
        record.Begin(world, runIndex);
        for (var t = 1; t <= horizon; t++)
        {
            Kernel.Step(world);
            record.Capture(world, t);
        }
    }

    /// <summary>Builds and steps a world without recording, for callers that read the world directly.</summary>
    public static World RunWorld(Scenario scenario, ulong masterSeed, long runIndex, int? steps = null)
    {
        var world = WorldFactory.Create(scenario, masterSeed, runIndex);
        var horizon = steps ?? scenario.Steps;
        for (var t = 0; t < horizon; t++)
        {
            Kernel.Step(world);
        }
        return world;
    }
}
