using Spiral.Numerics.Statistics;

namespace Spiral.Reporting.Plots;

/// <summary>One state's trajectory over an ensemble: per year the median over runs and the 10th–90th percentile band.</summary>
public sealed record TrajectoryBand(string State, IReadOnlyList<double> Years, IReadOnlyList<double> Median,
    IReadOnlyList<double> P10, IReadOnlyList<double> P90);

/// <summary>Milex and security trajectories of every state of one scenario's ensemble.</summary>
/// <param name="Scenario">Scenario name, shown in the title.</param>
/// <param name="Runs">Number of runs the bands summarize.</param>
/// <param name="MilexUnit">What one unit of military spending is (the scenario's GDP unit), shown on the axis.</param>
/// <param name="Milex">Military spending bands, one per state.</param>
/// <param name="Security">Security bands, one per state.</param>
public sealed record TrajectoryData(string Scenario, int Runs, string MilexUnit,
    IReadOnlyList<TrajectoryBand> Milex, IReadOnlyList<TrajectoryBand> Security);

/// <summary>The mean over runs of what <paramref name="Observer"/> believes about <paramref name="About"/> (the probability that it is greedy), per year.</summary>
public sealed record BeliefCurve(string Observer, string About, IReadOnlyList<double> Years, IReadOnlyList<double> Mean);

public sealed record BeliefData(string Scenario, int Runs, IReadOnlyList<BeliefCurve> Curves);

/// <summary>War probability at one value of a swept parameter, with its 95% interval and the runs behind it.</summary>
public sealed record ParameterPoint(double Value, Estimate War, int Runs);

/// <summary>War probability at each value of one swept parameter.</summary>
/// <param name="Title">The chart's title.</param>
/// <param name="Parameter">The parameter's path, e.g. <c>world.offenseAdvantage</c>.</param>
/// <param name="Points">One point per value.</param>
/// <param name="Categories">For a non-numeric parameter (e.g. a policy name): the label of each point, whose <see cref="ParameterPoint.Value"/> is then its index.</param>
/// <param name="Pooled">When the sweep has other axes, what was pooled over them (shown in the legend).</param>
public sealed record WarVsParameterData(string Title, string Parameter, IReadOnlyList<ParameterPoint> Points,
    IReadOnlyList<string>? Categories = null, string? Pooled = null);

/// <summary>
/// War probability over the grid of offense advantage × distinguishability (Jervis 1978).
/// <c>War[i, j]</c> is at <c>OffenseAdvantage[i]</c> and <c>Distinguishability[j]</c>; NaN marks a point without runs.
/// </summary>
public sealed record FourWorldsData(string Title, IReadOnlyList<double> OffenseAdvantage, IReadOnlyList<double> Distinguishability,
    double[,] War, int RunsPerPoint);

/// <summary>One counterfactual outcome: its baseline mean and the paired difference (treated − baseline) with its 95% interval.</summary>
public sealed record TornadoBar(string Outcome, double Baseline, Estimate Difference);

public sealed record TornadoData(string Scenario, string Intervention, int Runs, IReadOnlyList<TornadoBar> Bars);

/// <summary>A plot cannot be drawn or saved: bad output path or extension, or the data it needs is absent. The message says which.</summary>
public sealed class PlotException(string message) : Exception(message);
