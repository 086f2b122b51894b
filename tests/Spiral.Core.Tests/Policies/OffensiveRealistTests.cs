using Spiral.Testing;
using Spiral.Core.Model;
using Spiral.Core.Model.Phases;
using Spiral.Core.Policies;
using Spiral.Core.Scenarios;

namespace Spiral.Core.Tests.Policies;

public class OffensiveRealistTests
{
    [Fact]
    public void Decide_AgainstScriptedRival_ConvergesToGreedyBurdenWithGreedyPosture()
    {
        var w = PolicyRuns.AgainstScript("OffensiveRealist", new Dictionary<int, double> { [2000] = 0.01 });
        for (var t = 1; t <= 40; t++)
        {
            Kernel.Step(w);
            // m* = 1.5·m̄ = 0.03; the quiet budget: ln m_t = ln 0.03 + 0.88^t (ln 0.02 − ln 0.03)
            Assert.Equal(0.03, w.DesiredBurden[0], 12);
            Assert.Equal(0.03 * Math.Pow(0.02 / 0.03, Math.Pow(0.88, t)), w.MilitaryShare[0], 12);
            Assert.Equal(0.72, w.Posture[0], 12);
            Assert.Equal(DiplomacyIntent.None, w.CbmIntent[1]);
            Assert.Equal(0.01, w.MilitaryShare[1], 12);
        }
        Assert.Equal(0.03, w.MilitaryShare[0], 3); // 0.88^40 of the log gap is left: 0.02993
    }

    [Theory]
    [InlineData(2000.0, 0.05, true, true)]   // far stronger, a stake: demands and probes
    [InlineData(2000.0, 0.0, false, true)]   // nothing contested: probes, no demand
    [InlineData(87.5, 0.05, false, false)]   // 87.5 < D_B 162.5, and coercion does not pay
    public void Decide_CoercionValue_DecidesDemandAndProbe(double offense, double stake, bool demands, bool probes)
    {
        var w = PolicyRuns.AgainstScript("OffensiveRealist", change: s => s with { Dyads = [new("A", "B") { Stake = stake }] });
        w.Offense[0] = offense;
        AssessPhase.Run(w);
        DecidePhase.Run(w);
        Assert.Equal(demands, w.Demand[1]);
        Assert.Equal(probes, w.Probe[1]);
    }

    [Fact]
    public void Decide_OverOffenseStakeAndBelief_DemandsExactlyWhenWinAtLeastHalfAndCoercionPays()
    {
        // Decide skips the fixed point of fears where the chance j resists cannot change the decision; over a grid
        // of offense, stake and belief its demand must equal the full rule's: P(win) ≥ ½ and CoercionValue > 0
        var w = PolicyRuns.AgainstScript("OffensiveRealist", change: s => s with { Dyads = [new("A", "B") { Stake = 0.05 }] });
        int weaker = 0, demanded = 0, refusedThoughStronger = 0;
        foreach (var (offenseAdvantage, offense) in new[] { 1.0, 2.5 }.SelectMany(b => new[] { 60.0, 120, 163, 166, 170, 200, 260, 400, 800, 2000 }.Select(o => (b, o))))
        {
            foreach (var stake in new[] { 0.0001, 0.0005, 0.002, 0.005, 0.024, 0.05, 0.2, 1.0 })
            {
                foreach (var belief in new[] { 0.01, 0.2, 0.5, 0.9, 0.99 })
                {
                    w.OffenseAdvantage = offenseAdvantage;
                    w.Offense[0] = offense;
                    w.Stake[1] = w.Stake[2] = stake;
                    w.Belief[1] = belief;
                    AssessPhase.Run(w);
                    var c = new PolicyContext(w, 0);
                    var expected = c.DemandTerms(1).Fearless.WinFirst >= 0.5 && OffensiveRealist.CoercionValue(c, 1) > 0;
                    DecidePhase.Run(w);
                    Assert.Equal(expected, w.Demand[1]);
                    if (c.DemandTerms(1).Fearless.WinFirst < 0.5) weaker++;
                    else if (expected) demanded++;
                    else refusedThoughStronger++;
                }
            }
        }
        Assert.True(weaker > 0 && demanded > 0 && refusedThoughStronger > 0, $"{weaker} weaker, {demanded} demanded, {refusedThoughStronger} refused");
    }

