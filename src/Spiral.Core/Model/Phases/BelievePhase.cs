using Spiral.Core.Events;
using Spiral.Core.Policies;

namespace Spiral.Core.Model.Phases;

/// <summary>
/// Phase 3: Bayesian update of b_ij = P_i(j greedy) from the posture and arming signals, with likelihoods consistent
/// with the strategies each type runs (Kydd 1997, 2005; <see cref="TypeModel"/>). Posture: a security-seeker is expected
/// at the posture <c>DefensiveRealist</c> takes under the world's β and ω (Jervis 1978), a greedy state at the greedy
/// posture, with the within-type spread. Arming: each type's expected change of log burden is its budget process from
/// j's public burden toward the type's desired burden; a security-seeker's includes the reaction to i's own arming,
/// which i recognises only in proportion to its empathy (Jervis 1976: the failure to see oneself as a threat); the
/// spread is the budget noise plus the observation noise. Arming carries no evidence in the first year (no budget year
/// observed yet) nor after a year the state's budget mobilised or demobilised (both types do alike). When ι &gt; 0, the institutional report
/// is a second, independent observation of the same behaviour (Keohane 1984). Each year's likelihood ratio is
/// tempered by the evidence weight (<see cref="BeliefUpdate"/>); old evidence ages as the belief drifts back toward the
/// prior, since intentions can change (Mearsheimer 2001); beliefs stay in [ε, 1-ε]. Nothing here reads a type.
/// </summary>
public static class BelievePhase
{
    public static void Run(World w)
    {
        var n = w.N;
        var p = w.P;
        var belief = w.Belief;
        Array.Copy(belief, w.PreviousBelief, belief.Length);
        var prior = w.PriorBelief;
        var transparency = w.Transparency;
        var observedPosture = w.ObservedPosture;
        var observedArming = w.ObservedArming;
        var cause = w.BeliefCause;
        var securityPosture = TypeModel.SecurityPosture(w.OffenseAdvantage, w.Distinguishability,
            DefensiveRealistOptions.Default.DefensiveShift, p);
        var greedyPosture = TypeModel.GreedyPosture(p);
        var postureSpread2 = p.PostureSpread * p.PostureSpread;
        var budgetNoise2 = p.BudgetNoise * p.BudgetNoise;
        var noise = NoiseModel.Of(w);
        var institutions = w.Institutions > 0;
        var report = NoiseModel.InstitutionalReport(w);
        var reportPostureNoise = report.Posture(1);
        var reportArmingNoise = report.Arming(1);
        var reportPostureVar = reportPostureNoise * reportPostureNoise + postureSpread2;
        var reportArmingVar = reportArmingNoise * reportArmingNoise + budgetNoise2;
        var evidenceWeight = p.EvidenceWeight;
        var drift = p.IntentionDrift;
        var floor = p.BeliefFloor;

        // What does not depend on the observer, once per actor j (issue 18): its log burden before its last budget year,
        // the logs of its cap and long-run burden, the greedy type's error-correction term, the security type's expected change when the observer's
        // capability has not moved j's insecurity since the start (as between states that cannot reach each other),
        // and the institutional posture report's evidence. Each is the value the per-dyad expression would give, bit for bit.
        var scratch = w.Scratch.AsSpan();
        var logBefore = scratch.Slice(0, n);
        var logCap = scratch.Slice(n, n);
        var greedyAdjustment = scratch.Slice(2 * n, n);
        var unmovedSecurity = scratch.Slice(3 * n, n);
        var reportPostureLlr = scratch.Slice(4 * n, n);
        var logLongRun = scratch.Slice(5 * n, n);
        var logFloor = Math.Log(p.MinMilitaryShare);
        var armingInformative = ArmingIsInformative(w);
        for (var j = 0; j < n; j++)
        {
            reportPostureLlr[j] = institutions ? BeliefUpdate.GaussianLlr(w.ReportedPosture[j], securityPosture, greedyPosture, reportPostureVar) : 0;
            if (armingInformative && !w.Demobilising[j])
            {
                logBefore[j] = TypeModel.LogBurdenBefore(w, j);
                var cap = w.MilitaryShareCap(j);
                logCap[j] = Math.Log(cap);
                logLongRun[j] = Math.Log(w.LongRunShare[j]);
                greedyAdjustment[j] = TypeModel.GreedyAdjustment(w.LongRunShare[j], logBefore[j], cap, p);
                unmovedSecurity[j] = TypeModel.ExpectedBurdenChange(0.0, 0.0, 1.0, logLongRun[j], logBefore[j], logFloor, logCap[j], greedyAdjustment[j], p).Security;
            }
        }
        // Whether i's capability has moved j's insecurity, read in j's rows (i→j's loop below would read them down a
        // column, a cache miss per dyad in large worlds) and stored for dyad i→j.
        var unmoved = w.InsecurityUnmoved;
        if (armingInformative)
        {
            var vulnerability = w.Vulnerability;
            var previousVulnerability = w.PreviousVulnerability;
            var referenceVulnerability = w.ReferenceVulnerability;
            var priorBelief = w.PriorBelief;
            for (var j = 0; j < n; j++)
            {
                var secure = w.ReferenceInsecurity[j] >= 1e-6;
                var row = j * n;
                for (var i = 0; i < n; i++)
                {
                    var ji = row + i;
                    var v0 = referenceVulnerability[ji];
                    unmoved[i * n + j] = vulnerability[ji] == v0 && previousVulnerability[ji] == v0 && double.IsFinite(v0)
                        && secure && double.IsFinite(priorBelief[ji]);
                }
            }
        }
        for (var i = 0; i < n; i++)
        {
            var empathy = w.Empathy[i];
            var row = i * n;
            for (var j = 0; j < n; j++)
            {
                if (i == j)
                {
                    continue;
                }
                var ij = row + j;
                var opacity = 1 - transparency[ij];
                var postureNoise = noise.Posture(opacity);
                var postureVar = postureNoise * postureNoise + postureSpread2;
                var postureLlr = BeliefUpdate.GaussianLlr(observedPosture[ij], securityPosture, greedyPosture, postureVar);
                var reportLlr = reportPostureLlr[j];

                double armingLlr = 0, armingVar = 0;
                var informative = armingInformative && !w.Demobilising[j];
                if (informative)
                {
                    var armingNoise = noise.Arming(opacity);
                    armingVar = armingNoise * armingNoise + budgetNoise2;
                    double security, greedy;
                    if (unmoved[ij])
                    {
                        // i's capability has not moved j's insecurity: the level and change of InsecurityFromObserver are
                        // ln 1 = 0 exactly, so the expectation is the actor's own (computed above by the same function).
                        security = unmovedSecurity[j];
                        greedy = greedyAdjustment[j];
                    }
                    else
                    {
                        TypeModel.InsecurityFromObserver(w, i, j, out var level, out var change);
                        (security, greedy) = TypeModel.ExpectedBurdenChange(level, change, empathy, logLongRun[j], logBefore[j], logFloor, logCap[j], greedyAdjustment[j], p);
                    }
                    armingLlr = BeliefUpdate.GaussianLlr(observedArming[ij], security, greedy, armingVar);
                    if (institutions)
                    {
                        reportLlr += BeliefUpdate.GaussianLlr(w.ReportedArming[j], security, greedy, reportArmingVar);
                    }
                }

                var b = BeliefUpdate.Tempered(belief[ij], postureLlr + armingLlr + reportLlr, evidenceWeight);
                b += drift * (prior[ij] - b);
                b = BeliefUpdate.Bounded(b, floor);
                if (Math.Abs(b - belief[ij]) >= p.BeliefShiftToRecord)
                {
                    var evidence = new Evidence(postureLlr, armingLlr, reportLlr,
                        EmpathyGap(w, i, j, informative, armingLlr, armingVar, reportArmingVar),
                        postureLlr - BeliefUpdate.GaussianLlr(observedPosture[ij] - RivalryBias(w, ij), securityPosture, greedyPosture, postureVar));
                    cause[ij] = CauseOfShift(w, ij, evidence);
                }
                belief[ij] = b;
            }
        }
        Array.Copy(w.Vulnerability, w.PreviousVulnerability, w.Vulnerability.Length);
    }

