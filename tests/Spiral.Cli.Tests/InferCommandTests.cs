using static Spiral.Cli.Tests.CliTestRunner;
using System.Text.Json;
using Spiral.Cli;

namespace Spiral.Cli.Tests;

public class InferCommandTests
{
    [Fact]
    public void Infer_IndiaChinaJson_PosteriorOverEightAssignmentsWithChecks()
    {
        var (code, output, err) = Run("infer", "india-china-lac", "--runs", "20", "--seed", "2", "--json");
        Assert.True(code == ExitCodes.Ok, err);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal("2010-2019", root.GetProperty("years").GetString());
        Assert.False(root.GetProperty("includesHeldOutYears").GetBoolean());
        Assert.Equal(4, root.GetProperty("scriptedEventsRemoved").GetInt32());
        var assignments = root.GetProperty("assignments").EnumerateArray().ToList();
        Assert.Equal(8, assignments.Count);
        Assert.Equal(1.0, assignments.Sum(a => a.GetProperty("posterior").GetDouble()), 9);
        Assert.Equal(3, root.GetProperty("pGreedy").GetArrayLength());
        Assert.Equal(6, root.GetProperty("episodes").GetArrayLength());
        var levels = root.GetProperty("crisisCheck").EnumerateArray().Select(c => c.GetProperty("observed").GetInt32()).ToList();
        Assert.Equal([0, 1, 5, 0, 6], levels);
        Assert.Equal(30, root.GetProperty("spendingCheck").GetProperty("observations").GetInt32());
    }

    [Fact]
    public void Infer_Table_NamesThePureSecurityDilemmaProbability()
    {
        var (code, output, err) = Run("infer", "west-asia", "--runs", "10");
        Assert.True(code == ExitCodes.Ok, err);
        Assert.Contains("P(no greedy state: a pure security dilemma)", output);
        Assert.Contains("MID level", output);
    }

    [Fact]
    public void Infer_ScenarioWithoutRecord_IsAUsageError()
    {
        var (code, _, err) = Run("infer", "jervis-doubly-stable", "--runs", "10");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("no observed record", err);
    }

    [Fact]
    public void Infer_YearsOutsideTheScenario_IsAUsageError()
    {
        var (code, _, err) = Run("infer", "india-china-lac", "--years", "1990-2000");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("--years", err);
    }
}

public class CalibrateCrisesCommandTests
{
    [Fact]
    public void CalibrateCrises_WestAsiaJson_ThreeParametersThreeMomentsAndAnIdentificationVerdict()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = SpiralApp.Run(["calibrate", "crises", "--scenarios", "west-asia", "--runs", "4", "--iterations", "5", "--json"], stdout, stderr);
        Assert.True(code == ExitCodes.Ok, stderr.ToString());
        using var doc = JsonDocument.Parse(stdout.ToString());
        var root = doc.RootElement;
        Assert.Equal(3, root.GetProperty("parameters").GetArrayLength());
        Assert.Equal(3, root.GetProperty("moments").GetArrayLength());
        Assert.Equal(0.2, root.GetProperty("moments")[0].GetProperty("observed").GetDouble(), 12); // 2 episodes in 2010-2019
        Assert.Contains(root.GetProperty("identified").ValueKind, new[] { JsonValueKind.True, JsonValueKind.False });
    }

    [Fact]
    public void CalibrateCrises_ScenarioWithoutRecord_IsAUsageError()
    {
        var stderr = new StringWriter();
        var code = SpiralApp.Run(["calibrate", "crises", "--scenarios", "jervis-doubly-stable"], new StringWriter(), stderr);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("no observed crisis record", stderr.ToString());
    }
}
