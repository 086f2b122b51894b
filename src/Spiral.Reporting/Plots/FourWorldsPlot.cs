using System.Globalization;
using ScottPlot;

namespace Spiral.Reporting.Plots;

/// <summary>
/// Jervis's four worlds (1978) as a heat map of war probability over offense advantage (x) and distinguishability
/// of offensive from defensive postures (y), with the quadrants named: offense favoured and postures
/// indistinguishable is doubly dangerous; defense favoured and distinguishable is doubly stable.
/// </summary>
public static class FourWorldsPlot
{
    /// <summary>Offense advantage above this favours the offense (1 = neutral).</summary>
    public const double NeutralOffense = 1.0;

    /// <summary>Distinguishability above this counts as "postures can be told apart".</summary>
    public const double DistinguishableFrom = 0.5;

    public static Plot Build(FourWorldsData data)
    {
        var nx = data.OffenseAdvantage.Count;
        var ny = data.Distinguishability.Count;
        if (nx < 2 || ny < 2 || data.War.GetLength(0) != nx || data.War.GetLength(1) != ny)
        {
            throw new PlotException("the four-worlds map needs a grid of at least 2 offense-advantage × 2 distinguishability values.");
        }
        var plot = PlotFile.NewPlot(data.Title, "offense advantage (1 = neutral, > 1 favours offense)",
            "distinguishability (0 = none, 1 = full)");

        // Cells sit at index positions so that uneven grids still tile; ticks show the real values.
        var cells = new double[ny, nx];
        for (var j = 0; j < ny; j++)
        {
            for (var i = 0; i < nx; i++)
            {
                cells[ny - 1 - j, i] = data.War[i, j];
            }
        }
        var map = plot.Add.Heatmap(cells);
        map.Colormap = new ScottPlot.Colormaps.Turbo();
        // The colour scale runs from 0 to the next 10% above the highest cell, so that small war probabilities still show.
        var highest = 0.0;
        foreach (var v in data.War)
        {
            highest = double.IsFinite(v) ? Math.Max(highest, v) : highest;
        }
        var scaleTop = Math.Clamp(Math.Ceiling(highest * 10 - 1e-9) / 10, 0.1, 1);
        map.ManualRange = new ScottPlot.Range(0, scaleTop);
        map.Extent = new CoordinateRect(-0.5, nx - 0.5, -0.5, ny - 0.5);
        map.NaNCellColor = Colors.LightGray;
        var bar = plot.Add.ColorBar(map);
        bar.Axis.TickLabelStyle.FontSize = PlotFile.TickSize;
        var barTicks = new ScottPlot.TickGenerators.NumericManual();
        for (var k = 0; k <= 5; k++)
        {
            var value = scaleTop * k / 5;
            barTicks.AddMajor(value, (value * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%");
        }
        bar.Axis.TickGenerator = barTicks;

        plot.Axes.Bottom.TickGenerator = Ticks(data.OffenseAdvantage);
        plot.Axes.Left.TickGenerator = Ticks(data.Distinguishability);

        // The quadrant borders, where the grid crosses them, and the four names.
        var xSplit = Position(data.OffenseAdvantage, NeutralOffense);
        var ySplit = Position(data.Distinguishability, DistinguishableFrom);
        foreach (var (split, vertical) in new[] { (xSplit, true), (ySplit, false) })
        {
            if (split > -0.5 && split < (vertical ? nx : ny) - 0.5)
            {
                var line = vertical ? (ScottPlot.Plottables.AxisLine)plot.Add.VerticalLine(split) : plot.Add.HorizontalLine(split);
                line.Color = Colors.White;
                line.LineWidth = 3;
                line.LinePattern = LinePattern.Dashed;
            }
        }
        var left = Mid(-0.5, Math.Clamp(xSplit, -0.5, nx - 0.5));
        var right = Mid(Math.Clamp(xSplit, -0.5, nx - 0.5), nx - 0.5);
        var bottom = Mid(-0.5, Math.Clamp(ySplit, -0.5, ny - 0.5));
        var top = Mid(Math.Clamp(ySplit, -0.5, ny - 0.5), ny - 0.5);
        Label(plot, "doubly stable", left, top, xSplit > -0.5 && ySplit < ny - 0.5);
        Label(plot, "offense-distinguishable", right, top, xSplit < nx - 0.5 && ySplit < ny - 0.5);
        Label(plot, "defense-indistinguishable", left, bottom, xSplit > -0.5 && ySplit > -0.5);
        Label(plot, "doubly dangerous", right, bottom, xSplit < nx - 0.5 && ySplit > -0.5);

        plot.Axes.SetLimits(-0.5, nx - 0.5, -0.5, ny - 0.5);
        return plot;
    }

    /// <summary>Taller than the other plots so the cells are close to square.</summary>
    public const int Height = 860;

    public static void Render(FourWorldsData data, string path) => PlotFile.Save(Build(data), path, PlotFile.Width, Height);

    private static void Label(Plot plot, string text, double x, double y, bool inside)
    {
        if (!inside)
        {
            return;
        }
        var label = plot.Add.Text(text, x, y);
        label.LabelFontSize = 24;
        label.LabelBold = true;
        label.LabelFontColor = Colors.Black;
        label.LabelBackgroundColor = Colors.White.WithAlpha(0.8);
        label.LabelBorderColor = Colors.Black.WithAlpha(0.5);
        label.LabelPadding = 6;
        label.LabelAlignment = Alignment.MiddleCenter;
    }

    private static double Mid(double a, double b) => (a + b) / 2;

    /// <summary>Where <paramref name="value"/> falls on the index axis of <paramref name="grid"/> (sorted ascending), interpolating between cells.</summary>
    public static double Position(IReadOnlyList<double> grid, double value)
    {
        if (value <= grid[0])
        {
            return grid.Count > 1 && grid[1] > grid[0] ? -(grid[0] - value) / (grid[1] - grid[0]) : -0.5;
        }
        for (var k = 1; k < grid.Count; k++)
        {
            if (value <= grid[k])
            {
                return k - 1 + (value - grid[k - 1]) / (grid[k] - grid[k - 1]);
            }
        }
        var n = grid.Count;
        return n - 1 + (value - grid[n - 1]) / (grid[n - 1] - grid[n - 2]);
    }

    private static ScottPlot.TickGenerators.NumericManual Ticks(IReadOnlyList<double> values)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        var step = Math.Max(1, (int)Math.Ceiling(values.Count / 11.0));
        for (var k = 0; k < values.Count; k += step)
        {
            ticks.AddMajor(k, values[k].ToString("0.##", CultureInfo.InvariantCulture));
        }
        return ticks;
    }
}
