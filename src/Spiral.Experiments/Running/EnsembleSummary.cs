using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Spiral.Core.Scenarios;
using Spiral.Experiments.Metrics;
using Spiral.Numerics.Statistics;

namespace Spiral.Experiments.Running;

/// <summary>One outcome summarized over runs: how many runs define it, their sum and maximum, and the mean with its 95% interval.</summary>
public sealed record OutcomeStatistics(Outcome Outcome, long Runs, double Sum, double Maximum, Estimate Estimate)
{
    public double Mean => Estimate.Mean;

    public static OutcomeStatistics Of(Outcome outcome, RunningMoments moments) =>
        new(outcome, moments.Count, moments.Sum, moments.Maximum, outcome.Estimate(moments.Count, moments.Sum, moments.Variance));

    /// <summary>A ratio of totals over the same runs, from the statistics of every run outcome (in registry order).</summary>
    public static double Ratio(OutcomeRatio ratio, IReadOnlyList<OutcomeStatistics> runOutcomes) =>
        ratio.Of(o => runOutcomes[o.Index].Sum);
}

/// <summary>A state's outcomes over runs (<see cref="OutcomeRegistry.States"/>) and its beliefs about each other state.</summary>
public sealed record StateSummary(string Name, IReadOnlyList<OutcomeStatistics> Outcomes, IReadOnlyList<DyadSummary> Beliefs)
{
    public OutcomeStatistics this[Outcome outcome] => Outcomes[OutcomeIndex.Of(outcome, OutcomeScope.State)];
}

/// <summary>What one state ends up believing about another (<paramref name="About"/>) over runs (<see cref="OutcomeRegistry.Dyads"/>).</summary>
public sealed record DyadSummary(string About, IReadOnlyList<OutcomeStatistics> Outcomes)
{
    public OutcomeStatistics this[Outcome outcome] => Outcomes[OutcomeIndex.Of(outcome, OutcomeScope.Dyad)];
}

/// <summary>What <c>spiral run</c> reports: every outcome of <see cref="OutcomeRegistry"/> over the ensemble's runs.</summary>
public sealed record EnsembleSummary(
    string Scenario,
    int Runs,
    ulong Seed,
    int Steps,
    string ScenarioHash,
    IReadOnlyList<OutcomeStatistics> Outcomes,
    IReadOnlyList<StateSummary> States)
{
    public OutcomeStatistics this[Outcome outcome] => Outcomes[OutcomeIndex.Of(outcome, OutcomeScope.Run)];

    public double this[OutcomeRatio ratio] => OutcomeStatistics.Ratio(ratio, Outcomes);
}

internal static class OutcomeIndex
{
    public static int Of(Outcome outcome, OutcomeScope scope) =>
        outcome.Scope == scope ? outcome.Index : throw new ArgumentException($"{outcome.Name} is a {outcome.Scope} outcome, not a {scope} outcome", nameof(outcome));
}

/// <summary>
/// Accumulates run summaries in run order into an <see cref="EnsembleSummary"/> in memory independent of the number
/// of runs: one <see cref="RunningMoments"/> per outcome of the registry (per run, per state, per directed dyad).
/// </summary>
public sealed class EnsembleAggregator : IRunSink
{
    private readonly Scenario _scenario;
    private readonly ulong _seed;
    private readonly int? _steps;
    private readonly int _n;
    private readonly RunningMoments[] _runs;
    private readonly RunningMoments[][] _states;
    private readonly RunningMoments[][] _dyads;

    /// <summary>An aggregator for runs of <paramref name="scenario"/> with master seed <paramref name="seed"/> and horizon override <paramref name="steps"/> (null = the scenario's own).</summary>
    public EnsembleAggregator(Scenario scenario, ulong seed, int? steps = null)
    {
        _scenario = scenario;
        _seed = seed;
        _steps = steps;
        _n = scenario.States.Count;
        _runs = New(OutcomeRegistry.Runs.Count);
        _states = Enumerable.Range(0, _n).Select(_ => New(OutcomeRegistry.States.Count)).ToArray();
        _dyads = Enumerable.Range(0, _n * _n).Select(_ => New(OutcomeRegistry.Dyads.Count)).ToArray();
    }

    private static RunningMoments[] New(int count) => Enumerable.Range(0, count).Select(_ => new RunningMoments()).ToArray();

    public int Count { get; private set; }

    public void Accept(in CompletedRun run) => Add(run.Summary);

    private void Add(RunSummary s)
    {
        Count++;
        foreach (var o in OutcomeRegistry.Runs)
        {
            _runs[o.Index].Add(o.Of(s));
        }
        for (var i = 0; i < _n; i++)
        {
            foreach (var o in OutcomeRegistry.States)
            {
                _states[i][o.Index].Add(o.Of(s, i));
            }
            for (var j = 0; j < _n; j++)
            {
                if (i != j)
                {
                    foreach (var o in OutcomeRegistry.Dyads)
                    {
                        _dyads[i * _n + j][o.Index].Add(o.Of(s, i, j));
                    }
                }
            }
        }
    }

    public EnsembleSummary Result()
    {
        var states = new List<StateSummary>(_n);
        for (var i = 0; i < _n; i++)
        {
            var beliefs = new List<DyadSummary>();
            for (var j = 0; j < _n; j++)
            {
                if (i != j)
                {
                    beliefs.Add(new DyadSummary(_scenario.States[j].Name, Statistics(OutcomeRegistry.Dyads, _dyads[i * _n + j])));
                }
            }
            states.Add(new StateSummary(_scenario.States[i].Name, Statistics(OutcomeRegistry.States, _states[i]), beliefs));
        }
        return new EnsembleSummary(_scenario.Name, Count, _seed, _steps ?? _scenario.Steps, ScenarioHash.Of(_scenario),
            Statistics(OutcomeRegistry.Runs, _runs), states);
    }

    private static IReadOnlyList<OutcomeStatistics> Statistics(IReadOnlyList<Outcome> outcomes, RunningMoments[] moments) =>
        outcomes.Select(o => OutcomeStatistics.Of(o, moments[o.Index])).ToList();
}

/// <summary>A short, stable content hash of a scenario (SHA-256 of its canonical JSON), carried by every result row.</summary>
public static class ScenarioHash
{
    private static readonly JsonSerializerOptions Canonical = new() { WriteIndented = false };

    public static string Of(Scenario scenario)
    {
        var json = JsonSerializer.Serialize(scenario, Canonical);
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(json));
        return Convert.ToHexStringLower(bytes.AsSpan(0, 8));
    }
}
