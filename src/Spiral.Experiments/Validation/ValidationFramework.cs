using Spiral.Core.Scenarios;
using Spiral.Experiments.Counterfactuals;
using Spiral.Experiments.Definitions;
using Spiral.Experiments.Metrics;
using Spiral.Experiments.Running;
using Spiral.Numerics.Statistics;

namespace Spiral.Experiments.Validation;

/// <summary>How many runs per arm a validation experiment uses.</summary>
public sealed record ValidationSize(string Name, int Runs, ulong Seed)
{
    /// <summary>Also receives every run a claim simulates (to count them); null = none.</summary>
    public IRunSink? Observer { get; init; }

    /// <summary>For CI: small enough to run all claims in minutes, large enough that a broken mechanism fails.</summary>
    public static readonly ValidationSize Quick = new("quick", 300, 20260101);
    /// <summary>For the report.</summary>
    public static readonly ValidationSize Full = new("full", 2000, 20260101);
}

/// <summary>
/// The measured outcome of one claim's experiment: <c>Effect</c> is signed so that positive is the claim's
/// direction, with its 95% interval; <c>Passed</c> is true when the interval lies on the predicted side (and any
/// secondary outcome named in <c>Details</c> does too).
/// </summary>
public sealed record ClaimResult(
    string Id,
    string Claim,
    string Source,
    string Experiment,
    string EffectName,
    Estimate Effect,
    bool Passed,
    int Runs,
    ulong Seed,
    string Details);

/// <summary>A claim of the theory as a paired experiment (DESIGN.md section 5). Defined once, used by the command, the tests and the docs.</summary>
public sealed record Claim(string Id, string Statement, string Source, string Experiment, Func<ValidationSize, ClaimResult> Run);

/// <summary>Paired (same seeds) measurements of per-run quantities in two or more arms.</summary>
public static class PairedMeasure
{
    /// <summary>
    /// Runs the arms once as one <see cref="PairedCounterfactual"/> (run k of every arm on the same seed) through
    /// <see cref="PairedComparison.Measure"/>: every registry outcome and every one of <paramref name="measures"/> per run
    /// (NaN values, undefined for a run, are kept as NaN).
    /// </summary>
    public static PairedResult Run(IReadOnlyList<Scenario> arms, ValidationSize size, params RunMeasure[] measures) =>
        PairedComparison.Measure(PairedCounterfactual.OfArms(arms, size.Runs, size.Seed), measures: measures, alsoTo: size.Observer);

    /// <summary>Per-run values of a run outcome in every arm.</summary>
    public static double[][] Values(this PairedResult result, Outcome outcome) =>
        Enumerable.Range(0, result.Arms).Select(a => result.Values(a, outcome)).ToArray();

    /// <summary>Per-run values of extra measure <paramref name="measure"/> in every arm.</summary>
    public static double[][] Values(this PairedResult result, int measure) =>
        Enumerable.Range(0, result.Arms).Select(a => result.Values(a, measure)).ToArray();

    /// <summary>Mean of treated − baseline over runs where both are defined, with a 95% interval.</summary>
    public static Estimate Difference(double[] baseline, double[] treated)
    {
        var diffs = new List<double>(baseline.Length);
        for (var r = 0; r < baseline.Length; r++)
        {
            if (!double.IsNaN(baseline[r]) && !double.IsNaN(treated[r]))
            {
                diffs.Add(treated[r] - baseline[r]);
            }
        }
        return Estimate.OfMean(diffs.ToArray());
    }

    public static double Mean(double[] values)
    {
        double sum = 0;
        var n = 0;
        foreach (var v in values)
        {
            if (!double.IsNaN(v))
            {
                sum += v;
                n++;
            }
        }
        return n > 0 ? sum / n : double.NaN;
    }

    /// <summary>Least-squares slope of the per-run values on the arm levels, with a 95% interval from the residuals.</summary>
    public static Estimate Slope(IReadOnlyList<double> levels, double[][] values)
    {
        var x = levels.SelectMany((level, a) => values[a].Select(_ => level)).ToArray();
        var line = LeastSquares.Line(x, values.Take(levels.Count).SelectMany(v => v).ToArray());
        return Estimate.Normal(line.Slope, line.SlopeStandardError);
    }
}
