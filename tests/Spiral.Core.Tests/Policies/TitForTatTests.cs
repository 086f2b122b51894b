using Spiral.Core.Events;
using Spiral.Core.Model;
using Spiral.Core.Model.Phases;
using Spiral.Core.Policies;
using Spiral.Core.Scenarios;

namespace Spiral.Core.Tests.Policies;

public class TitForTatTests
{
    [Theory]
    [InlineData(0.1, 0.022, false)]
    [InlineData(0.5, 0.025, false)]   // copies at most 25%
    [InlineData(0.0, 0.02, true)]
    [InlineData(-0.1, 0.018, true)]
    [InlineData(-0.5, 0.015, true)]
    public void Decide_RivalsObservedArming_IsMatched(double arming, double desired, bool proposesCbm)
    {
        var w = PolicyRuns.AgainstScript("TitForTat");
        w.ObservedArming[1] = arming;
        DecidePhase.Run(w);
        Assert.Equal(desired, w.DesiredBurden[0], 12);
        Assert.Equal(proposesCbm ? DiplomacyIntent.Propose : DiplomacyIntent.None, w.CbmIntent[1]);
    }

    [Fact]
    public void Decide_AgainstScriptedSeries_CopiesObservedChangeEachYear()
    {
        var w = PolicyRuns.AgainstScript("TitForTat", new Dictionary<int, double> { [2000] = 0.02, [2002] = 0.03, [2005] = 0.015 });
        for (var t = 0; t < 10; t++)
        {
            var m = w.MilitaryShare[0];
            var proposedBefore = TestWorlds.Count(w, EventKind.CbmProposed);
            Kernel.Step(w);
            var change = Math.Clamp(w.ObservedArming[1], -0.25, 0.25);
            Assert.Equal(m * (1 + change), w.DesiredBurden[0], 12);
            Assert.Equal(TestWorlds.Budget(m, m * (1 + change)), w.MilitaryShare[0], 12);
            Assert.Equal(change <= 0 ? 1 : 0, TestWorlds.Count(w, EventKind.CbmProposed) - proposedBefore);
        }
    }

    [Fact]
    public void Respond_OpensWithHoldThenCopiesOpponent()
    {
        var w = PolicyRuns.AgainstScript("TitForTat");
        Assert.Equal(CrisisMove.Hold, PolicyRuns.Respond(w, 0, PolicyRuns.Situation(1, 0)));
        foreach (var move in new[] { CrisisMove.Escalate, CrisisMove.Hold, CrisisMove.BackDown })
        {
            w.OpponentCrisisMove[0 * 2 + 1] = move;
            Assert.Equal(move, PolicyRuns.Respond(w, 0, PolicyRuns.Situation(1, 1)));
        }
    }

    /// <summary>Literal classification: copies last year's observed arming and the last crisis move.</summary>
    [Fact]
    public void Traits_FromCatalog_AreTheLiteralClassification()
    {
        var t = PolicyCatalog.Create(new PolicySpec("TitForTat")).Traits;
        Assert.Equal(("TitForTat", true, 1, false, "Axelrod 1984"), (t.Name, t.Deterministic, t.MemoryDepth, t.UsesOwnType, t.Source));
    }
}
