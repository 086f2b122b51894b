using Spiral.Core.Parameters;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Spiral.Core.Scenarios;
using Spiral.Experiments.Counterfactuals;
using Spiral.Numerics.Random;

namespace Spiral.Experiments.Definitions;

/// <summary>How an axis gets its values.</summary>
public enum AxisKind
{
    /// <summary>An explicit list of values (numbers or names).</summary>
    Values,
    /// <summary><c>from</c>, <c>from + step</c>, … up to <c>to</c> (inclusive).</summary>
    Range,
    /// <summary>A Latin hypercube over [<c>from</c>, <c>to</c>], jointly with every other such axis (McKay, Beckman and Conover 1979).</summary>
    LatinHypercube,
}

/// <summary>One sweep axis over the scenario parameter at <see cref="Path"/> (a <see cref="ParameterCatalog"/> path).</summary>
public sealed record SweepAxis(string Path, AxisKind Kind, IReadOnlyList<string> Values, double From = 0, double To = 0, double Step = 0)
{
    public static SweepAxis OfValues(string path, params string[] values) => new(path, AxisKind.Values, values);

    public static SweepAxis OfValues(string path, params double[] values) =>
        new(path, AxisKind.Values, values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)).ToArray());

    /// <summary>A range axis; its values are <c>from + k·step</c> for k = 0, 1, … while ≤ <c>to</c> (rounded to 10 decimals).</summary>
    public static SweepAxis OfRange(string path, double from, double to, double step) =>
        new(path, AxisKind.Range, RangeValues(from, to, step), from, to, step);

    public static SweepAxis OfLatinHypercube(string path, double from, double to) => new(path, AxisKind.LatinHypercube, [], from, to);

    public bool IsGrid => Kind != AxisKind.LatinHypercube;

    public bool IsNumeric => Kind != AxisKind.Values || Values.All(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _));

    /// <summary>Most values of one range axis.</summary>
    public const int MaxRangeValues = 1_000_000;

    /// <summary>
    /// How many values <c>from, from + step, …, ≤ to</c> has (the count <see cref="RangeValues"/> makes), as a double so
    /// that a tiny step gives a huge count rather than an overflow.
    /// </summary>
    public static double RangeCount(double from, double to, double step) => Math.Floor((to - from) / step + 1e-9) + 1;

    public static IReadOnlyList<string> RangeValues(double from, double to, double step)
    {
        if (!(step > 0) || !double.IsFinite(from) || !double.IsFinite(to) || to < from)
        {
            throw new ArgumentException($"range from {from} to {to} step {step}: expected finite from ≤ to and step > 0");
        }
        var total = RangeCount(from, to, step);
        if (!(total <= MaxRangeValues))
        {
            throw new ArgumentException($"range from {from} to {to} step {step} has more than {MaxRangeValues:N0} values; expected at most {MaxRangeValues:N0}");
        }
        var count = (int)total;
        var values = new string[count];
        for (var k = 0; k < count; k++)
        {
            values[k] = Math.Round(from + k * step, 10).ToString("R", CultureInfo.InvariantCulture);
        }
        return values;
    }
}

/// <summary>
/// A parameter sweep: the grid of the grid axes (values, ranges; the first axis varies slowest) crossed with
/// <see cref="Samples"/> Latin-hypercube samples over the Latin-hypercube axes, times <see cref="Replications"/>.
/// </summary>
public sealed record SweepDefinition(
    string Name,
    Scenario BaseScenario,
    IReadOnlyList<SweepAxis> Axes,
    int Replications,
    ulong Seed = 1,
    int? Steps = null,
    int Samples = 0);

/// <summary>
/// A sweep as an experiment. Point p × replication r has the stable run index <c>p · replications + r</c>; its seeds
/// derive from (seed, run index). The Latin hypercube is drawn once from a stream derived from the seed, so a sweep
/// file always describes the same points.
/// </summary>
public sealed class SweepExperiment : IExperiment
{
    private readonly int[] _gridAxes;
    private readonly int[] _lhsAxes;
    private readonly int[] _radix;
    private readonly double[,] _lhs;

    public SweepExperiment(SweepDefinition definition)
    {
        Definition = definition;
        if (definition.Replications < 1)
        {
            throw new ArgumentException("replications must be at least 1");
        }
        _gridAxes = Enumerable.Range(0, definition.Axes.Count).Where(a => definition.Axes[a].IsGrid).ToArray();
        _lhsAxes = Enumerable.Range(0, definition.Axes.Count).Where(a => !definition.Axes[a].IsGrid).ToArray();
        if (_lhsAxes.Length > 0 && definition.Samples < 1)
        {
            throw new ArgumentException("Latin-hypercube axes need samples ≥ 1");
        }
        _radix = _gridAxes.Select(a => definition.Axes[a].Values.Count).ToArray();
        if (_radix.Any(r => r < 1))
        {
            throw new ArgumentException("every grid axis needs at least one value");
        }
        // Checked, and bounded at every factor: each factor is below 2^31, so no product can wrap round.
        long points = _lhsAxes.Length > 0 ? definition.Samples : 1;
        foreach (var r in _radix)
        {
            points = checked(points * r);
            if (points > MaxRuns)
            {
                throw new ArgumentException(
                    $"the axes make more than {MaxRuns:N0} points ({string.Join(" × ", _radix)}{(_lhsAxes.Length > 0 ? $" × {definition.Samples} samples" : "")}); expected at most {MaxRuns:N0} runs in all");
            }
        }
        var runs = checked(points * definition.Replications);
        if (runs > MaxRuns)
        {
            throw new ArgumentException($"{points:N0} points × {definition.Replications:N0} replications = {runs:N0} runs; expected at most {MaxRuns:N0} runs");
        }
        PointCount = (int)points;
        _lhs = LatinHypercube(definition, _lhsAxes);
    }

