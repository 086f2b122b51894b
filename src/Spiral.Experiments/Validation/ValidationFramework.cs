using Spiral.Core.Parameters;
using Spiral.Core.Scenarios;
using Spiral.Experiments.Counterfactuals;
using Spiral.Experiments.Definitions;
using Spiral.Experiments.Metrics;
using Spiral.Experiments.Running;
using Spiral.Numerics.Random;
using Spiral.Numerics.Statistics;

namespace Spiral.Experiments.Validation;

/// <summary>
/// How much a validation run simulates: <c>Runs</c> per arm for the claim, its placebo and its negative control, and
/// <c>Draws</c> Latin-hypercube draws of the behavioural constants with <c>DrawRuns</c> runs per arm each for robustness.
/// The quick and full sizes use different seeds, so the quick verdicts pinned in the tests are not a subset of the report's.
/// </summary>
public sealed record ValidationSize(string Name, int Runs, int Draws, int DrawRuns, ulong Seed)
{
    /// <summary>Also receives every run a claim simulates (to count them); null = none.</summary>
    public IRunSink? Observer { get; init; }

    /// <summary>For CI: every claim with its controls in about two minutes on two cores.</summary>
    public static readonly ValidationSize Quick = new("quick", 200, 8, 60, 20261301);
    /// <summary>For the report (docs/explanation/validation.md).</summary>
    public static readonly ValidationSize Full = new("full", 1000, 20, 150, 20260101);
}

/// <summary>Which version of a claim's experiment to run.</summary>
public enum ClaimArm
{
    /// <summary>The experiment as stated.</summary>
    Main,
    /// <summary>The factor where the theory says it cannot act (or a sham factor the theory says is irrelevant): must show no effect.</summary>
    Placebo,
    /// <summary>The experiment with the claim's mechanism switched off: the claim must then fail.</summary>
    NegativeControl,
}

/// <summary>
/// What one experiment of a claim is run with: the arm, the model constants to override (a robustness draw; empty for
/// the defaults), runs per arm and seed.
/// </summary>
public sealed record ClaimContext(ClaimArm Arm, IReadOnlyList<(string Path, double Value)> Overrides, int Runs, ulong Seed, IRunSink? Observer = null)
{
    /// <summary>The scenario with this context's overrides of model constants applied.</summary>
    public Scenario Apply(Scenario s)
    {
        foreach (var (path, value) in Overrides)
        {
            s = ParameterCatalog.Set(s, path, value);
        }
        return s;
    }

    /// <summary>Runs the arms (after <see cref="Apply"/>) as one paired experiment: run k of every arm on the same seed.</summary>
    public PairedResult Run(IReadOnlyList<Scenario> arms, params RunMeasure[] measures) =>
        PairedComparison.Measure(PairedCounterfactual.OfArms(arms.Select(Apply).ToArray(), Runs, Seed), measures: measures, alsoTo: Observer);
}

/// <summary>One measurement of a claim's effect, signed so that positive is the claim's direction, with its 95% interval.</summary>
public sealed record Measurement(Estimate Effect, string Details);

/// <summary>
/// A claim of the theory (DESIGN.md section 2) as an experiment. Declared before any result: the effect it measures,
/// the minimum effect that would matter and why, the placebo (where the factor cannot act) and the negative control
/// (the mechanism switched off). <c>Measure</c> runs one version of the experiment.
/// </summary>
public sealed record Claim(
    string Id,
    string Statement,
    string Source,
    string Experiment,
    string EffectName,
    double MinimumEffect,
    string MinimumEffectReason,
    string Placebo,
    string NegativeControl,
    Func<ClaimContext, Measurement> Measure);

