using Spiral.Testing;
using Spiral.Core.Events;
using Spiral.Core.Model;
using Spiral.Core.Model.Phases;
using Spiral.Core.Scenarios;

namespace Spiral.Core.Tests.Model;

public class CrisisTests
{
    private static int[] EscalationRungs(World w) =>
        TestWorlds.EventsOf(w, EventKind.CrisisEscalated).Select(e => (int)e.Rung).ToArray();

    [Fact]
    public void Run_HawkVsHawk_ClimbsToTheLastRungThenWar()
    {
        var w = TestWorlds.Dyad("Hawk", "Hawk");
        Crisis.Run(w, 0, 1, 1);
        // both escalate every round: 1 → 3 → 5 → 7 → 9 → 11 (the last rung below war), then the step to war
        Assert.Equal([3, 5, 7, 9, 11], EscalationRungs(w));
        var war = Assert.Single(TestWorlds.EventsOf(w, EventKind.WarStarted));
        Assert.Equal((12, (byte)5, false), ((int)war.Rung, war.Mid, war.Scripted));
        // neither wanted war (a face stake against costs of 100 each): the hawk's war is its own private resolve
        Assert.Equal(WarRoute.PrivateInformation, war.Route);
        var clash = Assert.Single(TestWorlds.EventsOf(w, EventKind.UseOfForce));
        Assert.Equal((7, (byte)4), ((int)clash.Rung, clash.Mid));
        var outcome = Assert.Single(TestWorlds.EventsOf(w, EventKind.CrisisOutcome));
        Assert.Equal((12, (byte)5, 1.0), ((int)outcome.Rung, outcome.Mid, outcome.Value));
        Assert.Equal(0, TestWorlds.Count(w, EventKind.CrisisBackDown));
    }

    [Fact]
    public void Run_DoveAgainstHawk_BacksDownAtOnce()
    {
        var w = TestWorlds.Dyad("Hawk", "Dove");
        Crisis.Run(w, 0, 1, 1);
        var back = Assert.Single(TestWorlds.EventsOf(w, EventKind.CrisisBackDown));
        Assert.Equal((1, 0, 1), ((int)back.Actor, (int)back.Target, (int)back.Rung));
        Assert.Equal(0, TestWorlds.Count(w, EventKind.CrisisEscalated));
        Assert.Equal(0, TestWorlds.Count(w, EventKind.WarStarted));
        Assert.Equal(w.Step + 1 + w.P.CooldownYears, w.CooldownUntil[1]);
        Assert.Equal(w.Step + 1 + w.P.CooldownYears, w.CooldownUntil[2]);
        // an incident ended at rung 1 is a threat (MID level 2)
        Assert.Equal((byte)2, Assert.Single(TestWorlds.EventsOf(w, EventKind.CrisisOutcome)).Mid);
    }

    [Fact]
    public void Run_StartRung_IsWhereTheCrisisBegins()
    {
        var w = TestWorlds.Dyad("Hawk", "Dove");
        Crisis.Run(w, 0, 1, 5);
        Assert.Equal(5, Assert.Single(TestWorlds.EventsOf(w, EventKind.CrisisBackDown)).Rung);
    }

    [Fact]
    public void Run_TitForTatAgainstHawk_HoldsThenCopiesEscalation()
    {
        var w = TestWorlds.Dyad("TitForTat", "Hawk");
        Crisis.Run(w, 0, 1, 1);
        // round 0: TFT holds, hawk escalates (rung 2); then both escalate: 4, 6, 8, 10, 11 (the last rung), then war
        Assert.Equal([2, 4, 6, 8, 10, 11], EscalationRungs(w));
        Assert.Equal(1, TestWorlds.EventsOf(w, EventKind.CrisisEscalated)[0].Actor);
        Assert.Single(TestWorlds.EventsOf(w, EventKind.WarStarted));
    }

    [Fact]
    public void Run_GritAgainstHawk_BacksDownInFirstRound()
    {
        var w = TestWorlds.Dyad("Grit", "Hawk");
        Crisis.Run(w, 1, 0, 1);
        Assert.Equal(0, Assert.Single(TestWorlds.EventsOf(w, EventKind.CrisisBackDown)).Actor);
    }

    [Fact]
    public void Run_ScriptedHoldAgainstScriptedHold_FadesWithoutWar()
    {
        var w = TestWorlds.Dyad(change: s => s.WithScript(0, crisis: 0).WithScript(1, crisis: 0));
        for (var k = 0; k < 200; k++)
        {
            Crisis.Run(w, 0, 1, 1);
        }
        Assert.Equal(0, TestWorlds.Count(w, EventKind.WarStarted));
        Assert.Equal(200, TestWorlds.Count(w, EventKind.CrisisFaded));
    }

