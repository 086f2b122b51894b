using Spiral.Web.ViewModels;

namespace Spiral.Web.Charts;

/// <summary>The three growing plots of a watched run (burden, beliefs, crisis rungs) for the whole run; the page draws them up to the step shown.</summary>
public static class WatchCharts
{
    public static GrowingChart Burden(WatchedRun run)
    {
        var shares = run.MilitaryShare(run.Steps);
        return new GrowingChart("Military spending, % of GDP", "% of GDP", run.Years,
            shares.Select((s, k) => new GrowingSeries(s.State, ChartFactory.Color(k), s.Share.Select(v => 100 * v).ToList())).ToList(),
            // the run's largest burden plus a tenth, so the lines grow into a fixed axis
            110 * Math.Max(0.01, shares.Max(x => x.Share.Max())));
    }

    public static GrowingChart Beliefs(WatchedRun run, string holder) =>
        new($"What {holder} believes: P(rival greedy)", "belief", run.Years,
            run.Beliefs(holder, run.Steps).Select((b, k) => new GrowingSeries($"about {b.About}", ChartFactory.Color(k), b.Mean)).ToList(), 1);

    public static GrowingChart Rungs(WatchedRun run) =>
        new("Crises: highest rung of Kahn's ladder each year", "rung (0 = no crisis)", run.Years,
            [new GrowingSeries("highest rung", "#D55E00", run.RungByYear(run.Steps).Select(r => (double)r).ToList())],
            Spiral.Core.Model.EscalationLadder.Count + 0.5, bars: true);
}
