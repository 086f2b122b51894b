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
            // m* = 1.5·m̄ = 0.03; the quiet budget: ln m_t = ln 0.03 + 0.8^t (ln 0.02 − ln 0.03)
            Assert.Equal(0.03, w.DesiredBurden[0], 12);
            Assert.Equal(0.03 * Math.Pow(0.02 / 0.03, Math.Pow(0.8, t)), w.MilitaryShare[0], 12);
            Assert.Equal(0.72, w.Posture[0], 12);
            Assert.Equal(DiplomacyIntent.None, w.CbmIntent[1]);
            Assert.Equal(0.01, w.MilitaryShare[1], 12);
        }
        Assert.Equal(0.03, w.MilitaryShare[0], 5);
    }

    [Theory]
    [InlineData(2000.0, true, true)]   // win 2000/2162.5 = 0.925 > 0.6: war pays
    [InlineData(200.0, false, true)]   // win 200/362.5 = 0.552 < 0.6: probe but no war
    [InlineData(87.5, false, false)]   // 87.5 < D_B 162.5: neither
    public void Decide_ExpectedGainOfWar_DecidesAttackAndProbe(double offense, bool attacks, bool probes)
    {
        var w = PolicyRuns.AgainstScript("OffensiveRealist");
        w.Offense[0] = offense;
        AssessPhase.Run(w);
        var win = offense / (offense + 162.5);
        // gain = win·0.15·1000·1 - 0.03·1000 - (1-win)·0.15·1000 = 300·win - 180
        Assert.Equal(300 * win - 180, OffensiveRealist.ExpectedWarGain(new PolicyContext(w, 0), 1), 9);
        DecidePhase.Run(w);
        Assert.Equal(attacks ? 1 : -1, w.AttackTarget[0]);
        Assert.Equal(probes, w.Probe[1]);
    }

    [Fact]
    public void Decide_Ally_IsNeitherProbedNorAttacked()
    {
        var w = PolicyRuns.AgainstScript("OffensiveRealist");
        w.Offense[0] = 5000;
        w.Alliance[0] = w.Alliance[1] = 0;
        DecidePhase.Run(w);
        Assert.Equal(-1, w.AttackTarget[0]);
        Assert.False(w.Probe[1]);
    }

    [Fact]
    public void Decide_AttackPaysOff_KernelStartsWar()
    {
        var w = PolicyRuns.AgainstScript("OffensiveRealist");
        w.Offense[0] = 5000;
        Kernel.Step(w);
        var war = Assert.Single(TestWorlds.EventsOf(w, Spiral.Core.Events.EventKind.WarStarted));
        Assert.Equal(0, war.Actor);
    }

    [Fact]
    public void Respond_LikelyWinner_EscalatesMoreThanLikelyLoser()
    {
        var w = PolicyRuns.AgainstScript("OffensiveRealist");
        int Escalations(double win)
        {
            var n = 0;
            for (var k = 0; k < 4000; k++) n += PolicyRuns.Respond(w, 0, PolicyRuns.Situation(1, 0, win: win)) == CrisisMove.Escalate ? 1 : 0;
            return n;
        }
        Assert.True(Escalations(0.95) > Escalations(0.05) + 400);
    }

    /// <summary>Literal classification: Respond draws the realist rule's logistic noise.</summary>
    [Fact]
    public void Traits_FromCatalog_AreTheLiteralClassification()
    {
        var t = PolicyCatalog.Create(new PolicySpec("OffensiveRealist")).Traits;
        Assert.Equal(("OffensiveRealist", false, 0, false, "Mearsheimer 2001; Fearon 1995"), (t.Name, t.Deterministic, t.MemoryDepth, t.UsesOwnType, t.Source));
    }
}
