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

    [Theory]
    [InlineData("sensitivity --function ishigami --method sobl", "did you mean 'sobol'")]
    [InlineData("sensitivity jervis-doubly-dangerous --function ishigami", "not both")]
    [InlineData("sensitivity jervis-doubly-dangerous --outcome warz", "unknown outcome 'warz'")]
    [InlineData("sensitivity jervis-doubly-dangerous --params model.nothing", "names no world or model constant")]
    [InlineData("sensitivity jervis-doubly-dangerous --samples 1", "--samples 1")]
    [InlineData("sensitivity --function ishigam", "did you mean 'ishigami'")]
    [InlineData("sensitivity", "give a scenario")]
    public void Sensitivity_BadInput_ExitTwoWithOneClearError(string args, string expected)
    {
        var (code, _, err) = Run(args.Split(' '));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains(expected, err);
    }
}