/// <summary>
/// The outcome of one claim: the effect with its 95% interval and one-sided p-value (H0: effect ≤ 0), the
/// Holm-adjusted p-value across all claims of the run, robustness over the behavioural constants, the placebo and the
/// negative control, and the verdict with its reasons.
/// </summary>
public sealed record ClaimResult(
    string Id,
    string Claim,
    string Source,
    string Experiment,
    string EffectName,
    Estimate Effect,
    double MinimumEffect,
    string MinimumEffectReason,
    double PValue,
    double HolmPValue,
    double Robustness,
    int Draws,
    Estimate PlaceboEffect,
    string Placebo,
    Estimate NegativeControlEffect,
    string NegativeControl,
    bool Passed,
    IReadOnlyList<string> Failures,
    int Runs,
    ulong Seed,
    string Details)
{
    /// <summary>The placebo shows no effect that matters: |placebo effect| &lt; the minimum effect.</summary>
    public bool PlaceboClean => Math.Abs(PlaceboEffect.Mean) < MinimumEffect;

    /// <summary>The claim fails with its mechanism switched off: the negative control's effect is below the minimum effect.</summary>
    public bool NegativeControlFails => NegativeControlEffect.Mean < MinimumEffect;
}

/// <summary>
/// Runs claims with their placebos, negative controls and robustness draws, and decides the verdicts. A claim holds when
/// (1) its Holm-adjusted one-sided p-value is below <see cref="FamilyAlpha"/> (Holm 1979, across the claims validated
/// together), (2) its effect reaches the declared minimum effect, (3) it holds (effect ≥ minimum) in at least
/// <see cref="RequiredRobustness"/> of the Latin-hypercube draws of the behavioural constants over their catalog
/// ranges, (4) its placebo shows no effect that matters and (5) its negative control fails.
/// </summary>
public static class Validator
{
    /// <summary>Family-wise error rate across claims (Holm correction).</summary>
    public const double FamilyAlpha = 0.05;

    /// <summary>Share of robustness draws in which a claim must hold (issue 13).</summary>
    public const double RequiredRobustness = 0.8;

    /// <summary>The behavioural constants of the model (<see cref="ParameterInfo.Behavioural"/>, real-valued), drawn for robustness.</summary>
    public static IReadOnlyList<ParameterInfo> BehaviouralConstants { get; } =
        ParameterCatalog.Of(ParameterScope.Model).Where(p => p.Behavioural && p.Type == ParameterType.Real).ToArray();

    /// <summary>
    /// <paramref name="count"/> Latin-hypercube draws of the behavioural constants over their catalog ranges
    /// (McKay et al. 1979), deterministic in <paramref name="seed"/>.
    /// </summary>
    public static IReadOnlyList<(string Path, double Value)[]> Draws(int count, ulong seed)
    {
        var constants = BehaviouralConstants;
        return LatinHypercube.Sample(count, constants.Count, seed)
            .Select(u => constants.Select((p, d) => (p.Path, LatinHypercube.Scale(u[d], p.Min, p.Max))).ToArray())
            .ToArray();
    }

