using Spiral.Core.Events;
using Spiral.Core.Model;
using Spiral.Core.Model.Phases;
using Spiral.Core.Policies;
using Spiral.Core.Scenarios;
using Spiral.Testing;

namespace Spiral.Core.Tests.Policies;

public class GritTests
{
    [Fact]
    public void Decide_RivalNotArming_DesiresFivePercentLessEachYear()
    {
        var w = PolicyRuns.AgainstScript("Grit");
        for (var k = 1; k <= 16; k++)
        {
            w.ObservedArming[1] = 0;
            w.Step = k;
            var m = w.MilitaryShare[0];
            DecidePhase.Run(w);
            Assert.Equal(0.95 * m, w.DesiredBurden[0], 12);
            BudgetPhase.Run(w);
            // the quiet budget closes γ = 0.12 of the log gap: each year's cut is 0.95^0.12
            Assert.Equal(0.02 * Math.Pow(0.95, 0.12 * k), w.MilitaryShare[0], 12);
            Assert.Equal(0.35 * (1 - 0.6 * 0.5), w.Posture[0], 12);
            Assert.Equal(DiplomacyIntent.Propose, w.CbmIntent[1]);
        }
        // every cut was announced
        Assert.Equal(16, TestWorlds.Count(w, EventKind.ReassuranceGesture));
    }

    [Fact]
    public void Decide_NearItsFloor_DesiresHalfItsStartingShare()
    {
        var w = PolicyRuns.AgainstScript("Grit");
        DecidePhase.Run(w); // remembers its floor: half of 0.02
        w.MilitaryShare[0] = 0.0102;
        DecidePhase.Run(w);
        Assert.Equal(0.01, w.DesiredBurden[0], 12);
        Assert.True(w.Reassure[0]);
        w.MilitaryShare[0] = 0.01;
        DecidePhase.Run(w);
        Assert.Equal(0.01, w.DesiredBurden[0], 12);
        Assert.False(w.Reassure[0]); // no cut left to announce
    }

    [Theory]
    [InlineData(0.1, 0.022, false)]    // buildup above tolerance 0.03: answered in proportion
    [InlineData(0.03, 0.019, true)]    // within tolerance: the usual 5% cut
    [InlineData(-0.2, 0.016, true)]    // rival cut 20%: reciprocated
    public void Decide_RivalsArming_IsAnsweredOrReciprocated(double arming, double desired, bool reassures)
    {
        var w = PolicyRuns.AgainstScript("Grit");
        w.ObservedArming[1] = arming;
        DecidePhase.Run(w);
        Assert.Equal(desired, w.DesiredBurden[0], 12);
        Assert.Equal(reassures, w.Reassure[0]);
    }

    [Fact]
    public void Decide_AgainstScriptedBuildup_AnswersThenReturnsToConciliation()
    {
        var w = PolicyRuns.AgainstScript("Grit", new Dictionary<int, double> { [2000] = 0.02, [2003] = 0.05 },
            change: s => s.With(wp => wp with { ObservationNoise = 0 }));
        var shares = new List<double>();
        for (var t = 0; t < 8; t++)
        {
            var m = w.MilitaryShare[0];
            Kernel.Step(w);
            var arming = w.ObservedArming[1];
            var target = arming > 0.03 ? m * (1 + arming) : Math.Max(0.01, m * (1 - Math.Max(0.05, -arming)));
            Assert.Equal(target, w.DesiredBurden[0], 12);
            Assert.Equal(TestWorlds.Budget(m, target), w.MilitaryShare[0], 12);
            shares.Add(w.MilitaryShare[0]);
        }
        // the script's jump in 2003 shows in 2004's observation: GRIT answers that year, then returns to cuts
        Assert.True(shares[4] > shares[3], $"{shares[4]} after {shares[3]}");
        Assert.True(shares[7] < shares[6] && shares[6] < shares[5]);
    }

    [Fact]
    public void Respond_BacksDownFirstThenMatchesEscalation()
    {
        var w = PolicyRuns.AgainstScript("Grit");
        Assert.Equal(CrisisMove.BackDown, PolicyRuns.Respond(w, 0, PolicyRuns.Situation(1, 0)));
        w.OpponentCrisisMove[1] = CrisisMove.Escalate;
        Assert.Equal(CrisisMove.Escalate, PolicyRuns.Respond(w, 0, PolicyRuns.Situation(1, 1)));
        w.OpponentCrisisMove[1] = CrisisMove.BackDown;
        Assert.Equal(CrisisMove.Hold, PolicyRuns.Respond(w, 0, PolicyRuns.Situation(1, 1)));
    }

    /// <summary>Literal classification: its floor is a share of its first year's military share, kept for the whole run.</summary>
    [Fact]
    public void Traits_FromCatalog_AreTheLiteralClassification()
    {
        var t = PolicyCatalog.Create(new PolicySpec("Grit")).Traits;
        Assert.Equal(("Grit", true, -1, false, "Osgood 1962"), (t.Name, t.Deterministic, t.MemoryDepth, t.UsesOwnType, t.Source));
    }
}
