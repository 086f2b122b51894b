using Spiral.Core.Events;
using Spiral.Core.Parameters;
using Spiral.Core.Scenarios;
using Spiral.Experiments.Definitions;
using Spiral.Experiments.Running;
using Spiral.Numerics.Optimization;

namespace Spiral.Experiments.Calibration;

/// <summary>A case for the crisis calibration: a scenario and its observed record over its training years.</summary>
public sealed record CrisisCase(Scenario Scenario, ObservedCrisisRecord Record);

/// <summary>One moment of the crisis calibration: its observed value and standard error, and the fitted simulated value.</summary>
public sealed record CrisisMoment(string Name, double Observed, double StandardError, double Simulated, string Source);

/// <summary>An estimated constant with its SMM standard error.</summary>
public sealed record CrisisEstimate(string Path, double Min, double Max, double Default, double Value, double StandardError);

/// <summary>The result of <see cref="CrisisCalibration.Fit"/>.</summary>
public sealed record CrisisCalibrationResult(
    IReadOnlyList<CrisisEstimate> Parameters,
    IReadOnlyList<CrisisMoment> Moments,
    IReadOnlyList<CrisisMoment> MomentsAtDefaults,
    double Objective,
    double ObjectiveAtDefaults,
    int Evaluations,
    bool Converged,
    double ConditionNumber,
    bool Identified,
    IReadOnlyList<string> Cases,
    int Runs,
    ulong Seed)
{
    public const string Method =
        "simulated method of moments: Nelder-Mead on the unit box, objective Σ ((simulated − observed) / s.e.)² (diagonal weighting " +
        "matrix from the moments' sampling uncertainty: Poisson for the crisis rate, binomial for the shares), common random numbers; " +
        "standard errors (1 + 1/runs)(G'WG)⁻¹ with G the central-difference Jacobian of the simulated moments";
}

/// <summary>
/// Estimates the behavioural constants that govern how often crises open and how far they climb, by the simulated
/// method of moments (McFadden 1989; Pakes &amp; Pollard 1989), on three moments: the crisis rate of the real cases over
/// their training years (episodes per case-year in data/observed_crises.csv), and the shares of MIDs that reached use of
/// force or war and that reached war (MID 5.0, disputes starting 1946-2014). Each case is simulated without its scripted
/// incidents and wars, types drawn from the scenario's priors, and only endogenous crises ending in the training years
/// count. The three constants: λ0 (<c>world.incidentBaseRate</c>, how often incidents open crises), the chance per round
/// that a crisis in which both hold fades (<c>model.crisisFadeProbability</c>; both Spiral v1 defaults never estimated)
/// and the audience cost per rung of backing down (<c>model.audienceCost</c>; Fearon 1994), which together set how far
/// crises climb (crisis misreading was tried and moves no moment: it changes beliefs, not moves). Three moments for three constants: exactly identified when G has full rank.
/// </summary>
public static class CrisisCalibration
{
    /// <summary>MID 5.0, MIDs starting 1946-2014 (data/conflict_base_rates.csv BR019, BR021): 1,194 at level 4 and 29 at level 5 of 1,726.</summary>
    public const int MidDisputes = 1726, MidUseOfForceOrWar = 1194 + 29, MidWars = 29;

    /// <summary>The constants estimated, with their search bounds.</summary>
    public static IReadOnlyList<FreeParameter> Parameters { get; } =
    [
        new("world.incidentBaseRate", 0.01, 3.0),
        new("model.crisisFadeProbability", 0.01, 0.95),
        new("model.audienceCost", 0.0, 1.0),
    ];