    [Fact]
    public void CoercionValue_NuclearDyad_DemandIsCheapWhereConventionalWarDeters()
    {
        // equal states, a stake of 0.05: against a conventional equal the demand risks a war that costs more than it
        // gains; between nuclear states the other will not fight, so the demand costs nothing (Snyder 1965)
        Scenario Stake(Scenario s) => s with { Dyads = [new("A", "B") { Stake = 0.05, BeliefAB = 0.9, BeliefBA = 0.9 }] };
        var conventional = PolicyRuns.AgainstScript("OffensiveRealist", change: Stake);
        var nuclear = PolicyRuns.AgainstScript("OffensiveRealist",
            change: s => Stake(s).WithState(0, st => st with { Nuclear = 1 }).WithState(1, st => st with { Nuclear = 1 }));
        foreach (var w in new[] { conventional, nuclear })
        {
            Spiral.Core.Model.Phases.ObservePhase.Run(w);
            AssessPhase.Run(w);
        }
        var c = OffensiveRealist.CoercionValue(new PolicyContext(conventional, 0), 1);
        var n = OffensiveRealist.CoercionValue(new PolicyContext(nuclear, 0), 1);
        Assert.True(n > 0, $"nuclear {n}");
        Assert.True(n > c, $"nuclear {n}, conventional {c}");
    }

    [Fact]
    public void Decide_Ally_IsNeitherProbedNorDemanded()
    {
        var w = PolicyRuns.AgainstScript("OffensiveRealist", change: s => s with { Dyads = [new("A", "B") { Stake = 0.5 }] });
        w.Offense[0] = 5000;
        w.Alliance[0] = w.Alliance[1] = 0;
        DecidePhase.Run(w);
        Assert.False(w.Demand[1]);
        Assert.False(w.Probe[1]);
    }

    [Fact]
    public void Step_DemandThatPays_OpensACrisisNotAWar()
    {
        var w = PolicyRuns.AgainstScript("OffensiveRealist", crisis: -1, change: s => s with { Dyads = [new("A", "B") { Stake = 0.5 }] });
        w.Offense[0] = 5000;
        Kernel.Step(w);
        Assert.Single(TestWorlds.EventsOf(w, Spiral.Core.Events.EventKind.Demand));
        // the scripted rival backs down at once: a concession, no war
        Assert.Single(TestWorlds.EventsOf(w, Spiral.Core.Events.EventKind.Concession));
        Assert.Empty(TestWorlds.EventsOf(w, Spiral.Core.Events.EventKind.WarStarted));
    }

    [Fact]
    public void Respond_WarWorthFighting_Escalates()
    {
        var w = PolicyRuns.AgainstScript("OffensiveRealist");
        for (var k = 0; k < 200; k++)
        {
            Assert.Equal(CrisisMove.Escalate, PolicyRuns.Respond(w, 0, PolicyRuns.Situation(1, k % 5, warValue: 5, rung: 11)));
        }
    }

    /// <summary>Literal classification: Respond draws the realist rule's logistic noise.</summary>
    [Fact]
    public void Traits_FromCatalog_AreTheLiteralClassification()
    {
        var t = PolicyCatalog.Create(new PolicySpec("OffensiveRealist")).Traits;
        Assert.Equal(("OffensiveRealist", false, 0, false, "Mearsheimer 2001; Fearon 1995"), (t.Name, t.Deterministic, t.MemoryDepth, t.UsesOwnType, t.Source));
    }
}