    [Fact]
    public void Run_HotlineOfStrengthOne_EndsMoreCrisesByDeEscalation()
    {
        const int crises = 4000;
        var with = TestWorlds.Dyad("Hawk", "Hawk", seed: 5, change: s => s with { Dyads = [new("A", "B", 1.0, 0, 0, 1.0)] });
        var without = TestWorlds.Dyad("Hawk", "Hawk", seed: 5);
        Assert.Equal(1.0, with.Hotline[1]);
        for (var k = 0; k < crises; k++)
        {
            Crisis.Run(with, 0, 1, 1);
            Crisis.Run(without, 0, 1, 1);
        }
        var byHotline = TestWorlds.Count(with, EventKind.CrisisDeEscalatedByHotline);
        var wars = TestWorlds.Count(with, EventKind.WarStarted);
        Assert.Equal(crises, byHotline + wars);
        Assert.Equal(0, TestWorlds.Count(without, EventKind.CrisisDeEscalatedByHotline));
        Assert.Equal(crises, TestWorlds.Count(without, EventKind.WarStarted));
        // six rounds before the war rung, each with a 0.35 chance to step back: P(war) = 0.65^6 = 0.0754
        var pWar = (double)wars / crises;
        Assert.InRange(pWar, Math.Pow(0.65, 6) - 0.015, Math.Pow(0.65, 6) + 0.015);
    }

    [Fact]
    public void War_AttackerCertainToWin_CostsSpoilsAndLossesExact()
    {
        var w = TestWorlds.Dyad(change: s => s with { Dyads = [new("A", "B") { Stake = 0.1 }] });
        w.Offense[0] = 500;
        w.Defense[1] = 0; // contest: 500 / (500 + 0) = 1
        AssessPhase.Run(w);
        Crisis.War(w, 0, 1, Concept.Bargaining, WarRoute.PrivateInformation, 0.8, years: 2);
        var started = Assert.Single(TestWorlds.EventsOf(w, EventKind.WarStarted));
        Assert.Equal((0, 1, 12, 0.8, WarRoute.PrivateInformation), ((int)started.Actor, (int)started.Target, (int)started.Rung, started.Value, started.Route));
        // each loses warCost 0.1 × 1000 × 2·1000/2000 = 100; spoils: the stake, 0.1 × the mean GDP 1000 = 100
        Assert.Equal(900 + 100, w.Gdp[0], 9);
        Assert.Equal(900 - 100, w.Gdp[1], 9);
        Assert.Equal(500 * 0.825, w.Offense[0], 12);
        Assert.Equal(162.5 * 0.825, w.Defense[0], 12);
        Assert.Equal(87.5 * 0.65, w.Offense[1], 12);
        Assert.Equal(0, w.Defense[1]);
        var ended = Assert.Single(TestWorlds.EventsOf(w, EventKind.WarEnded));
        Assert.Equal((0, 1), ((int)ended.Actor, (int)ended.Target));
        Assert.Equal(100, ended.Value, 9);
        // the victim's belief about the attacker: b + 0.5(1-b); the attacker's: b + 0.25(1-b)
        Assert.Equal(0.2 + 0.5 * 0.8, w.Belief[1 * 2 + 0], 12);
        Assert.Equal(0.2 + 0.25 * 0.8, w.Belief[0 * 2 + 1], 12);
        Assert.Equal(0.3, w.Rivalry[1], 12);
        // two years of war: this step and the next; no crisis in the dyad until the year after the cooldown
        Assert.True(w.AtWar(0, 1));
        Assert.Equal(w.Step + 1, w.WarUntil[1]);
        Assert.Equal(w.Step + 1 + 1 + w.P.CooldownYears, w.CooldownUntil[1]);
    }

    [Fact]
    public void War_NoContestedStake_NoSpoils()
    {
        var w = TestWorlds.Dyad();
        w.Offense[0] = 0;
        Crisis.War(w, 0, 1, Concept.Escalation, WarRoute.Preemption, 0.3, years: 1);
        Assert.Equal(900, w.Gdp[0], 9);
        Assert.Equal(900, w.Gdp[1], 9);
        Assert.Equal(162.5 * 0.65, w.Defense[0], 12);
        Assert.Equal(87.5 * 0.825, w.Offense[1], 12);
        Assert.Equal(1, Assert.Single(TestWorlds.EventsOf(w, EventKind.WarEnded)).Actor);
    }

    [Fact]
    public void War_BetweenNuclearStates_CostsTheCatastrophe()
    {
        var w = TestWorlds.Dyad(change: s => s.WithState(0, st => st with { Nuclear = 1 }).WithState(1, st => st with { Nuclear = 1 }));
        Assert.Equal(100 + 1000, Bargaining.WarCost(w, 0, 1), 9);
        Crisis.War(w, 0, 1, Concept.Bargaining, WarRoute.PrivateInformation, 0.5, years: 1);
        Assert.Equal(0, w.Gdp[0], 9);
        Assert.Equal(0, w.Gdp[1], 9);
    }