    /// <summary>
    /// Whether burden changes say anything about type this year: not before the first budget year. A state's change
    /// also says nothing when its budget ran in the wartime regime (mobilising at war or demobilising after it, which
    /// both types run alike; <see cref="World.Demobilising"/>), which the dyad loop checks.
    /// </summary>
    private static bool ArmingIsInformative(World w) => w.Step > 0;

    /// <summary>The upward bias rivalry put into i's reading of j's posture (phase 2).</summary>
    private static double RivalryBias(World w, int ij) => w.P.RivalryBias * ObservePhase.EffectiveRivalry(w, ij);

    /// <summary>
    /// How much more the arming readings (private and institutional) pointed to greed than they would have for a fully
    /// empathetic observer: the part of j's reaction to i's own arming that i failed to recognise.
    /// </summary>
    private static double EmpathyGap(World w, int i, int j, bool informative, double armingLlr, double armingVar, double reportArmingVar)
    {
        if (!informative || w.Empathy[i] >= 1)
        {
            return 0;
        }
        var (security, greedy) = TypeModel.ExpectedBurdenChange(w, i, j, 1);
        var (ownSecurity, ownGreedy) = TypeModel.ExpectedBurdenChange(w, i, j, w.Empathy[i]);
        var full = BeliefUpdate.GaussianLlr(w.ObservedArming[i * w.N + j], security, greedy, armingVar);
        var gap = armingLlr - full;
        if (w.Institutions > 0)
        {
            gap += BeliefUpdate.GaussianLlr(w.ReportedArming[j], ownSecurity, ownGreedy, reportArmingVar)
                - BeliefUpdate.GaussianLlr(w.ReportedArming[j], security, greedy, reportArmingVar);
        }
        return gap;
    }

