using static Spiral.Cli.Tests.CliTestRunner;
using System.Text.Json;
using Spiral.Cli;

namespace Spiral.Cli.Tests;

public class EstimateCommandTests
{
    [Fact]
    public void EstimateBudget_SipriShares2010To2019_PinsTheWithinEstimateItsErrorAndTheNoise()
    {
        var (code, output, err) = Run("estimate", "budget", "--replicates", "99", "--json");
        Assert.True(code == ExitCodes.Ok, err);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal("share_of_gdp_pct", root.GetProperty("value").GetString());
        Assert.False(root.GetProperty("includesHeldOutYears").GetBoolean());
        Assert.Equal(152, root.GetProperty("observations").GetInt32());
        Assert.Equal(17, root.GetProperty("states").GetInt32());
        Assert.Equal(0.33225, root.GetProperty("gamma").GetProperty("value").GetDouble(), 5);
        Assert.Equal(0.07449, root.GetProperty("gamma").GetProperty("clusterSe").GetDouble(), 5);
        Assert.Equal(0.04460, root.GetProperty("gammaNickellCorrected").GetDouble(), 5);
        Assert.Equal(0.07532, root.GetProperty("residualSd").GetDouble(), 5);
        Assert.Equal(0.03991, root.GetProperty("robustResidualSd").GetDouble(), 5);
        Assert.Equal(-1.94806, root.GetProperty("unitRoot").GetProperty("tBar").GetDouble(), 5);
    }

    [Fact]
    public void EstimateBudget_WithoutUkraineAndVietNam_PinsTheProposedDefaults()
    {
        var (code, output, err) = Run("estimate", "budget", "--exclude", "Ukraine,Viet Nam", "--replicates", "0", "--json");
        Assert.True(code == ExitCodes.Ok, err);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal(135, root.GetProperty("observations").GetInt32());
        Assert.Equal(0.38624, root.GetProperty("gamma").GetProperty("value").GetDouble(), 5);
        Assert.Equal(0.12330, root.GetProperty("gammaNickellCorrected").GetDouble(), 5);
        Assert.Equal(0.06738, root.GetProperty("residualSd").GetDouble(), 5);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("unitRoot").ValueKind);
    }

    [Fact]
    public void EstimateBudget_LongPanel1949To2019_PinsTheWithinEstimateInLevels()
    {
        var (code, output, err) = Run("estimate", "budget", "--data", "data/sipri_milex_panel_1949_2025.csv", "--years", "1949-2019", "--replicates", "0", "--json");
        Assert.True(code == ExitCodes.Ok, err);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal("constant_2024_usd_m", root.GetProperty("value").GetString());
        Assert.Equal(7014, root.GetProperty("observations").GetInt32());
        Assert.Equal(160, root.GetProperty("states").GetInt32());
        Assert.Equal(0.06282, root.GetProperty("gamma").GetProperty("value").GetDouble(), 5);
        Assert.Equal(0.19293, root.GetProperty("residualSd").GetDouble(), 5);
    }

    [Fact]
    public void EstimateBudget_Table_ShowsGammaAndWarnsAboutHeldOutYears()
    {
        var (code, output, err) = Run("estimate", "budget", "--years", "2010-2024", "--replicates", "0");
        Assert.True(code == ExitCodes.Ok, err);
        Assert.Contains("γ, within (fixed effects)", output);
        Assert.Contains("hold out 2020-2024", output);
    }

    [Theory]
    [InlineData("--years", "2019")]
    [InlineData("--exclude", "Atlantis")]
    [InlineData("--value", "no_such_column")]
    [InlineData("--data", "no/such/file.csv")]
    public void EstimateBudget_BadInput_ExitsWithUsageError(string option, string value)
    {
        var (code, _, err) = Run("estimate", "budget", option, value, "--replicates", "0");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains(option == "--value" ? "no_such_column" : value, err);
    }
}
