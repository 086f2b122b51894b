using ScottPlot;

namespace Spiral.Reporting.Plots;

/// <summary>
/// Military spending and security of each state over the years: the median over runs as a line and the band
/// from the 10th to the 90th percentile, one colour per state.
/// </summary>
public static class TrajectoryPlot
{
    public static Plot Milex(TrajectoryData data) =>
        Build(data.Milex, $"Military spending, {data.Scenario} ({Runs(data.Runs)})", $"military spending ({data.MilexUnit})", null);

    public static Plot Security(TrajectoryData data) =>
        Build(data.Security, $"Security, {data.Scenario} ({Runs(data.Runs)})", "security S (0 = none, 1 = full)", (0, 1));

    /// <summary>Both panels: milex above, security below.</summary>
    public static IReadOnlyList<Plot> Panels(TrajectoryData data) => [Milex(data), Security(data)];

    /// <summary>Draws both panels into one PNG or SVG file (by extension).</summary>
    public static void Render(TrajectoryData data, string path) => PlotFile.Save(Panels(data), path);

    private static Plot Build(IReadOnlyList<TrajectoryBand> bands, string title, string yLabel, (double Low, double High)? yRange)
    {
        if (bands.Count == 0 || bands.All(b => b.Years.Count == 0))
        {
            throw new PlotException("no per-year series to draw trajectories from.");
        }
        var plot = PlotFile.NewPlot(title, "year", yLabel);
        var palette = new ScottPlot.Palettes.Category10();
        for (var s = 0; s < bands.Count; s++)
        {
            var band = bands[s];
            var color = palette.GetColor(s);
            var xs = band.Years.ToArray();
            var fill = plot.Add.FillY(xs, band.P10.ToArray(), band.P90.ToArray());
            fill.FillColor = color.WithAlpha(Math.Max(0.06, 0.36 / bands.Count));
            fill.LineWidth = 0;
            var line = plot.Add.Scatter(xs, band.Median.ToArray());
            line.Color = color;
            line.LineWidth = 4;
            line.MarkerSize = xs.Length <= 30 ? 8 : 0;
            line.LegendText = band.State + " (median)";
        }
        var band0 = plot.Add.FillY([double.NaN], [double.NaN], [double.NaN]);
        band0.FillColor = Colors.Gray.WithAlpha(0.3);
        band0.LineWidth = 0;
        band0.LegendText = "10th-90th percentile of runs";
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true, LabelFormatter = Year };
        plot.ShowLegend(Edge.Right);
        plot.Axes.AutoScale();
        if (yRange is { } r)
        {
            plot.Axes.SetLimitsY(r.Low, r.High);
        }
        else
        {
            var limits = plot.Axes.GetLimits();
            plot.Axes.SetLimitsY(Math.Min(0, limits.Bottom), limits.Top);
        }
        return plot;
    }

    internal static string Year(double value) => value.ToString("0", System.Globalization.CultureInfo.InvariantCulture);

    internal static string Runs(int runs) => runs == 1 ? "1 run" : $"{runs} runs";
}
