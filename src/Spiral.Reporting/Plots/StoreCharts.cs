using System.Data.Common;
using System.Globalization;
using Spiral.Core.Recording;
using Spiral.Experiments.Metrics;
using Spiral.Experiments.Sensitivity;
using Spiral.IO.Store;
using Spiral.Numerics.Statistics;
using S = Spiral.IO.Store.StoreSchema;

namespace Spiral.Reporting.Plots;

/// <summary>The plot kinds <c>spiral plot</c> draws from a results store.</summary>
public static class PlotKinds
{
    public const string Trajectories = "trajectories";
    public const string Beliefs = "beliefs";
    public const string WarVsParameter = "war-vs-parameter";
    public const string FourWorlds = "four-worlds";
    public const string Tornado = "tornado";
    public const string Sensitivity = "sensitivity";

    public static readonly IReadOnlyList<string> All = [Trajectories, Beliefs, WarVsParameter, FourWorlds, Tornado, Sensitivity];
}

/// <summary>
/// Reads the data of each plot from a results store (docs/reference/results-store.md) through the methods of
/// <see cref="ResultsReader"/>, and draws it. Opening checks that the file exists and is a Spiral store; every query says clearly when the
/// data a plot needs is absent. Read-only: nothing is computed here that the store does not hold.
/// </summary>
public sealed class StoreCharts : IDisposable
{
    /// <summary>Milex is in the scenario's GDP unit; scenario files state it in a comment, so the axis says so.</summary>
    public const string MilexUnit = "scenario GDP units";

    private readonly ResultsReader _reader;

    private StoreCharts(ResultsReader reader, StoredExperiment experiment, IReadOnlyList<string> states)
    {
        _reader = reader;
        Experiment = experiment;
        States = states;
    }

    public StoredExperiment Experiment { get; }

    /// <summary>State names by index.</summary>
    public IReadOnlyList<string> States { get; }

    public ResultsReader Reader => _reader;

    /// <summary>Opens a results store, or throws a <see cref="PlotException"/> saying why it cannot be read (<see cref="StoreIntegrity"/>).</summary>
    public static StoreCharts Open(string path)
    {
        ResultsReader? reader = null;
        try
        {
            reader = ResultsReader.Open(path);
            var experiment = reader.Experiment();
            var charts = new StoreCharts(reader, experiment, reader.States());
            reader = null;
            return charts;
        }
        catch (FileNotFoundException)
        {
            throw new PlotException($"'{path}': no such file.");
        }
        catch (ResultsStoreException ex)
        {
            throw new PlotException(ex.Message);
        }
        catch (Exception ex) when (ex is DbException or InvalidDataException or InvalidCastException)
        {
            throw new PlotException($"'{path}' is not a Spiral results store: {FirstLine(ex.Message)}");
        }
        finally
        {
            reader?.Dispose();
        }
    }

    private SensitivityResult? _sensitivity;

    public void Dispose() => _reader.Dispose();

    public long Runs => _reader.RunCount();

