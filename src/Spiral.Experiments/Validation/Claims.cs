using System.Globalization;
using Spiral.Core.Events;
using Spiral.Core.Parameters;
using Spiral.Core.Recording;
using Spiral.Core.Scenarios;
using Spiral.Experiments.Counterfactuals;
using Spiral.Experiments.Metrics;
using Spiral.Experiments.Scenarios;
using Spiral.Numerics.Statistics;

namespace Spiral.Experiments.Validation;

/// <summary>
/// The theory's claims (DESIGN.md section 2; issue 13) as experiments on stylized systems, each with its minimum effect,
/// placebo and negative control declared here, before any result. Effects are signed so that positive is the claim's
/// direction. The ids keep the numbers of validation v1; V1, V7, V9, V15 and V17 restated one hand-coded term each and
/// are unit tests of that term now (tests/Spiral.Core.Tests/Model/Phases/HandCodedTermTests.cs), see <see cref="Retired"/>.
/// </summary>
public static class Claims
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Offense advantage of Jervis's offense-dominant worlds.</summary>
    public const double Offensive = 3.0;
    /// <summary>Offense advantage of Jervis's defense-dominant worlds (the reciprocal: defense three times as efficient).</summary>
    public const double Defensive = 1.0 / 3.0;

    /// <summary>Claims of validation v1 that left the list, with the unit test that now pins their term and why.</summary>
    public static IReadOnlyList<(string Id, string Test, string Reason)> Retired { get; } =
    [
        ("V1", "HandCodedTermTests.ThreatAssessment_Threat_IsBeliefTimesVulnerability", "threat is defined as belief × vulnerability, so less certainty of a rival's type is more threat by construction"),
        ("V7", "HandCodedTermTests.Observation_RivalryBias_IsLambdaTimesRivalry", "rivalry enters the incident rate as a factor (1 + rivalry) and the reading of postures as a bias λ·rivalry by hand"),
        ("V9", "HandCodedTermTests.SecurityAssessment_NeighboursInternalThreat_IsSpilloverFactor", "a neighbour's internal threat multiplies security by (1 − spill·reach·threat) by hand"),
        ("V15", "HandCodedTermTests.Observation_InstitutionalReport_NoiseIsSigmaTimesOneMinusIotaPlusFloor", "institutions add a less noisy shared report of each state's type signals by construction"),
        ("V17", "HandCodedTermTests.AllianceCapabilities_AlliedDefense_IsOwnPlusReliabilityTimesAllys", "allies' stocks are added to one's own at the alliance's reliability by hand"),
    ];

    private const string ReachZero = "the same contrast with every reach 0: states that cannot reach each other neither threaten nor meet, so the factor has nothing to act on";
    private const string GrowthSham = "a sham factor the model's theory holds irrelevant to beliefs: every state's GDP growth 1% vs 5% a year (beliefs read burden changes net of growth)";

    public static IReadOnlyList<Claim> All { get; } =
    [
        new("V2", "Uncertainty of intentions: more observation noise gives more spirals between security-seekers.", "Butterfield 1951; Jervis 1976",
            "six security-seekers, β=1.5, ω=0.3; σ=0.1 vs σ=1.0; spirals (a belief about a security-seeker crossing 0.5) per run of 50 years",
            "more spirals per run (σ 1.0 − 0.1)", 0.05,
            "one more spiral in twenty 50-year histories of a six-state system; a smaller rate could not be told from the historical record (about a dozen enduring rivalries a decade, Diehl & Goertz 2000)",
            GrowthSham, "beliefs ignore evidence (evidenceWeight, crisisEvidenceWeight and demandEvidence 0): noise can no longer mislead", V2),
        new("V3", "Jervis's four worlds: war probability is ordered doubly dangerous > each mixed world > doubly stable.", "Jervis 1978",
            "six states, greed probability 0.15; β ∈ {3, 1/3} × ω ∈ {0, 0.9}; P(war in 50 years); the weakest of the four paired gaps DD>OD, DD>DI, OD>DS, DI>DS (intersection-union test)",
            "weakest paired gap in P(war) along the ordering", 0.01,
            "one percentage point of P(war) over 50 years: one war in a hundred 50-year histories of a six-state system; the record (95 COW interstate wars 1816-2007, data/conflict_base_rates.csv BR001) is too sparse to tell smaller differences",
            ReachZero, "the contest ignores capabilities (contestExponent 0.001, so β cannot move it) and greedy and security-seeking postures are alike (greedyPosture = securityPosture, so ω reveals nothing)", V3),
        new("V4", "Offense-defense balance: war probability rises with offense advantage.", "Jervis 1978; Van Evera 1999",
            "six states, ω=0.2, greed probability 0.15; β ∈ {0.6, 1, 1.5, 2, 2.5, 3}; least-squares slope of P(war in 50 years) on β",
            "slope of P(war) per unit of β", 0.004,
            "one percentage point of P(war) across the modelled range of β (0.6 to 3): 0.01 / 2.4",
            ReachZero, "the contest ignores capabilities (contestExponent 0.001), so offense advantage cannot change who wins", V4),
        new("V5", "Distinguishability: greedy states are identified sooner (belief > 0.8) when postures can be told apart.", "Jervis 1978; Glaser 1997",
            "six states, β=1, greed probability 0.2; ω=0 vs ω=0.9; per run the first year the security-seekers' mean belief about the greedy states exceeds 0.8, censored at 50 years; restricted mean time to identification (Kaplan-Meier, τ = 50)",
            "years sooner a greedy state is identified (restricted mean, ω 0 − 0.9)", 2,
            "two years: a budget cycle; sooner identification that does not reach a budget cycle could not change an arming decision",
            GrowthSham, "greedy and security-seeking postures are alike (greedyPosture = securityPosture): distinguishability has nothing to reveal", V5),
        new("V6", "The tragedy: wars between two security-seekers occur in the doubly dangerous world and not in the doubly stable one.", "Jervis 1978; Butterfield 1951",
            "six security-seekers; P(war between security-seekers in 50 years) in β=3, ω=0 (doubly dangerous) minus β=1/3, ω=0.9 (doubly stable)",
            "P(war between security-seekers): doubly dangerous − doubly stable", 0.01,
            "one percentage point over 50 years, as V3",
            ReachZero, "the contest ignores capabilities (contestExponent 0.001) and postures are alike (greedyPosture = securityPosture)", V6),
        new("V8", "Failure to empathize: lower empathy makes spirals come sooner.", "Butterfield 1951; Jervis 1976",
            "six security-seekers, β=2.5, ω=0; empathy 1 vs 0; years until the first spiral, censored at 50; restricted mean (Kaplan-Meier, τ = 50)",
            "years sooner the first spiral comes (restricted mean, empathy 1 − 0)", 2,
            "two years: a budget cycle, as V5",
            GrowthSham, "arming is no evidence (evidenceWeight 0, crisisEvidenceWeight 0, demandEvidence 0): empathy discounts evidence that is no longer read", V8),
        new("V10", "Third-world priorities: a high development priority lowers the state's rivals' arming.", "Acharya 1995",
            "six states, β=2.5, ω=0; development priority of S1 0 vs 1; the others' military share averaged over 50 years",
            "fall in the rivals' mean military share (share of GDP)", 0.001,
            "0.1% of GDP, the precision SIPRI reports military burden to",
            ReachZero, "budgets do not react to threat (threatReaction 0 and burdenThreatElasticity 0): a less threatening S1 cannot lower its rivals' arming", V10),
        new("V11", "Arms races are reactive: the Richardson reaction coefficient fitted on simulated rival series is positive.", "Richardson 1960",
            "two states, β=1.5, ω=0.3, 40 years: S2 follows an exogenous buildup (2% → 8% of GDP) and cut, S1 is a defensive realist; least-squares k of Δx1 = k x2 − a x1 + g per run",
            "mean fitted reaction coefficient k of S1 to S2 (per year)", 0.05,
            "Richardson's own estimates and later fits of k are of order 0.1-0.9 a year (Richardson 1960; Intriligator & Brito 1984); below 0.05 a reaction would take over 20 years to show",
            "S1 a Dove, which arms at its floor whatever S2 does: the fitted k must be no reaction",
            "S1's budget does not react to threat (threatReaction 0 and burdenThreatElasticity 0)", V11),
        new("V12", "Confidence-building measures lower spirals among security-seekers.", "Holst 1983; Kydd 2005",
            "six security-seekers, β=2.5, ω=0; transparency 0 vs 0.6 on every dyad; spirals per run",
            "fewer spirals per run with CBMs", 0.05, "one spiral fewer in twenty 50-year histories, as V2",
            GrowthSham, "observation is exact (world.observationNoise 0) and transparency does not damp incidents (transparencyIncidentDamping 0): nothing left for transparency to clear", V12),
        new("V13", "A hotline lowers the probability of war given an incident.", "Schelling 1960",
            "six states, β=2.5, ω=0, greed probability 0.15; hotline 0 vs 1 on every dyad; wars per crisis (ratio of totals, delta-method interval)",
            "fall in wars per crisis with a hotline", 0.005,
            "half a percentage point of the probability that a crisis ends in war, about a third of the 1.68% of militarized disputes that became wars (MID 5.0; data/conflict_base_rates.csv)",
            ReachZero, "a hotline never de-escalates (hotlineDeEscalation 0)", V13),
        new("V14", "Preparedness without provocation: a defensive posture lowers the rivals' belief that the state is greedy.", "Jervis 1978; Glaser 1997",
            "six security-seekers, β=1.5, ω=0.6; S1 standard vs posture:S1=defensive; the others' belief about S1 averaged over 50 years",
            "fall in the others' mean belief that S1 is greedy", 0.02,
            "two percentage points of belief; beliefs below that move less than one year's noise of the belief itself",
            GrowthSham, "greedy and security-seeking postures are alike (greedyPosture = securityPosture): a posture reveals nothing", V14),
        new("V16", "Costly reassurance ends spirals between trustworthy states more often than tit for tat.", "Kydd 2000; Osgood 1962",
            "two security-seekers starting in a spiral (prior 0.75), β=1.5, ω=0.3, 30 years; both TitForTat vs both CostlySignaller; share of runs ending with both beliefs below 0.5",
            "more spirals ended: CostlySignaller − TitForTat (share of runs)", 0.05,
            "one history in twenty: a policy that ends fewer spirals than that would not be seen in the record of rivalries (Diehl & Goertz 2000)",
            "the same pair starting in trust (prior 0.05): there is no spiral to end", "signals are never sent (trustThreshold 0: no belief is below it, so no one mistrusts)", V16),
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

    /// <summary>The year of the first event of <paramref name="kind"/>; horizon + 1 (censored) if none.</summary>
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

    /// <summary>The first year the security-seekers' mean belief about the greedy states exceeds 0.8; horizon + 1 if never; NaN without both types.</summary>
    private static double IdentificationTime(RunRecord r, RunSummary s)
    {
        for (var t = 1; t <= r.Steps; t++)
        {
            double sum = 0;
            var n = 0;
            for (var j = 0; j < r.N; j++)
            {
                if (!r.IsGreedy[j]) continue;
                for (var i = 0; i < r.N; i++)
                {
                    if (i == j || r.IsGreedy[i]) continue;
                    sum += r.BeliefAt(t, i, j);
                    n++;
                }
            }
            if (n == 0)
            {
                return double.NaN;
            }
            if (sum / n > 0.8)
            {
                return t;
            }
        }
        return r.Steps + 1;
    }

    // ------------------------------------------------------------------ helpers

    private static Scenario Stylized(double beta, double omega, double greed = 0, double hotline = 0, double transparency = 0,
        double empathy = 0.5, double noise = 0.5, double reach = 0.8, int states = 6, int steps = 50) =>
        StylizedScenario.Create(states, beta, omega, greed, 0.2, steps, "DefensiveRealist", noise, 0, 0, hotline, transparency, empathy, reach);

    private static Scenario Model(Scenario s, Func<ModelParameters, ModelParameters> change) => s with { Model = change(s.Model) };

    private static Scenario NoEvidence(Scenario s) => Model(s, m => m with { EvidenceWeight = 0, CrisisEvidenceWeight = 0, DemandEvidence = 0 });

    private static Scenario PosturesAlike(Scenario s) => Model(s, m => m with { GreedyPosture = m.SecurityPosture });

    private static Scenario NoContest(Scenario s) => Model(s, m => m with { ContestExponent = 0.001 });

    private static Scenario NoThreatReaction(Scenario s) => Model(s, m => m with { ThreatReaction = 0, BurdenThreatElasticity = 0 });

    private static Scenario Growth(Scenario s, double growth) => ParameterCatalog.Set(s, "states[*].growth", growth);

    /// <summary>
    /// The two arms of a simple contrast for the context's arm: <paramref name="baseline"/> and <paramref name="treated"/>
    /// as stated; the growth sham or the zero-reach version for the placebo; <paramref name="off"/> applied to both arms
    /// for the negative control.
    /// </summary>
    private static Scenario[] Arms(ClaimContext c, Scenario baseline, Scenario treated, Func<Scenario, Scenario> off, bool shamIsGrowth)
    {
        return c.Arm switch
        {
            ClaimArm.Main => [baseline, treated],
            ClaimArm.NegativeControl => [off(baseline), off(treated)],
            _ when shamIsGrowth => [Growth(baseline, 0.01), Growth(baseline, 0.05)],
            _ => [ZeroReach(baseline), ZeroReach(treated)],
        };
    }

    private static Scenario ZeroReach(Scenario s) =>
        s with { DefaultReach = 0, Dyads = s.Dyads.Select(d => d with { Reach = 0 }).ToArray() };

    private static Measurement Difference(double[][] v, bool higherIsClaim, string format, string unit = "")
    {
        var d = PairedMeasure.Difference(v[0], v[1]);
        var effect = higherIsClaim ? d : PairedMeasure.Negate(d);
        return new Measurement(effect, string.Create(Inv, $"baseline {PairedMeasure.Mean(v[0]).ToString(format, Inv)}{unit}, treated {PairedMeasure.Mean(v[1]).ToString(format, Inv)}{unit}"));
    }

    private static Measurement SoonerBy(double[][] times, int horizon, string what)
    {
        var baseline = PairedMeasure.Survival(times[0], horizon);
        var treated = PairedMeasure.Survival(times[1], horizon);
        var d = PairedMeasure.Negate(KaplanMeier.RestrictedMeanDifference(baseline, treated, horizon));
        return new Measurement(d, string.Create(Inv,
            $"restricted mean years to {what}: baseline {baseline.RestrictedMean(horizon).Mean:F2} ({baseline.EventCount} of {baseline.Count} runs saw it), treated {treated.RestrictedMean(horizon).Mean:F2} ({treated.EventCount} of {treated.Count})"));
    }

    // ------------------------------------------------------------------ claims

    private static Measurement V2(ClaimContext c)
    {
        var arms = Arms(c, Stylized(1.5, 0.3, noise: 0.1), Stylized(1.5, 0.3, noise: 1.0), NoEvidence, shamIsGrowth: true);
        return Difference(c.Run(arms).Values(OutcomeRegistry.Spirals), higherIsClaim: true, "F3", " spirals per run");
    }

    private static Measurement V3(ClaimContext c)
    {
        Scenario[] worlds = [Stylized(Offensive, 0, greed: 0.15), Stylized(Offensive, 0.9, greed: 0.15), Stylized(Defensive, 0, greed: 0.15), Stylized(Defensive, 0.9, greed: 0.15)];
        worlds = c.Arm switch
        {
            ClaimArm.Placebo => worlds.Select(ZeroReach).ToArray(),
            ClaimArm.NegativeControl => worlds.Select(w => PosturesAlike(NoContest(w))).ToArray(),
            _ => worlds,
        };
        var war = c.Run(worlds).Values(OutcomeRegistry.HadWar);
        var gaps = new[] { (0, 1), (0, 2), (1, 3), (2, 3) }.Select(x => PairedMeasure.Difference(war[x.Item2], war[x.Item1])).ToArray();
        return new Measurement(PairedMeasure.Weakest(gaps),
            "P(war) DD/OD/DI/DS " + string.Join(" / ", war.Select(x => PairedMeasure.Mean(x).ToString("F3", Inv))));
    }

    private static Measurement V4(ClaimContext c)
    {
        double[] levels = [0.6, 1, 1.5, 2, 2.5, 3];
        var worlds = levels.Select(b => Stylized(b, 0.2, greed: 0.15)).Select(w => c.Arm switch
        {
            ClaimArm.Placebo => ZeroReach(w),
            ClaimArm.NegativeControl => NoContest(w),
            _ => w,
        }).ToArray();
        var war = c.Run(worlds).Values(OutcomeRegistry.HadWar);
        var means = war.Select(PairedMeasure.Mean).ToArray();
        return new Measurement(PairedMeasure.Slope(levels, war),
            "P(war) at β " + string.Join(", ", levels.Select((b, k) => string.Create(Inv, $"{b}: {means[k]:F3}"))));
    }

    private static Measurement V5(ClaimContext c)
    {
        var arms = Arms(c, Stylized(1, 0, greed: 0.2), Stylized(1, 0.9, greed: 0.2), PosturesAlike, shamIsGrowth: true);
        if (c.Arm == ClaimArm.Placebo)
        {
            arms = [Growth(Stylized(1, 0.5, greed: 0.2), 0.01), Growth(Stylized(1, 0.5, greed: 0.2), 0.05)];
        }
        return SoonerBy(c.Run(arms, IdentificationTime).Values(0), 50, "identification");
    }

    private static Measurement V6(ClaimContext c)
    {
        var arms = Arms(c, Stylized(Defensive, 0.9), Stylized(Offensive, 0), s => PosturesAlike(NoContest(s)), shamIsGrowth: false);
        var v = c.Run(arms).Values(OutcomeRegistry.HadWarBetweenSecuritySeekers);
        var d = PairedMeasure.Difference(v[0], v[1]);
        return new Measurement(d, string.Create(Inv, $"P(war between security-seekers) doubly stable {PairedMeasure.Mean(v[0]):F4}, doubly dangerous {PairedMeasure.Mean(v[1]):F4}"));
    }

    private static Measurement V8(ClaimContext c)
    {
        var arms = Arms(c, Stylized(2.5, 0, empathy: 1), Stylized(2.5, 0, empathy: 0), NoEvidence, shamIsGrowth: true);
        return SoonerBy(c.Run(arms, (r, _) => FirstEventStep(r, EventKind.SpiralOnset)).Values(0), 50, "the first spiral");
    }

    private static Measurement V10(ClaimContext c)
    {
        var baseline = Stylized(2.5, 0);
        var arms = Arms(c, baseline, ParameterCatalog.Set(baseline, "states[S1].developmentPriority", 1.0), NoThreatReaction, shamIsGrowth: false);
        if (c.Arm == ClaimArm.Placebo)
        {
            arms = [ZeroReach(baseline), ParameterCatalog.Set(ZeroReach(baseline), "states[S1].developmentPriority", 1.0)];
        }
        var v = c.Run(arms, (r, _) => MeanShare(r, i => i != 0)).Values(0);
        return Difference(v, higherIsClaim: false, "P3");
    }

    private static Measurement V11(ClaimContext c)
    {
        // S2 follows an exogenous spending path (a buildup, then a cut); S1 reacts. The exogenous variation identifies
        // S1's reaction coefficient k in Δx1 = k x2 − a x1 + g (Richardson 1960).
        var years = Enumerable.Range(2000, 40).ToArray();
        var path = years.ToDictionary(y => y, y => y < 2005 ? 0.02 : y < 2020 ? 0.02 + 0.004 * (y - 2004) : Math.Max(0.02, 0.08 - 0.004 * (y - 2019)));
        var dyad = StylizedScenario.Create(2, 1.5, 0.3, 0, 0.2, 40);
        var states = dyad.States.ToList();
        states[1] = states[1] with
        {
            Policy = new PolicySpec("Scripted") { Series = new Dictionary<string, IReadOnlyDictionary<int, double>> { ["militaryShare"] = path } },
        };
        if (c.Arm == ClaimArm.Placebo)
        {
            states[0] = states[0] with { Policy = new PolicySpec("Dove") };
        }
        dyad = dyad with { States = states };
        if (c.Arm == ClaimArm.NegativeControl)
        {
            dyad = NoThreatReaction(dyad);
        }
        var k = c.Run([dyad], (r, _) => RunMetrics.ReactionCoefficient(r, 0, 1)).Values(0, 0);
        var e = Estimate.OfMean(k);
        return new Measurement(e, string.Create(Inv, $"k = {e.Mean:F4}"));
    }

    private static Measurement V12(ClaimContext c)
    {
        var off = (Scenario s) => Model(s with { World = s.World with { ObservationNoise = 0 } }, m => m with { TransparencyIncidentDamping = 0 });
        var arms = Arms(c, Stylized(2.5, 0), Stylized(2.5, 0, transparency: 0.6), off, shamIsGrowth: true);
        return Difference(c.Run(arms).Values(OutcomeRegistry.Spirals), higherIsClaim: false, "F3", " spirals per run");
    }

    private static Measurement V13(ClaimContext c)
    {
        var arms = Arms(c, Stylized(2.5, 0, greed: 0.15), Stylized(2.5, 0, greed: 0.15, hotline: 1), s => Model(s, m => m with { HotlineDeEscalation = 0 }), shamIsGrowth: false);
        var p = c.Run(arms);
        var wars = p.Values(OutcomeRegistry.Wars);
        var crises = p.Values(OutcomeRegistry.Crises);
        var d = PairedMeasure.Negate(Estimate.PairedRatioDifference(wars[0], crises[0], wars[1], crises[1]));
        return new Measurement(d, string.Create(Inv,
            $"wars per crisis {Estimate.RatioOfSums(wars[0], crises[0]):F4} → {Estimate.RatioOfSums(wars[1], crises[1]):F4}; crises per run {PairedMeasure.Mean(crises[0]):F1} → {PairedMeasure.Mean(crises[1]):F1}"));
    }

    private static Measurement V14(ClaimContext c)
    {
        var baseline = Stylized(1.5, 0.6);
        var defensive = Intervention.Parse("posture:S1=defensive").Apply(baseline);
        var arms = Arms(c, baseline, defensive, PosturesAlike, shamIsGrowth: true);
        var v = c.Run(arms, (r, _) =>
        {
            double sum = 0;
            for (var t = 1; t <= r.Steps; t++)
            {
                for (var i = 1; i < r.N; i++) sum += r.BeliefAt(t, i, 0);
            }
            return sum / (r.Steps * (r.N - 1));
        }).Values(0);
        return Difference(v, higherIsClaim: false, "F4");
    }

    private static Measurement V16(ClaimContext c)
    {
        var prior = c.Arm == ClaimArm.Placebo ? 0.05 : 0.75;
        Scenario Pair(string policy) => StylizedScenario.Create(2, 1.5, 0.3, 0, prior, 30, policy);
        Scenario[] arms = [Pair("TitForTat"), Pair("CostlySignaller")];
        if (c.Arm == ClaimArm.NegativeControl)
        {
            arms = arms.Select(s => Model(s, m => m with { TrustThreshold = 0 })).ToArray();
        }
        RunMeasure ended = (r, _) => r.BeliefAt(r.Steps, 0, 1) < 0.5 && r.BeliefAt(r.Steps, 1, 0) < 0.5 ? 1 : 0;
        return Difference(c.Run(arms, ended).Values(0), higherIsClaim: true, "F3", " of runs");
    }
}
