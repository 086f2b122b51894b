using Spiral.Core.Recording;
using Spiral.Experiments.Definitions;
using Spiral.Experiments.Metrics;
using Spiral.Experiments.Running;
using Spiral.Numerics.Statistics;

namespace Spiral.Experiments.Counterfactuals;

/// <summary>One outcome of a paired comparison: the two arms' means and the paired difference (treated − baseline) with its 95% interval.</summary>
public sealed record OutcomeDifference(Outcome Outcome, double Baseline, double Treated, Estimate Difference);

/// <summary>
/// One ensemble ratio of a paired comparison (<see cref="OutcomeRegistry.Ratios"/>, e.g. the share of crises reaching use
/// of force or war): each arm's ratio of sums and the paired difference with its 95% delta-method interval
/// (<see cref="Estimate.PairedRatioDifference"/>).
/// </summary>
public sealed record RatioDifference(OutcomeRatio Ratio, double Baseline, double Treated, Estimate Difference);

/// <summary>The result of running the same seeds with and without an intervention.</summary>
public sealed record ComparisonResult(
    string Scenario,
    string Intervention,
    int Runs,
    ulong Seed,
    string BaselineHash,
    string TreatedHash,
    IReadOnlyList<OutcomeDifference> Outcomes,
    EnsembleSummary Baseline,
    EnsembleSummary Treated)
{
    public OutcomeDifference this[Outcome outcome] => Outcomes.First(o => o.Outcome == outcome);

    /// <summary>The ensemble ratios of both arms and their paired differences, in the order of <see cref="OutcomeRegistry.Ratios"/>.</summary>
    public IReadOnlyList<RatioDifference> Ratios { get; init; } = [];

    public RatioDifference this[OutcomeRatio ratio] => Ratios.First(r => r.Ratio == ratio);
}

/// <summary>A per-run quantity that is not an outcome of <see cref="OutcomeRegistry"/>, taken from a run's rows and summary.</summary>
public delegate double RunMeasure(RunRecord record, RunSummary summary);

/// <summary>
/// Everything one pass of a <see cref="PairedCounterfactual"/> measured: per arm, the ensemble summary (every registry
/// outcome per run, state and dyad) and the per-run values of every run outcome of <see cref="OutcomeRegistry.Runs"/>
/// and of any extra <see cref="RunMeasure"/>s, indexed by run index, so any paired difference is read, not re-simulated.
/// </summary>
public sealed class PairedResult
{
    private readonly double[][] _outcomes;
    private readonly double[][] _measures;
    private readonly int _measureCount;
    private readonly EnsembleSummary[] _summaries;

    internal PairedResult(PairedCounterfactual experiment, int measureCount)
    {
        Experiment = experiment;
        _measureCount = measureCount;
        var arms = experiment.PointCount;
        _outcomes = new double[arms][];
        _measures = new double[arms][];
        _summaries = new EnsembleSummary[arms];
        for (var a = 0; a < arms; a++)
        {
            _outcomes[a] = new double[experiment.Runs * OutcomeRegistry.Runs.Count];
            _measures[a] = new double[experiment.Runs * measureCount];
        }
    }

    public PairedCounterfactual Experiment { get; }
    public int Arms => Experiment.PointCount;
    public int Runs => Experiment.Runs;

    /// <summary>Runs simulated to make this result (each arm's runs exactly once: <see cref="Arms"/> × <see cref="Runs"/>).</summary>
    public long Simulated { get; internal set; }

    /// <summary>Each arm's ensemble summary, arm 0 the baseline.</summary>
    public IReadOnlyList<EnsembleSummary> Summaries => _summaries;

    /// <summary>Every treated arm against the baseline, over the outcomes of <see cref="OutcomeRegistry.Compared"/>.</summary>
    public IReadOnlyList<ComparisonResult> Comparisons { get; internal set; } = [];

    /// <summary>Per-run values of a run outcome in an arm, by run index.</summary>
    public double[] Values(int arm, Outcome outcome)
    {
        var k = OutcomeRegistry.Runs.Count;
        var index = OutcomeIndex.Of(outcome, OutcomeScope.Run);
        var values = new double[Runs];
        for (var r = 0; r < Runs; r++)
        {
            values[r] = _outcomes[arm][r * k + index];
        }
        return values;
    }

    /// <summary>Per-run sums of several run outcomes in an arm (a ratio's numerator), by run index.</summary>
    public double[] RatioTerms(int arm, IReadOnlyList<Outcome> outcomes)
    {
        var sum = new double[Runs];
        foreach (var outcome in outcomes)
        {
            var values = Values(arm, outcome);
            for (var r = 0; r < Runs; r++)
            {
                sum[r] += values[r];
            }
        }
        return sum;
    }