    /// <summary>Validates <paramref name="claims"/> together (the Holm correction runs across them).</summary>
    public static IReadOnlyList<ClaimResult> Run(IReadOnlyList<Claim> claims, ValidationSize size, Action<Claim>? starting = null)
    {
        var parts = new List<(Claim Claim, Measurement Main, Measurement Placebo, Measurement Negative, double Robustness, int Crashed)>();
        foreach (var c in claims)
        {
            starting?.Invoke(c);
            var index = ClaimIndex(c);
            var main = c.Measure(new ClaimContext(ClaimArm.Main, [], size.Runs, size.Seed, size.Observer));
            var placebo = c.Measure(new ClaimContext(ClaimArm.Placebo, [], size.Runs, RandomStream.DeriveSeed(size.Seed, index, "placebo"), size.Observer));
            var negative = c.Measure(new ClaimContext(ClaimArm.NegativeControl, [], size.Runs, RandomStream.DeriveSeed(size.Seed, index, "negative"), size.Observer));
            int holds = 0, crashed = 0;
            var draws = Draws(size.Draws, RandomStream.DeriveSeed(size.Seed, index, "lhs"));
            for (var d = 0; d < draws.Count; d++)
            {
                try
                {
                    var m = c.Measure(new ClaimContext(ClaimArm.Main, draws[d], size.DrawRuns, RandomStream.DeriveSeed(size.Seed, index * 1000 + d, "draw"), size.Observer));
                    if (m.Effect.Mean >= c.MinimumEffect)
                    {
                        holds++;
                    }
                }
                catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is ArgumentException))
                {
                    // The model rejects these constants although each is inside its catalog range: the draw counts
                    // against the claim (it cannot hold where the model does not run) and is reported.
                    crashed++;
                }
            }
            parts.Add((c, main, placebo, negative, draws.Count > 0 ? (double)holds / draws.Count : double.NaN, crashed));
        }
        var p = parts.Select(x => MultipleTesting.OneSidedP(x.Main.Effect)).ToArray();
        var holm = MultipleTesting.Holm(p);
        return parts.Select((x, k) =>
        {
            var c = x.Claim;
            var failures = new List<string>();
            if (!(holm[k] < FamilyAlpha))
            {
                failures.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"not significant after Holm (p = {holm[k]:G3})"));
            }
            if (!(x.Main.Effect.Mean >= c.MinimumEffect))
            {
                failures.Add("effect below the minimum effect");
            }
            if (!(x.Robustness >= RequiredRobustness))
            {
                failures.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"holds in {x.Robustness:P0} of the draws (< {RequiredRobustness:P0})"));
            }
            var result = new ClaimResult(c.Id, c.Statement, c.Source, c.Experiment, c.EffectName, x.Main.Effect, c.MinimumEffect,
                c.MinimumEffectReason, p[k], holm[k], x.Robustness, size.Draws, x.Placebo.Effect, c.Placebo, x.Negative.Effect,
                c.NegativeControl, false, failures, size.Runs, size.Seed,
                x.Crashed > 0 ? $"{x.Main.Details}; {x.Crashed} robustness draw(s) stopped the model (counted as not holding)" : x.Main.Details);
            if (!result.PlaceboClean)
            {
                failures.Add("the placebo shows an effect");
            }
            if (!result.NegativeControlFails)
            {
                failures.Add("the claim still holds with its mechanism switched off");
            }
            return result with { Passed = failures.Count == 0 };
        }).ToArray();
    }

    private static int ClaimIndex(Claim c) => int.TryParse(c.Id.AsSpan(1), out var k) ? k : c.Id.GetHashCode(StringComparison.Ordinal) & 0xffff;
}

/// <summary>Per-run values, differences and survival summaries of paired arms.</summary>
public static class PairedMeasure
{
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

    /// <summary>The mean of the defined (non-NaN) values; NaN if none.</summary>
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

    /// <summary>
    /// The Kaplan-Meier curve of per-run event times: a value ≤ <paramref name="horizon"/> is an event at that year, a
    /// value above it (the run's horizon + 1) is censored at the horizon; NaN (undefined for the run) is left out.
    /// </summary>
    public static KaplanMeier Survival(double[] times, int horizon)
    {
        var t = new List<double>();
        var observed = new List<bool>();
        foreach (var v in times)
        {
            if (double.IsNaN(v))
            {
                continue;
            }
            t.Add(Math.Min(v, horizon));
            observed.Add(v <= horizon);
        }
        return new KaplanMeier(t, observed);
    }

    /// <summary>Estimate with its sign flipped (mean and interval), so that positive is the claim's direction (0 stays 0, not −0).</summary>
    public static Estimate Negate(Estimate d) => new(0.0 - d.Mean, 0.0 - d.High, 0.0 - d.Low);

    /// <summary>Of several estimates that must all be positive, the weakest (smallest mean / standard error): an intersection-union test.</summary>
    public static Estimate Weakest(params Estimate[] estimates) =>
        estimates.MinBy(e => e.High > e.Low ? e.Mean / (e.High - e.Low) : e.Mean > 0 ? double.MaxValue : double.MinValue);
}
