using Spiral.Core.Events;
using Spiral.Core.Model;
using Spiral.Core.Model.Phases;
using Spiral.Core.Scenarios;
using Spiral.Testing;

namespace Spiral.Core.Tests.Model.Phases;

/// <summary>Phase 8, record: relations, rivalry and spiral events.</summary>
public class RecordPhaseTests
{
    [Fact]
    public void Run_GoldsteinWeights_AccumulateRelationsAndMoveRivalry()
    {
        var w = TestWorlds.Dyad();
        w.Rivalry[1] = 0.5;
        w.AddEvent(EventKind.WarStarted, 0, 1); // -10 on both directions
        RecordPhase.Run(w);
        Assert.Equal(-10, w.Relations[1], 12);
        Assert.Equal(-10, w.Relations[2], 12);
        Assert.Equal(0.5 + 0.02 * 10 / 10 - 0.01 * 0.5, w.Rivalry[1], 12);
        Assert.Equal(0.0, w.StepGoldstein[1]);
    }

    [Fact]
    public void Run_SecuritySeekerBeliefCrossingHalf_RecordsSpiralOnset()
    {
        var w = TestWorlds.Dyad();
        w.PreviousBelief[1] = 0.4;
        w.Belief[1] = 0.6;
        RecordPhase.Run(w);
        var onset = Assert.Single(TestWorlds.EventsOf(w, EventKind.SpiralOnset));
        Assert.Equal((0, 1), ((int)onset.Actor, (int)onset.Target));
        Assert.Single(TestWorlds.EventsOf(w, EventKind.BeliefShift));

        var greedy = TestWorlds.Dyad();
        greedy.IsGreedy[1] = true;
        greedy.PreviousBelief[1] = 0.4;
        greedy.Belief[1] = 0.6;
        RecordPhase.Run(greedy);
        Assert.Equal(0, TestWorlds.Count(greedy, EventKind.SpiralOnset));
    }
}
