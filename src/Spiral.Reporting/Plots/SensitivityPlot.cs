using System.Globalization;
using ScottPlot;
using Spiral.Experiments.Sensitivity;

namespace Spiral.Reporting.Plots;

/// <summary>
/// A sensitivity analysis as a bar chart, most influential factor on top: Sobol total and first-order indices with
/// their bootstrap intervals, or Morris μ* with its interval. At most <see cref="MaxFactors"/> factors are drawn.
/// </summary>
public static class SensitivityPlot
{
    public const int MaxFactors = 15;

    public static void Render(SensitivityResult result, string path) => PlotFile.Save(Build(result), path, PlotFile.Width, HeightFor(result));

    /// <summary>The chart's height: room for each drawn factor's bars.</summary>
    public static int HeightFor(SensitivityResult result) => Math.Max(PlotFile.Height, 200 + 50 * Drawn(result).Count);

    public static IReadOnlyList<SensitivityFactorResult> Drawn(SensitivityResult result) => result.Ranked.Take(MaxFactors).ToList();

    public static Plot Build(SensitivityResult result)
    {
        var drawn = Drawn(result);
        var sobol = result.Options.Method == SensitivityMethod.Sobol;
        var level = (100 * result.Options.Level).ToString("0", CultureInfo.InvariantCulture) + "%";
        var plot = PlotFile.NewPlot(
            $"{result.Scenario}: what drives {result.OutputLabel}",
            (sobol ? $"Sobol index ({level} bootstrap interval)" : $"Morris μ*, change over the factor's range ({level} bootstrap interval)")
                + $"; {result.Runs.ToString("N0", CultureInfo.InvariantCulture)} runs", "");
        var palette = new ScottPlot.Palettes.Category10();
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        var series = sobol
            ? new[] { ("total", (Func<SensitivityFactorResult, ScottPlot.Range>)(f => Interval(f.Total!)), (Func<SensitivityFactorResult, double>)(f => f.Total!.Estimate)),
                      ("first order", f => Interval(f.First!), f => f.First!.Estimate) }
            : new[] { ("μ*", (Func<SensitivityFactorResult, ScottPlot.Range>)(f => Interval(f.MuStar!)), (Func<SensitivityFactorResult, double>)(f => f.MuStar!.Estimate)) };
        var width = 0.8 / series.Length;
        var max = 0.0;
        for (var s = 0; s < series.Length; s++)
        {
            var (name, interval, value) = series[s];
            var bars = new List<Bar>();
            for (var k = 0; k < drawn.Count; k++)
            {
                var position = drawn.Count - 1 - k + (series.Length == 1 ? 0 : (0.5 - s) * width);
                var range = interval(drawn[k]);
                bars.Add(new Bar
                {
                    Position = position, Value = value(drawn[k]), ValueBase = 0, Size = width * 0.9, FillColor = palette.GetColor(s),
                    Error = 0, Orientation = Orientation.Horizontal,
                });
                var line = plot.Add.Line(range.Min, position, range.Max, position);
                line.Color = Colors.Black;
                line.LineWidth = 2;
                max = Math.Max(max, Math.Max(range.Max, value(drawn[k])));
            }
            var barPlot = plot.Add.Bars(bars);
            barPlot.Horizontal = true;
            barPlot.LegendText = name;
        }
        for (var k = 0; k < drawn.Count; k++)
        {
            ticks.AddMajor(drawn.Count - 1 - k, drawn[k].Factor.Path);
        }
        plot.Axes.Left.TickGenerator = ticks;
        plot.Axes.Left.TickLabelStyle.FontSize = PlotFile.LegendSize;
        plot.Axes.SetLimits(0, Math.Max(max, 1e-9) * 1.08, -0.6, drawn.Count - 0.4);
        if (series.Length > 1)
        {
            plot.ShowLegend(Alignment.LowerRight);
        }
        return plot;
    }

    private static ScottPlot.Range Interval(Spiral.Numerics.Sensitivity.SensitivityInterval i) => new(Math.Max(0, i.Low), Math.Max(0, i.High));
}
