using Spiral.Core.Events;
using Spiral.Core.Scenarios;
using Spiral.Experiments.Definitions;
using Spiral.Experiments.Running;

namespace Spiral.Experiments.Calibration;

/// <summary>
/// The observed crisis record of a case in a window of years: episodes counted by their highest MID hostility level
/// (Palmer et al. 2022), levels 2 (threat) to 5 (war).
/// </summary>
/// <param name="Years">The window.</param>
/// <param name="CountsByLevel">Episodes at levels 2, 3, 4 and 5 (four entries).</param>
/// <param name="Episodes">The episode ids counted, for reports.</param>
/// <param name="Source">Where the record comes from.</param>
public sealed record ObservedCrisisRecord(YearRange Years, IReadOnlyList<int> CountsByLevel, IReadOnlyList<string> Episodes, string Source = "")
{
    /// <summary>The MID levels counted, in the order of <see cref="CountsByLevel"/>.</summary>
    public static IReadOnlyList<int> Levels { get; } = [MidHostility.Threat, MidHostility.Display, MidHostility.UseOfForce, MidHostility.War];

    public int Total => CountsByLevel.Sum();
}

/// <summary>How to infer: runs per type assignment, master seed, threads (results do not depend on threads).</summary>
public sealed record TypeInferenceOptions(int Runs = 200, ulong Seed = 1, int Threads = 0);

/// <summary>One assignment of types: its prior, its log likelihoods (spending, crises) and its posterior.</summary>
public sealed record TypeAssignment(IReadOnlyList<bool> Greedy, double Prior, double LogLikelihoodSpending, double LogLikelihoodCrises, double Posterior)
{
    public double LogLikelihood => LogLikelihoodSpending + LogLikelihoodCrises;

    /// <summary>"none", or the greedy states' names joined by '+'.</summary>
    public string Label(IReadOnlyList<string> states)
    {
        var names = states.Where((_, i) => Greedy[i]).ToList();
        return names.Count == 0 ? "none" : string.Join("+", names);
    }
}

/// <summary>Posterior predictive check of the crisis count at one MID level: the 90% interval of the posterior mixture.</summary>
public sealed record CrisisCheck(int Level, int Observed, double Mean, int Low, int High)
{
    public bool Covered => Observed >= Low && Observed <= High;
}

/// <summary>Posterior predictive check of one state's spending: observed years inside the 90% interval of the mixture.</summary>
public sealed record SpendingCheck(string State, int Points, int Covered);

/// <summary>The posterior over the hidden types given the record (<see cref="TypeInference.Infer"/>).</summary>
public sealed record TypeInferenceResult(
    string Scenario,
    YearRange Years,
    IReadOnlyList<string> States,
    IReadOnlyList<TypeAssignment> Assignments,
    IReadOnlyList<double> GreedyProbability,
    double NoGreedyProbability,
    IReadOnlyList<CrisisCheck> Crises,
    CrisisCheck TotalCrises,
    IReadOnlyList<SpendingCheck> Spending,
    int SpendingObservations,
    int RemovedEvents,
    int Runs,
    ulong Seed)
{
    public const string Method =
        "Bayes over every assignment of types (each state security-seeker or greedy), prior from the scenario's greedProbability; " +
        "for each assignment the scenario without its scripted incidents and wars is simulated with the types fixed; " +
        "likelihood = Gaussian synthetic likelihood of the observed yearly log spending changes (simulated mean, sd = max(simulated sd, budgetNoise)) " +
        "× negative-binomial synthetic likelihood of the crisis counts at each MID level 2-5 (simulated mean and variance, half a crisis of smoothing)";

    /// <summary>The posterior mass of the most probable assignment.</summary>
    public TypeAssignment Map => Assignments.MaxBy(a => a.Posterior)!;

    /// <summary>Share of observed state-years whose log spending lies in the 90% posterior predictive interval.</summary>
    public double SpendingCoverage => SpendingObservations == 0 ? double.NaN : (double)Spending.Sum(s => s.Covered) / SpendingObservations;
}

