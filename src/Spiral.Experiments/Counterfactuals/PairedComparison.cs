using Spiral.Core.Scenarios;
using Spiral.Experiments.Definitions;
using Spiral.Experiments.Metrics;
using Spiral.Experiments.Running;
using Spiral.Numerics.Statistics;

namespace Spiral.Experiments.Counterfactuals;

/// <summary>One outcome of a paired comparison: the two arms' means and the paired difference (treated − baseline) with its 95% interval.</summary>
public sealed record OutcomeDifference(Outcome Outcome, double Baseline, double Treated, Estimate Difference);

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
}

/// <summary>
/// Same-seed counterfactuals: run k of both arms draws from the same streams (same types, same noise until the
/// worlds diverge), so the per-run differences measure the intervention's effect with far less variance than two
/// independent ensembles (common random numbers; Law 2015 ch. 11).
/// </summary>
public static class PairedComparison
{
    public static ComparisonResult Run(Scenario baseline, Scenario treated, string intervention, EnsembleOptions options,
        CancellationToken cancel = default, IProgress<int>? progress = null)
    {
        var compared = OutcomeRegistry.Compared;
        var k = compared.Count;
        var a = new double[options.Runs * k];
        var b = new double[options.Runs * k];
        var baseSummary = EnsembleRunner.Summarize(baseline, options, cancel, null, (_, s) => Fill(a, s, k));
        var treatedSummary = EnsembleRunner.Summarize(treated, options, cancel, progress, (_, s) => Fill(b, s, k));
        var outcomes = new List<OutcomeDifference>(k);
        var diff = new double[options.Runs];
        for (var o = 0; o < k; o++)
        {
            double sa = 0, sb = 0;
            for (var r = 0; r < options.Runs; r++)
            {
                sa += a[r * k + o];
                sb += b[r * k + o];
                diff[r] = b[r * k + o] - a[r * k + o];
            }
            outcomes.Add(new OutcomeDifference(compared[o], sa / options.Runs, sb / options.Runs, Estimate.OfMean(diff)));
        }
        return new ComparisonResult(baseline.Name, intervention, options.Runs, options.Seed, ScenarioHash.Of(baseline),
            ScenarioHash.Of(treated), outcomes, baseSummary, treatedSummary);
    }

    public static ComparisonResult Run(Scenario baseline, Intervention intervention, EnsembleOptions options,
        CancellationToken cancel = default, IProgress<int>? progress = null) =>
        Run(baseline, intervention.Apply(baseline), intervention.Spec, options, cancel, progress);

    /// <summary>
    /// Runs a <see cref="PairedCounterfactual"/> with the <see cref="ExperimentRunner"/>: every arm on the same seeds,
    /// one <see cref="ComparisonResult"/> per treated arm against the shared baseline.
    /// </summary>
    public static IReadOnlyList<ComparisonResult> Run(PairedCounterfactual experiment, RunnerOptions runner,
        CancellationToken cancel = default, IProgress<long>? progress = null)
    {
        var compared = OutcomeRegistry.Compared;
        var k = compared.Count;
        var runs = experiment.Runs;
        var arms = experiment.PointCount;
        var values = new double[arms][];
        var aggregators = new EnsembleAggregator[arms];
        var ensemble = new EnsembleOptions(runs, experiment.Seed, experiment.Steps, runner.Threads);
        for (var a = 0; a < arms; a++)
        {
            values[a] = new double[runs * k];
            aggregators[a] = new EnsembleAggregator(experiment.ScenarioAt(a), ensemble);
        }
        ExperimentRunner.Run(experiment, runner, run =>
        {
            Fill(values[run.Point], run.Summary, k);
            aggregators[run.Point].Add(run.Summary);
        }, cancel, progress);
        var baseSummary = aggregators[0].Result();
        var results = new List<ComparisonResult>(arms - 1);
        var diff = new double[runs];
        for (var a = 1; a < arms; a++)
        {
            var outcomes = new List<OutcomeDifference>(k);
            for (var o = 0; o < k; o++)
            {
                double sa = 0, sb = 0;
                for (var r = 0; r < runs; r++)
                {
                    sa += values[0][r * k + o];
                    sb += values[a][r * k + o];
                    diff[r] = values[a][r * k + o] - values[0][r * k + o];
                }
                outcomes.Add(new OutcomeDifference(compared[o], sa / runs, sb / runs, Estimate.OfMean(diff)));
            }
            var treated = aggregators[a].Result();
            results.Add(new ComparisonResult(experiment.Baseline.Name, experiment.ArmLabel(a), runs, experiment.Seed,
                baseSummary.ScenarioHash, treated.ScenarioHash, outcomes, baseSummary, treated));
        }
        return results;
    }

    private static void Fill(double[] target, RunSummary s, int k)
    {
        var o = (int)s.RunIndex * k;
        var compared = OutcomeRegistry.Compared;
        for (var c = 0; c < k; c++)
        {
            target[o + c] = compared[c].Of(s);
        }
    }
}
