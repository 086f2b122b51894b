namespace Spiral.Cli.Tests.Analytic;

public class GameCommandTests
{
    [Fact]
    public void Classify_FourThreeTwoOneJson_IsStagHuntWithHalfThreshold()
    {
        var r = CliRunner.Run("game", "classify", "--cc", "4", "--dc", "3", "--dd", "2", "--cd", "1", "--json");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("stagHunt", r.Json.GetProperty("kind").GetString());
        Assert.Equal(0.5, r.Json.GetProperty("threshold").GetDouble(), 12);
    }

    [Fact]
    public void Classify_PrisonersDilemmaTable_NamesIt()
    {
        var r = CliRunner.Run("game", "classify", "--cc", "3", "--dc", "5", "--dd", "1", "--cd", "0");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Prisoner's Dilemma", r.Output);
    }

    [Fact]
    public void Classify_MissingPayoff_ExitsTwo()
    {
        Assert.Equal(2, CliRunner.Run("game", "classify", "--cc", "4", "--dc", "3", "--dd", "2").ExitCode);
    }

    [Fact]
    public void Worlds_Json_HasFourWorlds()
    {
        var j = CliRunner.Run("game", "worlds", "--json").Json;
        Assert.Equal(4, j.GetArrayLength());
        Assert.Equal("Doubly dangerous", j[0].GetProperty("label").GetString());
    }

    [Fact]
    public void Offense_BetaAboveOne_ExitsTwo()
    {
        var r = CliRunner.Run("game", "offense", "--beta", "1.5", "--omega", "0");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("[0, 1]", r.Error);
    }

    [Fact]
    public void Jervis_NegativeCost_ExitsTwo()
    {
        var r = CliRunner.Run("game", "jervis", "--gain-cooperation", "4", "--gain-exploiting", "3", "--cost-defection", "-1", "--cost-exploited", "2");
        Assert.Equal(2, r.ExitCode);
    }
}