/// <summary>
/// "Was it a security dilemma?": the posterior over the hidden types of a scenario's states given an observed record
/// (spending path and crisis episodes by highest MID level). Each type assignment is a hypothesis; its likelihood is
/// estimated by simulation with the types fixed (synthetic likelihood; Wood 2010), and the posterior is prior ×
/// likelihood normalised over the enumerated assignments. The scenario's scripted incidents and wars are removed:
/// they are the record the model is asked to explain, and scripted history never counts as model output.
/// </summary>
public static class TypeInference
{
    /// <summary>Most states whose type is uncertain (0 &lt; greedProbability &lt; 1) that are enumerated (2^8 assignments).</summary>
    public const int MaxFreeStates = 8;

    /// <summary>Pseudo-count of crises added to each level's simulated total (over one extra run), so no observed count has probability 0.</summary>
    public const double CrisisSmoothing = 0.5;

    /// <summary>The simulated runs of one type assignment over a window.</summary>
    /// <param name="Greedy">The fixed types.</param>
    /// <param name="Counts">Per run, crises by level (runs × 4).</param>
    /// <param name="LogMilex">Per run, ln spending per state and year from the year before the window (runs × states × (years + 1)).</param>
    public sealed record AssignmentSample(bool[] Greedy, int[][] Counts, double[][][] LogMilex);

    /// <summary>The scenario the inference simulates: scripted incidents and wars removed, every prior belief explicit.</summary>
    public static (Scenario Scenario, int Removed) Prepare(Scenario scenario)
    {
        var kept = scenario.Timeline.Where(e => e.Kind is not (TimelineEventKind.Incident or TimelineEventKind.War)).ToList();
        var removed = scenario.Timeline.Count - kept.Count;
        // Fixing a type sets greedProbability to 0 or 1; an observer's prior belief must not follow it, so every
        // default prior (the other state's greedProbability, or the scenario's priorBelief) is written into the dyads.
        var n = scenario.States.Count;
        double Default(int j) => Math.Clamp(scenario.PriorBelief ?? scenario.States[j].GreedProbability, scenario.Model.BeliefFloor, 1 - scenario.Model.BeliefFloor);
        var dyads = new List<DyadSpec>();
        var seen = new HashSet<(int, int)>();
        foreach (var d in scenario.Dyads)
        {
            int a = scenario.IndexOf(d.A), b = scenario.IndexOf(d.B);
            seen.Add((Math.Min(a, b), Math.Max(a, b)));
            dyads.Add(d with { BeliefAB = d.BeliefAB ?? Default(b), BeliefBA = d.BeliefBA ?? Default(a) });
        }
        for (var a = 0; a < n; a++)
        {
            for (var b = a + 1; b < n; b++)
            {
                if (!seen.Contains((a, b)))
                {
                    dyads.Add(new DyadSpec(scenario.States[a].Name, scenario.States[b].Name, scenario.DefaultReach) { BeliefAB = Default(b), BeliefBA = Default(a) });
                }
            }
        }
        return (scenario with { Timeline = kept, Dyads = dyads }, removed);
    }

    /// <summary>The prepared scenario with every state's type fixed.</summary>
    public static Scenario Fix(Scenario prepared, IReadOnlyList<bool> greedy) =>
        prepared with { States = prepared.States.Select((s, i) => s with { GreedProbability = greedy[i] ? 1.0 : 0.0 }).ToList() };

    /// <summary>The assignments enumerated: states with a certain type keep it, the others take both.</summary>
    public static IReadOnlyList<bool[]> Assignments(Scenario scenario)
    {
        var n = scenario.States.Count;
        var free = Enumerable.Range(0, n).Where(i => scenario.States[i].GreedProbability is > 0 and < 1).ToArray();
        if (free.Length > MaxFreeStates)
        {
            throw new ArgumentException($"{free.Length} states have an uncertain type; at most {MaxFreeStates} are enumerated");
        }
        var result = new List<bool[]>();
        for (var mask = 0; mask < 1 << free.Length; mask++)
        {
            var g = scenario.States.Select(s => s.GreedProbability >= 1).ToArray();
            for (var k = 0; k < free.Length; k++)
            {
                g[free[k]] = (mask >> k & 1) == 1;
            }
            result.Add(g);
        }
        return result;
    }

