using ScottPlot;

namespace Spiral.Reporting.Plots;

/// <summary>
/// Beliefs over time: the mean over runs of each state's belief that a rival is greedy. Above 0.5 between two
/// security-seekers is a spiral (DESIGN.md 3.2); the threshold is drawn as a dashed line.
/// </summary>
public static class BeliefPlot
{
    /// <summary>At most this many observer→rival curves are drawn one by one; beyond it, each rival gets one curve averaged over its observers.</summary>
    public const int MaxCurves = 12;

    public static Plot Build(BeliefData data)
    {
        if (data.Curves.Count == 0)
        {
            throw new PlotException("no beliefs to draw.");
        }
        var curves = data.Curves.Count <= MaxCurves ? data.Curves : AverageByRival(data.Curves);
        var plot = PlotFile.NewPlot($"Beliefs, {data.Scenario} ({TrajectoryPlot.Runs(data.Runs)})", "year",
            "P(rival is greedy), mean over runs");
        var palette = new ScottPlot.Palettes.Category10();
        var patterns = new[] { LinePattern.Solid, LinePattern.Dashed, LinePattern.Dotted, LinePattern.DenselyDashed };
        for (var k = 0; k < curves.Count; k++)
        {
            var c = curves[k];
            var line = plot.Add.Scatter(c.Years.ToArray(), c.Mean.ToArray());
            line.Color = palette.GetColor(k % 10);
            line.LinePattern = patterns[k / 10 % patterns.Length];
            line.LineWidth = 4;
            line.MarkerSize = c.Years.Count <= 30 ? 7 : 0;
            line.LegendText = $"{c.Observer} about {c.About}";
        }
        var threshold = plot.Add.HorizontalLine(0.5);
        threshold.Color = Colors.Black.WithAlpha(0.6);
        threshold.LinePattern = LinePattern.Dashed;
        threshold.LineWidth = 2;
        threshold.LegendText = "spiral threshold (0.5)";
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true, LabelFormatter = TrajectoryPlot.Year };
        plot.ShowLegend(Edge.Right);
        plot.Axes.AutoScale();
        plot.Axes.SetLimitsY(0, 1);
        return plot;
    }

    public static void Render(BeliefData data, string path) => PlotFile.Save(Build(data), path);

    private static List<BeliefCurve> AverageByRival(IReadOnlyList<BeliefCurve> curves) =>
        curves.GroupBy(c => c.About).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var years = g.First().Years;
            var mean = new double[years.Count];
            for (var t = 0; t < years.Count; t++)
            {
                mean[t] = g.Average(c => t < c.Mean.Count ? c.Mean[t] : double.NaN);
            }
            return new BeliefCurve("others", g.Key, years, mean);
        }).ToList();
}
