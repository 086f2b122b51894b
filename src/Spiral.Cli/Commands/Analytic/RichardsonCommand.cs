using System.CommandLine;
using Spiral.Analytic.Richardson;
using static Spiral.Cli.Commands.Analytic.AnalyticCli;

namespace Spiral.Cli.Commands.Analytic;

/// <summary><c>spiral richardson solve|fit</c>: Richardson's (1960) arms-race equations.</summary>
internal static class RichardsonCommand
{
    public static Command Create()
    {
        var command = new Command("richardson", "Richardson's arms race: dx/dt = k*y - a*x + g, dy/dt = l*x - b*y + h (Richardson 1960).");
        command.Subcommands.Add(Solve());
        command.Subcommands.Add(Fit());
        return command;
    }

    private static string RegimeNumeral(RichardsonRegime regime) => regime switch
    {
        RichardsonRegime.StableBalance => "I",
        RichardsonRegime.Disarmament => "II",
        RichardsonRegime.RunawayRace => "III",
        _ => "IV",
    };

    private static string RegimeText(RichardsonRegime regime) => regime switch
    {
        RichardsonRegime.StableBalance => "stable balance",
        RichardsonRegime.Disarmament => "disarmament",
        RichardsonRegime.RunawayRace => "runaway race",
        _ => "saddle: race or disarmament depending on the side of the dividing line",
    };