    /// <summary>Simulates <paramref name="runs"/> runs of <paramref name="prepared"/> with the types fixed and collects what the likelihood needs.</summary>
    public static AssignmentSample Simulate(Scenario prepared, bool[] greedy, YearRange years, int runs, ulong seed, int threads = 0)
    {
        if (years.First < prepared.StartYear)
        {
            throw new ArgumentException($"year {years.First} is before the scenario's start year {prepared.StartYear}");
        }
        var fixedTypes = Fix(prepared, greedy);
        var n = prepared.States.Count;
        var firstRow = Calibrator.RowOf(prepared, years.First) - 1;
        var steps = Math.Max(prepared.Steps, Calibrator.RowOf(prepared, years.Last));
        var counts = new int[runs][];
        var logMilex = new double[runs][][];
        var r = 0;
        ExperimentRunner.Run(new EnsembleExperiment(fixedTypes, runs, seed, steps), new RunnerOptions(threads), run =>
        {
            var record = run.Record;
            var c = new int[4];
            foreach (var e in record.Events.Items)
            {
                if (e.Kind == EventKind.CrisisOutcome && !e.Scripted && years.Contains(e.Year) && e.Mid is >= MidHostility.Threat and <= MidHostility.War)
                {
                    c[e.Mid - MidHostility.Threat]++;
                }
            }
            var lm = new double[n][];
            for (var i = 0; i < n; i++)
            {
                lm[i] = new double[years.Count + 1];
                for (var k = 0; k <= years.Count; k++)
                {
                    lm[i][k] = Math.Log(Math.Max(record.Milex[record.Row(firstRow + k, i)], 1e-300));
                }
            }
            counts[r] = c;
            logMilex[r] = lm;
            r++;
        });
        return new AssignmentSample(greedy, counts, logMilex);
    }

    /// <summary>Simulates every assignment of <paramref name="prepared"/>; run r of every assignment uses run index r (common random numbers).</summary>
    public static IReadOnlyList<AssignmentSample> SimulateAll(Scenario prepared, YearRange years, TypeInferenceOptions options) =>
        Assignments(prepared).Select(g => Simulate(prepared, g, years, options.Runs, options.Seed, options.Threads)).ToList();

