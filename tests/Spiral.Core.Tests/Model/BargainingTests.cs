using Spiral.Core.Events;
using Spiral.Core.Model;
using Spiral.Core.Scenarios;
using Spiral.Testing;

namespace Spiral.Core.Tests.Model;

/// <summary>The bargaining calculus of a crisis (Fearon 1995; Powell 2006) on the test dyad: GDP 1000, O 87.5, D 162.5 each.</summary>
public class BargainingTests
{
    private static World Nuclear(World? _ = null) => TestWorlds.Dyad(change: s => s.WithState(0, st => st with { Nuclear = 1 }).WithState(1, st => st with { Nuclear = 1 }));

    [Fact]
    public void StakeValue_NoStake_IsTheFaceValueOfTheMeanGdp()
    {
        var w = TestWorlds.Dyad();
        Assert.Equal(0.002 * 1000, Bargaining.StakeValue(w, 0, 1), 12);
        var staked = TestWorlds.Dyad(change: s => s with { Dyads = [new("A", "B") { Stake = 0.05 }] });
        Assert.Equal(50, Bargaining.StakeValue(staked, 0, 1), 12);
    }

    [Fact]
    public void WarCost_IsAShareOfThePairsSize()
    {
        var w = TestWorlds.Dyad();
        w.Gdp[1] = 3000;
        // both pay 0.1 × √(1000 × 3000) = 173.2: 17% of A's GDP, 6% of B's
        Assert.Equal(0.1 * Math.Sqrt(3e6), Bargaining.WarCost(w, 0, 1), 9);
        Assert.Equal(0.1 * Math.Sqrt(3e6), Bargaining.WarCost(w, 1, 0), 9);
        var staked = TestWorlds.Dyad(change: s => s with { Dyads = [new("A", "B") { Stake = 0.05 }] });
        staked.Gdp[1] = 3000;
        Assert.Equal(0.05 * Math.Sqrt(3e6), Bargaining.StakeValue(staked, 0, 1), 9);
        var nuclear = Nuclear();
        nuclear.Gdp[1] = 3000;
        Assert.Equal(0.1 * Math.Sqrt(3e6) + 1000, Bargaining.WarCost(nuclear, 0, 1), 9);
        Assert.Equal(0.1 * Math.Sqrt(3e6) + 3000, Bargaining.WarCost(nuclear, 1, 0), 9);
    }

    [Fact]
    public void Assess_EqualConventionalStates_ValuesAreExact()
    {
        var w = TestWorlds.Dyad();
        var c = Bargaining.Assess(w, 0, 1, valuation: 2, heldShare: 0.5, rung: 6, belief: 0.2);
        Assert.Equal(0.35, c.WinFirst, 12);
        Assert.Equal(0.65, c.WinSecond, 12);
        Assert.Equal(0.35, c.WinFuture, 12);
        Assert.Equal(100, c.Cost, 9);
        Assert.Equal(0.35 * 250, c.DefeatLoss, 9);
        // W = 0.35·0.5·2 − 0.65·(0.5·2 + 87.5) − 100; striking first is worse here (defense dominates): pre-emption < 0
        Assert.Equal(0.35 - 0.65 * 88.5 - 100, c.WarValue, 9);
        Assert.Equal(-0.3 * 89.5, c.Preemption, 9);
        Assert.Equal(0, c.Prevention);
        Assert.InRange(c.Fear, 1e-5, 2e-3);
        Assert.False(c.WantsWar);
    }

    [Fact]
    public void Assess_NuclearDyad_NoFearOfWar()
    {
        var conventional = Bargaining.Assess(TestWorlds.Dyad(), 0, 1, 2, 0.5, 11, 0.9);
        var nuclear = Bargaining.Assess(Nuclear(TestWorlds.Dyad()), 0, 1, 2, 0.5, 11, 0.9);
        Assert.Equal(1100, nuclear.Cost, 9);
        Assert.True(nuclear.Fear < 1e-12, $"fear {nuclear.Fear}");
        Assert.True(conventional.Fear > 1e-3, $"fear {conventional.Fear}");
        Assert.Equal(0, nuclear.FearCost, 9);
    }

    [Fact]
    public void Assess_DecliningPower_PreventionIsTheLossOfItsFutureBargainingPosition()
    {
        var w = TestWorlds.Dyad(change: s => s.WithState(1, st => st with { Growth = 0.08 }) with { Dyads = [new("A", "B") { Stake = 0.2 }] });
        var c = Bargaining.Assess(w, 0, 1, 200, 0, 3, 0.2);
        // A's offense in ten years relative to B's: (1.03/1.08)^10 = 0.6226
        var grow = Math.Pow(1.03 / 1.08, 10);
        var future = 87.5 * grow / (87.5 * grow + 162.5);
        Assert.Equal(future, c.WinFuture, 12);
        Assert.Equal((0.35 - future) * 200, c.Prevention, 9);
    }

    [Theory]
    [InlineData(0.0, 5.0, 0.0, 0.0, true, WarRoute.PrivateInformation)]
    [InlineData(0.9, -10.0, 50.0, 0.0, true, WarRoute.Preemption)]
    [InlineData(0.0, -5.0, 0.0, 20.0, true, WarRoute.CommitmentProblem)]
    [InlineData(0.0, -5.0, 0.0, 2.0, false, WarRoute.PrivateInformation)]
    public void Gain_AndRoute_FollowTheLargestContribution(double fear, double warValue, double preemption, double prevention,
        bool wantsWar, WarRoute route)
    {
        var c = new WarCalculus(10, 0.5, 0.5, 0.5, 10, 10, fear, warValue, preemption, prevention);
        Assert.Equal((1 - fear) * (warValue + prevention) + fear * preemption, c.Gain, 12);
        Assert.Equal(wantsWar, c.WantsWar);
        if (wantsWar)
        {
            Assert.Equal(route, c.Route);
        }
    }

    [Fact]
    public void AllianceReliability_IsCommitmentTimesLeedsRate()
    {
        var w = WorldFactory.Create(ScenarioBuilder.Dyad("DefensiveRealist", "DefensiveRealist") with
        {
            Alliances = [new AllianceSpec("AB", ["A", "B"], 0.6)],
        }, 1, 0);
        Assert.Equal(0.6 * 0.75, Bargaining.AllianceReliability(w, 0), 12);
        Assert.Equal(0, Bargaining.AllianceReliability(TestWorlds.Dyad(), 0));
    }
}