    [Fact]
    public void War_BeliefsNeverExceedOneMinusEpsilon()
    {
        var w = TestWorlds.Dyad();
        for (var k = 0; k < 20; k++)
        {
            Crisis.War(w, 0, 1, Concept.Bargaining, WarRoute.PrivateInformation, 0.5);
        }
        Assert.Equal(1 - w.P.BeliefFloor, w.Belief[2], 12);
        Assert.Equal(1.0, w.Rivalry[1], 12);
    }

    /// <summary>The test dyad A, B and a third state C, B's ally with commitment 1.</summary>
    private static Scenario WithAllyOfB()
    {
        var scenario = ScenarioBuilder.Dyad("DefensiveRealist", "DefensiveRealist");
        return scenario with
        {
            States = [.. scenario.States, scenario.States[1] with { Name = "C" }],
            Alliances = [new("BC", ["B", "C"], 1.0)],
        };
    }

    [Fact]
    public void War_AlliesOfTheDefender_InterveneAboutThreeTimesInFour()
    {
        // A attacks B; C is B's ally: over 4,000 wars C intervenes with the Leeds (2003) rate 0.75, else abandons B
        var w = WorldFactory.Create(WithAllyOfB(), 3, 0);
        const int wars = 4000;
        for (var k = 0; k < wars; k++)
        {
            Crisis.War(w, 0, 1, Concept.Bargaining, WarRoute.PrivateInformation, 0.5, years: 1);
        }
        var intervened = TestWorlds.EventsOf(w, EventKind.AllyIntervened);
        var abandoned = TestWorlds.EventsOf(w, EventKind.AllyAbandoned);
        Assert.Equal(wars, intervened.Count + abandoned.Count);
        Assert.InRange(intervened.Count / (double)wars, 0.75 - 0.02, 0.75 + 0.02);
        Assert.All(intervened, e => Assert.Equal((2, 0), ((int)e.Actor, (int)e.Target)));
        Assert.All(abandoned, e => Assert.Equal((2, 1), ((int)e.Actor, (int)e.Target)));
    }

    [Fact]
    public void War_InterveningAlly_BearsAShareOfTheCost()
    {
        var scenario = WithAllyOfB();
        var w = WorldFactory.Create(scenario with { Model = scenario.Model with { AllyInterventionProbability = 1 } }, 3, 0);
        Crisis.War(w, 0, 1, Concept.Bargaining, WarRoute.PrivateInformation, 0.5, years: 1);
        // B's cost 100; C bears allyCostShare 0.5 × its GDP share 1000/2000 = 25% of it
        Assert.Equal(1000 - 25, w.Gdp[2], 9);
        Assert.Equal(1000 - 75, w.Gdp[1], 9);
        Assert.True(w.AtWar(2, 0));
    }
}

/// <summary>Crises between two defensive realists over a contested stake, many at a time (fixed seeds).</summary>
public class CrisisEnsembleTests
{
    private const int Crises = 4000;

    private static Scenario Rivals(Scenario s, double hotline = 0, bool nuclear = false, double belief = 0.6)
    {
        s = s with { Dyads = [new("A", "B", 1.0, 0.5, 0, hotline) { Stake = 0.05, BeliefAB = belief, BeliefBA = belief }] };
        return nuclear ? s.WithState(0, st => st with { Nuclear = 1 }).WithState(1, st => st with { Nuclear = 1 }) : s;
    }

    private static (int Wars, int Force, int Crises) Run(Func<Scenario, Scenario> change, ulong seed = 7)
    {
        var w = TestWorlds.Dyad(seed: seed, beta: 2.0, change: change);
        for (var k = 0; k < Crises; k++)
        {
            var before = w.Belief[1];
            Crisis.Run(w, k % 2, 1 - k % 2, 1);
            w.Belief[1] = w.Belief[2] = before;
        }
        var outcomes = TestWorlds.EventsOf(w, EventKind.CrisisOutcome);
        return (TestWorlds.Count(w, EventKind.WarStarted), outcomes.Count(e => e.Mid >= 4), outcomes.Count);
    }

    [Fact]
    public void Run_NuclearRivals_ClashButNeverGoToWar()
    {
        var nuclear = Run(s => Rivals(s, nuclear: true));
        var conventional = Run(s => Rivals(s));
        Assert.Equal(0, nuclear.Wars);
        // the stability-instability paradox (Snyder 1965): without the fear of war, more crises reach use of force
        Assert.Equal((0, 189, Crises), nuclear);
        Assert.Equal((0, 152, Crises), conventional);
    }

    [Fact]
    public void Run_Hotline_FewerCrisesReachUseOfForceOrWar()
    {
        var with = Run(s => Rivals(s, hotline: 1));
        var without = Run(s => Rivals(s));
        // the hotline lets two sides that both prefer peace step back, and stops holds being misread as escalations
        Assert.Equal((0, 17, Crises), with);
        Assert.Equal((0, 152, Crises), without);
    }
}
