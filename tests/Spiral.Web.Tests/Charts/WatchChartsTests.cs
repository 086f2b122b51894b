using Spiral.IO.Scenarios;
using Spiral.Web.Charts;
using Spiral.Web.ViewModels;

namespace Spiral.Web.Tests.Charts;

public class WatchChartsTests
{
    [Fact]
    public void Charts_HoldTheWholeRun_OnAxesThatFitIt()
    {
        var run = WatchedRun.Setup(ScenarioLoader.LoadLibrary("india-china-lac"), 1, 0);
        var burden = WatchCharts.Burden(run);
        var shares = run.MilitaryShare(run.Steps);
        Assert.Equal(run.Names, burden.Series.Select(s => s.Name));
        for (var k = 0; k < run.Names.Count; k++)
        {
            Assert.Equal(shares[k].Share.Select(v => 100 * v), burden.Series[k].Values);
        }
        // the axis reaches a tenth above the run's largest burden, so no line leaves the plot
        Assert.Equal(110 * shares.Max(s => s.Share.Max()), burden.YMax, 9);
        Assert.All(burden.Series.SelectMany(s => s.Values), v => Assert.InRange(burden.Y(v), GrowingChart.Top, GrowingChart.Height - GrowingChart.Bottom));
        Assert.Equal(run.RungByYear(run.Steps).Select(r => (double)r), WatchCharts.Rungs(run).Series.Single().Values);
        Assert.True(WatchCharts.Rungs(run).Bars);
        foreach (var holder in run.Names)
        {
            var beliefs = WatchCharts.Beliefs(run, holder);
            Assert.Contains($"What {holder} believes", beliefs.Title);
            Assert.Equal(run.Beliefs(holder, run.Steps).Select(b => $"about {b.About}"), beliefs.Series.Select(s => s.Name));
        }
    }

    [Fact]
    public void Points_UpToAStep_OnePointAYear_LeftToRight()
    {
        var chart = new GrowingChart("t", "y", [2000, 2001, 2002, 2003], [new GrowingSeries("a", "#000", [0, 1, 2, 4])], 4);
        var points = chart.Points(0, 2).Split(' ').Select(p => p.Split(',').Select(double.Parse).ToArray()).ToArray();
        Assert.Equal(3, points.Length);
        Assert.True(points[0][0] < points[1][0] && points[1][0] < points[2][0]);
        Assert.Equal(GrowingChart.Height - GrowingChart.Bottom, points[0][1], 2); // 0 on the bottom axis
        Assert.Equal(GrowingChart.Top, chart.Y(4), 9);                           // the maximum at the top
        Assert.Equal(new[] { "0", "1", "2", "3", "4" }, chart.YTicks.Select(t => t.Label));
    }

    [Theory]
    [InlineData(0.0066, 0.01)]
    [InlineData(0.2, 0.2)]
    [InlineData(0.3, 0.5)]
    [InlineData(3, 5)]
    [InlineData(7, 10)]
    public void NiceStep_RoughStep_SmallestOneTwoOrFiveTimesAPowerOfTenAtLeastIt(double rough, double nice) =>
        Assert.Equal(nice, GrowingChart.NiceStep(rough), 12);
}
