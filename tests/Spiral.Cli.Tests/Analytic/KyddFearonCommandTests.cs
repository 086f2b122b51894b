namespace Spiral.Cli.Tests.Analytic;

public class KyddFearonCommandTests
{
    [Fact]
    public void KyddThreshold_FourThreeTwoOneJson_IsOneHalf()
    {
        var r = CliRunner.Run("kydd", "threshold", "--r", "4", "--ts", "3", "--p", "2", "--s", "1", "--json");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(0.5, r.Json.GetProperty("threshold").GetDouble(), 12);
    }

    [Fact]
    public void KyddUpdate_BuildJson_Is0Point2727()
    {
        var r = CliRunner.Run("kydd", "update", "--prior", "0.6", "--sigma-s", "0.2", "--sigma-g", "0.8", "--observed", "build", "--json");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(3.0 / 11.0, r.Json.GetProperty("posterior").GetDouble(), 12);
    }

    [Fact]
    public void KyddSignal_GreedyJson_Is0Point2727()
    {
        var r = CliRunner.Run("kydd", "signal", "--prior", "0.6", "--error", "0.2", "--signal", "greedy", "--json");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(0.272727, r.Json.GetProperty("posterior").GetDouble(), 6);
    }

    [Fact]
    public void KyddSignal_PriorAboveOne_ExitsTwo()
    {
        var r = CliRunner.Run("kydd", "signal", "--prior", "1.2", "--error", "0.2", "--signal", "greedy");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("prior trust (pi) must be a probability in [0, 1], got 1.2.", r.Error);
    }

    [Fact]
    public void KyddUpdate_UnknownObservation_ExitsTwo()
    {
        Assert.Equal(2, CliRunner.Run("kydd", "update", "--prior", "0.6", "--sigma-s", "0.2", "--sigma-g", "0.8", "--observed", "maybe").ExitCode);
    }

    [Fact]
    public void KyddReassure_Table_ShowsSeparating()
    {
        var r = CliRunner.Run("kydd", "reassure", "--value-s", "2", "--value-g", "3", "--cost-s", "1", "--cost-g", "4");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("separating", r.Output);
    }

    [Fact]
    public void Fearon_RangeJson_IsPMinusCaToPPlusCb()
    {
        var r = CliRunner.Run("fearon", "--p", "0.6", "--ca", "0.1", "--cb", "0.15", "--json");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(0.5, r.Json.GetProperty("range").GetProperty("lower").GetDouble(), 12);
        Assert.Equal(0.75, r.Json.GetProperty("range").GetProperty("upper").GetDouble(), 12);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, r.Json.GetProperty("commitment").ValueKind);
    }

    [Fact]
    public void Fearon_ShiftAndDiscountJson_FlagsPreventiveWar()
    {
        var r = CliRunner.Run("fearon", "--p", "0.5", "--ca", "0.05", "--cb", "0.05", "--shift", "0.3", "--discount", "0.9", "--json");
        Assert.True(r.Json.GetProperty("commitment").GetProperty("preventiveWar").GetBoolean());
    }

    [Fact]
    public void Fearon_NegativeCost_ExitsTwo()
    {
        var r = CliRunner.Run("fearon", "--p", "0.5", "--ca", "-0.1", "--cb", "0.1");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("c_A", r.Error);
    }

    [Fact]
    public void Fearon_ShiftWithoutDiscount_ExitsTwo()
    {
        var r = CliRunner.Run("fearon", "--p", "0.5", "--ca", "0.1", "--cb", "0.1", "--shift", "0.2");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--discount", r.Error);
    }
}
