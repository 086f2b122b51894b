using Spiral.Core.Parameters;
using ScottPlot;

namespace Spiral.Reporting.Plots;

/// <summary>War probability at each value of a swept parameter, with 95% (Wilson) intervals as error bars.</summary>
public static class WarVsParameterPlot
{
    public static Plot Build(WarVsParameterData data)
    {
        if (data.Points.Count == 0)
        {
            throw new PlotException($"no sweep points for parameter '{data.Parameter}'.");
        }
        var points = data.Points.OrderBy(p => p.Value).ToArray();
        var categorical = data.Categories is { } c && c.Count == data.Points.Count;
        var xs = points.Select(p => p.Value).ToArray();
        var ys = points.Select(p => p.War.Mean).ToArray();
        var plot = PlotFile.NewPlot(data.Title, AxisLabel(data.Parameter), "P(war in a run)");
        var color = new ScottPlot.Palettes.Category10().GetColor(0);
        var bars = new ScottPlot.Plottables.ErrorBar(xs, ys, null, null, null, null)
        {
            YErrorNegative = points.Select(p => p.War.Mean - p.War.Low).ToArray(),
            YErrorPositive = points.Select(p => p.War.High - p.War.Mean).ToArray(),
        };
        bars.Color = color;
        bars.LineWidth = 3;
        bars.CapSize = 12;
        bars.LegendText = "95% interval (Wilson)";
        plot.Add.Plottable(bars);
        var line = plot.Add.Scatter(xs, ys);
        line.Color = color;
        line.LineWidth = 4;
        line.MarkerSize = 14;
        line.LegendText = data.Pooled is { } pooled
            ? $"P(war), {points.Min(p => p.Runs)}+ runs per value ({pooled} pooled)"
            : $"P(war), {points.Min(p => p.Runs)}+ runs per value";
        if (categorical)
        {
            var ticks = new ScottPlot.TickGenerators.NumericManual();
            for (var k = 0; k < data.Points.Count; k++)
            {
                ticks.AddMajor(data.Points[k].Value, data.Categories![k]);
            }
            plot.Axes.Bottom.TickGenerator = ticks;
        }
        plot.ShowLegend(Alignment.UpperLeft);
        plot.Axes.AutoScale();
        var limits = plot.Axes.GetLimits();
        var pad = Math.Max(1e-9, (xs.Max() - xs.Min()) * 0.05);
        plot.Axes.SetLimitsX(xs.Min() - pad, xs.Max() + pad);
        plot.Axes.SetLimitsY(0, Math.Max(0.05, Math.Min(1.05, limits.Top * 1.1)));
        return plot;
    }

    /// <summary>The parameter path with its unit and valid range from the parameter catalog (the path itself when it names none).</summary>
    public static string AxisLabel(string path)
    {
        var field = path[(path.LastIndexOf('.') + 1)..];
        var info = ParameterCatalog.All.FirstOrDefault(p => p.Name == field && p.Scope != ParameterScope.Policy && p.Type != ParameterType.Name);
        return info is null ? path : $"{path} ({info.Unit}, {info.RangeText})";
    }

    public static void Render(WarVsParameterData data, string path) => PlotFile.Save(Build(data), path);
}
