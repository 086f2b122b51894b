using Spiral.Core.Events;
using Spiral.Core.Model;
using Spiral.Core.Model.Phases;
using Spiral.Core.Scenarios;
using Spiral.Testing;

namespace Spiral.Core.Tests.Model.Phases;

/// <summary>Phase 7: wars of greed and incidents that open crises.</summary>
public class CrisisPhaseTests
{
    [Fact]
    public void Run_ZeroBaseRate_NoIncidents()
    {
        var w = TestWorlds.Dyad(change: s => s.NoIncidents());
        Array.Fill(w.AttackTarget, -1);
        for (var k = 0; k < 200; k++)
        {
            CrisisPhase.Run(w);
        }
        Assert.Equal(0, TestWorlds.Count(w, EventKind.Incident));
    }

    [Fact]
    public void Run_AttackTarget_StartsWarOfGreed()
    {
        var w = TestWorlds.Dyad();
        w.AttackTarget[0] = 1;
        w.AttackTarget[1] = -1;
        CrisisPhase.Run(w);
        var war = Assert.Single(TestWorlds.EventsOf(w, EventKind.WarStarted));
        Assert.Equal((0, 1, Concept.Greed), (war.Actor, war.Target, war.Concept));
    }

    [Fact]
    public void Run_HighRate_OpensCrisesAtRungOne()
    {
        var w = TestWorlds.Dyad();
        w.IncidentBaseRate = 100;
        Array.Fill(w.AttackTarget, -1); // as phase 5 leaves it
        CrisisPhase.Run(w);
        var incident = Assert.Single(TestWorlds.EventsOf(w, EventKind.Incident));
        Assert.Equal(1, incident.Rung);
        Assert.Equal(0, w.LastCrisisStep[1]);
    }

    [Fact]
    public void Run_FreshWorldBeforeAnyDecide_StartsNoWar()
    {
        var w = TestWorlds.Dyad(change: s => s.NoIncidents());
        CrisisPhase.Run(w);
        Assert.Equal(0, TestWorlds.Count(w, EventKind.WarStarted));
    }
}
