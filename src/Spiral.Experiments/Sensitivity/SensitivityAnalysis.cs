using System.Globalization;
using Spiral.Core.Parameters;
using Spiral.Core.Scenarios;
using Spiral.Experiments.Definitions;
using Spiral.Experiments.Metrics;
using Spiral.Experiments.Running;
using Spiral.Numerics.Sensitivity;

namespace Spiral.Experiments.Sensitivity;

public enum SensitivityMethod
{
    /// <summary>Variance-based indices on Saltelli's design (Sobol 1993; Saltelli et al. 2010).</summary>
    Sobol,

    /// <summary>Elementary-effect screening (Morris 1991; Campolongo et al. 2007).</summary>
    Morris,
}

/// <summary>A constant varied by the analysis, over [<paramref name="Min"/>, <paramref name="Max"/>].</summary>
public sealed record SensitivityFactor(string Path, double Min, double Max, bool Integer)
{
    /// <summary>The factor's value at unit coordinate <paramref name="u"/> in [0, 1]: uniform over the range (integers rounded).</summary>
    public double At(double u)
    {
        var value = Min + u * (Max - Min);
        return Integer ? Math.Clamp(Math.Round(value), Min, Max) : value;
    }
}

/// <summary>The output the analysis attributes: a run outcome's mean over a point's runs, or a ratio of sums.</summary>
public sealed class SensitivityOutput
{
    private readonly Outcome? _outcome;
    private readonly OutcomeRatio? _ratio;

    private SensitivityOutput(Outcome? outcome, OutcomeRatio? ratio)
    {
        _outcome = outcome;
        _ratio = ratio;
    }

    /// <summary>P(a crisis reaches use of force or war): the default output.</summary>
    public static SensitivityOutput Default { get; } = new(null, OutcomeRegistry.ForceOrWarGivenCrisis);

    public string Name => _outcome?.Name ?? _ratio!.Name;

    public string Label => _outcome?.Label ?? _ratio!.Label;

    /// <summary>The run outcome or ratio of the registry named <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No run outcome or ratio has that name.</exception>
    public static SensitivityOutput Of(string name)
    {
        if (OutcomeRegistry.Find(name) is { } outcome)
        {
            return new SensitivityOutput(outcome, null);
        }
        if (OutcomeRegistry.Ratios.FirstOrDefault(r => r.Name == name) is { } ratio)
        {
            return new SensitivityOutput(null, ratio);
        }
        throw new ArgumentException($"unknown outcome '{name}'; expected a run outcome or ratio of the registry (docs/reference/outcomes.md), e.g. "
            + $"{OutcomeRegistry.ForceOrWarGivenCrisis.Name} or {OutcomeRegistry.HadWar.Name}");
    }

    internal IReadOnlyList<Outcome> Needed => _outcome is { } o ? [o] : [.. _ratio!.Numerators, _ratio.Denominator];

    /// <summary>A run's value as (y, x): the outcome and 1, or the ratio's summed numerators and its denominator.</summary>
    internal (double Y, double X) Split(ReadOnlySpan<double> values)
    {
        if (_outcome is not null)
        {
            return (values[0], 1);
        }
        double y = 0;
        for (var k = 0; k < values.Length - 1; k++)
        {
            y += values[k];
        }
        return (y, values[^1]);
    }

    /// <summary>
    /// The sampling variance of a point's output from its runs' moments (Σy, Σy², Σx², Σxy): s²/R for a mean; for a
    /// ratio of sums r = Σy/Σx the delta method, Σ(y − r x)² / (R(R − 1) x̄²) (Cochran 1977, ch. 6).
    /// </summary>
    internal double SamplingVariance(ReadOnlySpan<double> m, double sumX, double value, int runs)
    {
        if (runs < 2)
        {
            return 0;
        }
        if (_outcome is not null)
        {
            return Math.Max(0, (m[1] - m[0] * m[0] / runs) / (runs - 1) / runs);
        }
        var meanX = sumX / runs;
        if (meanX <= 0)
        {
            return 0;
        }
        var residual = m[1] - 2 * value * m[3] + value * value * m[2];
        return Math.Max(0, residual / (runs * (runs - 1.0) * meanX * meanX));
    }