    /// <summary>Per-run values of extra measure <paramref name="measure"/> (its position in the list given to the run) in an arm, by run index.</summary>
    public double[] Values(int arm, int measure)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(measure);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(measure, _measureCount);
        var values = new double[Runs];
        for (var r = 0; r < Runs; r++)
        {
            values[r] = _measures[arm][r * _measureCount + measure];
        }
        return values;
    }

    internal void Record(in CompletedRun run, IReadOnlyList<RunMeasure> measures)
    {
        var runOutcomes = OutcomeRegistry.Runs;
        var o = (int)run.RunIndex * runOutcomes.Count;
        var target = _outcomes[run.Point];
        foreach (var outcome in runOutcomes)
        {
            target[o + outcome.Index] = outcome.Of(run.Summary);
        }
        var m = (int)run.RunIndex * _measureCount;
        for (var c = 0; c < _measureCount; c++)
        {
            _measures[run.Point][m + c] = measures[c](run.Record, run.Summary);
        }
    }

    internal void SetSummary(int arm, EnsembleSummary summary) => _summaries[arm] = summary;
}

/// <summary>
/// Same-seed counterfactuals: run k of every arm draws from the same streams (same types, same noise until the
/// worlds diverge), so the per-run differences measure the intervention's effect with far less variance than two
/// independent ensembles (common random numbers; Law 2015 ch. 11). The one paired path of the CLI, the web explorer
/// and validation: one <see cref="PairedCounterfactual"/> through the one <see cref="ExperimentRunner"/>, each arm
/// simulated once, every outcome measured in that pass.
/// </summary>
public static class PairedComparison
{
    /// <summary>
    /// Runs every arm once and keeps each arm's summary and per-run values (see <see cref="PairedResult"/>); extra
    /// per-run quantities (<paramref name="measures"/>) are taken in the same pass, and <paramref name="alsoTo"/> also
    /// receives every simulated run in job order.
    /// </summary>
    public static PairedResult Measure(PairedCounterfactual experiment, RunnerOptions? runner = null, CancellationToken cancel = default,
        IProgress<long>? progress = null, IReadOnlyList<RunMeasure>? measures = null, IRunSink? alsoTo = null)
    {
        measures ??= [];
        var arms = experiment.PointCount;
        var result = new PairedResult(experiment, measures.Count);
        var aggregators = new EnsembleAggregator[arms];
        for (var a = 0; a < arms; a++)
        {
            aggregators[a] = new EnsembleAggregator(experiment.ScenarioAt(a), experiment.Seed, experiment.Steps);
        }
        result.Simulated = ExperimentRunner.Run(experiment, runner ?? RunnerOptions.Default, RunSinks.Tee(RunSinks.Of(run =>
        {
            result.Record(run, measures);
            aggregators[run.Point].Accept(run);
        }), alsoTo), cancel, progress);
        for (var a = 0; a < arms; a++)
        {
            result.SetSummary(a, aggregators[a].Result());
        }
        var compared = OutcomeRegistry.Compared;
        var comparisons = new List<ComparisonResult>(arms - 1);
        for (var a = 1; a < arms; a++)
        {
            var outcomes = new List<OutcomeDifference>(compared.Count);
            foreach (var outcome in compared)
            {
                var baseline = result.Values(0, outcome);
                var treated = result.Values(a, outcome);
                var diff = new double[baseline.Length];
                double sa = 0, sb = 0;
                for (var r = 0; r < diff.Length; r++)
                {
                    sa += baseline[r];
                    sb += treated[r];
                    diff[r] = treated[r] - baseline[r];
                }
                outcomes.Add(new OutcomeDifference(outcome, sa / diff.Length, sb / diff.Length, Estimate.OfMean(diff)));
            }
            var ratios = OutcomeRegistry.Ratios.Select(ratio =>
            {
                var (yb, xb) = (result.RatioTerms(0, ratio.Numerators), result.Values(0, ratio.Denominator));
                var (yt, xt) = (result.RatioTerms(a, ratio.Numerators), result.Values(a, ratio.Denominator));
                return new RatioDifference(ratio, Estimate.RatioOfSums(yb, xb), Estimate.RatioOfSums(yt, xt), Estimate.PairedRatioDifference(yb, xb, yt, xt));
            }).ToList();
            comparisons.Add(new ComparisonResult(experiment.Baseline.Name, experiment.ArmLabel(a), experiment.Runs, experiment.Seed,
                result.Summaries[0].ScenarioHash, result.Summaries[a].ScenarioHash, outcomes, result.Summaries[0], result.Summaries[a]) { Ratios = ratios });
        }
        result.Comparisons = comparisons;
        return result;
    }

    /// <summary>Runs every arm once; one <see cref="ComparisonResult"/> per treated arm against the shared baseline.</summary>
    public static IReadOnlyList<ComparisonResult> Run(PairedCounterfactual experiment, RunnerOptions? runner = null,
        CancellationToken cancel = default, IProgress<long>? progress = null) =>
        Measure(experiment, runner, cancel, progress).Comparisons;
}
