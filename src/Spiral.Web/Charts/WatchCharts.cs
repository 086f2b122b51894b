using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Spiral.Web.ViewModels;

namespace Spiral.Web.Charts;

/// <summary>
/// The three growing plots of a watched run (burden, beliefs, crisis rungs), up to a step. The page draws them at
/// step 0 and hands the whole run's plots, once, to <c>wwwroot/watch.js</c> (<see cref="Json"/>), which shows step t
/// by appending its points: a step sends only its index.
/// </summary>
public static class WatchCharts
{
    private static readonly JsonSerializerOptions Plotly = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static ChartSpec Burden(WatchedRun run, int step) =>
        ChartFactory.Growing("Military spending, % of GDP", "% of GDP", run.Years, run.MilitaryShare(step), 100, BurdenTop(run));

    public static ChartSpec Beliefs(WatchedRun run, string holder, int step) =>
        ChartFactory.Growing($"What {holder} believes: P(rival greedy)", "belief", run.Years,
            run.Beliefs(holder, step).Select(b => ($"about {b.About}", b.Mean)), 1, 1);

    public static ChartSpec Rungs(WatchedRun run, int step) => ChartFactory.RungsByYear(run.Years, run.RungByYear(step));

    /// <summary>The burden axis's top: the run's largest burden plus a tenth, fixed for the whole run so the lines grow into it.</summary>
    public static double BurdenTop(WatchedRun run) => 110 * Math.Max(0.01, run.MilitaryShare(run.Steps).Max(x => x.Share.Max()));

    /// <summary>The whole run's plots as Plotly JSON: burden and rung traces, and each holder's belief traces with its layout.</summary>
    public static string Json(WatchedRun run)
    {
        var beliefs = new JsonObject();
        foreach (var holder in run.Names)
        {
            var spec = Beliefs(run, holder, run.Steps);
            beliefs[holder] = new JsonObject { ["data"] = Traces(spec), ["layout"] = JsonSerializer.SerializeToNode(spec.Layout, Plotly) };
        }
        return new JsonObject
        {
            ["burden"] = Traces(Burden(run, run.Steps)),
            ["rungs"] = Traces(Rungs(run, run.Steps)),
            ["beliefs"] = beliefs,
            ["config"] = JsonSerializer.SerializeToNode(Spiral.Web.Components.Shared.Chart.PlotConfig, Plotly),
        }.ToJsonString();
    }

    private static JsonArray Traces(ChartSpec spec) => new(spec.Data.Select(t => JsonSerializer.SerializeToNode(t, t.GetType(), Plotly)).ToArray());
}