    /// <summary>The output of a point from the sums of <see cref="Needed"/> over its <paramref name="runs"/> runs.</summary>
    internal double Of(ReadOnlySpan<double> sums, int runs)
    {
        if (_outcome is not null)
        {
            return sums[0] / runs;
        }
        double numerator = 0;
        for (var k = 0; k < sums.Length - 1; k++)
        {
            numerator += sums[k];
        }
        return _ratio!.Of(numerator, sums[^1]);
    }
}

/// <summary>What to analyse and how much to run.</summary>
/// <param name="Method">Sobol indices or Morris screening.</param>
/// <param name="Samples">Sobol: N, the rows of each base matrix (N·(d + 2) points). Morris: r, the trajectories (r·(d + 1) points).</param>
/// <param name="RunsPerPoint">Runs of the scenario at each point; every point uses the same run indices (common random numbers).</param>
/// <param name="Seed">The master seed of the design, the runs and the bootstrap.</param>
/// <param name="Bootstrap">Bootstrap replicates behind each interval.</param>
/// <param name="Level">The confidence level of the intervals.</param>
public sealed record SensitivityOptions(SensitivityMethod Method, int Samples, int RunsPerPoint, ulong Seed, int Bootstrap = 1000, double Level = 0.95)
{
    /// <summary>The most points one analysis may run unless the caller allows more.</summary>
    public const long MaxRuns = 50_000_000;
}

/// <summary>One factor's result; Sobol fields or Morris fields are set, by method.</summary>
public sealed record SensitivityFactorResult(
    SensitivityFactor Factor,
    SensitivityInterval? First = null,
    SensitivityInterval? Total = null,
    SensitivityInterval? MuStar = null,
    double? Mu = null,
    double? Sigma = null);

/// <summary>The analysis of one output.</summary>
/// <param name="Scenario">The scenario's name.</param>
/// <param name="Output">The outcome or ratio analysed (its registry name).</param>
/// <param name="OutputLabel">Its label.</param>
/// <param name="Options">What was run.</param>
/// <param name="Points">Design points.</param>
/// <param name="Runs">Runs in all: points × runs per point.</param>
/// <param name="OutputMean">The output's mean over the design points.</param>
/// <param name="OutputVariance">Its variance over the design points.</param>
/// <param name="Factors">Each factor's indices, in the order given.</param>
/// <param name="NoiseShare">
/// The share of the output's variance over the design that is Monte Carlo noise of a point's finite runs (the mean of
/// each point's sampling variance, over the variance across points). Noise inflates total indices; near 1 the indices
/// say little, and more runs per point are needed.
/// </param>
public sealed record SensitivityResult(
    string Scenario,
    string Output,
    string OutputLabel,
    SensitivityOptions Options,
    long Points,
    long Runs,
    double OutputMean,
    double OutputVariance,
    double NoiseShare,
    IReadOnlyList<SensitivityFactorResult> Factors)
{
    /// <summary>The output at each design point (the value the estimators were given), in point order.</summary>
    public IReadOnlyList<double> PointOutputs { get; init; } = [];

    /// <summary>Each design point's factor values, point-major: point p's value of factor i is at p·d + i.</summary>
    public IReadOnlyList<double> PointValues { get; init; } = [];

    /// <summary>Factors from most to least influential: by total index (Sobol) or μ* (Morris).</summary>
    public IEnumerable<SensitivityFactorResult> Ranked =>
        Factors.OrderByDescending(f => f.Total?.Estimate ?? f.MuStar?.Estimate ?? 0);
}

