using System.Globalization;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using Spiral.Experiments.Counterfactuals;
using Spiral.Web.ViewModels;
using ScatterLine = Plotly.Blazor.Traces.ScatterLib.Line;
using ScatterMarker = Plotly.Blazor.Traces.ScatterLib.Marker;

namespace Spiral.Web.Charts;

/// <summary>Turns explorer results into Plotly charts (presentation only: every number comes from Spiral.IO).</summary>
public static class ChartFactory
{
    /// <summary>Okabe-Ito colours, readable by colour-blind students and on a projector.</summary>
    public static readonly string[] Palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#7F3C8D", "#333333"];

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Color(int k) => Palette[k % Palette.Length];

    private static string Fill(int k)
    {
        var c = Palette[k % Palette.Length];
        var r = Convert.ToInt32(c[1..3], 16);
        var g = Convert.ToInt32(c[3..5], 16);
        var b = Convert.ToInt32(c[5..7], 16);
        return $"rgba({r},{g},{b},0.15)";
    }

    private static List<object> Objects<T>(IEnumerable<T> values) => values.Select(v => (object)v!).ToList();

    public static Layout BaseLayout(string title, string xTitle, string yTitle, int height = 380) => new()
    {
        Title = new Title { Text = title, Font = new Plotly.Blazor.LayoutLib.TitleLib.Font { Size = 20 } },
        Height = height,
        Font = new Font { Size = 15, Family = "Segoe UI, DejaVu Sans, Arial, sans-serif" },
        Margin = new Margin { L = 70, R = 20, T = 60, B = 60 },
        PaperBgColor = "white",
        PlotBgColor = "white",
        XAxis = [new XAxis { Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = xTitle }, GridColor = "#e5e5e5" }],
        YAxis = [new YAxis { Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = yTitle }, GridColor = "#e5e5e5" }],
    };

    /// <summary>Median lines with 10th-90th percentile bands over runs, one colour per state.</summary>
    public static ChartSpec Bands(string title, string yTitle, IReadOnlyList<int> years, IReadOnlyList<Band> bands, double scale = 1)
    {
        var data = new List<ITrace>();
        var x = Objects(years);
        for (var k = 0; k < bands.Count; k++)
        {
            var b = bands[k];
            data.Add(new Scatter
            {
                X = x, Y = Objects(b.P10.Select(v => v * scale)), Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines,
                Line = new ScatterLine { Width = 0, Color = Color(k) }, ShowLegend = false, LegendGroup = b.Name, Name = b.Name + " p10",
                HoverInfo = Plotly.Blazor.Traces.ScatterLib.HoverInfoFlag.Skip,
            });
            data.Add(new Scatter
            {
                X = x, Y = Objects(b.P90.Select(v => v * scale)), Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines,
                Line = new ScatterLine { Width = 0, Color = Color(k) }, Fill = Plotly.Blazor.Traces.ScatterLib.FillEnum.ToNextY,
                FillColor = Fill(k), ShowLegend = false, LegendGroup = b.Name, Name = b.Name + " p90",
                HoverInfo = Plotly.Blazor.Traces.ScatterLib.HoverInfoFlag.Skip,
            });
            data.Add(new Scatter
            {
                X = x, Y = Objects(b.P50.Select(v => v * scale)), Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines,
                Line = new ScatterLine { Width = 3, Color = Color(k) }, Name = b.Name, LegendGroup = b.Name,
            });
        }
        return new ChartSpec(data, BaseLayout(title, "year", yTitle));
    }

    /// <summary>The mean belief one state holds about each rival, year by year.</summary>
    public static ChartSpec Beliefs(string holder, IReadOnlyList<int> years, IEnumerable<BeliefSeries> series)
    {
        var data = new List<ITrace>();
        var k = 0;
        foreach (var s in series.Where(s => s.Holder == holder))
        {
            data.Add(new Scatter
            {
                X = Objects(years), Y = Objects(s.Mean), Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines,
                Line = new ScatterLine { Width = 3, Color = Color(k++) }, Name = $"about {s.About}",
            });
        }
        var layout = BaseLayout($"What {holder} believes: P(rival is greedy)", "year", "mean belief over runs");
        layout.YAxis[0].Range = [0, 1];
        return new ChartSpec(data, layout);
    }

    /// <summary>
    /// The probability that the model has started a war by each year, that the model has a crisis in that year, and
    /// (when the scenario scripts any) that the timeline has one: history, drawn apart.
    /// </summary>
    public static ChartSpec WarAndCrisis(IReadOnlyList<int> years, IReadOnlyList<double> war, IReadOnlyList<double> crisis,
        IReadOnlyList<double>? scriptedCrisis = null)
    {
        var data = new List<ITrace>
        {
            new Scatter { X = Objects(years), Y = Objects(war), Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines, Name = "war by this year (model)",
                Line = new ScatterLine { Width = 3, Color = "#B2182B" } },
            new Scatter { X = Objects(years), Y = Objects(crisis), Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines, Name = "crisis in this year (model)",
                Line = new ScatterLine { Width = 3, Color = "#E69F00", Dash = "dot" } },
        };
        var top = Math.Max(war.DefaultIfEmpty().Max(), crisis.DefaultIfEmpty().Max());
        if (scriptedCrisis is not null && scriptedCrisis.Any(v => v > 0))
        {
            data.Add(new Scatter { X = Objects(years), Y = Objects(scriptedCrisis), Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Markers,
                Name = "crisis from the timeline (history)", Marker = new ScatterMarker { Size = 9, Color = "#555555" } });
            top = Math.Max(top, scriptedCrisis.Max());
        }
        var layout = BaseLayout("War and crisis probabilities", "year", "share of runs");
        layout.YAxis[0].Range = [0, Math.Max(0.05, Math.Min(1, top * 1.15))];
        return new ChartSpec(data, layout);
    }

    /// <summary>The share of runs whose most serious crisis reached each rung of Kahn's ladder.</summary>
    public static ChartSpec Rungs(IReadOnlyList<RungShare> rungs)
    {
        var data = new List<ITrace>
        {
            new Bar
            {
                X = Objects(rungs.Select(r => r.Rung)), Y = Objects(rungs.Select(r => r.Share)), Name = "runs",
                HoverTextArray = rungs.Select(r => (r.Rung == 0 ? "no crisis" : $"rung {r.Rung}: {r.Name} ({r.Group})")).ToList(),
                Marker = new Plotly.Blazor.Traces.BarLib.Marker { Color = "#7F3C8D" },
            },
        };
        return new ChartSpec(data, BaseLayout("Highest rung reached (Kahn's ladder)", "rung (0 = no crisis)", "share of runs"));
    }

    /// <summary>A belief that the other is greedy as a colour: green (trust) through amber to red (fear).</summary>
    public static string BeliefColor(double b)
    {
        b = Math.Clamp(b, 0, 1);
        (int R, int G, int B) lo = (26, 152, 80), mid = (254, 224, 139), hi = (215, 48, 39);
        var (a, c, t) = b < 0.5 ? (lo, mid, b / 0.5) : (mid, hi, (b - 0.5) / 0.5);
        int Mix(int x, int y) => (int)Math.Round(x + (y - x) * t);
        return $"rgb({Mix(a.R, c.R)},{Mix(a.G, c.G)},{Mix(a.B, c.B)})";
    }

    /// <summary>States on a circle, labelled with their names; each dyad an edge coloured by the two states' mean final belief that the other is greedy.</summary>
    public static ChartSpec Network(IReadOnlyList<string> states, IReadOnlyList<NetworkEdge> edges, IReadOnlyList<double>? security = null)
    {
        var n = states.Count;
        var pos = new Dictionary<string, (double X, double Y)>(StringComparer.OrdinalIgnoreCase);
        for (var k = 0; k < n; k++)
        {
            var angle = Math.PI / 2 - 2 * Math.PI * k / n;
            pos[states[k]] = (Math.Cos(angle), Math.Sin(angle));
        }
        var data = new List<ITrace>();
        foreach (var e in edges)
        {
            var (ax, ay) = pos[e.A];
            var (bx, by) = pos[e.B];
            data.Add(new Scatter
            {
                X = [ax, bx], Y = [ay, by], Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines, ShowLegend = false,
                Line = new ScatterLine { Width = (decimal)(2 + 10 * e.MutualBelief), Color = BeliefColor(e.MutualBelief) },
                Name = $"{e.A}–{e.B}", HoverInfo = Plotly.Blazor.Traces.ScatterLib.HoverInfoFlag.Name,
            });
        }
        // hover points at the edges' midpoints tell both beliefs
        data.Add(new Scatter
        {
            X = Objects(edges.Select(e => (pos[e.A].X + pos[e.B].X) / 2)),
            Y = Objects(edges.Select(e => (pos[e.A].Y + pos[e.B].Y) / 2)),
            Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Markers, ShowLegend = false,
            Marker = new ScatterMarker { Size = 10, Color = Objects(edges.Select(e => BeliefColor(e.MutualBelief))) },
            HoverTextArray = edges.Select(e => string.Create(Inv,
                $"{e.A} thinks {e.B} greedy: {e.BeliefAB:P0}<br>{e.B} thinks {e.A} greedy: {e.BeliefBA:P0}")).ToList(),
            HoverInfo = Plotly.Blazor.Traces.ScatterLib.HoverInfoFlag.Text, Name = "beliefs",
        });
        data.Add(new Scatter
        {
            X = Objects(states.Select(s => pos[s].X)), Y = Objects(states.Select(s => pos[s].Y)),
            Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Markers | Plotly.Blazor.Traces.ScatterLib.ModeFlag.Text,
            // the names sit outside the circle: above the upper nodes, below the lower ones (one text, never both Text and TextArray: Plotly.Blazor then drops the names)
            TextArray = states.ToList(),
            TextPositionArray = states.Select(s => (Plotly.Blazor.Traces.ScatterLib.TextPositionEnum?)(pos[s].Y < -1e-9 ? Plotly.Blazor.Traces.ScatterLib.TextPositionEnum.BottomCenter
                : Plotly.Blazor.Traces.ScatterLib.TextPositionEnum.TopCenter)).ToList(),
            TextFont = new Plotly.Blazor.Traces.ScatterLib.TextFont { Size = 16 },
            Marker = new ScatterMarker { Size = 28, Color = "#0072B2", Line = new Plotly.Blazor.Traces.ScatterLib.MarkerLib.Line { Color = "white", Width = 2 } },
            HoverTextArray = states.Select((s, k) => (security is null ? s : string.Create(Inv, $"{s}: final security {security[k]:F2}"))).ToList(),
            HoverInfo = Plotly.Blazor.Traces.ScatterLib.HoverInfoFlag.Text, ShowLegend = false, Name = "states",
        });
        var layout = BaseLayout("Who fears whom at the end", "", "", 420);
        layout.XAxis[0].Visible = false;
        layout.YAxis[0].Visible = false;
        layout.XAxis[0].Range = [-1.4, 1.4];
        layout.YAxis[0].Range = [-1.45, 1.35];
        layout.Annotations =
        [
            new Annotation { Text = "green: trust · amber: doubt · red: believes the other greedy", ShowArrow = false,
                XRef = "paper", YRef = "paper", X = 0.5, Y = -0.05, Font = new Plotly.Blazor.LayoutLib.AnnotationLib.Font { Size = 14, Color = "#555" } },
        ];
        return new ChartSpec(data, layout);
    }

    /// <summary>
    /// The four-worlds heat map of one of <see cref="FourWorldsGrid.MapOutcomes"/>, with Jervis's quadrant labels. The
    /// colour scale runs from 0 to <paramref name="scaleMax"/> when given (a fixed scale, so maps can be compared), else
    /// to the largest cell.
    /// </summary>
    public static ChartSpec FourWorlds(FourWorldsGrid grid, Spiral.Experiments.Metrics.Outcome? outcome = null, double? scaleMax = null)
    {
        var shown = outcome ?? FourWorldsGrid.MapOutcomes[0];
        var probability = shown.Kind == Spiral.Experiments.Metrics.OutcomeKind.Indicator;
        string F(double v) => v.ToString(probability ? "P0" : "0.##", Inv);
        var betas = grid.OffenseAdvantages;
        var omegas = grid.Distinguishabilities;
        var z = new List<object>();
        var hover = new List<object>();
        for (var r = 0; r < omegas.Count; r++)
        {
            var row = new List<object>();
            var hrow = new List<object>();
            for (var c = 0; c < betas.Count; c++)
            {
                var cell = grid.Cells[r * betas.Count + c];
                var e = cell.Of(shown);
                row.Add(e.Mean);
                hrow.Add(string.Create(Inv, $"β {cell.OffenseAdvantage}, ω {cell.Distinguishability}: {shown.Label} {F(e.Mean)} [{F(e.Low)}, {F(e.High)}]"));
            }
            z.Add(row);
            hover.Add(hrow);
        }
        var labels = betas.Select(b => b.ToString("0.##", Inv)).ToList();
        var data = new List<ITrace>
        {
            new HeatMap
            {
                X = Objects(labels), Y = Objects(omegas.Select(o => o.ToString("0.##", Inv))), Z = z, ZMin = 0,
                ZMax = (decimal)(scaleMax ?? Math.Max(probability ? 0.05 : 0.1, grid.Cells.Max(c => c.Of(shown).Mean))),
                ColorScale = new List<object> { new object[] { 0, "#ffffe5" }, new object[] { 0.35, "#fec44f" }, new object[] { 0.7, "#ec7014" }, new object[] { 1, "#99000d" } }, HoverInfo = Plotly.Blazor.Traces.HeatMapLib.HoverInfoFlag.Text,
                ColorBar = new Plotly.Blazor.Traces.HeatMapLib.ColorBar { Title = new Plotly.Blazor.Traces.HeatMapLib.ColorBarLib.Title { Text = probability ? "P" : "per run" }, TickFormat = probability ? ".0%" : "" },
            },
        };
        ((HeatMap)data[0]).HoverText = hover;
        var layout = BaseLayout($"{Capital(shown.Label)}, {grid.RunsPerCell} runs per cell ({grid.Scenario}{(scaleMax is null ? "" : ", fixed scale")})",
            "offense advantage β (right: offense favoured)", "distinguishability ω (up: postures readable)", 560);
        layout.XAxis[0].Type = Plotly.Blazor.LayoutLib.XAxisLib.TypeEnum.Category;
        layout.YAxis[0].Type = Plotly.Blazor.LayoutLib.YAxisLib.TypeEnum.Category;
        var left = 0.25;
        var right = 0.75;
        Annotation Label(string text, double x, double y) => new()
        {
            Text = $"<b>{text}</b>", ShowArrow = false, XRef = "paper", YRef = "paper", X = x, Y = y,
            BgColor = "rgba(255,255,255,0.85)", BorderColor = "#333", BorderWidth = 1, Font = new Plotly.Blazor.LayoutLib.AnnotationLib.Font { Size = 14, Color = "#111" },
        };
        layout.Annotations =
        [
            Label("Doubly dangerous", right, 0.1),
            Label("Security dilemma, but<br>requirements compatible", left, 0.1),
            Label("No security dilemma,<br>but aggression possible", right, 0.9),
            Label("Doubly stable", left, 0.9),
        ];
        // dashed lines at the neutral offense balance and the middle of distinguishability
        var split = betas.Count(b => b <= FourWorldsGrid.NeutralOffense) - 0.5;
        var mid = omegas.Count(o => o < FourWorldsGrid.MiddleDistinguishability) - 0.5;
        layout.Shapes =
        [
            new Shape { Type = Plotly.Blazor.LayoutLib.ShapeLib.TypeEnum.Line, X0 = split, X1 = split, Y0 = -0.5, Y1 = omegas.Count - 0.5,
                Line = new Plotly.Blazor.LayoutLib.ShapeLib.Line { Color = "#111", Width = 2, Dash = "dash" } },
            new Shape { Type = Plotly.Blazor.LayoutLib.ShapeLib.TypeEnum.Line, X0 = -0.5, X1 = betas.Count - 0.5, Y0 = mid, Y1 = mid,
                Line = new Plotly.Blazor.LayoutLib.ShapeLib.Line { Color = "#111", Width = 2, Dash = "dash" } },
        ];
        return new ChartSpec(data, layout);
    }

    /// <summary>
    /// Paired differences (treated − baseline) with their 95% intervals, one chart per outcome unit (probabilities,
    /// counts per run, rungs, …; the ensemble ratios as one more), so every axis has one unit and a difference of 0.02
    /// in a probability is not drawn beside a difference of 3 in a count. In unit order of first appearance.
    /// </summary>
    public static IReadOnlyList<(string Unit, ChartSpec Spec)> Differences(ComparisonResult result, string difference = "treated − baseline")
    {
        var rows = result.Outcomes.Select(o => (Unit: o.Outcome.Unit, o.Outcome.Label, o.Difference))
            .Concat(result.Ratios.Select(r => (Unit: "ratio (over all runs)", r.Ratio.Label, r.Difference)));
        return rows.GroupBy(r => r.Unit)
            .Select(g => (g.Key, DifferenceChart(result.Intervention, difference, g.Key, g.Select(r => (r.Label, r.Difference)).ToList())))
            .ToList();
    }

    private static ChartSpec DifferenceChart(string intervention, string difference, string unit, IReadOnlyList<(string Label, Spiral.Numerics.Statistics.Estimate Difference)> rows)
    {
        var names = rows.Select(r => Wrap(r.Label, 26)).ToList();
        var segX = new List<object?>();
        var segY = new List<object?>();
        foreach (var (r, name) in rows.Zip(names))
        {
            segX.Add(r.Difference.Low); segX.Add(r.Difference.High); segX.Add(null);
            segY.Add(name); segY.Add(name); segY.Add(null);
        }
        var data = new List<ITrace>
        {
            new Scatter { X = segX!, Y = segY!, Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines, Name = "95% interval",
                Line = new ScatterLine { Width = 4, Color = "#56B4E9" }, ShowLegend = false },
            new Scatter { X = Objects(rows.Select(r => r.Difference.Mean)), Y = Objects(names), Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Markers,
                Name = "mean difference", Marker = new ScatterMarker { Size = 12, Color = "#0072B2" }, ShowLegend = false },
        };
        var layout = BaseLayout($"{intervention}: {unit}", $"{difference} ({unit})", "", 150 + 44 * rows.Count);
        layout.Title.Font.Size = 16;
        layout.Margin = new Margin { L = 10, R = 20, T = 50, B = 60 };
        layout.YAxis[0].AutoMargin = Plotly.Blazor.LayoutLib.YAxisLib.AutoMarginFlag.Left;
        layout.YAxis[0].AutoRange = Plotly.Blazor.LayoutLib.YAxisLib.AutoRangeEnum.Reversed;
        layout.Shapes =
        [
            new Shape { Type = Plotly.Blazor.LayoutLib.ShapeLib.TypeEnum.Line, X0 = 0, X1 = 0, Y0 = 0, Y1 = 1, YRef = "paper",
                Line = new Plotly.Blazor.LayoutLib.ShapeLib.Line { Color = "#B2182B", Width = 2, Dash = "dash" } },
        ];
        return new ChartSpec(data, layout);
    }

    /// <summary>
    /// The A/B page's two distributions of one run outcome over the same seeds, overlaid as histograms (share of runs;
    /// Plotly bins both arms alike), with each arm's mean as a dashed line.
    /// </summary>
    public static ChartSpec Distributions(string label, string unit, IReadOnlyList<double> a, IReadOnlyList<double> b, double meanA, double meanB)
    {
        // an outcome defined only for some runs (e.g. the step of the first war) is NaN elsewhere: those runs are not drawn
        a = a.Where(double.IsFinite).ToList();
        b = b.Where(double.IsFinite).ToList();
        var data = new List<ITrace>
        {
            new Histogram { X = Objects(a), Name = "A", Opacity = 0.55m, BinGroup = "ab", HistNorm = Plotly.Blazor.Traces.HistogramLib.HistNormEnum.Probability,
                Marker = new Plotly.Blazor.Traces.HistogramLib.Marker { Color = Color(0) } },
            new Histogram { X = Objects(b), Name = "B", Opacity = 0.55m, BinGroup = "ab", HistNorm = Plotly.Blazor.Traces.HistogramLib.HistNormEnum.Probability,
                Marker = new Plotly.Blazor.Traces.HistogramLib.Marker { Color = Color(1) } },
        };
        var layout = BaseLayout($"{Capital(label)}: A and B on the same seeds", unit, "share of runs", 340);
        layout.Title.Font.Size = 16;
        layout.BarMode = Plotly.Blazor.LayoutLib.BarModeEnum.Overlay;
        layout.Shapes = new[] { (meanA, 0), (meanB, 1) }.Where(m => double.IsFinite(m.Item1))
            .Select(m => new Shape { Type = Plotly.Blazor.LayoutLib.ShapeLib.TypeEnum.Line, X0 = m.Item1, X1 = m.Item1, Y0 = 0, Y1 = 1, YRef = "paper",
                Line = new Plotly.Blazor.LayoutLib.ShapeLib.Line { Color = Color(m.Item2), Width = 2, Dash = "dash" } }).ToList();
        return new ChartSpec(data, layout);
    }

    /// <summary>Lines up to the current year on an x axis fixed to the whole game, so the lines grow year by year (the classroom's seat and debrief charts).</summary>
    public static ChartSpec Growing(string title, string yTitle, IReadOnlyList<int> years, IEnumerable<(string Name, IReadOnlyList<double> Values)> series,
        double scale = 1, double? yMax = null)
    {
        var data = new List<ITrace>();
        var k = 0;
        foreach (var (name, values) in series)
        {
            data.Add(new Scatter
            {
                X = Objects(years.Take(values.Count)), Y = Objects(values.Select(v => v * scale)),
                Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines | Plotly.Blazor.Traces.ScatterLib.ModeFlag.Markers,
                Line = new ScatterLine { Width = 3, Color = Color(k) }, Marker = new ScatterMarker { Size = 6, Color = Color(k) }, Name = name,
            });
            k++;
        }
        var layout = BaseLayout(title, "year", yTitle, 320);
        layout.XAxis[0].Range = [years[0] - 0.5, years[^1] + 0.5];
        if (yMax is { } max)
        {
            layout.YAxis[0].Range = [0, max];
        }
        return new ChartSpec(data, layout);
    }


    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    /// <summary>A label broken into lines of at most about <paramref name="width"/> characters for an axis (Plotly's &lt;br&gt;).</summary>
    public static string Wrap(string text, int width)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = line.Length == 0 ? word : line + " " + word;
            }
        }
        lines.Add(line);
        return string.Join("<br>", lines);
    }
}
