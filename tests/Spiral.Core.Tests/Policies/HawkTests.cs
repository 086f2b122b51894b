using Spiral.Core.Model;
using Spiral.Core.Policies;
using Spiral.Core.Scenarios;

namespace Spiral.Core.Tests.Policies;

public class HawkTests
{
    [Fact]
    public void Decide_AgainstScriptedDove_DesiresCapOffensivelyAndAlwaysEscalates()
    {
        var w = PolicyRuns.AgainstScript("Hawk", new Dictionary<int, double> { [2000] = 0.01 });
        for (var t = 1; t <= 40; t++)
        {
            Kernel.Step(w);
            Assert.Equal(0.12, w.DesiredBurden[0], 12);
            // the quiet budget closes γ = 0.12 of the log gap a year: ln m_t = ln 0.12 + 0.88^t (ln 0.02 − ln 0.12)
            Assert.Equal(0.12 * Math.Pow(0.02 / 0.12, Math.Pow(0.88, t)), w.MilitaryShare[0], 12);
            Assert.Equal(0.9, w.Posture[0], 12);
        }
        for (var round = 0; round < 5; round++)
        {
            Assert.Equal(CrisisMove.Escalate, PolicyRuns.Respond(w, 0, PolicyRuns.Situation(1, round, fear: 0, win: 0)));
        }
    }

    [Fact]
    public void Traits_FromCatalog_AreTheLiteralClassification()
    {
        var t = PolicyCatalog.Create(new PolicySpec("Hawk")).Traits;
        Assert.Equal(("Hawk", true, 0, false, "Snyder & Diesing 1977"), (t.Name, t.Deterministic, t.MemoryDepth, t.UsesOwnType, t.Source));
    }
}