    /// <summary>The posterior over the assignments given the record, with posterior predictive checks.</summary>
    /// <param name="prepared">The scenario from <see cref="Prepare"/>; its greedProbability gives the prior.</param>
    /// <param name="samples">The simulations of every assignment (<see cref="SimulateAll"/>).</param>
    /// <param name="years">The window the samples cover.</param>
    /// <param name="spending">Observed spending in the scenario's unit (states missing from it are not scored), or null.</param>
    /// <param name="crises">The observed crisis record, or null.</param>
    /// <param name="removedEvents">Scripted events <see cref="Prepare"/> removed, for the report.</param>
    /// <param name="seed">The master seed of the samples, for the report.</param>
    public static TypeInferenceResult Evaluate(Scenario prepared, IReadOnlyList<AssignmentSample> samples, YearRange years,
        ObservedSpending? spending, ObservedCrisisRecord? crises, int removedEvents = 0, ulong seed = 0)
    {
        var n = prepared.States.Count;
        var names = prepared.States.Select(s => s.Name).ToList();
        var sigma = prepared.Model.BudgetNoise;
        // Observed yearly log changes (state, window index k ≥ 1 relative to the year before the window).
        var changes = new List<(int State, int K, double Value)>();
        var levels = new List<(int State, int K, double Value)>();
        if (spending is not null)
        {
            for (var i = 0; i < n; i++)
            {
                for (var k = 0; k <= years.Count; k++)
                {
                    var year = years.First - 1 + k;
                    if (k >= 1 && spending.TryGet(names[i], year, out var o) && o > 0)
                    {
                        levels.Add((i, k, Math.Log(o)));
                        if (spending.TryGet(names[i], year - 1, out var before) && before > 0)
                        {
                            changes.Add((i, k, Math.Log(o) - Math.Log(before)));
                        }
                    }
                }
            }
        }
        var logPost = new double[samples.Count];
        var llS = new double[samples.Count];
        var llC = new double[samples.Count];
        var priors = new double[samples.Count];
        for (var a = 0; a < samples.Count; a++)
        {
            var s = samples[a];
            priors[a] = Prior(prepared, s.Greedy);
            foreach (var (i, k, value) in changes)
            {
                double sum = 0, sumSq = 0;
                foreach (var run in s.LogMilex)
                {
                    var d = run[i][k] - run[i][k - 1];
                    sum += d;
                    sumSq += d * d;
                }
                var mean = sum / s.LogMilex.Length;
                var variance = Math.Max(0, sumSq / s.LogMilex.Length - mean * mean);
                var sd = Math.Max(Math.Sqrt(variance), sigma);
                var z = (value - mean) / sd;
                llS[a] += -0.5 * z * z - Math.Log(sd) - 0.5 * Math.Log(2 * Math.PI);
            }
            if (crises is not null)
            {
                for (var l = 0; l < 4; l++)
                {
                    llC[a] += LogNegativeBinomial(crises.CountsByLevel[l], s.Counts.Select(c => c[l]).ToArray());
                }
            }
            logPost[a] = priors[a] > 0 ? Math.Log(priors[a]) + llS[a] + llC[a] : double.NegativeInfinity;
        }
        var max = logPost.Max();
        var weights = logPost.Select(v => double.IsNegativeInfinity(v) ? 0 : Math.Exp(v - max)).ToArray();
        var total = weights.Sum();
        var posterior = weights.Select(w => w / total).ToArray();
        var assignments = samples.Select((s, a) => new TypeAssignment(s.Greedy, priors[a], llS[a], llC[a], posterior[a])).ToList();
        var pGreedy = Enumerable.Range(0, n).Select(i => assignments.Where(x => x.Greedy[i]).Sum(x => x.Posterior)).ToList();
        var pNone = assignments.Where(x => x.Greedy.All(g => !g)).Sum(x => x.Posterior);

        // Posterior predictive checks: the mixture of every assignment's runs, each run weighted posterior / runs.
        var crisisChecks = new List<CrisisCheck>();
        for (var l = 0; l < 4; l++)
        {
            crisisChecks.Add(CountCheck(ObservedCrisisRecord.Levels[l], crises?.CountsByLevel[l] ?? 0, samples, posterior, c => c[l]));
        }
        var totalCheck = CountCheck(0, crises?.Total ?? 0, samples, posterior, c => c.Sum());
        var spendingChecks = new List<SpendingCheck>();
        for (var i = 0; i < n; i++)
        {
            var points = levels.Where(p => p.State == i).ToList();
            if (points.Count == 0)
            {
                continue;
            }
            var covered = 0;
            foreach (var (_, k, value) in points)
            {
                var values = new List<(double Value, double Weight)>();
                for (var a = 0; a < samples.Count; a++)
                {
                    var w = posterior[a] / samples[a].LogMilex.Length;
                    foreach (var run in samples[a].LogMilex)
                    {
                        values.Add((run[i][k], w));
                    }
                }
                if (value >= Quantile(values, 0.05) && value <= Quantile(values, 0.95))
                {
                    covered++;
                }
            }
            spendingChecks.Add(new SpendingCheck(names[i], points.Count, covered));
        }
        return new TypeInferenceResult(prepared.Name, years, names, assignments, pGreedy, pNone, crisisChecks, totalCheck,
            spendingChecks, levels.Count, removedEvents, samples.Count == 0 ? 0 : samples[0].Counts.Length, seed);
    }

