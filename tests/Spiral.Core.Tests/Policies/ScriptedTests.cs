using Spiral.Core.Model;
using Spiral.Core.Model.Phases;
using Spiral.Core.Policies;
using Spiral.Core.Scenarios;
using Spiral.Testing;

namespace Spiral.Core.Tests.Policies;

public class ScriptedTests
{
    [Fact]
    public void Decide_FollowsSeriesByCalendarYear_LastValueHolds()
    {
        var w = PolicyRuns.AgainstScript("Hawk");
        var s = Spiral.Testing.ScenarioBuilder.Dyad("Scripted", "Hawk").NoIncidents()
            .WithScript(0, new Dictionary<int, double> { [2000] = 0.03, [2002] = 0.05 }, new Dictionary<int, double> { [2001] = 0.6 });
        w = WorldFactory.Create(s, 1, 0);
        var expected = new[] { (0.03, 0.35), (0.03, 0.6), (0.05, 0.6), (0.05, 0.6) };
        foreach (var (share, posture) in expected)
        {
            Kernel.Step(w);
            Assert.Equal(share, w.MilitaryShare[0], 12);
            Assert.Equal(posture, w.Posture[0], 12);
        }
    }

    [Theory]
    [InlineData(-1, CrisisMove.BackDown)]
    [InlineData(0, CrisisMove.Hold)]
    [InlineData(1, CrisisMove.Escalate)]
    public void Respond_MakesTheConfiguredMove(int crisis, CrisisMove move)
    {
        var w = PolicyRuns.AgainstScript("Hawk", crisis: crisis);
        Assert.Equal(move, PolicyRuns.Respond(w, 1, PolicyRuns.Situation(0, 0)));
        Assert.Equal(move, PolicyRuns.Respond(w, 1, PolicyRuns.Situation(0, 3)));
    }

    [Fact]
    public void Decide_AcceptCbm_ProposesToReachableStates()
    {
        var w = PolicyRuns.AgainstScript("Hawk", acceptCbm: true);
        DecidePhase.Run(w);
        Assert.Equal(DiplomacyIntent.Propose, w.CbmIntent[1 * 2 + 0]);
        var silent = PolicyRuns.AgainstScript("Hawk", acceptCbm: false);
        DecidePhase.Run(silent);
        Assert.Equal(DiplomacyIntent.None, silent.CbmIntent[1 * 2 + 0]);
    }

    [Fact]
    public void Traits_FromCatalog_AreTheLiteralClassification()
    {
        var t = PolicyCatalog.Create(new PolicySpec("Scripted")).Traits;
        Assert.Equal(("Scripted", true, 0, false, "observed data"), (t.Name, t.Deterministic, t.MemoryDepth, t.UsesOwnType, t.Source));
    }
}
