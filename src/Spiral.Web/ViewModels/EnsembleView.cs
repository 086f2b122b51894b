using Spiral.Numerics.Statistics;
using Spiral.Core.Events;
using Spiral.Core.Recording;
using Spiral.Experiments.Metrics;
using Spiral.Core.Scenarios;
using Spiral.Experiments.Definitions;
using Spiral.Experiments.Running;

namespace Spiral.Web.ViewModels;

/// <summary>A yearly band over runs: the 10th, 50th and 90th percentiles of a series at each year.</summary>
public sealed record Band(string Name, IReadOnlyList<double> P10, IReadOnlyList<double> P50, IReadOnlyList<double> P90);

/// <summary>The mean yearly belief one state holds that another is greedy.</summary>
public sealed record BeliefSeries(string Holder, string About, IReadOnlyList<double> Mean);

/// <summary>The share of runs whose most serious crisis reached a rung of Kahn's ladder (0 = no crisis).</summary>
public sealed record RungShare(int Rung, string Name, string Group, double Share);

/// <summary>A dyad of the network view: the two states' mean final beliefs about each other and their mean final threat.</summary>
public sealed record NetworkEdge(string A, string B, double BeliefAB, double BeliefBA, double Reach)
{
    public double MutualBelief => (BeliefAB + BeliefBA) / 2;
}

/// <summary>One row of the Scenario page's breakdown of crises and wars: a run outcome of the registry over the ensemble.</summary>
public sealed record BreakdownRow(string Group, string Label, double Mean, double Low, double High);

