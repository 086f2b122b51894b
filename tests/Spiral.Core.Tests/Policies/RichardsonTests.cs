using Spiral.Core.Model;
using Spiral.Core.Model.Phases;
using Spiral.Core.Policies;
using Spiral.Core.Scenarios;

namespace Spiral.Core.Tests.Policies;

public class RichardsonTests
{
    [Theory]
    [InlineData(50.0, 0.023)]  // 0.02 + 0.1·0.05 - 0.2·0.02 + 0.002
    [InlineData(20.0, 0.02)]   // equilibrium: 0.1·0.02 + 0.002 = 0.2·0.02
    [InlineData(0.0, 0.018)]
    [InlineData(500.0, 0.068)] // 0.02 + 0.1·0.5 - 0.004 + 0.002: desired, not capped by a yearly limit
    public void Decide_RivalSpending_ReactionMinusFatiguePlusGrievance(double rivalMilex, double desired)
    {
        var w = PolicyRuns.AgainstScript("Richardson");
        w.ObservedMilex[1] = rivalMilex;
        DecidePhase.Run(w);
        Assert.Equal(desired, w.DesiredBurden[0], 12);
        Assert.Equal(0.35, w.Posture[0], 12);
    }

    [Fact]
    public void Decide_AgainstScriptedSeries_FollowsRichardsonRuleEachYear()
    {
        var w = PolicyRuns.AgainstScript("Richardson", new Dictionary<int, double> { [2000] = 0.02, [2002] = 0.06, [2008] = 0.01 });
        for (var t = 0; t < 14; t++)
        {
            var m = w.MilitaryShare[0];
            var gdp = w.Gdp[0];
            Kernel.Step(w);
            var desired = m + 0.1 * w.ObservedMilex[1] / gdp - 0.2 * m + 0.002;
            Assert.Equal(desired, w.DesiredBurden[0], 12);
            Assert.Equal(TestWorlds.Budget(m, desired), w.MilitaryShare[0], 12);
        }
    }

    /// <summary>Literal classification: Respond draws the realist rule's logistic noise; it reacts to last year's observed spending.</summary>
    [Fact]
    public void Traits_FromCatalog_AreTheLiteralClassification()
    {
        var t = PolicyCatalog.Create(new PolicySpec("Richardson")).Traits;
        Assert.Equal(("Richardson", false, 1, false, "Richardson 1960"), (t.Name, t.Deterministic, t.MemoryDepth, t.UsesOwnType, t.Source));
    }
}
