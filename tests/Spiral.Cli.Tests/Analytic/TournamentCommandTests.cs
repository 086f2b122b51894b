namespace Spiral.Cli.Tests.Analytic;

public class TournamentCommandTests
{
    [Fact]
    public void Tournament_TitForTatVsAlwaysDefectJson_ScoresMatchStandard()
    {
        var r = CliRunner.Run("tournament", "--players", "TitForTat,AlwaysDefect", "--turns", "200", "--repetitions", "2", "--json");
        Assert.Equal(0, r.ExitCode);
        var players = r.Json.GetProperty("players");
        var defector = players.EnumerateArray().Single(p => p.GetProperty("name").GetString() == "AlwaysDefect");
        var tft = players.EnumerateArray().Single(p => p.GetProperty("name").GetString() == "TitForTat");
        Assert.Equal(1, defector.GetProperty("rank").GetInt32());
        Assert.Equal(204 / 200.0, defector.GetProperty("meanScorePerTurn").GetDouble(), 12);
        Assert.Equal(199 / 200.0, tft.GetProperty("meanScorePerTurn").GetDouble(), 12);
        Assert.Equal(1 / 200.0, tft.GetProperty("cooperationRate").GetDouble(), 12);
        Assert.Equal(3.0, r.Json.GetProperty("payoffMatrix").GetProperty("meanScorePerTurn")[0][0].GetDouble(), 12);
    }

    [Fact]
    public void Tournament_SameSeedDifferentThreads_SamePlayers()
    {
        string Players(string threads) =>
            CliRunner.Run("tournament", "--noise", "0.05", "--repetitions", "3", "--turns", "50", "--seed", "7", "--threads", threads, "--json")
                .Json.GetProperty("players").GetRawText();
        Assert.Equal(Players("1"), Players("2"));
    }

    [Fact]
    public void Tournament_Table_ShowsSpeed()
    {
        var r = CliRunner.Run("tournament", "--players", "TFT,AllD,Grim", "--repetitions", "1");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("million turns/s", r.Output);
        Assert.Contains("Grudger", r.Output);
    }

    [Fact]
    public void Tournament_NoiseAboveOne_ExitsTwo()
    {
        var r = CliRunner.Run("tournament", "--noise", "1.5");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("noise must be a probability in [0, 1], got 1.5.", r.Error);
    }

    [Theory]
    [InlineData("action", 0.9)]
    [InlineData("perception", 1.0)]
    public void Tournament_NoiseKindJson_CarriesKindAndCooperatorFlipsOnlyUnderActionNoise(string kind, double cooperatorRate)
    {
        var r = CliRunner.Run("tournament", "--players", "AllC,AllD", "--turns", "100000", "--repetitions", "1", "--noise", "0.1",
            "--noise-kind", kind, "--seed", "3", "--json");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(kind, r.Json.GetProperty("settings").GetProperty("noiseKind").GetString());
        var cooperator = r.Json.GetProperty("players").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "AlwaysCooperate");
        // Binomial standard error over 10^5 turns at p = 0.1: 0.00095.
        Assert.Equal(cooperatorRate, cooperator.GetProperty("cooperationRate").GetDouble(), 0.005);
    }

    [Fact]
    public void Tournament_DefaultJson_NoiseKindIsPerception()
    {
        var r = CliRunner.Run("tournament", "--players", "TFT,AllD", "--repetitions", "1", "--json");
        Assert.Equal("perception", r.Json.GetProperty("settings").GetProperty("noiseKind").GetString());
    }

    [Fact]
    public void Tournament_ActionNoiseTable_SaysWhatTheNoiseFlips()
    {
        var r = CliRunner.Run("tournament", "--players", "TFT,AllD", "--repetitions", "1", "--noise", "0.05", "--noise-kind", "action");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Action noise 0.05", r.Output);
    }

    [Fact]
    public void Tournament_UnknownNoiseKind_ExitsTwo()
    {
        var r = CliRunner.Run("tournament", "--noise-kind", "trembling");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("perception", r.Error);
    }

    [Fact]
    public void Moran_ActionNoiseJson_CarriesNoiseKind()
    {
        var r = CliRunner.Run("moran", "--players", "TFT,AllD", "--population", "6", "--runs", "3", "--noise", "0.05", "--noise-kind", "action", "--json");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("action", r.Json.GetProperty("noiseKind").GetString());
        Assert.Equal(0.05, r.Json.GetProperty("noise").GetDouble());
    }

    [Fact]
    public void Tournament_UnknownStrategy_ExitsTwoListingKnownOnes()
    {
        var r = CliRunner.Run("tournament", "--players", "TitForTat,Nobody");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("Unknown strategy 'Nobody'", r.Error);
    }

    [Fact]
    public void Moran_TwoStrategiesJson_ReportsFixationAndExactProbabilities()
    {
        var r = CliRunner.Run("moran", "--players", "TitForTat,AlwaysDefect", "--population", "10", "--runs", "50", "--seed", "3", "--json");
        Assert.Equal(0, r.ExitCode);
        var j = r.Json;
        var total = j.GetProperty("fixationFrequency").EnumerateArray().Sum(f => f.GetProperty("frequency").GetDouble());
        Assert.Equal(1.0, total, 12);
        Assert.Equal(0.1, j.GetProperty("exactFixation").GetProperty("neutral").GetDouble(), 12);
        Assert.True(j.GetProperty("exactFixation").GetProperty("firstInvadesSecond").GetDouble() > 0.1);
    }

    [Fact]
    public void Moran_InitialCountsMismatch_ExitsTwo()
    {
        var r = CliRunner.Run("moran", "--players", "TitForTat,AlwaysDefect", "--initial", "5,5,5");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("one count per strategy", r.Error);
    }

    [Fact]
    public void Moran_PlotSvg_WritesFile()
    {
        var file = Path.Combine(Path.GetTempPath(), $"moran-{Guid.NewGuid():N}.svg");
        try
        {
            var r = CliRunner.Run("moran", "--players", "TFT,AllD", "--population", "8", "--runs", "5", "--plot", file);
            Assert.Equal(0, r.ExitCode);
            Assert.Contains("<svg", File.ReadAllText(file));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