    /// <summary>The observed moments: crisis rate per case-year, share at level ≥ 4, share at level 5.</summary>
    public static (double[] Value, double[] Se, string[] Name, string[] Source) Observed(IReadOnlyList<CrisisCase> cases)
    {
        var crises = cases.Sum(c => c.Record.Total);
        var caseYears = cases.Sum(c => c.Record.Years.Count);
        var rate = (double)crises / caseYears;
        var pForce = (double)MidUseOfForceOrWar / MidDisputes;
        var pWar = (double)MidWars / MidDisputes;
        return (
            [rate, pForce, pWar],
            [Math.Sqrt(Math.Max(crises, 1)) / caseYears, Math.Sqrt(pForce * (1 - pForce) / MidDisputes), Math.Sqrt(pWar * (1 - pWar) / MidDisputes)],
            ["crises per case-year", "share reaching use of force or war", "share reaching war"],
            [$"data/observed_crises.csv: {crises} episodes in {caseYears} case-years (training years)",
             $"MID 5.0, 1946-2014: {MidUseOfForceOrWar} of {MidDisputes} (conflict_base_rates.csv BR019, BR021)",
             $"MID 5.0, 1946-2014: {MidWars} of {MidDisputes} (conflict_base_rates.csv BR019)"]);
    }

    /// <summary>The simulated moments at the given constants (same seed ⇒ same result at any thread count).</summary>
    public static double[] Simulate(IReadOnlyList<CrisisCase> cases, IReadOnlyList<double> values, int runs, ulong seed, int threads = 0)
    {
        double crises = 0, force = 0, war = 0, caseYears = 0;
        foreach (var c in cases)
        {
            var s = c.Scenario with { Timeline = c.Scenario.Timeline.Where(e => e.Kind is not (TimelineEventKind.Incident or TimelineEventKind.War)).ToList() };
            s = Calibrator.Apply(s, Parameters, values);
            var years = c.Record.Years;
            var steps = Math.Max(s.Steps, Calibrator.RowOf(s, years.Last));
            ExperimentRunner.Run(new EnsembleExperiment(s, runs, seed, steps), new RunnerOptions(threads), run =>
            {
                foreach (var e in run.Record.Events.Items)
                {
                    if (e.Kind == EventKind.CrisisOutcome && !e.Scripted && years.Contains(e.Year))
                    {
                        crises++;
                        if (e.Mid >= MidHostility.UseOfForce) force++;
                        if (e.Mid >= MidHostility.War) war++;
                    }
                }
            });
            caseYears += (double)years.Count * runs;
        }
        return [crises / caseYears, crises > 0 ? force / crises : 0, crises > 0 ? war / crises : 0];
    }

