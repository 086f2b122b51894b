using Spiral.Reporting.Plots;

namespace Spiral.Reporting.Tests.Plots;

/// <summary>Plots drawn from results stores written in the documented schema, and clear refusals when a plot's data is absent.</summary>
public class StoreChartsTests
{
    [Theory]
    [InlineData(PlotKinds.Trajectories, "png")]
    [InlineData(PlotKinds.Trajectories, "svg")]
    [InlineData(PlotKinds.Beliefs, "png")]
    [InlineData(PlotKinds.Beliefs, "svg")]
    [InlineData(PlotKinds.WarVsParameter, "png")]
    [InlineData(PlotKinds.FourWorlds, "png")]
    [InlineData(PlotKinds.FourWorlds, "svg")]
    public void FourWorldsSweep_DrawsEveryKindButTornado(string kind, string ext)
    {
        using var charts = StoreCharts.Open(TestStores.FourWorlds());
        var path = Path.Combine(TestStores.TempDir(), kind + "." + ext);
        charts.Render(kind, path, parameter: kind == PlotKinds.WarVsParameter ? "world.offenseAdvantage" : null);
        if (ext == "png")
        {
            PlotTests.AssertPng(path);
        }
        else
        {
            PlotTests.AssertSvg(path, kind == PlotKinds.FourWorlds ? "doubly dangerous" : "year");
        }
    }

    [Fact]
    public void FourWorlds_GridHasTheSweptValues()
    {
        using var charts = StoreCharts.Open(TestStores.FourWorlds());
        var grid = charts.FourWorlds();
        Assert.Equal([0.6, 0.9, 1.3, 1.8], grid.OffenseAdvantage);
        Assert.Equal([0.1, 0.35, 0.65, 0.9], grid.Distinguishability);
        Assert.Equal(6, grid.RunsPerPoint);
        foreach (var p in grid.War)
        {
            Assert.InRange(p, 0, 1);
        }
    }

    [Fact]
    public void WarVsParameter_WithTwoAxes_NeedsParameter()
    {
        using var charts = StoreCharts.Open(TestStores.FourWorlds());
        var ex = Assert.Throws<PlotException>(() => charts.WarVsParameter(null));
        Assert.Contains("--parameter", ex.Message);
        Assert.Contains("world.distinguishability", ex.Message);
        var data = charts.WarVsParameter("world.distinguishability");
        Assert.Equal(4, data.Points.Count);
        Assert.All(data.Points, p => Assert.Equal(24, p.Runs));
    }

    [Fact]
    public void Trajectories_AreOverTheDetailedRunsOnly()
    {
        using var charts = StoreCharts.Open(TestStores.FourWorlds());
        var data = charts.Trajectories("beta");
        Assert.Single(data.Milex);
        Assert.Equal(16 * 3, data.Runs);
        Assert.Equal(21, data.Milex[0].Years.Count);
        for (var t = 0; t < 21; t++)
        {
            Assert.True(data.Milex[0].P10[t] <= data.Milex[0].Median[t] && data.Milex[0].Median[t] <= data.Milex[0].P90[t]);
        }
    }

    [Fact]
    public void Tornado_FromStoredComparisons()
    {
        using var charts = StoreCharts.Open(TestStores.Comparison());
        var tornado = Assert.Single(charts.Tornadoes());
        Assert.Equal("hotline:india,china", tornado.Intervention);
        var path = Path.Combine(TestStores.TempDir(), "tornado.svg");
        charts.Render(PlotKinds.Tornado, path);
        PlotTests.AssertSvg(path, "Effect of hotline:india,china", "P(war)");
        var png = Path.ChangeExtension(path, ".png");
        charts.Render(PlotKinds.Tornado, png);
        PlotTests.AssertPng(png);
    }

    [Theory]
    [InlineData(PlotKinds.FourWorlds, "offense-advantage × distinguishability")]
    [InlineData(PlotKinds.WarVsParameter, "not a sweep")]
    [InlineData(PlotKinds.Tornado, "no paired comparisons")]
    public void AbsentData_IsOneClearMessage_AndNoFile(string kind, string expected)
    {
        using var charts = StoreCharts.Open(TestStores.Ensemble());
        var dir = TestStores.TempDir();
        var path = Path.Combine(dir, "plot.png");
        var ex = Assert.Throws<PlotException>(() => charts.Render(kind, path));
        Assert.Contains(expected, ex.Message);
        Assert.Empty(Directory.GetFiles(dir));
    }

    [Fact]
    public void UnknownState_NamesTheStates()
    {
        using var charts = StoreCharts.Open(TestStores.Ensemble());
        var ex = Assert.Throws<PlotException>(() => charts.Trajectories("atlantis"));
        Assert.Contains("India, China, Pakistan", ex.Message);
    }

    [Fact]
    public void MissingFile_NotDuckDb_AndForeignDuckDb_AreRefused()
    {
        var dir = TestStores.TempDir();
        Assert.Contains("no such file", Assert.Throws<PlotException>(() => StoreCharts.Open(Path.Combine(dir, "nope.duckdb"))).Message);
        var text = Path.Combine(dir, "text.duckdb");
        File.WriteAllText(text, "this is not a database\n");
        Assert.Contains("not a Spiral results store", Assert.Throws<PlotException>(() => StoreCharts.Open(text)).Message);
        Assert.Contains("not a Spiral results store", Assert.Throws<PlotException>(() => StoreCharts.Open(TestStores.ForeignDuckDb())).Message);
    }
}