/// <summary>
/// Global sensitivity analysis of a scenario's outcome to the model's constants (Saltelli et al. 2008): each factor
/// ranges uniformly over its interval, a Sobol (Saltelli) or Morris design picks the points, the scenario runs
/// <see cref="SensitivityOptions.RunsPerPoint"/> times at each point through the one <see cref="ExperimentRunner"/>,
/// and the per-point output feeds the estimators of <see cref="Spiral.Numerics.Sensitivity"/>.
/// By default the factors are every real constant of the model (<c>model.*</c>) over ± half its default value,
/// clipped to its valid range: the catalog's ranges are validity bounds, far wider than plausible values.
/// </summary>
public static class SensitivityAnalysis
{
    /// <summary>The relative half-width of a factor's default range around its default value.</summary>
    public const double DefaultRelativeSpread = 0.5;

    /// <summary>
    /// The factors named by <paramref name="patterns"/>: each a catalog path or a glob (<c>model.crisis*</c>), with an
    /// optional range (<c>model.warCost=0.05:0.3</c>). No pattern: every real model constant with a non-zero default.
    /// </summary>
    /// <exception cref="ArgumentException">A pattern that matches nothing, a malformed range, or a range outside the valid one.</exception>
    public static IReadOnlyList<SensitivityFactor> Factors(Scenario scenario, IReadOnlyList<string> patterns)
    {
        if (patterns.Count == 0)
        {
            return ParameterCatalog.Of(ParameterScope.Model)
                .Where(p => p.Type == ParameterType.Real && p.Default is > 0)
                .Select(p => AroundDefault(p, ParameterCatalog.Get(scenario, p.Path)))
                .ToList();
        }
        var factors = new List<SensitivityFactor>();
        foreach (var raw in patterns)
        {
            var eq = raw.IndexOf('=');
            var pattern = (eq < 0 ? raw : raw[..eq]).Trim();
            var matches = Candidates().Where(p => Glob(pattern, p.Path)).ToList();
            if (matches.Count == 0)
            {
                throw new ArgumentException($"'{pattern}' names no world or model constant; expected a path such as model.warCost or a glob such as model.crisis* (see `spiral params`)");
            }
            foreach (var p in matches)
            {
                if (factors.Any(f => f.Path == p.Path))
                {
                    continue;
                }
                var current = ParameterCatalog.Get(scenario, p.Path);
                factors.Add(eq < 0 ? AroundDefault(p, current) : Explicit(p, raw[(eq + 1)..], raw));
            }
        }
        return factors;
    }

