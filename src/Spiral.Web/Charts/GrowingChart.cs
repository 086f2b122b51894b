using System.Globalization;

namespace Spiral.Web.Charts;

/// <summary>One line (or the bars) of a <see cref="GrowingChart"/>: a value per step of the whole run.</summary>
public sealed record GrowingSeries(string Name, string Color, IReadOnlyList<double> Values);

/// <summary>A tick of an axis: where (in the chart's coordinates) and its label.</summary>
public sealed record AxisTick(double At, string Label);

/// <summary>
/// A plot of a watched run as plain SVG, in the coordinates of <see cref="ViewBox"/>: the axes are fixed for the whole
/// run, and the page draws the lines (or bars) up to the step shown, so a step adds a point to each line instead of
/// re-laying out a Plotly figure (Plotly took about 30 ms a plot per step on our 2-core machine).
/// </summary>
public sealed class GrowingChart
{
    public const string ViewBox = "0 0 600 300";
    public const double Width = 600, Height = 300, Left = 64, Right = 14, Top = 62, Bottom = 44;

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public GrowingChart(string title, string yTitle, IReadOnlyList<int> years, IReadOnlyList<GrowingSeries> series, double yMax, bool bars = false)
    {
        Title = title;
        YTitle = yTitle;
        Years = years;
        Series = series;
        YMax = yMax;
        Bars = bars;
        var yStep = NiceStep(yMax / 5);
        YTicks = Enumerable.Range(0, (int)Math.Floor(yMax / yStep + 1e-9) + 1)
            .Select(k => new AxisTick(Y(k * yStep), (k * yStep).ToString("0.###", Inv))).ToList();
        var xStep = (int)NiceStep(Math.Max(1, years.Count / 8.0));
        XTicks = Enumerable.Range(0, years.Count).Where(t => (years[t] - years[0]) % xStep == 0)
            .Select(t => new AxisTick(X(t), years[t].ToString(Inv))).ToList();
    }

    public string Title { get; }
    public string YTitle { get; }
    public IReadOnlyList<int> Years { get; }
    public IReadOnlyList<GrowingSeries> Series { get; }
    public double YMax { get; }
    public bool Bars { get; }
    public IReadOnlyList<AxisTick> XTicks { get; }
    public IReadOnlyList<AxisTick> YTicks { get; }

    /// <summary>The horizontal position of step <paramref name="step"/>: each year in the middle of its slot.</summary>
    public double X(int step) => Left + (step + 0.5) / Years.Count * (Width - Left - Right);

    /// <summary>The vertical position of <paramref name="value"/> (0 at the bottom axis, <see cref="YMax"/> at the top).</summary>
    public double Y(double value) => Height - Bottom - Math.Clamp(value / YMax, 0, 1) * (Height - Top - Bottom);

    /// <summary>Where the legend entry of series <paramref name="k"/> starts: side by side over the plot, at most 150 apart.</summary>
    public double LegendX(int k) => Left + k * Math.Min(150, (Width - Left - Right) / Math.Max(1, Series.Count));

    /// <summary>The width of a bar: seven tenths of a year's slot.</summary>
    public double BarWidth => 0.7 * (Width - Left - Right) / Years.Count;

    /// <summary>An SVG polyline's points for series <paramref name="k"/> from step 0 to <paramref name="step"/>.</summary>
    public string Points(int k, int step) =>
        string.Join(" ", Enumerable.Range(0, step + 1).Select(t => $"{Svg.N(X(t))},{Svg.N(Y(Series[k].Values[t]))}"));

    /// <summary>A value as the chart's tooltips print it.</summary>
    public string Hover(int k, int step) => string.Create(Inv, $"{Series[k].Name}, {Years[step]}: {Series[k].Values[step]:0.###}");


    /// <summary>1, 2 or 5 times a power of ten, the smallest at least <paramref name="rough"/>.</summary>
    public static double NiceStep(double rough)
    {
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var unit = rough / power;
        return power * (unit <= 1 + 1e-9 ? 1 : unit <= 2 + 1e-9 ? 2 : unit <= 5 + 1e-9 ? 5 : 10);
    }
}
