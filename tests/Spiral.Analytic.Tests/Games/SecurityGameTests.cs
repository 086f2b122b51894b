using Spiral.Analytic.Games;

namespace Spiral.Analytic.Tests.Games;

public class SecurityGameTests
{
    [Fact]
    public void Kind_FourThreeTwoOne_IsStagHuntWithThresholdOneHalf()
    {
        var game = SecurityGame.Create(cc: 4, dc: 3, dd: 2, cd: 1);
        Assert.Equal(GameKind.StagHunt, game.Kind);
        Assert.Equal(0.5, game.CooperationThreshold!.Value, 12);
    }

    [Theory]
    [InlineData(3, 5, 1, 0, GameKind.PrisonersDilemma)]
    [InlineData(3, 5, 0, 1, GameKind.Chicken)]
    [InlineData(5, 3, 1, 2, GameKind.Harmony)]
    [InlineData(2, 4, 3, 1, GameKind.Deadlock)]
    [InlineData(3, 3, 1, 0, GameKind.Other)]
    public void Kind_StandardOrderings_ClassifiesByBestResponses(double cc, double dc, double dd, double cd, GameKind expected)
    {
        Assert.Equal(expected, SecurityGame.Create(cc, dc, dd, cd).Kind);
    }

    [Fact]
    public void CooperationThreshold_AtThreshold_MakesBothMovesEquallyGood()
    {
        var game = SecurityGame.Create(5, 2, 1, -3);
        var q = game.CooperationThreshold!.Value;
        Assert.Equal(game.ExpectedPayoff(true, q), game.ExpectedPayoff(false, q), 12);
        Assert.True(game.ExpectedPayoff(true, Math.Min(1, q + 0.1)) > game.ExpectedPayoff(false, Math.Min(1, q + 0.1)));
    }

    [Fact]
    public void FromJervisFactors_CostsBecomeNegativePayoffs()
    {
        var game = SecurityGame.FromJervisFactors(gainMutualCooperation: 4, gainFromExploiting: 3, costOfMutualDefection: 1, costOfBeingExploited: 2);
        Assert.Equal(new SecurityGame(4, 3, -1, -2), game);
        Assert.Equal(GameKind.StagHunt, game.Kind);
    }

    [Fact]
    public void FromJervisFactors_NegativeCost_Throws()
    {
        var ex = Assert.Throws<ModelInputException>(() => SecurityGame.FromJervisFactors(4, 3, -1, 2));
        Assert.Contains("cost of mutual defection", ex.Message);
    }

    [Theory]
    [InlineData(1, 0, GameKind.PrisonersDilemma)]
    [InlineData(0, 0, GameKind.StagHunt)]
    [InlineData(1, 1, GameKind.Harmony)]
    [InlineData(0, 1, GameKind.Harmony)]
    public void FromOffenseDefense_Corners_GiveJervisWorlds(double beta, double omega, GameKind expected)
    {
        Assert.Equal(expected, SecurityGame.FromOffenseDefense(beta, omega).Kind);
    }

    [Fact]
    public void FromOffenseDefense_BetaOutsideUnitInterval_Throws()
    {
        Assert.Throws<ModelInputException>(() => SecurityGame.FromOffenseDefense(1.5, 0));
    }

    [Fact]
    public void All_FourWorlds_HaveJervisLabels()
    {
        var worlds = JervisWorlds.All;
        Assert.Equal(4, worlds.Count);
        Assert.Equal("Doubly dangerous", worlds[0].Label);
        Assert.Equal("Doubly stable", worlds[3].Label);
        Assert.Equal(GameKind.PrisonersDilemma, worlds[0].ExampleKind);
        Assert.Equal(GameKind.StagHunt, worlds[1].ExampleKind);
    }
}
