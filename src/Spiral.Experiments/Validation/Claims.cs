using Spiral.Core.Parameters;
using System.Globalization;
using Spiral.Core.Events;
using Spiral.Core.Recording;
using Spiral.Core.Scenarios;
using Spiral.Experiments.Counterfactuals;
using Spiral.Experiments.Metrics;
using Spiral.Experiments.Scenarios;
using Spiral.Numerics.Random;
using Spiral.Numerics.Statistics;

namespace Spiral.Experiments.Validation;

/// <summary>
/// The theory's claims (DESIGN.md sections 2 and 5; issue 5) as paired experiments on stylized systems.
/// Every claim states its experiment; effects are signed so that a positive effect is the claim's direction.
/// </summary>
public static class Claims
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static IReadOnlyList<Claim> All { get; } =
    [
        new("V1", "Anarchy: security-seekers arm more under uncertainty than with perfect information.", "Herz 1950; Glaser 1997",
            "stylized 6 states, β=1, ω=0.5; near-perfect information (prior ε, institutions 1: a shared report of behaviour with only the noise floors) vs anarchy (prior 0.2, institutions 0); military share averaged over the years", V1),
        new("V2", "Uncertainty of intentions: more observation noise gives larger belief errors and more spirals between security-seekers.", "Butterfield 1951; Jervis 1976",
            "stylized 6 states, β=1.5, ω=0.3; σ=0.1 vs σ=1.0; mean belief error and spirals per run", V2),
        new("V3", "Jervis's four worlds: war probability is ordered doubly dangerous > each mixed world > doubly stable, and the arms race is most intense in the doubly dangerous world.", "Jervis 1978",
            "stylized 6 states, greed probability 0.15; β ∈ {3, 1/3} × ω ∈ {0, 0.9}; P(war) and arms-race index", V3),
        new("V4", "Offense-defense balance: war probability rises with offense advantage.", "Jervis 1978; Van Evera 1999",
            "stylized 6 states, ω=0.2, greed probability 0.15; β ∈ {0.6, 1, 1.5, 2, 2.5, 3}; slope of P(war) on β", V4),
        new("V5", "Distinguishability: greedy states are identified sooner (belief > 0.8) when postures can be told apart.", "Jervis 1978; Glaser 1997",
            "stylized 6 states, β=1, greed probability 0.2; ω=0 vs ω=0.9; years until observers' belief about a greedy state first exceeds 0.8 (censored at the horizon)", V5),
        new("V6", "The tragedy: wars between two security-seekers occur in the doubly dangerous world and (nearly) never in the doubly stable one.", "Jervis 1978; Butterfield 1951",
            "Jervis worlds with six security-seekers (greed probability 0); P(war between security-seekers) in β=3, ω=0 vs β=1/3, ω=0.9", V6),
        new("V7", "Historical rivalry: more rivalry gives more spirals and more incidents.", "Diehl & Goertz 2000; Wendt 1999",
            "stylized 6 states, β=2.5, ω=0; rivalry 0 vs 0.6 on every dyad; spirals and crises per run", V7),
        new("V8", "Failure to empathize: lower empathy makes spirals come faster.", "Butterfield 1951; Jervis 1976",
            "stylized 6 states, β=2.5, ω=0; empathy 1 vs 0; years until the first spiral (censored at the horizon)", V8),
        new("V9", "Internal threats (insecurity dilemma): one state's internal threat lowers its neighbours' security and raises regional crises.", "Sørensen 2007; Salehyan 2009",
            "stylized 6 states, β=1, ω=0.5; internal threat of S1 0 vs 0.8; neighbours' security averaged over the years and crises per run", V9),
        new("V10", "Third-world priorities: a high development priority lowers the state's arming and its rivals'.", "Acharya 1995",
            "stylized 6 states, β=2.5, ω=0; development priority of S1 0 vs 1; S1's and the others' military share averaged over the years", V10),
        new("V11", "Arms races are reactive: the Richardson reaction coefficient fitted on simulated rival series is positive.", "Richardson 1960",
            "two states, β=1.5, ω=0.3, 40 years: S2 follows an exogenous buildup (2% → 8% of GDP) and cut, S1 is a defensive realist; least-squares k of Δx1 = k x2 − a x1 + g per run", V11),
        new("V12", "Confidence-building measures lower spirals among security-seekers.", "Holst 1983; Kydd 2005",
            "stylized 6 states, β=2.5, ω=0; transparency 0 vs 0.6 on every dyad; spirals per run", V12),
        new("V13", "A hotline lowers the probability of war given an incident.", "Schelling 1960",
            "stylized 6 states, β=2.5, ω=0; hotline 0 vs 1 on every dyad; wars per crisis (ratio of totals, paired bootstrap interval)", V13),
        new("V14", "Preparedness without provocation: a defensive posture lowers the rival's belief and arming.", "Jervis 1978; Glaser 1997",
            "stylized 6 states, β=1.5, ω=0.6; S1 standard vs posture:S1=defensive; others' final belief about S1 and their military share averaged over the years", V14),
        new("V15", "Multilateral engagement: institutions lower belief errors and crises.", "Keohane 1984",
            "stylized 6 security-seekers, β=2.5, ω=0; institutions 0 vs 0.6; mean belief error and crises per run", V15),
        new("V16", "Costly reassurance and GRIT end spirals between trustworthy states more often than tit for tat.", "Kydd 2000; Osgood 1962",
            "two security-seekers starting in a spiral (prior 0.75), β=1.5, ω=0.3; both TitForTat vs both CostlySignaller, and vs both Grit; share of runs ending with both beliefs below 0.5", V16),
        new("V17", "Alliances deter a greedy state yet raise the rival's threat perception.", "Walt 1987; Snyder 1984",
            "a greedy state G (GDP 1000, 4% of GDP on arms) against two security-seekers A and B (GDP 1000 each), β=1.5, 40 years; no alliance vs alliance A+B (commitment 1); wars started by G, and G's final security", V17),
    ];

    public static Claim Get(string id) => All.First(c => string.Equals(c.Id, id, StringComparison.OrdinalIgnoreCase));

    // ------------------------------------------------------------------ measures

    /// <summary>Military share averaged over the run's years and the included states.</summary>
    private static double MeanShare(RunRecord r, Func<int, bool> include)
    {
        double sum = 0;
        var n = 0;
        for (var t = 1; t <= r.Steps; t++)
        {
            for (var i = 0; i < r.N; i++)
            {
                if (include(i))
                {
                    sum += r.MilitaryShare[r.Row(t, i)];
                    n++;
                }
            }
        }
        return n > 0 ? sum / n : double.NaN;
    }

    private static double FirstEventStep(RunRecord r, EventKind kind)
    {
        foreach (ref readonly var e in r.Events.Items)
        {
            if (e.Kind == kind)
            {
                return e.Step;
            }
        }
        return r.Steps + 1;
    }

    /// <summary>Mean over (observer, greedy state) pairs of the first year the belief exceeds 0.8; horizon + 1 if never; NaN without a greedy state.</summary>
    private static double IdentificationTime(RunRecord r, RunSummary s)
    {
        double sum = 0;
        var n = 0;
        for (var j = 0; j < r.N; j++)
        {
            if (!r.IsGreedy[j])
            {
                continue;
            }
            for (var i = 0; i < r.N; i++)
            {
                if (i == j || r.IsGreedy[i])
                {
                    continue;
                }
                var t = 1;
                while (t <= r.Steps && r.BeliefAt(t, i, j) <= 0.8)
                {
                    t++;
                }
                sum += t;
                n++;
            }
        }
        return n > 0 ? sum / n : double.NaN;
    }

    // ------------------------------------------------------------------ helpers

    private static ClaimResult Result(Claim c, ValidationSize size, string effectName, Estimate effect, bool passed, string details) =>
        new(c.Id, c.Statement, c.Source, c.Experiment, effectName, effect, passed, size.Runs, size.Seed, details);

    private static ClaimResult Paired(string id, ValidationSize size, Scenario baseline, Scenario treated, RunMeasure measure,
        string effectName, bool higherIsClaim, string unit) =>
        Paired(id, size, PairedMeasure.Run([baseline, treated], size, measure).Values(0), effectName, higherIsClaim, unit);

    private static ClaimResult Paired(string id, ValidationSize size, Scenario baseline, Scenario treated, Outcome outcome,
        string effectName, bool higherIsClaim, string unit) =>
        Paired(id, size, PairedMeasure.Run([baseline, treated], size).Values(outcome), effectName, higherIsClaim, unit);

    private static ClaimResult Paired(string id, ValidationSize size, double[][] v, string effectName, bool higherIsClaim, string unit)
    {
        var d = PairedMeasure.Difference(v[0], v[1]);
        var effect = higherIsClaim ? d : new Estimate(-d.Mean, -d.High, -d.Low);
        return Result(Get(id), size, effectName, effect, effect.Low > 0,
            string.Create(Inv, $"baseline {PairedMeasure.Mean(v[0]):G4}{unit}, treated {PairedMeasure.Mean(v[1]):G4}{unit}"));
    }

    private static Estimate Signed(Estimate d, bool higher) => higher ? d : new Estimate(-d.Mean, -d.High, -d.Low);

    private static Scenario Stylized(double beta, double omega, double greed = 0, double rivalry = 0, double hotline = 0,
        double transparency = 0, double empathy = 0.5, double noise = 0.5, double institutions = 0, int states = 6, int steps = 50) =>
        StylizedScenario.Create(states, beta, omega, greed, 0.2, steps, "DefensiveRealist", noise, institutions, rivalry, hotline,
            transparency, empathy);

    // ------------------------------------------------------------------ claims

    /// <summary>Offense advantage of Jervis's offense-dominant worlds.</summary>
    public const double Offensive = 3.0;
    /// <summary>Offense advantage of Jervis's defense-dominant worlds (the reciprocal: defense three times as efficient).</summary>
    public const double Defensive = 1.0 / 3.0;

    private static ClaimResult V1(ValidationSize size)
    {
        var anarchy = Stylized(1, 0.5);
        var perfect = anarchy with
        {
            PriorBelief = anarchy.Model.BeliefFloor,
            World = anarchy.World with { Institutions = 1 },
        };
        return Paired("V1", size, perfect, anarchy, (r, _) => MeanShare(r, _ => true),
            "Δ mean military share (anarchy − perfect information)", higherIsClaim: true, "");
    }

    private static ClaimResult V2(ValidationSize size)
    {
        var p = PairedMeasure.Run([Stylized(1.5, 0.3, noise: 0.1), Stylized(1.5, 0.3, noise: 1.0)], size);
        var v = p.Values(OutcomeRegistry.MeanBeliefError);
        var sp = p.Values(OutcomeRegistry.Spirals);
        var error = PairedMeasure.Difference(v[0], v[1]);
        var spirals = PairedMeasure.Difference(sp[0], sp[1]);
        return Result(Get("V2"), size, "Δ mean belief error (σ 1.0 − 0.1)", error, error.Low > 0 && spirals.Low > 0,
            string.Create(Inv, $"belief error {PairedMeasure.Mean(v[0]):F3} → {PairedMeasure.Mean(v[1]):F3}; spirals per run {PairedMeasure.Mean(sp[0]):F2} → {PairedMeasure.Mean(sp[1]):F2} (Δ {spirals.Mean:F2} [{spirals.Low:F2}, {spirals.High:F2}])"));
    }

    private static ClaimResult V3(ValidationSize size)
    {
        Scenario[] worlds = [Stylized(Offensive, 0, greed: 0.15), Stylized(Offensive, 0.9, greed: 0.15), Stylized(Defensive, 0, greed: 0.15), Stylized(Defensive, 0.9, greed: 0.15)];
        var p = PairedMeasure.Run(worlds, size);
        var war = p.Values(OutcomeRegistry.HadWar);
        var arms = p.Values(OutcomeRegistry.ArmsRaceIndex);
        // P(war): DD > OD, DD > DI, OD > DS, DI > DS; arms-race index: DD > OD, DD > DI. The index's mixed-world
        // vs doubly-stable ordering is reported, not required: with greedy states present, security-seekers that can
        // identify them (ω high) arm against them, so DS arms at least as much as DI (see docs/explanation/validation.md).
        var passed = true;
        var smallest = new Estimate(double.PositiveInfinity, 0, 0);
        foreach (var (hi, lo) in new[] { (0, 1), (0, 2), (1, 3), (2, 3) })
        {
            var d = PairedMeasure.Difference(war[lo], war[hi]);
            passed &= d.Low > 0;
            if (d.Mean < smallest.Mean)
            {
                smallest = d;
            }
        }
        foreach (var (hi, lo) in new[] { (0, 1), (0, 2) })
        {
            passed &= PairedMeasure.Difference(arms[lo], arms[hi]).Low > 0;
        }
        string Fmt(double[][] v, string f) => string.Join(" / ", v.Select(x => PairedMeasure.Mean(x).ToString(f, Inv)));
        return Result(Get("V3"), size, "smallest paired gap in P(war) along the ordering", smallest, passed,
            $"P(war) DD/OD/DI/DS {Fmt(war, "F3")}; arms-race index {Fmt(arms, "P2")}");
    }

    private static ClaimResult V4(ValidationSize size)
    {
        double[] levels = [0.6, 1, 1.5, 2, 2.5, 3];
        var war = PairedMeasure.Run(levels.Select(b => Stylized(b, 0.2, greed: 0.15)).ToArray(), size).Values(OutcomeRegistry.HadWar);
        var slope = PairedMeasure.Slope(levels, war);
        var means = war.Select(PairedMeasure.Mean).ToArray();
        return Result(Get("V4"), size, "slope of P(war) per unit of β", slope, slope.Low > 0,
            "P(war) at β " + string.Join(", ", levels.Select((b, k) => string.Create(Inv, $"{b}: {means[k]:F3}"))));
    }

    private static ClaimResult V5(ValidationSize size) =>
        Paired("V5", size, Stylized(1, 0, greed: 0.2), Stylized(1, 0.9, greed: 0.2), IdentificationTime,
            "years sooner a greedy state is identified (ω 0.9 vs 0)", higherIsClaim: false, " years");

    private static ClaimResult V6(ValidationSize size)
    {
        var v = PairedMeasure.Run([Stylized(Defensive, 0.9), Stylized(Offensive, 0)], size).Values(OutcomeRegistry.HadWarBetweenSecuritySeekers);
        var dangerous = Estimate.Proportion((int)v[1].Sum(), size.Runs);
        var stable = Estimate.Proportion((int)v[0].Sum(), size.Runs);
        var d = PairedMeasure.Difference(v[0], v[1]);
        return Result(Get("V6"), size, "P(war between security-seekers): doubly dangerous − doubly stable", d,
            dangerous.Low > 0 && stable.High < 0.02,
            string.Create(Inv, $"doubly dangerous {dangerous.Mean:F3} [{dangerous.Low:F3}, {dangerous.High:F3}]; doubly stable {stable.Mean:F3} [{stable.Low:F3}, {stable.High:F3}]"));
    }

    private static ClaimResult V7(ValidationSize size)
    {
        var p = PairedMeasure.Run([Stylized(2.5, 0), Stylized(2.5, 0, rivalry: 0.6)], size);
        var sp = p.Values(OutcomeRegistry.Spirals);
        var cr = p.Values(OutcomeRegistry.Crises);
        var spirals = PairedMeasure.Difference(sp[0], sp[1]);
        var crises = PairedMeasure.Difference(cr[0], cr[1]);
        return Result(Get("V7"), size, "Δ spirals per run (rivalry 0.6 − 0)", spirals, spirals.Low > 0 && crises.Low > 0,
            string.Create(Inv, $"spirals {PairedMeasure.Mean(sp[0]):F2} → {PairedMeasure.Mean(sp[1]):F2}; crises {PairedMeasure.Mean(cr[0]):F1} → {PairedMeasure.Mean(cr[1]):F1} (Δ {crises.Mean:F1} [{crises.Low:F1}, {crises.High:F1}])"));
    }

    private static ClaimResult V8(ValidationSize size) =>
        Paired("V8", size, Stylized(2.5, 0, empathy: 1), Stylized(2.5, 0, empathy: 0),
            (r, _) => FirstEventStep(r, EventKind.SpiralOnset), "years sooner the first spiral comes (empathy 0 vs 1)", higherIsClaim: false, " years");

    private static ClaimResult V9(ValidationSize size)
    {
        var calm = Stylized(1, 0.5);
        var unrest = ParameterCatalog.Set(calm, "states[S1].internalThreat", 0.8);
        var p = PairedMeasure.Run([calm, unrest], size, (r, _) =>
        {
            double sum = 0;
            for (var t = 1; t <= r.Steps; t++)
            {
                for (var i = 1; i < r.N; i++) sum += r.Security[r.Row(t, i)];
            }
            return sum / (r.Steps * (r.N - 1));
        });
        var sec = p.Values(0);
        var cr = p.Values(OutcomeRegistry.Crises);
        var security = Signed(PairedMeasure.Difference(sec[0], sec[1]), higher: false);
        var crises = PairedMeasure.Difference(cr[0], cr[1]);
        return Result(Get("V9"), size, "fall in neighbours' security averaged over the years", security, security.Low > 0 && crises.Low > 0,
            string.Create(Inv, $"neighbours' security {PairedMeasure.Mean(sec[0]):F3} → {PairedMeasure.Mean(sec[1]):F3}; crises {PairedMeasure.Mean(cr[0]):F1} → {PairedMeasure.Mean(cr[1]):F1} (Δ {crises.Mean:F1} [{crises.Low:F1}, {crises.High:F1}])"));
    }

    private static ClaimResult V10(ValidationSize size)
    {
        var baseline = Stylized(2.5, 0);
        var priority = ParameterCatalog.Set(baseline, "states[S1].developmentPriority", 1.0);
        var p = PairedMeasure.Run([baseline, priority], size, (r, _) => MeanShare(r, i => i == 0), (r, _) => MeanShare(r, i => i != 0));
        var own = p.Values(0);
        var others = p.Values(1);
        var ownEffect = Signed(PairedMeasure.Difference(own[0], own[1]), higher: false);
        var othersEffect = Signed(PairedMeasure.Difference(others[0], others[1]), higher: false);
        return Result(Get("V10"), size, "fall in the rivals' mean military share", othersEffect, ownEffect.Low > 0 && othersEffect.Low > 0,
            string.Create(Inv, $"S1 {PairedMeasure.Mean(own[0]):P2} → {PairedMeasure.Mean(own[1]):P2}; rivals {PairedMeasure.Mean(others[0]):P3} → {PairedMeasure.Mean(others[1]):P3}"));
    }

    private static ClaimResult V11(ValidationSize size)
    {
        // S2 follows an exogenous spending path (a buildup, then a cut); S1, a defensive realist, reacts. The
        // exogenous variation identifies S1's reaction coefficient k in Δx1 = k x2 − a x1 + g (Richardson 1960).
        var years = Enumerable.Range(2000, 40).ToArray();
        var path = years.ToDictionary(y => y, y => y < 2005 ? 0.02 : y < 2020 ? 0.02 + 0.004 * (y - 2004) : Math.Max(0.02, 0.08 - 0.004 * (y - 2019)));
        var dyad = StylizedScenario.Create(2, 1.5, 0.3, 0, 0.2, 40);
        var states = dyad.States.ToList();
        states[1] = states[1] with
        {
            Policy = new PolicySpec("Scripted") { Series = new Dictionary<string, IReadOnlyDictionary<int, double>> { ["militaryShare"] = path } },
        };
        dyad = dyad with { States = states };
        var k = PairedMeasure.Run([dyad], size, (r, _) => RunMetrics.ReactionCoefficient(r, 0, 1)).Values(0, 0);
        var e = Estimate.OfMean(k);
        return Result(Get("V11"), size, "mean fitted reaction coefficient k of S1 to S2", e, e.Low > 0, string.Create(Inv, $"k = {e.Mean:F3}"));
    }

    private static ClaimResult V12(ValidationSize size) =>
        Paired("V12", size, Stylized(2.5, 0), Stylized(2.5, 0, transparency: 0.6), OutcomeRegistry.Spirals,
            "fewer spirals per run with CBMs", higherIsClaim: false, "");

    private static ClaimResult V13(ValidationSize size)
    {
        var p = PairedMeasure.Run([Stylized(2.5, 0), Stylized(2.5, 0, hotline: 1)], size);
        var wars = p.Values(OutcomeRegistry.Wars);
        var crises = p.Values(OutcomeRegistry.Crises);
        double Ratio(double[] w, double[] c, int[]? idx)
        {
            double sw = 0, sc = 0;
            for (var k = 0; k < w.Length; k++)
            {
                var r = idx is null ? k : idx[k];
                sw += w[r];
                sc += c[r];
            }
            return sc > 0 ? sw / sc : 0;
        }
        var point = Ratio(wars[0], crises[0], null) - Ratio(wars[1], crises[1], null);
        var rng = RandomStream.Derive(size.Seed, 13, "bootstrap");
        var boots = new double[1000];
        var index = new int[size.Runs];
        for (var b = 0; b < boots.Length; b++)
        {
            for (var k = 0; k < index.Length; k++) index[k] = rng.NextInt(size.Runs);
            boots[b] = Ratio(wars[0], crises[0], index) - Ratio(wars[1], crises[1], index);
        }
        Array.Sort(boots);
        var effect = new Estimate(point, boots[24], boots[974]);
        return Result(Get("V13"), size, "fall in wars per crisis with a hotline", effect, effect.Low > 0,
            string.Create(Inv, $"wars per crisis {Ratio(wars[0], crises[0], null):F4} → {Ratio(wars[1], crises[1], null):F4}"));
    }

    private static ClaimResult V14(ValidationSize size)
    {
        var baseline = Stylized(1.5, 0.6);
        var defensive = Intervention.Parse("posture:S1=defensive").Apply(baseline);
        var p = PairedMeasure.Run([baseline, defensive], size, (r, _) =>
        {
            double sum = 0;
            for (var i = 1; i < r.N; i++) sum += r.BeliefAt(r.Steps, i, 0);
            return sum / (r.N - 1);
        }, (r, _) => MeanShare(r, i => i != 0));
        var belief = p.Values(0);
        var arming = p.Values(1);
        var b = Signed(PairedMeasure.Difference(belief[0], belief[1]), higher: false);
        var a = Signed(PairedMeasure.Difference(arming[0], arming[1]), higher: false);
        return Result(Get("V14"), size, "fall in the others' belief that S1 is greedy", b, b.Low > 0 && a.Low > 0,
            string.Create(Inv, $"belief about S1 {PairedMeasure.Mean(belief[0]):F3} → {PairedMeasure.Mean(belief[1]):F3}; others' military share {PairedMeasure.Mean(arming[0]):P3} → {PairedMeasure.Mean(arming[1]):P3} (fall {a.Mean:P3} [{a.Low:P3}, {a.High:P3}])"));
    }

    private static ClaimResult V15(ValidationSize size)
    {
        var p = PairedMeasure.Run([Stylized(2.5, 0), Stylized(2.5, 0, institutions: 0.6)], size);
        var err = p.Values(OutcomeRegistry.MeanBeliefError);
        var cr = p.Values(OutcomeRegistry.Crises);
        var e = Signed(PairedMeasure.Difference(err[0], err[1]), higher: false);
        var c = Signed(PairedMeasure.Difference(cr[0], cr[1]), higher: false);
        return Result(Get("V15"), size, "fall in mean belief error with institutions", e, e.Low > 0 && c.Low > 0,
            string.Create(Inv, $"belief error {PairedMeasure.Mean(err[0]):F3} → {PairedMeasure.Mean(err[1]):F3}; crises {PairedMeasure.Mean(cr[0]):F1} → {PairedMeasure.Mean(cr[1]):F1}"));
    }

    private static ClaimResult V16(ValidationSize size)
    {
        Scenario Pair(string policy) => StylizedScenario.Create(2, 1.5, 0.3, 0, 0.75, 30, policy);
        RunMeasure ended = (r, _) => r.BeliefAt(r.Steps, 0, 1) < 0.5 && r.BeliefAt(r.Steps, 1, 0) < 0.5 ? 1 : 0;
        var v = PairedMeasure.Run([Pair("TitForTat"), Pair("CostlySignaller"), Pair("Grit")], size, ended).Values(0);
        var costly = PairedMeasure.Difference(v[0], v[1]);
        var grit = PairedMeasure.Difference(v[0], v[2]);
        return Result(Get("V16"), size, "more spirals ended: CostlySignaller − TitForTat", costly, costly.Low > 0 && grit.Low > 0,
            string.Create(Inv, $"share of runs ending the spiral: TitForTat {PairedMeasure.Mean(v[0]):F3}, CostlySignaller {PairedMeasure.Mean(v[1]):F3}, Grit {PairedMeasure.Mean(v[2]):F3} (Grit − TitForTat {grit.Mean:F3} [{grit.Low:F3}, {grit.High:F3}])"));
    }

    private static ClaimResult V17(ValidationSize size)
    {
        var alone = new Scenario
        {
            Name = "greedy-vs-two",
            StartYear = 2000,
            Steps = 40,
            DefaultReach = 1,
            PriorBelief = 0.3,
            World = new Core.Parameters.WorldParameters(1.5, 0.5),
            States =
            [
                new StateSpec("G", 1000, MilitaryShare: 0.04, Posture: 0.6, GreedProbability: 1),
                new StateSpec("A", 1000),
                new StateSpec("B", 1000),
            ],
        };
        var allied = alone with { Alliances = [new AllianceSpec("A+B", ["A", "B"], 1.0)] };
        var p = PairedMeasure.Run([alone, allied], size, (r, _) =>
        {
            var n = 0;
            foreach (ref readonly var e in r.Events.Items)
            {
                if (e.Kind == EventKind.WarStarted && e.Actor == 0) n++;
            }
            return n;
        }, (r, _) => r.Security[r.Row(r.Steps, 0)]);
        var attacks = p.Values(0);
        var security = p.Values(1);
        var deterrence = Signed(PairedMeasure.Difference(attacks[0], attacks[1]), higher: false);
        var threat = Signed(PairedMeasure.Difference(security[0], security[1]), higher: false);
        return Result(Get("V17"), size, "fewer wars started by the greedy state", deterrence, deterrence.Low > 0 && threat.Low > 0,
            string.Create(Inv, $"wars started by G {PairedMeasure.Mean(attacks[0]):F2} → {PairedMeasure.Mean(attacks[1]):F2}; G's final security {PairedMeasure.Mean(security[0]):F3} → {PairedMeasure.Mean(security[1]):F3} (fall {threat.Mean:F3} [{threat.Low:F3}, {threat.High:F3}])"));
    }
}
