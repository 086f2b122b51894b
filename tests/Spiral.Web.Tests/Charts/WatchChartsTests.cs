using System.Text.Json;
using Spiral.IO.Scenarios;
using Spiral.Web.Charts;
using Spiral.Web.ViewModels;

namespace Spiral.Web.Tests.Charts;

public class WatchChartsTests
{
    [Fact]
    public void Json_HoldsTheWholeRun_AndItsFirstPointsAreTheChartsDrawnAtStepZero()
    {
        var run = WatchedRun.Setup(ScenarioLoader.LoadLibrary("india-china-lac"), 1, 0);
        using var json = JsonDocument.Parse(WatchCharts.Json(run));
        var burden = json.RootElement.GetProperty("burden");
        Assert.Equal(run.Names.Count, burden.GetArrayLength());
        for (var k = 0; k < run.Names.Count; k++)
        {
            var trace = burden[k];
            Assert.Equal(run.Steps + 1, trace.GetProperty("y").GetArrayLength());
            Assert.Equal(run.Names[k], trace.GetProperty("name").GetString());
            // the whole run's values, in % of GDP, as the step-by-step chart draws them
            var share = run.MilitaryShare(run.Steps)[k].Share;
            Assert.Equal(share[run.Steps] * 100, trace.GetProperty("y")[run.Steps].GetDouble(), 9);
            var atZero = (Plotly.Blazor.Traces.Scatter)WatchCharts.Burden(run, 0).Data[k];
            Assert.Equal(Convert.ToDouble(atZero.Y[0]), trace.GetProperty("y")[0].GetDouble(), 9);
        }
        var rungs = json.RootElement.GetProperty("rungs")[0];
        Assert.Equal(run.RungByYear(run.Steps), rungs.GetProperty("y").EnumerateArray().Select(v => v.GetInt32()).ToArray());
        var beliefs = json.RootElement.GetProperty("beliefs");
        foreach (var holder in run.Names)
        {
            var b = beliefs.GetProperty(holder);
            Assert.Contains($"What {holder} believes", b.GetProperty("layout").GetProperty("title").GetProperty("text").GetString());
            Assert.Equal(run.Beliefs(holder, run.Steps).Count, b.GetProperty("data").GetArrayLength());
        }
        Assert.True(json.RootElement.GetProperty("config").GetProperty("responsive").GetBoolean());
    }
}