    /// <summary>Fits the constants from the scenarios' own values (the catalog defaults unless a case overrides them).</summary>
    public static CrisisCalibrationResult Fit(IReadOnlyList<CrisisCase> cases, int runs = 50, ulong seed = 1, int maxEvaluations = 60, int threads = 0)
    {
        if (cases.Count == 0)
        {
            throw new ArgumentException("no case to calibrate on");
        }
        var (obs, se, names, sources) = Observed(cases);
        var p = Parameters;
        double[] ToValues(double[] u) => u.Select((x, k) => p[k].Min + Math.Clamp(x, 0, 1) * (p[k].Max - p[k].Min)).ToArray();
        double Q(double[] m) => m.Select((v, k) => (v - obs[k]) / se[k]).Sum(z => z * z);
        double Objective(double[] u) => u.Any(x => x < 0 || x > 1) ? 1e12 : Q(Simulate(cases, ToValues(u), runs, seed, threads));
        var defaults = p.Select(x => ParameterCatalog.Get(cases[0].Scenario, x.Path)).ToArray();
        var start = defaults.Select((v, k) => (Math.Clamp(v, p[k].Min, p[k].Max) - p[k].Min) / (p[k].Max - p[k].Min)).ToArray();
        var atDefaults = Simulate(cases, defaults, runs, seed, threads);
        var best = NelderMead.Minimize(Objective, start, maxEvaluations);
        var values = ToValues(best.Point);
        var atBest = Simulate(cases, values, runs, seed, threads);

        // G: ∂m/∂θ by central differences (2% of each range), same seed.
        var k2 = p.Count;
        var g = new double[obs.Length, k2];
        for (var j = 0; j < k2; j++)
        {
            var h = 0.02 * (p[j].Max - p[j].Min);
            var up = (double[])values.Clone();
            var down = (double[])values.Clone();
            up[j] = Math.Min(p[j].Max, values[j] + h);
            down[j] = Math.Max(p[j].Min, values[j] - h);
            var mu = Simulate(cases, up, runs, seed, threads);
            var md = Simulate(cases, down, runs, seed, threads);
            for (var i = 0; i < obs.Length; i++)
            {
                g[i, j] = (mu[i] - md[i]) / (up[j] - down[j]);
            }
        }
        // G'WG, W = diag(1/se²); its inverse by Gauss-Jordan; condition number in the 1-norm.
        var info = new double[k2, k2];
        for (var r = 0; r < k2; r++)
        {
            for (var c = 0; c < k2; c++)
            {
                for (var i = 0; i < obs.Length; i++)
                {
                    info[r, c] += g[i, r] * g[i, c] / (se[i] * se[i]);
                }
            }
        }
        var inverse = Invert(info);
        var condition = inverse is null ? double.PositiveInfinity : Norm1(info) * Norm1(inverse);
        var scale = 1 + 1.0 / runs;
        var ses = Enumerable.Range(0, k2).Select(j => inverse is null || inverse[j, j] <= 0 ? double.NaN : Math.Sqrt(scale * inverse[j, j])).ToArray();
        // Identified: the information matrix is invertible and well conditioned, and each estimate is at least four
        // standard errors from zero, inside its bounds.
        var identified = inverse is not null && condition < 1e6
            && values.Select((v, j) => double.IsFinite(ses[j]) && ses[j] < 0.25 * Math.Abs(v) && v > p[j].Min && v < p[j].Max).All(x => x);
        var estimates = p.Select((x, j) => new CrisisEstimate(x.Path, x.Min, x.Max, defaults[j], values[j], ses[j])).ToList();
        var moments = obs.Select((o, i) => new CrisisMoment(names[i], o, se[i], atBest[i], sources[i])).ToList();
        var momentsAtDefaults = obs.Select((o, i) => new CrisisMoment(names[i], o, se[i], atDefaults[i], sources[i])).ToList();
        return new CrisisCalibrationResult(estimates, moments, momentsAtDefaults, Q(atBest), Q(atDefaults), best.Evaluations + 3 + 2 * k2,
            best.Converged, condition, identified, cases.Select(c => c.Scenario.Name).ToList(), runs, seed);
    }

    private static double[,]? Invert(double[,] m)
    {
        var n = m.GetLength(0);
        var a = new double[n, 2 * n];
        for (var r = 0; r < n; r++)
        {
            for (var c = 0; c < n; c++)
            {
                a[r, c] = m[r, c];
            }
            a[r, n + r] = 1;
        }
        for (var c = 0; c < n; c++)
        {
            var pivot = c;
            for (var r = c + 1; r < n; r++)
            {
                if (Math.Abs(a[r, c]) > Math.Abs(a[pivot, c])) pivot = r;
            }
            if (Math.Abs(a[pivot, c]) < 1e-300)
            {
                return null;
            }
            for (var j = 0; j < 2 * n; j++) (a[c, j], a[pivot, j]) = (a[pivot, j], a[c, j]);
            var d = a[c, c];
            for (var j = 0; j < 2 * n; j++) a[c, j] /= d;
            for (var r = 0; r < n; r++)
            {
                if (r == c) continue;
                var f = a[r, c];
                for (var j = 0; j < 2 * n; j++) a[r, j] -= f * a[c, j];
            }
        }
        var inv = new double[n, n];
        for (var r = 0; r < n; r++)
        {
            for (var c = 0; c < n; c++)
            {
                inv[r, c] = a[r, n + c];
            }
        }
        return inv;
    }

    private static double Norm1(double[,] m)
    {
        var best = 0.0;
        for (var c = 0; c < m.GetLength(1); c++)
        {
            var sum = 0.0;
            for (var r = 0; r < m.GetLength(0); r++) sum += Math.Abs(m[r, c]);
            best = Math.Max(best, sum);
        }
        return best;
    }
}
