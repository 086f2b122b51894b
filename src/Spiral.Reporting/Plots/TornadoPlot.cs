using System.Globalization;
using ScottPlot;
using Spiral.Experiments.Counterfactuals;
using Spiral.Experiments.Metrics;

namespace Spiral.Reporting.Plots;

/// <summary>
/// Counterfactual effects as a tornado chart: one bar per outcome, the paired difference (treated − baseline) as a
/// percentage of the baseline mean so that outcomes in different units share one axis, with its 95% interval,
/// sorted by magnitude (largest on top). Each bar is also labelled with the raw difference and interval.
/// Outcomes whose baseline mean is zero have no relative effect and are listed under the chart instead.
/// </summary>
public static class TornadoPlot
{
    public static TornadoData From(ComparisonResult result) =>
        new(result.Scenario, result.Intervention, result.Runs,
            result.Outcomes.Select(o => new TornadoBar(o.Outcome.Name, o.Baseline, o.Difference)).ToList());

    /// <summary>Draws the effects of a paired comparison to a PNG or SVG file (by extension).</summary>
    public static void Render(ComparisonResult result, string path) => Render(From(result), path);

    public static void Render(TornadoData data, string path)
    {
        var plot = Build(data);
        PlotFile.Save(plot, path, PlotFile.Width, HeightFor(data));
    }

    public static int HeightFor(TornadoData data) => Math.Max(PlotFile.Height, 200 + 60 * Math.Max(1, Drawn(data).Count));

    /// <summary>The outcomes drawn (baseline mean not zero), largest relative effect first.</summary>
    public static IReadOnlyList<TornadoBar> Drawn(TornadoData data) =>
        data.Bars.Where(b => Math.Abs(b.Baseline) > 1e-12)
            .OrderByDescending(b => Math.Abs(Relative(b, b.Difference.Mean)))
            .ThenBy(b => b.Outcome, StringComparer.Ordinal)
            .ToList();

    public static Plot Build(TornadoData data)
    {
        var drawn = Drawn(data);
        if (drawn.Count == 0)
        {
            throw new PlotException("no counterfactual outcome with a non-zero baseline to draw.");
        }
        var plot = PlotFile.NewPlot($"Effect of {data.Intervention}, {data.Scenario} ({data.Runs.ToString("N0", CultureInfo.InvariantCulture)} paired runs)",
            "change relative to baseline (%), 95% interval", "");
        var down = new ScottPlot.Palettes.Category10().GetColor(0);
        var up = new ScottPlot.Palettes.Category10().GetColor(1);
        var bars = new List<Bar>();
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        var xs = new double[drawn.Count];
        var ys = new double[drawn.Count];
        var lo = new double[drawn.Count];
        var hi = new double[drawn.Count];
        for (var k = 0; k < drawn.Count; k++)
        {
            var b = drawn[k];
            var position = drawn.Count - 1 - k;
            var mean = Relative(b, b.Difference.Mean);
            var low = Relative(b, b.Difference.Low);
            var high = Relative(b, b.Difference.High);
            (low, high) = (Math.Min(low, high), Math.Max(low, high));
            bars.Add(new Bar { Position = position, Value = mean, ValueBase = 0, FillColor = mean < 0 ? down : up, Size = 0.7 });
            ticks.AddMajor(position, OutcomeRegistry.LabelOf(b.Outcome));
            xs[k] = mean;
            ys[k] = position;
            lo[k] = mean - low;
            hi[k] = high - mean;
        }
        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        var errors = new ScottPlot.Plottables.ErrorBar(xs, ys, null, null, null, null)
        {
            XErrorNegative = lo,
            XErrorPositive = hi,
            Color = Colors.Black,
            LineWidth = 3,
            CapSize = 14,
        };
        plot.Add.Plottable(errors);
        var extent = Enumerable.Range(0, drawn.Count).Max(k => Math.Max(Math.Abs(xs[k] - lo[k]), Math.Abs(xs[k] + hi[k])));
        extent = Math.Max(extent, 1);
        // The raw paired difference, its interval and the baseline, in a column right of the plot (the right axis's labels).
        var raw = new ScottPlot.TickGenerators.NumericManual();
        for (var k = 0; k < drawn.Count; k++)
        {
            raw.AddMajor(ys[k], RawLabel(drawn[k]));
        }
        plot.Axes.Right.TickGenerator = raw;
        plot.Axes.Right.TickLabelStyle.FontSize = 17;
        plot.Axes.Right.Label.Text = "difference [95% interval] from baseline";
        plot.Axes.Right.Label.FontSize = 17;
        var zero = plot.Add.VerticalLine(0);
        zero.Color = Colors.Black;
        zero.LineWidth = 2;
        plot.Axes.Left.TickGenerator = ticks;
        plot.Axes.Left.TickLabelStyle.FontSize = PlotFile.LegendSize;
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => v.ToString("+0;-0;0", CultureInfo.InvariantCulture) + "%" };
        plot.Axes.SetLimits(-extent * 1.08, extent * 1.08, -0.6, drawn.Count - 0.4);
        plot.Axes.SetLimitsY(-0.6, drawn.Count - 0.4, plot.Axes.Right);
        var skipped = data.Bars.Where(b => Math.Abs(b.Baseline) <= 1e-12).Select(b => OutcomeRegistry.LabelOf(b.Outcome)).ToList();
        if (skipped.Count > 0)
        {
            plot.XLabel($"change relative to baseline (%), 95% interval. Baseline 0, not shown: {string.Join(", ", skipped)}", PlotFile.TickSize);
        }
        return plot;
    }

    private static double Relative(TornadoBar b, double value) => 100 * value / Math.Abs(b.Baseline);

    private static string RawLabel(TornadoBar b) => string.Create(CultureInfo.InvariantCulture,
        $"{Signed(b.Difference.Mean)} [{Number(b.Difference.Low)}, {Number(b.Difference.High)}] from {Number(b.Baseline)}");

    /// <summary>A number for people: about three significant digits, thousands separated, never "-0" or an exponent above 0.001.</summary>
    public static string Number(double v)
    {
        var a = Math.Abs(v);
        if (double.IsNaN(v))
        {
            return "n/a";
        }
        if (a < 1e-12)
        {
            return "0";
        }
        var format = a >= 1000 ? "#,0" : a >= 100 ? "0.#" : a >= 10 ? "0.##" : a >= 1 ? "0.###" : a >= 0.001 ? "0.####" : "G3";
        var text = v.ToString(format, CultureInfo.InvariantCulture);
        return text is "-0" ? "0" : text;
    }

    private static string Signed(double v) => v > 0 && Math.Abs(v) >= 1e-12 ? "+" + Number(v) : Number(v);
}
