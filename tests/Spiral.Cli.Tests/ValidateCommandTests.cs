using static Spiral.Cli.Tests.CliTestRunner;
using System.Text.Json;
using Spiral.Cli;

namespace Spiral.Cli.Tests;

/// <summary><c>spiral validate</c> on its cheapest claim (V11, one two-state arm): the JSON and the table carry every column of validation v2.</summary>
public class ValidateCommandTests
{
    [Fact]
    public void ValidateQuickJson_OneClaim_EffectMinimumRobustnessPlaceboControlAndHolm()
    {
        var (code, output, _) = Run("validate", "--quick", "--claims", "V11", "--json");
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal("quick", root.GetProperty("size").GetString());
        Assert.Equal("holm", root.GetProperty("multiplicity").GetString());
        var claim = root.GetProperty("claims")[0];
        Assert.Equal("V11", claim.GetProperty("id").GetString());
        Assert.Equal(0.05, claim.GetProperty("minimumEffect").GetDouble());
        Assert.InRange(claim.GetProperty("robustness").GetDouble(), 0, 1);
        Assert.True(claim.GetProperty("placebo").GetProperty("clean").GetBoolean());
        Assert.True(claim.GetProperty("negativeControl").GetProperty("fails").GetBoolean());
        Assert.Equal(claim.GetProperty("passed").GetBoolean() ? ExitCodes.Ok : ExitCodes.Failure, code);
    }

    [Fact]
    public void Validate_RetiredClaim_IsAUsageError()
    {
        var (code, _, err) = Run("validate", "--quick", "--claims", "V1");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("unknown claim 'V1'", err);
    }
}