    /// <summary>This year's log likelihood ratios (greedy over security) and the parts due to a bias of the observer.</summary>
    private readonly record struct Evidence(double Posture, double Arming, double Report, double EmpathyGap, double RivalryGap)
    {
        public double Private => Posture + Arming;
        public double Total => Posture + Arming + Report;
    }

    /// <summary>
    /// The concept that best explains this year's belief move, for the narration, among the causes the model has: the
    /// institutional report when it moved the belief most; a rise that would not have happened with full empathy
    /// (failure to empathize) or without the rivalry bias (historical rivalry); otherwise the world's structure
    /// (indistinguishable or distinguishable postures) or, for a fall, transparency.
    /// </summary>
    private static Concept CauseOfShift(World w, int ij, in Evidence e)
    {
        if (e.Total > 0)
        {
            if (e.Report > 0 && e.Report >= e.Private)
            {
                return Concept.MultilateralEngagement;
            }
            if (e.EmpathyGap > 0 && e.Total - e.EmpathyGap <= 0)
            {
                return Concept.FailureToEmpathize;
            }
            if (e.RivalryGap > 0 && e.Total - e.RivalryGap <= 0)
            {
                return Concept.HistoricalRivalry;
            }
            return w.Distinguishability < 0.5 ? Concept.UncertaintyOfIntentions : Concept.Distinguishability;
        }
        if (e.Report < 0 && e.Report <= e.Private)
        {
            return Concept.MultilateralEngagement;
        }
        if (w.Transparency[ij] > 0.3)
        {
            return Concept.ConfidenceBuilding;
        }
        return w.Distinguishability >= 0.5 ? Concept.PreparednessWithoutProvocation : Concept.None;
    }
}