    /// <summary>
    /// Runs the design and estimates the indices of every factor. The runs execute on <c>executor</c> when one is given
    /// (e.g. a cluster), else on this machine with <c>runner</c>'s options.
    /// </summary>
    public static SensitivityResult Run(Scenario scenario, IReadOnlyList<SensitivityFactor> factors, SensitivityOutput output,
        SensitivityOptions options, RunnerOptions? runner = null, bool allowLarge = false, CancellationToken cancel = default,
        IProgress<long>? progress = null, IExperimentExecutor? executor = null)
    {
        var experiment = new SensitivityExperiment(scenario, factors, options, allowLarge);
        var points = (long)experiment.PointCount;
        var runs = experiment.TotalRuns();
        var sobol = experiment.Sobol;
        var morris = experiment.Morris;
        var needed = output.Needed;
        var sums = new double[points * needed.Count];
        // Per point: Σy, Σy², Σx², Σxy of the run values (y the output or the ratio's numerator, x its denominator).
        var moments = new double[points * 4];
        var values = new double[needed.Count];
        var sink = RunSinks.Of(run =>
        {
            for (var k = 0; k < needed.Count; k++)
            {
                values[k] = needed[k].Of(run.Summary);
                sums[run.Point * needed.Count + k] += values[k];
            }
            var (y, x) = output.Split(values);
            var m = moments.AsSpan(run.Point * 4, 4);
            m[0] += y;
            m[1] += y * y;
            m[2] += x * x;
            m[3] += x * y;
        });
        (executor ?? new LocalExecutor(runner ?? RunnerOptions.Default)).Execute(experiment, sink, cancel, progress);
        var outputs = new double[points];
        double noise = 0;
        for (var p = 0; p < points; p++)
        {
            outputs[p] = output.Of(sums.AsSpan(p * needed.Count, needed.Count), options.RunsPerPoint);
            noise += output.SamplingVariance(moments.AsSpan(p * 4, 4), sums[p * needed.Count + needed.Count - 1], outputs[p], options.RunsPerPoint);
        }
        var mean = outputs.Average();
        var variance = outputs.Sum(y => (y - mean) * (y - mean)) / Math.Max(1, outputs.Length - 1);
        var noiseShare = variance > 0 ? Math.Min(1, noise / points / variance) : 0;
        IReadOnlyList<SensitivityFactorResult> results;
        if (sobol is not null)
        {
            var r = sobol.Analyse(outputs, options.Bootstrap, options.Level, options.Seed);
            results = factors.Select((f, i) => new SensitivityFactorResult(f, First: r.Factors[i].First, Total: r.Factors[i].Total)).ToList();
        }
        else
        {
            var r = morris!.Analyse(outputs, options.Bootstrap, options.Level, options.Seed);
            results = factors.Select((f, i) => new SensitivityFactorResult(f, MuStar: r.Factors[i].MuStarInterval, Mu: r.Factors[i].Mu,
                Sigma: r.Factors[i].Sigma)).ToList();
        }
        var d = factors.Count;
        var pointValues = new double[points * d];
        var unit = new double[d];
        for (var p = 0; p < points; p++)
        {
            experiment.Unit(p, unit);
            for (var i = 0; i < d; i++)
            {
                pointValues[p * d + i] = factors[i].At(unit[i]);
            }
        }
        return new SensitivityResult(scenario.Name, output.Name, output.Label, options, points, runs, mean, variance, noiseShare, results)
        {
            PointOutputs = outputs,
            PointValues = pointValues,
        };
    }

    private static IEnumerable<ParameterInfo> Candidates() =>
        ParameterCatalog.Of(ParameterScope.World).Concat(ParameterCatalog.Of(ParameterScope.Model)).Where(p => p.Type != ParameterType.Name);

    private static SensitivityFactor AroundDefault(ParameterInfo p, double current)
    {
        var spread = Math.Abs(current) * DefaultRelativeSpread;
        var min = Math.Max(p.Min, current - spread);
        var max = Math.Min(p.Max, current + spread);
        if (p.Type == ParameterType.Integer)
        {
            min = Math.Ceiling(min);
            max = Math.Floor(max);
        }
        return new SensitivityFactor(p.Path, Inside(p, min, true), Inside(p, max, false), p.Type == ParameterType.Integer);
    }