    private static Command Solve()
    {
        var a = Number("--a", "Fatigue (cost) coefficient of x, >= 0.");
        var b = Number("--b", "Fatigue (cost) coefficient of y, >= 0.");
        var k = Number("--k", "Reaction (defence) coefficient of x to y, >= 0.");
        var l = Number("--l", "Reaction (defence) coefficient of y to x, >= 0.");
        var g = Number("--g", "Grievance of x (negative: goodwill).");
        var h = Number("--h", "Grievance of y (negative: goodwill).");
        var x0 = Number("--x0", "Initial armament of x.", defaultValue: 0);
        var y0 = Number("--y0", "Initial armament of y.", defaultValue: 0);
        var t = Number("--t", "Time at which to report the state, >= 0.", defaultValue: 40);
        var json = JsonOption();
        var plot = PlotOption("x(t) and y(t) from 0 to --t");
        var command = new Command("solve", "Equilibrium, eigenvalues, stability, regime and the state at time t (closed form, checked by Runge-Kutta).");
        foreach (var o in new Option[] { a, b, k, l, g, h, x0, y0, t, json, plot })
        {
            command.Options.Add(o);
        }
        command.SetAction(parse => Guard(() =>
        {
            var model = new RichardsonModel(parse.GetValue(a), parse.GetValue(b), parse.GetValue(k), parse.GetValue(l), parse.GetValue(g), parse.GetValue(h));
            var (time, sx, sy) = (parse.GetValue(t), parse.GetValue(x0), parse.GetValue(y0));
            var exact = model.StateAt(time, sx, sy);
            var numeric = model.Integrate(time, sx, sy, step: Math.Min(1e-2, Math.Max(time, 1e-9) / 1000));
            var (larger, smaller) = model.Eigenvalues;
            var eq = model.Equilibrium;
            var line = model.Separatrix;
            var tendency = model.Tendency(sx, sy) switch
            {
                1 => "runaway race",
                -1 => "disarmament",
                0 => "on the dividing line",
                _ => null,
            };
            if (parse.GetValue(plot) is { } file)
            {
                var path = model.Trajectory(time, sx, sy);
                var chart = new ScottPlot.Plot();
                var ts = path.Select(p => p.T).ToArray();
                chart.Add.ScatterLine(ts, path.Select(p => p.State.X).ToArray()).LegendText = "x";
                chart.Add.ScatterLine(ts, path.Select(p => p.State.Y).ToArray()).LegendText = "y";
                chart.Title($"Richardson arms race: regime {RegimeNumeral(model.Regime)} ({RegimeText(model.Regime)})");
                chart.XLabel("time");
                chart.YLabel("armaments");
                chart.ShowLegend();
                SavePlot(chart, file);
            }
            if (parse.GetValue(json))
            {
                WriteJson(parse, new
                {
                    parameters = new { a = model.A, b = model.B, k = model.K, l = model.L, g = model.G, h = model.H },
                    equilibrium = eq is { } e ? new { x = e.X, y = e.Y } : null,
                    eigenvalues = new[] { larger, smaller },
                    determinant = model.Determinant,
                    stable = model.IsStable,
                    regime = RegimeNumeral(model.Regime),
                    regimeName = RegimeText(model.Regime),
                    dividingLine = line is { } d ? new { through = new { x = d.Through.X, y = d.Through.Y }, direction = new { x = d.Direction.X, y = d.Direction.Y } } : null,
                    tendency,
                    t = time,
                    x0 = sx,
                    y0 = sy,
                    x = exact.X,
                    y = exact.Y,
                    xNumeric = numeric.X,
                    yNumeric = numeric.Y,
                });
                return ExitCodes.Ok;
            }
            var table = NewTable("quantity", "value");
            AddRow(table, "equilibrium (x*, y*)", eq is { } q ? $"({Format(q.X)}, {Format(q.Y)})" : "none (ab = kl)");
            AddRow(table, "eigenvalues", $"{Format(larger)}, {Format(smaller)}");
            AddRow(table, "ab - kl", model.Determinant);
            AddRow(table, "stable (ab > kl)", model.IsStable);
            AddRow(table, "regime", $"{RegimeNumeral(model.Regime)}: {RegimeText(model.Regime)}");
            if (line is { } dl)
            {
                AddRow(table, "dividing line", $"through ({Format(dl.Through.X)}, {Format(dl.Through.Y)}) along ({Format(dl.Direction.X)}, {Format(dl.Direction.Y)})");
                AddRow(table, $"from ({Format(sx)}, {Format(sy)})", tendency);
            }
            AddRow(table, $"x({Format(time)}), y({Format(time)}) closed form", $"{Format(exact.X)}, {Format(exact.Y)}");
            AddRow(table, $"x({Format(time)}), y({Format(time)}) Runge-Kutta", $"{Format(numeric.X)}, {Format(numeric.Y)}");
            Write(parse, table);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Fit()
    {
        var file = new Argument<string>("file") { Description = "CSV file: wide (a year column and one column per series) or long (stateabb,year,value as in the COW data)." };
        var x = new Option<string>("--x") { Description = "Column(s) summed into side x, comma-separated (e.g. FRN,RUS).", Required = true, HelpName = "COLS" };
        var y = new Option<string>("--y") { Description = "Column(s) summed into side y, comma-separated (e.g. GMY,AUH).", Required = true, HelpName = "COLS" };
        var year = new Option<string>("--year") { Description = "Name of the year column.", DefaultValueFactory = _ => "year", HelpName = "COL" };
        var from = new Option<int?>("--from") { Description = "First year to use." };
        var to = new Option<int?>("--to") { Description = "Last year to use." };
        var scale = Number("--scale", "Multiply every value by this (e.g. 0.001 for thousands to millions).", defaultValue: 1);
        var value = new Option<string?>("--value") { Description = "Value column of a long CSV (default: the first numeric column).", HelpName = "COL" };
        var sum = new Option<bool>("--sum") { Description = "Richardson's sum reduction: regress the yearly increase of x+y on the mid-year totals." };
        var json = JsonOption();
        var plot = PlotOption("the data and the fitted line");
        var command = new Command("fit", "Least-squares fit of Richardson's coefficients, or his sum reduction, to yearly series. Discretisation: x(t+1) - x(t) = k*mean(y) - a*mean(x) + g with means over the two years.");
        command.Arguments.Add(file);
        foreach (var o in new Option[] { x, y, year, from, to, scale, value, sum, json, plot })
        {
            command.Options.Add(o);
        }
        command.SetAction(parse => Guard(() =>
        {
            var path = parse.GetValue(file)!;
            var text = CliPaths.ReadInput(path, $"a CSV file with a '{parse.GetValue(year)}' column");
            var series = ArmsSeriesCsv.Parse(new StringReader(text), Path.GetFileName(path), SplitList(parse.GetValue(x), "--x"),
                SplitList(parse.GetValue(y), "--y"), parse.GetValue(year)!, parse.GetValue(from), parse.GetValue(to), parse.GetValue(scale),
                parse.GetValue(value));
            var years = new { first = series.Years[0], last = series.Years[^1] };
            return parse.GetValue(sum) ? WriteSum(parse, series, years, parse.GetValue(json), parse.GetValue(plot))
                : WriteFit(parse, series, years, parse.GetValue(json), parse.GetValue(plot));
        }));
        return command;
    }

    private const string Discretisation = "x(t+1) - x(t) = k*(y(t)+y(t+1))/2 - a*(x(t)+x(t+1))/2 + g (ordinary least squares)";

    private static int WriteSum(ParseResult parse, ArmsSeries series, object years, bool json, string? plotFile)
    {
        var r = RichardsonFit.SumReduction(series.X, series.Y);
        if (plotFile is not null)
        {
            var chart = new ScottPlot.Plot();
            var mids = r.MidTotals.ToArray();
            chart.Add.ScatterPoints(mids, r.Increments.ToArray()).LegendText = "yearly increase of x+y";
            var lo = Math.Min(mids.Min(), r.ZeroCrossing);
            var hi = mids.Max();
            chart.Add.Line(lo, r.Slope.Value * lo + r.Intercept.Value, hi, r.Slope.Value * hi + r.Intercept.Value).LegendText =
                $"{Format(r.Slope.Value)} (x+y) {(r.Intercept.Value < 0 ? "-" : "+")} {Format(Math.Abs(r.Intercept.Value))}";
            chart.Title("Richardson's sum reduction");
            chart.XLabel("x + y (mid-year)");
            chart.YLabel("increase of x + y per year");
            chart.ShowLegend();
            SavePlot(chart, plotFile);
        }
        if (json)
        {
            WriteJson(parse, new
            {
                years,
                observations = r.Observations,
                slope = r.Slope.Value,
                slopeStandardError = Finite(r.Slope.StandardError),
                intercept = r.Intercept.Value,
                interceptStandardError = Finite(r.Intercept.StandardError),
                zeroCrossing = Finite(r.ZeroCrossing),
                r2 = Finite(r.RSquared),
                stable = r.Slope.Value < 0,
                totals = series.X.Zip(series.Y, (a, b) => a + b),
            });
            return ExitCodes.Ok;
        }
        var table = NewTable("quantity", "value", "standard error");
        AddRow(table, "slope (per year)", r.Slope.Value, r.Slope.StandardError);
        AddRow(table, "intercept", r.Intercept.Value, r.Intercept.StandardError);
        AddRow(table, "zero crossing", r.ZeroCrossing, null);
        AddRow(table, "R²", r.RSquared, null);
        AddRow(table, "observations (year pairs)", r.Observations, null);
        AddRow(table, "reading", r.Slope.Value > 0 ? "slope > 0: stimulation outweighs fatigue, unstable" : "slope <= 0: fatigue outweighs stimulation, stable", null);
        Write(parse, table);
        return ExitCodes.Ok;
    }

    private static int WriteFit(ParseResult parse, ArmsSeries series, object years, bool json, string? plotFile)
    {
        var f = RichardsonFit.Fit(series.X, series.Y);
        if (plotFile is not null)
        {
            var chart = new ScottPlot.Plot();
            var yrs = series.Years.Select(v => (double)v).ToArray();
            chart.Add.ScatterLine(yrs, series.X.ToArray()).LegendText = "x";
            chart.Add.ScatterLine(yrs, series.Y.ToArray()).LegendText = "y";
            chart.Title($"Fitted: k={Format(Math.Round(f.X.Reaction.Value, 3))}, a={Format(Math.Round(f.X.Fatigue.Value, 3))}, l={Format(Math.Round(f.Y.Reaction.Value, 3))}, b={Format(Math.Round(f.Y.Fatigue.Value, 3))}");
            chart.XLabel("year");
            chart.YLabel("armaments");
            chart.ShowLegend();
            SavePlot(chart, plotFile);
        }
        if (json)
        {
            WriteJson(parse, new
            {
                years,
                discretisation = Discretisation,
                observations = f.X.Observations,
                k = f.X.Reaction.Value,
                kStandardError = Finite(f.X.Reaction.StandardError),
                a = f.X.Fatigue.Value,
                aStandardError = Finite(f.X.Fatigue.StandardError),
                g = f.X.Grievance.Value,
                gStandardError = Finite(f.X.Grievance.StandardError),
                l = f.Y.Reaction.Value,
                lStandardError = Finite(f.Y.Reaction.StandardError),
                b = f.Y.Fatigue.Value,
                bStandardError = Finite(f.Y.Fatigue.StandardError),
                h = f.Y.Grievance.Value,
                hStandardError = Finite(f.Y.Grievance.StandardError),
                r2X = Finite(f.X.RSquared),
                r2Y = Finite(f.Y.RSquared),
            });
            return ExitCodes.Ok;
        }
        var table = NewTable("coefficient", "estimate", "standard error");
        AddRow(table, "k (reaction of x)", f.X.Reaction.Value, f.X.Reaction.StandardError);
        AddRow(table, "a (fatigue of x)", f.X.Fatigue.Value, f.X.Fatigue.StandardError);
        AddRow(table, "g (grievance of x)", f.X.Grievance.Value, f.X.Grievance.StandardError);
        AddRow(table, "l (reaction of y)", f.Y.Reaction.Value, f.Y.Reaction.StandardError);
        AddRow(table, "b (fatigue of y)", f.Y.Fatigue.Value, f.Y.Fatigue.StandardError);
        AddRow(table, "h (grievance of y)", f.Y.Grievance.Value, f.Y.Grievance.StandardError);
        AddRow(table, "R² (x, y)", $"{Format(f.X.RSquared)}, {Format(f.Y.RSquared)}", null);
        AddRow(table, "discretisation", Discretisation, null);
        Write(parse, table);
        return ExitCodes.Ok;
    }
}
