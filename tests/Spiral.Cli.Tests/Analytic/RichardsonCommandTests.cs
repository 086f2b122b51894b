namespace Spiral.Cli.Tests.Analytic;

public class RichardsonCommandTests
{
    [Fact]
    public void Solve_SymmetricOracleJson_GivesEquilibriumEigenvaluesAndX40()
    {
        var r = CliRunner.Run("richardson", "solve", "--a", "0.5", "--b", "0.5", "--k", "0.25", "--l", "0.25", "--g", "1", "--h", "1", "--t", "40", "--json");
        Assert.Equal(0, r.ExitCode);
        var j = r.Json;
        Assert.Equal(4.0, j.GetProperty("equilibrium").GetProperty("x").GetDouble(), 10);
        Assert.Equal(4.0, j.GetProperty("equilibrium").GetProperty("y").GetDouble(), 10);
        Assert.Equal(-0.25, j.GetProperty("eigenvalues")[0].GetDouble(), 10);
        Assert.Equal(-0.75, j.GetProperty("eigenvalues")[1].GetDouble(), 10);
        Assert.True(j.GetProperty("stable").GetBoolean());
        Assert.Equal("I", j.GetProperty("regime").GetString());
        Assert.Equal(3.999818, j.GetProperty("x").GetDouble(), 5);
        Assert.Equal(3.999818, j.GetProperty("xNumeric").GetDouble(), 5);
    }

    [Fact]
    public void Solve_AsymmetricOracleJson_GivesEquilibrium()
    {
        var j = CliRunner.Run("richardson", "solve", "--a", "1.0", "--b", "0.5", "--k", "0.3", "--l", "0.6", "--g", "2", "--h", "1", "--json").Json;
        Assert.Equal(4.0625, j.GetProperty("equilibrium").GetProperty("x").GetDouble(), 10);
        Assert.Equal(6.875, j.GetProperty("equilibrium").GetProperty("y").GetDouble(), 10);
        Assert.Equal(-0.257557, j.GetProperty("eigenvalues")[0].GetDouble(), 6);
        Assert.Equal(-1.242443, j.GetProperty("eigenvalues")[1].GetDouble(), 6);
    }

    [Fact]
    public void Solve_Table_ShowsRegime()
    {
        var r = CliRunner.Run("richardson", "solve", "--a", "0.25", "--b", "0.25", "--k", "0.5", "--l", "0.5", "--g", "-1", "--h", "-1", "--x0", "5", "--y0", "5");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("IV: saddle", r.Output);
        Assert.Contains("runaway race", r.Output);
    }

    [Fact]
    public void Solve_NegativeFatigue_ExitsTwoWithMessage()
    {
        var r = CliRunner.Run("richardson", "solve", "--a", "-0.5", "--b", "0.5", "--k", "0.25", "--l", "0.25", "--g", "1", "--h", "1");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("a (fatigue of x) must be a finite number >= 0, got -0.5.", r.Error);
        Assert.DoesNotContain("Parameter", r.Error);
    }

    [Fact]
    public void Solve_PlotPng_WritesFile()
    {
        var file = Path.Combine(Path.GetTempPath(), $"richardson-{Guid.NewGuid():N}.png");
        try
        {
            var r = CliRunner.Run("richardson", "solve", "--a", "0.5", "--b", "0.5", "--k", "0.25", "--l", "0.25", "--g", "1", "--h", "1", "--plot", file);
            Assert.Equal(0, r.ExitCode);
            Assert.True(new FileInfo(file).Length > 1000);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Fit_SumCow1909To1913Json_MatchesOracle()
    {
        var r = CliRunner.Run("richardson", "fit", CliRunner.DataFile("cow_milex_europe_1900_1913_wide.csv"),
            "--x", "FRN,RUS", "--y", "GMY,AUH", "--from", "1909", "--to", "1913", "--sum", "--json");
        Assert.Equal(0, r.ExitCode);
        var j = r.Json;
        Assert.Equal(0.8321, j.GetProperty("slope").GetDouble(), 4);
        Assert.Equal(-157.48, j.GetProperty("intercept").GetDouble(), 2);
        Assert.Equal(189.26, j.GetProperty("zeroCrossing").GetDouble(), 2);
        Assert.True(j.GetProperty("r2").GetDouble() > 0.99);
    }

    [Fact]
    public void Fit_SumCowLongFileScaled_MatchesOracle()
    {
        var r = CliRunner.Run("richardson", "fit", CliRunner.DataFile("cow_nmc_milex_europe_1900_1914.csv"),
            "--x", "FRN,RUS", "--y", "GMY,AUH", "--from", "1909", "--to", "1913", "--scale", "0.001", "--sum", "--json");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(189.26, r.Json.GetProperty("zeroCrossing").GetDouble(), 2);
    }

    [Fact]
    public void Fit_CoefficientsJson_HaveStandardErrors()
    {
        var j = CliRunner.Run("richardson", "fit", CliRunner.DataFile("cow_milex_europe_1900_1913_wide.csv"), "--x", "FRN,RUS", "--y", "GMY,AUH", "--json").Json;
        foreach (var name in new[] { "k", "a", "g", "l", "b", "h" })
        {
            Assert.Equal(System.Text.Json.JsonValueKind.Number, j.GetProperty(name).ValueKind);
            Assert.True(j.GetProperty(name + "StandardError").GetDouble() > 0);
        }
        Assert.Contains("least squares", j.GetProperty("discretisation").GetString());
    }

    [Fact]
    public void Fit_MissingColumn_ExitsTwoNamingIt()
    {
        var r = CliRunner.Run("richardson", "fit", CliRunner.DataFile("cow_milex_europe_1900_1913_wide.csv"), "--x", "FRN,XYZ", "--y", "GMY");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("'XYZ'", r.Error);
    }

    [Fact]
    public void Fit_MissingFile_ExitsTwo()
    {
        var r = CliRunner.Run("richardson", "fit", "no-such-file.csv", "--x", "A", "--y", "B");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("file not found", r.Error);
    }
}