    /// <summary>Index of a state by name (case-insensitive), or a <see cref="PlotException"/> naming the states.</summary>
    public int StateIndex(string name)
    {
        for (var i = 0; i < States.Count; i++)
        {
            if (string.Equals(States[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        throw new PlotException($"--state {name}: no such state in this store; states: {string.Join(", ", States)}.");
    }

    /// <summary>Median and 10th–90th percentile of milex and security per year and state, over the runs with per-step series.</summary>
    public TrajectoryData Trajectories(string? state = null)
    {
        int? only = state is null ? null : StateIndex(state);
        var rows = _reader.Trajectories(only);
        if (rows.Count == 0)
        {
            throw new PlotException("this store has no per-step series (table series is empty; was the sweep run with --series none?), so no trajectories can be drawn.");
        }
        var milex = new List<TrajectoryBand>();
        var security = new List<TrajectoryBand>();
        foreach (var g in rows.GroupBy(x => x.State).OrderBy(g => g.Key))
        {
            var name = Name(g.Key);
            var years = g.Select(x => (double)x.Year).ToArray();
            milex.Add(new TrajectoryBand(name, years, g.Select(x => x.MilexMedian).ToArray(), g.Select(x => x.MilexP10).ToArray(), g.Select(x => x.MilexP90).ToArray()));
            security.Add(new TrajectoryBand(name, years, g.Select(x => x.SecurityMedian).ToArray(), g.Select(x => x.SecurityP10).ToArray(), g.Select(x => x.SecurityP90).ToArray()));
        }
        var runs = (int)rows.Max(x => x.Runs);
        return new TrajectoryData(ScenarioLabel(), runs, MilexUnit, milex, security);
    }

    /// <summary>Mean belief of each observer about each other state per year, over the runs with detail.</summary>
    public BeliefData Beliefs(string? observer = null)
    {
        int? only = observer is null ? null : StateIndex(observer);
        var rows = _reader.BeliefBands(observer: only);
        var curves = rows.Where(x => x.Observer != x.Target).GroupBy(x => (x.Observer, x.Target)).OrderBy(g => g.Key.Observer).ThenBy(g => g.Key.Target)
            .Select(g => new BeliefCurve(Name(g.Key.Observer), Name(g.Key.Target), g.Select(x => (double)x.Year).ToArray(), g.Select(x => x.Mean).ToArray()))
            .ToList();
        if (curves.Count == 0)
        {
            throw new PlotException("this store has no beliefs (table beliefs is empty; was the sweep run with --series none?), so beliefs cannot be drawn.");
        }
        return new BeliefData(ScenarioLabel(), (int)rows.Max(x => x.Runs), curves);
    }

    /// <summary>The sweep's axes; a <see cref="PlotException"/> when the store is not a sweep.</summary>
    public IReadOnlyList<StoredAxis> Axes() => _reader.Axes();

    /// <summary>War probability by the values of one swept parameter (averaged over the other axes), with Wilson 95% intervals.</summary>
    public WarVsParameterData WarVsParameter(string? parameter)
    {
        var axes = Axes();
        if (axes.Count == 0)
        {
            throw new PlotException("this store has no swept parameter (it is not a sweep), so war probability cannot be drawn against one.");
        }
        StoredAxis axis;
        if (parameter is null)
        {
            if (axes.Count > 1)
            {
                throw new PlotException($"this sweep has {axes.Count} axes; choose one with --parameter: {string.Join(", ", axes.Select(a => a.Path))}.");
            }
            axis = axes[0];
        }
        else
        {
            axis = axes.FirstOrDefault(a => a.Path == parameter)
                ?? axes.FirstOrDefault(a => string.Equals(a.Path, parameter, StringComparison.OrdinalIgnoreCase))
                ?? throw new PlotException($"--parameter {parameter}: not an axis of this sweep; axes: {string.Join(", ", axes.Select(a => a.Path))}.");
        }
        var points = new List<ParameterPoint>();
        var labels = new List<string>();
        foreach (var (at, k) in _reader.OutcomeBy(OutcomeRegistry.HadWar, axis.Path).Select((at, k) => (at, k)))
        {
            points.Add(new ParameterPoint(at.NumericValue ?? k, new Estimate(at.Mean, at.Low, at.High), (int)at.Runs));
            labels.Add(at.Value);
        }
        if (points.Count == 0)
        {
            throw new PlotException($"this store has no finished runs with a value of {axis.Path}.");
        }
        var others = axes.Count > 1 ? string.Join(", ", axes.Where(a => a != axis).Select(a => a.Path)) : null;
        return new WarVsParameterData($"War probability by {axis.Path}, {Experiment.Name}", axis.Path, points,
            axis.Numeric ? null : labels, others);
    }

    /// <summary>The four-worlds grid: war probability over offense advantage × distinguishability.</summary>
    public FourWorldsData FourWorlds()
    {
        var axes = Axes();
        var offense = axes.FirstOrDefault(a => a.Numeric && a.Path.EndsWith("offenseAdvantage", StringComparison.OrdinalIgnoreCase));
        var dist = axes.FirstOrDefault(a => a.Numeric && a.Path.EndsWith("distinguishability", StringComparison.OrdinalIgnoreCase));
        if (offense is null || dist is null)
        {
            throw new PlotException("this store has no offense-advantage × distinguishability axes (sweep world.offenseAdvantage and world.distinguishability, e.g. sweeps/four-worlds.yaml), so the four-worlds map cannot be drawn.");
        }
        var cells = _reader.OutcomeGrid(OutcomeRegistry.HadWar, offense.Path, dist.Path);
        var xs = cells.Select(c => c.X).Distinct().Order().ToArray();
        var ys = cells.Select(c => c.Y).Distinct().Order().ToArray();
        if (xs.Length < 2 || ys.Length < 2)
        {
            throw new PlotException($"the four-worlds map needs at least 2 values of each axis; this store has {xs.Length} × {ys.Length}.");
        }
        var war = new double[xs.Length, ys.Length];
        for (var i = 0; i < xs.Length; i++)
        {
            for (var j = 0; j < ys.Length; j++)
            {
                war[i, j] = double.NaN;
            }
        }
        foreach (var c in cells)
        {
            war[Array.BinarySearch(xs, c.X), Array.BinarySearch(ys, c.Y)] = c.Mean;
        }
        var perPoint = (int)cells.Min(c => c.Runs);
        return new FourWorldsData($"P(war in a run) in Jervis's four worlds, {Experiment.Name} ({perPoint}+ runs a cell)", xs, ys, war, perPoint);
    }

    /// <summary>Stored paired comparisons, one tornado per intervention.</summary>
    public IReadOnlyList<TornadoData> Tornadoes()
    {
        var rows = HasTable(S.Comparisons.Table) ? _reader.Comparisons() : [];
        if (rows.Count == 0)
        {
            throw new PlotException("this store has no paired comparisons (table comparisons is empty); write them with `spiral compare SCENARIO --intervention SPEC --out FILE.duckdb`.");
        }
        return rows.GroupBy(c => c.Intervention)
            .Select(g => new TornadoData(Experiment.ScenarioName, g.Key, g.Max(c => c.Runs),
                g.Select(c => new TornadoBar(c.Outcome, c.Baseline, new Estimate(c.Difference, c.Low, c.High))).ToList()))
            .ToList();
    }

    /// <summary>The stored sensitivity analysis (<c>spiral sensitivity --out</c>), read once (the report's table and chart share it).</summary>
    public SensitivityResult Sensitivity() =>
        _sensitivity ??= _reader.Sensitivity() ?? throw new PlotException(
            "this store holds no sensitivity analysis (no table sensitivity); write one with `spiral sensitivity SCENARIO --out FILE.duckdb`.");

    /// <summary>Draws one kind of plot from the store to a PNG or SVG file (by extension); nothing is written when the data is absent.</summary>
    public void Render(string kind, string path, string? state = null, string? parameter = null)
    {
        PlotFile.CheckPath(path);
        var (panels, height) = Panels(kind, state, parameter);
        PlotFile.Save(panels, path, PlotFile.Width, height);
    }

    /// <summary>The plot(s) of one kind and the height of each panel.</summary>
    public (IReadOnlyList<ScottPlot.Plot> Panels, int Height) Panels(string kind, string? state = null, string? parameter = null)
    {
        switch (kind)
        {
            case PlotKinds.Trajectories:
                return (TrajectoryPlot.Panels(Trajectories(state)), PlotFile.Height);
            case PlotKinds.Beliefs:
                return ([BeliefPlot.Build(Beliefs(state))], PlotFile.Height);
            case PlotKinds.WarVsParameter:
                return ([WarVsParameterPlot.Build(WarVsParameter(parameter))], PlotFile.Height);
            case PlotKinds.FourWorlds:
                return ([FourWorldsPlot.Build(FourWorlds())], FourWorldsPlot.Height);
            case PlotKinds.Tornado:
                var tornadoes = Tornadoes();
                return (tornadoes.Select(TornadoPlot.Build).ToList(), tornadoes.Max(TornadoPlot.HeightFor));
            case PlotKinds.Sensitivity:
                var sensitivity = Sensitivity();
                return ([SensitivityPlot.Build(sensitivity)], SensitivityPlot.HeightFor(sensitivity));
            default:
                throw new PlotException($"--kind {kind}: expected one of {string.Join(", ", PlotKinds.All)}.");
        }
    }

    public bool HasTable(string table) => _reader.HasTable(table);

    /// <summary>The scenario's name, saying when the runs of several sweep points are pooled.</summary>
    private string ScenarioLabel() =>
        Experiment.Points > 1 ? $"{Experiment.ScenarioName}, {Experiment.Points} sweep points pooled" : Experiment.ScenarioName;

    private string Name(int state) => state >= 0 && state < States.Count ? States[state] : "state " + state.ToString(CultureInfo.InvariantCulture);

    private static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.Length == 0 ? "it could not be opened" : line;
    }
}
