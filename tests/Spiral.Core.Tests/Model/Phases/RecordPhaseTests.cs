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
    [Fact]
    public void Run_FiveStates_RowChunksLeaveTheDiagonalAndRecordEventsInDyadOrder()
    {
        // Five states: each observer row is one full four-lane chunk and one partial chunk, with the diagonal in either.
        var w = WorldFactory.Create(ScenarioBuilder.Stylized(states: 5), 1, 0);
        Array.Fill(w.IsGreedy, false);
        const int n = 5;
        for (var ij = 0; ij < n * n; ij++)
        {
            (w.PreviousBelief[ij], w.Belief[ij], w.Rivalry[ij], w.Relations[ij], w.StepGoldstein[ij]) = (0.4, 0.6, 0.5, 1, -2);
        }
        for (var i = 0; i < n; i++)
        {
            (w.PreviousBelief[i * n + i], w.Belief[i * n + i], w.Rivalry[i * n + i], w.Relations[i * n + i], w.StepGoldstein[i * n + i]) = (0, 0.9, 0.7, 3, -4);
        }
        w.StepGoldstein[3 * n + 4] = 0;
        RecordPhase.Run(w);

        for (var i = 0; i < n; i++)
        {
            var ii = i * n + i;
            Assert.Equal((0.7, 3.0, -4.0), (w.Rivalry[ii], w.Relations[ii], w.StepGoldstein[ii]));
        }
        Assert.Equal(-1, w.Relations[4 * n + 3]);
        Assert.Equal(0, w.StepGoldstein[4 * n + 3]);
        Assert.Equal(0.5 * (1 - w.P.RivalryDecay) + w.P.RivalryFromConflict / 10 * 2, w.Rivalry[4 * n + 3], 15);
        Assert.Equal(1, w.Relations[3 * n + 4]);
        Assert.Equal(0.5 * (1 - w.P.RivalryDecay), w.Rivalry[3 * n + 4], 15);

        var expected = new List<(EventKind, int, int)>();
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                if (i != j)
                {
                    expected.Add((EventKind.BeliefShift, i, j));
                    expected.Add((EventKind.SpiralOnset, i, j));
                }
            }
        }
        var recorded = w.Events.Items.ToArray().Where(e => e.Kind is EventKind.BeliefShift or EventKind.SpiralOnset)
            .Select(e => (e.Kind, (int)e.Actor, (int)e.Target)).ToList();
        Assert.Equal(expected, recorded);
    }
}