    /// <summary>Prepares, simulates every assignment and evaluates the record (<see cref="TypeInferenceResult.Method"/>).</summary>
    public static TypeInferenceResult Infer(Scenario scenario, YearRange years, ObservedSpending? spending, ObservedCrisisRecord? crises,
        TypeInferenceOptions options)
    {
        if (options.Runs < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "at least 2 runs per assignment");
        }
        var (prepared, removed) = Prepare(scenario);
        var samples = SimulateAll(prepared, years, options);
        return Evaluate(prepared, samples, years, spending, crises, removed, options.Seed);
    }

    /// <summary>
    /// A synthetic record: run 0 of the prepared scenario with the given types under master seed
    /// <paramref name="seed"/>, its spending as the observed series and its crises by level as the observed counts.
    /// </summary>
    public static (ObservedSpending Spending, ObservedCrisisRecord Crises) Synthetic(Scenario prepared, bool[] greedy, YearRange years, ulong seed)
    {
        var s = Simulate(prepared, greedy, years, 1, seed, 1);
        var series = new Dictionary<string, IReadOnlyDictionary<int, double>>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < prepared.States.Count; i++)
        {
            series[prepared.States[i].Name] = Enumerable.Range(0, years.Count + 1).ToDictionary(k => years.First - 1 + k, k => Math.Exp(s.LogMilex[0][i][k]));
        }
        return (new ObservedSpending(series, "scenario unit", "synthetic"), new ObservedCrisisRecord(years, s.Counts[0], [], "synthetic"));
    }

    /// <summary>The prior of an assignment: Π p_i^g_i (1 − p_i)^(1 − g_i) with p_i the state's greedProbability.</summary>
    public static double Prior(Scenario scenario, IReadOnlyList<bool> greedy)
    {
        var p = 1.0;
        for (var i = 0; i < greedy.Count; i++)
        {
            var g = scenario.States[i].GreedProbability;
            p *= greedy[i] ? g : 1 - g;
        }
        return p;
    }

    /// <summary>
    /// ln P(observed) under a negative binomial with the simulated mean (smoothed by <see cref="CrisisSmoothing"/>
    /// crises over one extra run) and variance (at least the mean: Poisson when the runs are not overdispersed).
    /// </summary>
    public static double LogNegativeBinomial(int observed, int[] simulated)
    {
        var runs = simulated.Length;
        double sum = 0, sumSq = 0;
        foreach (var c in simulated)
        {
            sum += c;
            sumSq += (double)c * c;
        }
        var mean = (sum + CrisisSmoothing) / (runs + 1);
        var variance = runs > 1 ? (sumSq - sum * sum / runs) / (runs - 1) : mean;
        if (variance <= mean * (1 + 1e-9))
        {
            return observed * Math.Log(mean) - mean - LogFactorial(observed);
        }
        var size = mean * mean / (variance - mean);
        var p = size / (size + mean);
        return LogGamma(observed + size) - LogGamma(size) - LogFactorial(observed) + size * Math.Log(p) + observed * Math.Log(1 - p);
    }

    private static CrisisCheck CountCheck(int level, int observed, IReadOnlyList<AssignmentSample> samples, double[] posterior, Func<int[], int> count)
    {
        var values = new List<(double Value, double Weight)>();
        double mean = 0;
        for (var a = 0; a < samples.Count; a++)
        {
            var w = posterior[a] / samples[a].Counts.Length;
            foreach (var c in samples[a].Counts)
            {
                var v = count(c);
                values.Add((v, w));
                mean += w * v;
            }
        }
        return new CrisisCheck(level, observed, mean, (int)Quantile(values, 0.05), (int)Quantile(values, 0.95));
    }

    /// <summary>The weighted quantile: the smallest value whose cumulative weight reaches q of the total.</summary>
    private static double Quantile(List<(double Value, double Weight)> values, double q)
    {
        values.Sort((x, y) => x.Value.CompareTo(y.Value));
        var total = values.Sum(v => v.Weight);
        double cumulative = 0;
        foreach (var (value, weight) in values)
        {
            cumulative += weight;
            if (cumulative >= q * total * (1 - 1e-12))
            {
                return value;
            }
        }
        return values[^1].Value;
    }

    private static double LogFactorial(int k) => LogGamma(k + 1.0);

    /// <summary>ln Γ(x) for x &gt; 0 (Lanczos approximation, g = 7, nine coefficients).</summary>
    private static double LogGamma(double x)
    {
        if (x < 0.5)
        {
            return Math.Log(Math.PI / Math.Sin(Math.PI * x)) - LogGamma(1 - x);
        }
        ReadOnlySpan<double> c =
        [
            0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
            12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
        ];
        x -= 1;
        var a = c[0];
        var t = x + 7.5;
        for (var i = 1; i < 9; i++)
        {
            a += c[i] / (x + i);
        }
        return 0.5 * Math.Log(2 * Math.PI) + (x + 0.5) * Math.Log(t) - t + Math.Log(a);
    }
}
