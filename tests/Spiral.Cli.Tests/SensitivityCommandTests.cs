using static Spiral.Cli.Tests.CliTestRunner;
using System.Text.Json;
using Spiral.Cli;

namespace Spiral.Cli.Tests;

public class SensitivityCommandTests
{
    [Fact]
    public void Sensitivity_IshigamiSobol_JsonCarriesEstimatesIntervalsAndAnalyticValues()
    {
        var (code, output, err) = Run("sensitivity", "--function", "ishigami", "--samples", "4096", "--json");
        Assert.True(code == ExitCodes.Ok, err);
        using var doc = JsonDocument.Parse(output);
        var factors = doc.RootElement.GetProperty("factors").EnumerateArray().ToList();
        Assert.Equal(3, factors.Count);
        var x2 = factors[1];
        Assert.Equal(0.4424, x2.GetProperty("analyticFirst").GetDouble(), 4);
        Assert.InRange(x2.GetProperty("first").GetProperty("estimate").GetDouble(), 0.38, 0.50);
        Assert.InRange(factors[2].GetProperty("total").GetProperty("estimate").GetDouble(), 0.20, 0.29);
    }

    [Fact]
    public void Sensitivity_ScenarioMorris_TableNamesTheFactors()
    {
        var (code, output, err) = Run("sensitivity", "jervis-doubly-dangerous", "--method", "morris", "--samples", "4", "--runs", "4",
            "--params", "world.incidentBaseRate", "model.warCost", "--outcome", "crises", "--steps-ignored-check");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("--steps-ignored-check", err);
        (code, output, err) = Run("sensitivity", "jervis-doubly-dangerous", "--method", "morris", "--samples", "4", "--runs", "4",
            "--params", "world.incidentBaseRate", "model.warCost", "--outcome", "crises");
        Assert.True(code == ExitCodes.Ok, err);
        Assert.Contains("world.incidentBaseRate", output);
        Assert.Contains("Morris, 12 points × 4 runs = 48 runs", output);
    }

    [Fact]
    public void Sensitivity_Out_WritesAStoreThatReportAndPlotRead()
    {
        var dir = Directory.CreateTempSubdirectory("spiral-sens-cli-");
        try
        {
            var store = Path.Combine(dir.FullName, "s.duckdb");
            var (code, _, err) = Run("sensitivity", "jervis-doubly-dangerous", "--method", "morris", "--samples", "3", "--runs", "3",
                "--params", "world.incidentBaseRate", "model.warCost", "--outcome", "crises", "--out", store);
            Assert.True(code == ExitCodes.Ok, err);
            var html = Path.Combine(dir.FullName, "s.html");
            (code, var output, err) = Run("report", store, "-o", html);
            Assert.True(code == ExitCodes.Ok, err);
            Assert.Contains("9 design points × 3 runs = 27 runs", File.ReadAllText(html));
            Assert.Contains("27 runs", output);
            (code, _, err) = Run("plot", store, "--kind", "sensitivity", "-o", Path.Combine(dir.FullName, "s.svg"));
            Assert.True(code == ExitCodes.Ok, err);
            Assert.Contains("world.incidentBaseRate", File.ReadAllText(Path.Combine(dir.FullName, "s.svg")));

            var before = File.GetLastWriteTimeUtc(store);
            (code, _, err) = Run("sensitivity", "jervis-doubly-dangerous", "--method", "morris", "--samples", "3", "--runs", "3",
                "--params", "model.warCost", "--out", store);
            Assert.Equal(ExitCodes.BadInput, code);
            Assert.Contains("--out", err);
            Assert.Equal(before, File.GetLastWriteTimeUtc(store));
            Assert.Equal(["s.duckdb", "s.html", "s.svg"], dir.GetFiles().Select(f => f.Name).Order());
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Theory]
    [InlineData("sensitivity --function ishigami --method sobl", "did you mean 'sobol'")]
    [InlineData("sensitivity jervis-doubly-dangerous --function ishigami", "not both")]
    [InlineData("sensitivity jervis-doubly-dangerous --outcome warz", "unknown outcome 'warz'")]
    [InlineData("sensitivity jervis-doubly-dangerous --params model.nothing", "names no world or model constant")]
    [InlineData("sensitivity jervis-doubly-dangerous --samples 1", "--samples 1")]
    [InlineData("sensitivity --function ishigam", "did you mean 'ishigami'")]
    [InlineData("sensitivity", "give a scenario")]
    [InlineData("sensitivity --function ishigami --out x.duckdb", "--out: a test function's indices are not stored")]
    public void Sensitivity_BadInput_ExitTwoWithOneClearError(string args, string expected)
    {
        var (code, _, err) = Run(args.Split(' '));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains(expected, err);
    }
}