    /// <summary>Most runs of a sweep (points × replications): points and run indices are 32-bit.</summary>
    public const long MaxRuns = int.MaxValue;

    /// <summary>
    /// Most runs <c>spiral sweep</c> starts without <c>--allow-large</c> (issue 14): 10^7 runs is about half an hour at
    /// the four-worlds rate of docs/reference/performance.md and gigabytes of store; a sweep above it is a typo more
    /// often than a plan.
    /// </summary>
    public const long LargeRuns = 10_000_000;

    public SweepDefinition Definition { get; }
    public string Name => Definition.Name;
    public ulong Seed => Definition.Seed;
    public int? Steps => Definition.Steps;
    public int PointCount { get; }
    public int Replications => Definition.Replications;
    public IReadOnlyList<SweepAxis> Axes => Definition.Axes;

    public long RunIndex(int point, int replication) => (long)point * Replications + replication;

    /// <summary>The axis values of a point, one per axis in the definition's order (invariant-culture text).</summary>
    public string[] ValuesAt(int point)
    {
        var values = new string[Definition.Axes.Count];
        var rest = point;
        var sample = 0;
        if (_lhsAxes.Length > 0)
        {
            sample = rest % Definition.Samples;
            rest /= Definition.Samples;
        }
        for (var g = _gridAxes.Length - 1; g >= 0; g--)
        {
            var axis = _gridAxes[g];
            values[axis] = Definition.Axes[axis].Values[rest % _radix[g]];
            rest /= _radix[g];
        }
        for (var l = 0; l < _lhsAxes.Length; l++)
        {
            values[_lhsAxes[l]] = _lhs[sample, l].ToString("R", CultureInfo.InvariantCulture);
        }
        return values;
    }

    public Scenario ScenarioAt(int point)
    {
        var values = ValuesAt(point);
        var scenario = Definition.BaseScenario;
        for (var a = 0; a < values.Length; a++)
        {
            scenario = ParameterCatalog.Set(scenario, Definition.Axes[a].Path, values[a]);
        }
        return scenario.EnsureValid();
    }

    /// <summary>A short hash of everything that decides the runs' results (scenario hash, axes, seed, sizes, steps).</summary>
    public string DefinitionHash()
    {
        var text = new StringBuilder();
        text.Append(Running.ScenarioHash.Of(Definition.BaseScenario)).Append('|').Append(Seed).Append('|').Append(Replications)
            .Append('|').Append(Steps).Append('|').Append(Definition.Samples);
        foreach (var a in Definition.Axes)
        {
            text.Append('|').Append(a.Path).Append(':').Append(a.Kind).Append(':').Append(string.Join(",", a.Values))
                .Append(':').Append(a.From.ToString("R", CultureInfo.InvariantCulture)).Append(':').Append(a.To.ToString("R", CultureInfo.InvariantCulture));
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())).AsSpan(0, 8));
    }

    /// <summary>Values per axis: the grid values, or the number of Latin-hypercube samples.</summary>
    public int ValueCount(int axis) => Definition.Axes[axis].IsGrid ? Definition.Axes[axis].Values.Count : Definition.Samples;

    /// <summary>
    /// A Latin hypercube of <c>samples</c> points: each axis's range is cut into <c>samples</c> equal strata, each
    /// stratum is used once, a uniform point is drawn inside it, and the strata are paired across axes by
    /// independent random permutations (Fisher-Yates).
    /// </summary>
    private static double[,] LatinHypercube(SweepDefinition d, int[] axes)
    {
        var n = axes.Length > 0 ? d.Samples : 0;
        var result = new double[n, axes.Length];
        if (n == 0)
        {
            return result;
        }
        var rng = RandomStream.Derive(d.Seed, -1, "latinHypercube");
        var perm = new int[n];
        for (var l = 0; l < axes.Length; l++)
        {
            var axis = d.Axes[axes[l]];
            for (var k = 0; k < n; k++)
            {
                perm[k] = k;
            }
            for (var k = n - 1; k > 0; k--)
            {
                var j = rng.NextInt(k + 1);
                (perm[k], perm[j]) = (perm[j], perm[k]);
            }
            for (var k = 0; k < n; k++)
            {
                var u = (perm[k] + rng.NextDouble()) / n;
                result[k, l] = Math.Round(axis.From + u * (axis.To - axis.From), 12);
            }
        }
        return result;
    }
}
