using Spiral.Core.Events;
using Spiral.Core.Model;
using Spiral.Core.Model.Phases;

namespace Spiral.Core.Tests.Model;

public class CrisisTests
{
    private static int[] EscalationRungs(World w) =>
        TestWorlds.EventsOf(w, EventKind.CrisisEscalated).Select(e => (int)e.Rung).ToArray();

    [Fact]
    public void Run_HawkVsHawk_ReachesWarRungAndRecordsWarStarted()
    {
        var w = TestWorlds.Dyad("Hawk", "Hawk");
        Crisis.Run(w, 0, 1, 1);
        // both escalate every round: 1 → 3 → 5 → … → 11 → 12 (capped at the war rung)
        Assert.Equal([3, 5, 7, 9, 11, 12], EscalationRungs(w));
        var war = Assert.Single(TestWorlds.EventsOf(w, EventKind.WarStarted));
        Assert.Equal(w.P.WarRung, war.Rung);
        Assert.Equal(12, war.Rung);
        Assert.Single(TestWorlds.EventsOf(w, EventKind.WarEnded));
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
        // round 0: TFT holds, hawk escalates (rung 2); then both escalate: 4, 6, 8, 10, 12
        Assert.Equal([2, 4, 6, 8, 10, 12], EscalationRungs(w));
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
        var w = TestWorlds.Dyad();
        w.Offense[0] = 500;
        w.Defense[1] = 0; // contest: 500 / (500 + 0) = 1
        AssessPhase.Run(w); // war reads the allied defense of phase 4
        Crisis.War(w, 0, 1, Concept.Greed);
        var started = Assert.Single(TestWorlds.EventsOf(w, EventKind.WarStarted));
        Assert.Equal((0, 1, 12, 1.0), ((int)started.Actor, (int)started.Target, (int)started.Rung, started.Value));
        // both lose 3%: 970; spoils 15% of the loser's 970 = 145.5
        Assert.Equal(970 + 145.5, w.Gdp[0], 9);
        Assert.Equal(970 - 145.5, w.Gdp[1], 9);
        Assert.Equal(500 * 0.825, w.Offense[0], 12);
        Assert.Equal(162.5 * 0.825, w.Defense[0], 12);
        Assert.Equal(87.5 * 0.65, w.Offense[1], 12);
        Assert.Equal(0, w.Defense[1]);
        var ended = Assert.Single(TestWorlds.EventsOf(w, EventKind.WarEnded));
        Assert.Equal((0, 1), ((int)ended.Actor, (int)ended.Target));
        Assert.Equal(145.5, ended.Value, 9);
        // the victim's belief about the attacker: b + 0.5(1-b); the attacker's: b + 0.25(1-b)
        Assert.Equal(0.2 + 0.5 * 0.8, w.Belief[1 * 2 + 0], 12);
        Assert.Equal(0.2 + 0.25 * 0.8, w.Belief[0 * 2 + 1], 12);
        Assert.Equal(0.3, w.Rivalry[1], 12);
        Assert.Equal(0.3, w.Rivalry[2], 12);
        Assert.Equal(w.Step + 1 + w.P.CooldownYears, w.CooldownUntil[1]);
    }

    [Fact]
    public void War_AttackerWithoutOffense_LosesToDefender()
    {
        var w = TestWorlds.Dyad();
        w.Offense[0] = 0;
        Crisis.War(w, 0, 1, Concept.Escalation);
        Assert.Equal(0.0, Assert.Single(TestWorlds.EventsOf(w, EventKind.WarStarted)).Value);
        Assert.Equal(970 - 145.5, w.Gdp[0], 9);
        Assert.Equal(970 + 145.5, w.Gdp[1], 9);
        Assert.Equal(162.5 * 0.65, w.Defense[0], 12);
        Assert.Equal(87.5 * 0.825, w.Offense[1], 12);
        Assert.Equal(162.5 * 0.825, w.Defense[1], 12);
        Assert.Equal(1, Assert.Single(TestWorlds.EventsOf(w, EventKind.WarEnded)).Actor);
    }

    [Fact]
    public void War_BeliefsNeverExceedOneMinusEpsilon()
    {
        var w = TestWorlds.Dyad();
        for (var k = 0; k < 20; k++)
        {
            Crisis.War(w, 0, 1, Concept.Greed);
        }
        Assert.Equal(1 - w.P.BeliefFloor, w.Belief[2], 12);
        Assert.Equal(1.0, w.Rivalry[1], 12);
    }
}