    private static SensitivityFactor Explicit(ParameterInfo p, string range, string raw)
    {
        var colon = range.IndexOf(':');
        if (colon < 0
            || !double.TryParse(range[..colon], NumberStyles.Float, CultureInfo.InvariantCulture, out var min)
            || !double.TryParse(range[(colon + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var max)
            || !double.IsFinite(min) || !double.IsFinite(max) || min >= max)
        {
            throw new ArgumentException($"'{raw}': expected PATH=MIN:MAX with finite MIN < MAX, e.g. {p.Path}={p.Min.ToString(CultureInfo.InvariantCulture)}:{p.Max.ToString(CultureInfo.InvariantCulture)}");
        }
        if (p.Check(min) is { } low)
        {
            throw new ArgumentException($"'{raw}': the lower end {low}");
        }
        if (p.Check(max) is { } high)
        {
            throw new ArgumentException($"'{raw}': the upper end {high}");
        }
        return new SensitivityFactor(p.Path, min, max, p.Type == ParameterType.Integer);
    }

    /// <summary>Moves an end off an exclusive bound, so every point of the range is a valid value.</summary>
    private static double Inside(ParameterInfo p, double value, bool lower) =>
        p.Check(value) is null ? value : lower ? Math.BitIncrement(value) : Math.BitDecrement(value);

    private static bool Glob(string pattern, string path)
    {
        if (!pattern.Contains('*'))
        {
            return string.Equals(pattern, path, StringComparison.Ordinal);
        }
        var parts = pattern.Split('*');
        if (!path.StartsWith(parts[0], StringComparison.Ordinal) || !path.EndsWith(parts[^1], StringComparison.Ordinal))
        {
            return false;
        }
        var at = parts[0].Length;
        for (var k = 1; k < parts.Length - 1; k++)
        {
            var found = path.IndexOf(parts[k], at, StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }
            at = found + parts[k].Length;
        }
        return at <= path.Length - parts[^1].Length;
    }

}

/// <summary>
/// A sensitivity design as an experiment: point p is the scenario with each factor at the Sobol (Saltelli) or Morris
/// design's value; replication r of every point draws from run index r (common random numbers). A value of its
/// definition (scenario, factors, options), so it can be rebuilt elsewhere (a silo, Spiral.Distributed).
/// </summary>
public sealed class SensitivityExperiment : IExperiment
{
    private readonly int _points;

    /// <exception cref="ArgumentException">No factor, or (unless <paramref name="allowLarge"/>) more runs than <see cref="SensitivityOptions.MaxRuns"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than one run per point.</exception>
    public SensitivityExperiment(Scenario scenario, IReadOnlyList<SensitivityFactor> factors, SensitivityOptions options, bool allowLarge = false)
    {
        if (factors.Count == 0)
        {
            throw new ArgumentException("no factor to analyse");
        }
        if (options.RunsPerPoint < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.RunsPerPoint, "runs per point must be at least 1");
        }
        Scenario = scenario;
        Factors = factors;
        Options = options;
        var d = factors.Count;
        Sobol = options.Method == SensitivityMethod.Sobol ? SobolDesign.Create(d, options.Samples, options.Seed) : null;
        Morris = options.Method == SensitivityMethod.Morris ? MorrisDesign.Create(d, options.Samples, options.Seed) : null;
        var points = Sobol?.Points ?? Morris!.Points;
        var runs = checked(points * options.RunsPerPoint);
        if (points > int.MaxValue || (runs > SensitivityOptions.MaxRuns && !allowLarge))
        {
            throw new ArgumentException($"the design needs {points:N0} points × {options.RunsPerPoint} runs = {runs:N0} runs, above the limit of "
                + $"{SensitivityOptions.MaxRuns:N0}; lower the samples or runs per point, or allow large runs");
        }
        _points = (int)points;
    }

    public Scenario Scenario { get; }
    public IReadOnlyList<SensitivityFactor> Factors { get; }
    public SensitivityOptions Options { get; }
    public SobolDesign? Sobol { get; }
    public MorrisDesign? Morris { get; }

    public string Name => Scenario.Name;
    public ulong Seed => Options.Seed;
    public int? Steps => null;
    public int PointCount => _points;
    public int Replications => Options.RunsPerPoint;

    /// <summary>Point p's unit coordinates in the design, one per factor.</summary>
    public void Unit(int p, Span<double> unit)
    {
        if (Sobol is not null)
        {
            Sobol.Point(p, unit);
        }
        else
        {
            Morris!.Point(p, unit);
        }
    }

    public Scenario ScenarioAt(int p)
    {
        var unit = new double[Factors.Count];
        Unit(p, unit);
        var s = Scenario;
        for (var i = 0; i < Factors.Count; i++)
        {
            s = ParameterCatalog.Set(s, Factors[i].Path, Factors[i].At(unit[i]));
        }
        return s.EnsureValid();
    }

    /// <summary>Common random numbers: replication r of every point draws from run index r.</summary>
    public long RunIndex(int p, int replication) => replication;
}
