using Spiral.Core.Events;
using Spiral.Core.Model;
using Spiral.Core.Policies;
using Spiral.Core.Scenarios;

namespace Spiral.Core.Tests.Policies;

public class DoveTests
{
    [Fact]
    public void Decide_AgainstScriptedAcceptor_DisarmsSignsCbmAndProposesHotline()
    {
        var w = PolicyRuns.AgainstScript("Dove", new Dictionary<int, double> { [2000] = 0.05 }, acceptCbm: true);
        Kernel.Step(w);
        Assert.Equal(0.005, w.DesiredBurden[0], 12);
        Assert.Equal(0.02 * Math.Pow(0.25, 0.12), w.MilitaryShare[0], 12);
        Assert.Equal(0.1, w.Posture[0], 12);
        Assert.Single(TestWorlds.EventsOf(w, EventKind.CbmSigned));
        Assert.Equal(0.4, w.Transparency[1], 12);
        var hotline = Assert.Single(TestWorlds.EventsOf(w, EventKind.HotlineProposed));
        Assert.Equal(0, hotline.Actor);
        for (var t = 2; t <= 10; t++)
        {
            Kernel.Step(w);
            // ln m_t = ln 0.005 + 0.88^t (ln 0.02 − ln 0.005): toward the floor, never below it
            Assert.Equal(0.005 * Math.Pow(4, Math.Pow(0.88, t)), w.MilitaryShare[0], 12);
        }
        Assert.Single(TestWorlds.EventsOf(w, EventKind.CbmSigned)); // no second CBM once signed
        Assert.Equal(CrisisMove.BackDown, PolicyRuns.Respond(w, 0, PolicyRuns.Situation(1, 0, fear: 1, firstStrike: 1, win: 1)));
    }

    [Fact]
    public void Traits_FromCatalog_AreTheLiteralClassification()
    {
        var t = PolicyCatalog.Create(new PolicySpec("Dove")).Traits;
        Assert.Equal(("Dove", true, 0, false, "Snyder & Diesing 1977"), (t.Name, t.Deterministic, t.MemoryDepth, t.UsesOwnType, t.Source));
    }
}
