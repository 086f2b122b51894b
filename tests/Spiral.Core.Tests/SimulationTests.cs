using Spiral.Core.Events;
using Spiral.Core.Model;
using Spiral.Core.Recording;
using Spiral.Core.Scenarios;
using Spiral.Numerics.Random;
using Spiral.Testing;

namespace Spiral.Core.Tests;

/// <summary>DESIGN.md section 8: same scenario and seed, bit-identical results.</summary>
public class SimulationTests
{
    private static readonly Scenario Busy = ScenarioBuilder.Stylized(states: 6, offenseAdvantage: 2.5, distinguishability: 0,
        greedProbability: 0.3, steps: 50, rivalry: 0.4) with
    { Timeline = [new TimelineEvent(2010, TimelineEventKind.RegimeChange, ["S2"], 0.5)] };

    private static RunRecord RunOnce(ulong seed, long runIndex = 0)
    {
        var r = new RunRecord(Busy.States.Count, Busy.Steps);
        Simulation.Run(Busy, seed, runIndex, r);
        return r;
    }

    private static IEnumerable<(string Name, double[] Values)> Arrays(RunRecord r) =>
    [
        ("Gdp", r.Gdp), ("MilitaryShare", r.MilitaryShare), ("Milex", r.Milex), ("Offense", r.Offense), ("Defense", r.Defense),
        ("Posture", r.Posture), ("Security", r.Security), ("InternalThreat", r.InternalThreat), ("Belief", r.Belief),
    ];

    private static long[] Bits(double[] a) => a.Select(BitConverter.DoubleToInt64Bits).ToArray();

    [Fact]
    public void Run_SameSeedTwice_BitIdenticalRowsAndEvents()
    {
        var a = RunOnce(12345);
        var b = RunOnce(12345);
        foreach (var ((name, x), (_, y)) in Arrays(a).Zip(Arrays(b)))
        {
            Assert.True(Bits(x).SequenceEqual(Bits(y)), $"{name} differs");
        }
        Assert.Equal(a.IsGreedy, b.IsGreedy);
        Assert.Equal(a.Seed, b.Seed);
        Assert.Equal(a.Events.Items.ToArray(), b.Events.Items.ToArray());
        Assert.True(a.Events.Count > 10, "the run should be eventful enough to compare");
    }

    [Fact]
    public void Run_DifferentSeedsOrRunIndices_Differ()
    {
        var a = RunOnce(1);
        var b = RunOnce(2);
        var c = RunOnce(1, runIndex: 1);
        Assert.False(Bits(a.Belief).SequenceEqual(Bits(b.Belief)));
        Assert.False(Bits(a.Belief).SequenceEqual(Bits(c.Belief)));
        Assert.NotEqual(a.Seed, b.Seed);
        Assert.NotEqual(a.Seed, c.Seed);
    }

    [Fact]
    public void Run_RecordReusedAcrossRuns_GivesSameResultAsFreshRecord()
    {
        var reused = new RunRecord(Busy.States.Count, Busy.Steps);
        Simulation.Run(Busy, 99, 3, reused);
        Simulation.Run(Busy, 7, 5, reused);
        var fresh = RunOnce(7, 5);
        Assert.True(Bits(reused.Belief).SequenceEqual(Bits(fresh.Belief)));
        Assert.Equal(fresh.Events.Items.ToArray(), reused.Events.Items.ToArray());
    }

    [Fact]
    public void RunWorld_MatchesRecordedFinalRow()
    {
        var r = RunOnce(5);
        var w = Simulation.RunWorld(Busy, 5, 0);
        for (var i = 0; i < w.N; i++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(w.Gdp[i]), BitConverter.DoubleToInt64Bits(r.Gdp[r.Row(r.Steps, i)]));
        }
        Assert.Equal(w.Events.Count, r.Events.Count);
    }

    [Fact]
    public void Run_RecordTooSmall_Throws()
    {
        var r = new RunRecord(Busy.States.Count, 10);
        Assert.Throws<ArgumentException>(() => Simulation.Run(Busy, 1, 0, r));
    }

    [Fact]
    public void Run_RowZero_IsInitialState()
    {
        var r = RunOnce(3);
        Assert.Equal(1000, r.Gdp[r.Row(0, 0)]);
        Assert.Equal(0.2, r.BeliefAt(0, 0, 1));
        Assert.Equal(Busy.Steps, r.Steps);
        Assert.Equal(RandomnessSeed(3), r.Seed);
    }

    private static ulong RandomnessSeed(ulong master) => RandomStream.RunSeed(master, 0);

    [Fact]
    public void Step_WarmWorld_AllocatesNothing()
    {
        var w = WorldFactory.Create(Busy, 1, 0);
        for (var k = 0; k < 5; k++) Kernel.Step(w);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var k = 0; k < 20; k++) Kernel.Step(w);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        // the event log may double once; otherwise a warm step allocates nothing
        Assert.True(allocated < 64 * 1024, $"{allocated} bytes allocated in 20 steps");
    }
}