/// <summary>
/// What the web explorer's Scenario page shows of an ensemble: the summary with its 95% intervals, yearly bands over
/// runs of military spending (share of GDP) and security, mean beliefs, the yearly war and crisis probabilities (the
/// model's own, and the crises the scenario's timeline scripts apart), the rungs reached, the network of final mutual
/// beliefs, and how crises ended (MID level) and wars came about (route). Computed from recorded rows only.
/// </summary>
public sealed record EnsembleView(
    EnsembleSummary Summary,
    IReadOnlyList<int> Years,
    IReadOnlyList<Band> MilitaryShare,
    IReadOnlyList<Band> Security,
    IReadOnlyList<BeliefSeries> Beliefs,
    IReadOnlyList<double> WarByYear,
    IReadOnlyList<double> CrisisInYear,
    IReadOnlyList<double> ScriptedCrisisInYear,
    IReadOnlyList<RungShare> Rungs,
    IReadOnlyList<NetworkEdge> Network,
    TimeSpan Elapsed)
{
    /// <summary>The outcomes of the breakdown table, in order: crises by highest MID level, fatal clashes, wars by route, scripted wars, allies.</summary>
    public static IReadOnlyList<(string Group, Outcome Outcome)> BreakdownOutcomes { get; } =
    [
        ("crises by how far they went (MID level)", OutcomeRegistry.CrisesAtThreat),
        ("crises by how far they went (MID level)", OutcomeRegistry.CrisesAtDisplay),
        ("crises by how far they went (MID level)", OutcomeRegistry.CrisesAtUseOfForce),
        ("crises by how far they went (MID level)", OutcomeRegistry.CrisesAtWar),
        ("crises by how far they went (MID level)", OutcomeRegistry.FatalClashes),
        ("wars by how they came about", OutcomeRegistry.WarsFromPrivateInformation),
        ("wars by how they came about", OutcomeRegistry.WarsFromCommitmentProblem),
        ("wars by how they came about", OutcomeRegistry.WarsFromPreemption),
        ("wars by how they came about", OutcomeRegistry.WarsStartedByWeakerSide),
        ("wars by how they came about", OutcomeRegistry.ScriptedWars),
        ("allies", OutcomeRegistry.AllyInterventions),
        ("allies", OutcomeRegistry.AllyAbandonments),
    ];

    /// <summary>The breakdown table: each of <see cref="BreakdownOutcomes"/> per run with its 95% interval.</summary>
    public IReadOnlyList<BreakdownRow> Breakdown => BreakdownOutcomes
        .Select(b => (b.Group, Stat: Summary[b.Outcome]))
        .Select(b => new BreakdownRow(b.Group, b.Stat.Outcome.Label, b.Stat.Mean, b.Stat.Estimate.Low, b.Stat.Estimate.High))
        .ToList();

    /// <summary>The ensemble ratios (<see cref="OutcomeRegistry.Ratios"/>): wars per crisis, the share of crises reaching use of force or war.</summary>
    public IReadOnlyList<(string Label, double Value)> Ratios => OutcomeRegistry.Ratios.Select(r => (r.Label, Summary[r])).ToList();

    /// <summary>The band's quantiles, estimated in constant memory per year and state by <see cref="P2Quantiles"/>.</summary>
    private static readonly double[] BandQuantiles = [0.1, 0.5, 0.9];

    /// <summary>
    /// Runs an ensemble and collects the view in memory independent of the number of runs; cancellable between chunks
    /// of runs. Row t of every series is year Y(t) of <see cref="TimeConvention"/> (row 0, the initial state, is the
    /// year before the first); a war or crisis of step t counts in row t. A year has a crisis when an event of it
    /// carries a MID level (<see cref="SimEvent.Mid"/>); the model's (<see cref="CrisisInYear"/>) and the scripted
    /// ones (<see cref="ScriptedCrisisInYear"/>) are counted apart. Wars by year are the model's (the first war step).
    /// </summary>
    public static EnsembleView Compute(EnsembleExperiment ensemble, CancellationToken cancel = default,
        IProgress<long>? progress = null, RunnerOptions? options = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var scenario = ensemble.Scenario;
        var n = scenario.States.Count;
        var steps = ensemble.Steps ?? scenario.Steps;
        var rows = steps + 1;
        var runs = ensemble.Runs;
        var share = NewQuantiles(n * rows);
        var security = NewQuantiles(n * rows);
        var belief = new double[rows * n * n];
        var firstWar = new int[rows];
        var crisis = new int[rows];
        var scriptedCrisis = new int[rows];
        var maxRung = new int[Spiral.Core.Model.EscalationLadder.Count + 1];
        var seen = new bool[rows];
        var seenScripted = new bool[rows];
        var summary = EnsembleRunner.Summarize(ensemble, options, cancel, progress, RunSinks.Of(run =>
        {
            var rec = run.Record;
            var sum = run.Summary;
            for (var t = 0; t < rows; t++)
            {
                for (var i = 0; i < n; i++)
                {
                    share[t * n + i].Add(rec.MilitaryShare[rec.Row(t, i)]);
                    security[t * n + i].Add(rec.Security[rec.Row(t, i)]);
                }
            }
            for (var k = 0; k < belief.Length; k++)
            {
                belief[k] += rec.Belief[k];
            }
            Array.Clear(seen);
            Array.Clear(seenScripted);
            foreach (ref readonly var e in rec.Events.Items)
            {
                if (e.Mid > 0 && e.Step >= 0 && e.Step < rows)
                {
                    (e.Scripted ? seenScripted : seen)[e.Step] = true;
                }
            }
            for (var t = 0; t < rows; t++)
            {
                crisis[t] += seen[t] ? 1 : 0;
                scriptedCrisis[t] += seenScripted[t] ? 1 : 0;
            }
            if (sum.FirstWarStep >= 0)
            {
                firstWar[Math.Min(sum.FirstWarStep, rows - 1)]++;
            }
            maxRung[Math.Clamp(sum.MaxRung, 0, maxRung.Length - 1)]++;
        }));

        var names = scenario.States.Select(s => s.Name).ToArray();
        var years = Enumerable.Range(0, rows).Select(t => TimeConvention.Year(scenario.StartYear, t)).ToArray();
        var shareBands = new List<Band>(n);
        var securityBands = new List<Band>(n);
        for (var i = 0; i < n; i++)
        {
            shareBands.Add(BandOf(names[i], share, i, n, rows));
            securityBands.Add(BandOf(names[i], security, i, n, rows));
        }
        var reach = EnsembleRunner.InitialReach(scenario);
        var beliefs = new List<BeliefSeries>();
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                if (i == j || (reach[i * n + j] <= 0 && reach[j * n + i] <= 0))
                {
                    continue;
                }
                var mean = new double[rows];
                for (var t = 0; t < rows; t++)
                {
                    mean[t] = belief[(t * n + i) * n + j] / runs;
                }
                beliefs.Add(new BeliefSeries(names[i], names[j], mean));
            }
        }
        var war = new double[rows];
        var cumulative = 0;
        for (var t = 0; t < rows; t++)
        {
            cumulative += firstWar[t];
            war[t] = (double)cumulative / runs;
        }
        var crisisShare = crisis.Select(c => (double)c / runs).ToArray();
        var scriptedCrisisShare = scriptedCrisis.Select(c => (double)c / runs).ToArray();
        var top = Math.Max(1, Array.FindLastIndex(maxRung, c => c > 0));
        var rungs = new List<RungShare>();
        for (var k = 0; k <= top; k++)
        {
            var rung = k == 0 ? default : Spiral.Core.Model.EscalationLadder.At(k);
            rungs.Add(new RungShare(k, k == 0 ? "no crisis" : rung.Name, k == 0 ? "" : rung.Group, (double)maxRung[k] / runs));
        }
        var edges = new List<NetworkEdge>();
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                var rr = Math.Max(reach[i * n + j], reach[j * n + i]);
                if (rr <= 0)
                {
                    continue;
                }
                edges.Add(new NetworkEdge(names[i], names[j], belief[((rows - 1) * n + i) * n + j] / runs,
                    belief[((rows - 1) * n + j) * n + i] / runs, rr));
            }
        }
        return new EnsembleView(summary, years, shareBands, securityBands, beliefs, war, crisisShare, scriptedCrisisShare, rungs, edges, clock.Elapsed);
    }

    private static P2Quantiles[] NewQuantiles(int count) =>
        Enumerable.Range(0, count).Select(_ => new P2Quantiles(BandQuantiles)).ToArray();

    private static Band BandOf(string name, P2Quantiles[] quantiles, int state, int n, int rows)
    {
        var p10 = new double[rows];
        var p50 = new double[rows];
        var p90 = new double[rows];
        for (var t = 0; t < rows; t++)
        {
            var q = quantiles[t * n + state];
            p10[t] = q.Value(0);
            p50[t] = q.Value(1);
            p90[t] = q.Value(2);
        }
        return new Band(name, p10, p50, p90);
    }
}
