using Spiral.Core.Events;
using Spiral.Core.Model;
using Spiral.Core.Model.Phases;
using Spiral.Core.Scenarios;
using Spiral.Testing;

namespace Spiral.Core.Tests.Model.Phases;

/// <summary>Phase 7: demands and incidents open crises; no war starts outside one.</summary>
public class CrisisPhaseTests
{
    [Fact]
    public void Run_ZeroBaseRate_NoIncidents()
    {
        var w = TestWorlds.Dyad(change: s => s.NoIncidents());
        for (var k = 0; k < 200; k++)
        {
            CrisisPhase.Run(w);
        }
        Assert.Equal(0, TestWorlds.Count(w, EventKind.Incident));
    }

    [Fact]
    public void Run_Demand_OpensACrisisAtTheDemandRungAndIsEvidenceOfGreed()
    {
        var w = TestWorlds.Dyad("Hawk", "Dove", change: s => s.NoIncidents() with { Dyads = [new("A", "B") { Stake = 0.05 }] });
        w.Demand[0 * 2 + 1] = true;
        CrisisPhase.Run(w);
        var demand = Assert.Single(TestWorlds.EventsOf(w, EventKind.Demand));
        Assert.Equal((0, 1, 3, (byte)2, 0.05), ((int)demand.Actor, (int)demand.Target, (int)demand.Rung, demand.Mid, demand.Value));
        // the hawk escalates as the dove yields: no rung is climbed
        Assert.Equal(0, TestWorlds.Count(w, EventKind.CrisisEscalated));
        // B's belief about A, odds 0.25 at first: × e^(0.5 × 1.4) for the demand, × ((1 + e)/(1 + e^0.5))^0.5 for the
        // escalation it saw (a greedy type's resolve index is higher by (2 − 1) × 0.5)
        var odds = 0.25 * Math.Exp(0.5 * 1.4) * Math.Sqrt((1 + Math.E) / (1 + Math.Exp(0.5)));
        Assert.Equal(odds / (1 + odds), w.Belief[1 * 2 + 0], 12);
        var concession = Assert.Single(TestWorlds.EventsOf(w, EventKind.Concession));
        Assert.Equal((1, 0, 50.0), ((int)concession.Actor, (int)concession.Target, concession.Value));
        Assert.Equal(0, TestWorlds.Count(w, EventKind.WarStarted));
    }

    [Fact]
    public void Run_NoDemandNoIncident_NoWarEvenWhenWarWouldPay()
    {
        var w = TestWorlds.Dyad("OffensiveRealist", "Dove", change: s => s.NoIncidents() with { Dyads = [new("A", "B") { Stake = 1 }] });
        w.Offense[0] = 1e6;
        for (var k = 0; k < 100; k++)
        {
            CrisisPhase.Run(w);
        }
        Assert.Equal(0, TestWorlds.Count(w, EventKind.WarStarted));
    }

    [Fact]
    public void Run_HighRate_OpensCrisesAtRungOne()
    {
        var w = TestWorlds.Dyad();
        w.IncidentBaseRate = 100;
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

    [Fact]
    public void Occurs_DrawsAroundAndFarFromTheThreshold_SameAsOneMinusExp()
    {
        // The incident test skips the exponential where a bound decides; it must answer as draw < 1 − e^(−rate) does,
        // also for draws one ulp either side of the threshold and for rates from none to certain
        var rates = new[] { -1.0, -1e-9, 0, 1e-300, 1e-12, 1e-6, 0.003, 0.05, 0.3, 0.999, 1, 1.7, 2, 5, 40, 800, double.PositiveInfinity };
        var checkedNearThreshold = 0;
        foreach (var rate in rates)
        {
            var threshold = 1 - Math.Exp(-rate);
            var draws = new List<double> { 0, double.Epsilon, 1e-13, 0.5, 1 - 1e-16, rate, rate - 0.5 * rate * rate };
            for (var k = 1; k < 1000; k++)
            {
                draws.Add(k / 1000.0);
            }
            if (threshold is > 0 and < 1)
            {
                draws.AddRange([Math.BitDecrement(threshold), threshold, Math.BitIncrement(threshold)]);
                checkedNearThreshold++;
            }
            foreach (var draw in draws.Where(d => d is >= 0 and < 1))
            {
                Assert.True((draw < threshold) == CrisisPhase.Occurs(draw, rate), $"draw {draw:R}, rate {rate:R}");
            }
        }
        Assert.True(checkedNearThreshold >= 10);
    }
}
