using Spiral.Core.Events;

namespace Spiral.Core.Model.Phases;

/// <summary>
/// Phase 3: Bayesian update of b_ij = P_i(j greedy) from the posture and arming signals (Kydd 1997, 2005),
/// each year's likelihood ratio tempered by the evidence weight. Security-seekers' expected posture rises
/// with β (Jervis 1978). The arming signal is first discounted by empathy times the reaction j is expected to
/// show to i's own arming (Jervis 1976: the failure to see oneself as a threat). Institutions then pull the
/// belief toward the truth by ι·η (Keohane 1984), a hotline by H·clarity; old evidence ages as the belief
/// drifts back toward the prior, since intentions can change (Mearsheimer 2001); beliefs stay in [ε, 1-ε].
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
        var hotline = w.Hotline;
        var observedPosture = w.ObservedPosture;
        var observedArming = w.ObservedArming;
        var isGreedy = w.IsGreedy;
        var cause = w.BeliefCause;
        var securityPosture = TypeModel.ExpectedSecurityPosture(w.OffenseAdvantage, p.SecurityPosture, p.GreedyPosture);
        var greedyPosture = p.GreedyPosture;
        var greedyGrowth = p.GreedyArmingGrowth;
        var postureSpread2 = p.PostureSpread * p.PostureSpread;
        var armingSpread2 = p.ArmingSpread * p.ArmingSpread;
        var noise = NoiseModel.Of(w);
        var evidenceWeight = p.EvidenceWeight;
        var drift = p.IntentionDrift;
        var institutional = w.Institutions * p.InstitutionalPull;
        var clarityPerHotline = p.HotlineClarity;
        var floor = p.BeliefFloor;
        for (var i = 0; i < n; i++)
        {
            var ownArmingExplains = p.ExpectedReaction * Math.Max(0, w.MilexGrowth[i]);
            var discount = w.Empathy[i] * ownArmingExplains;
            var undiscounted = (1 - w.Empathy[i]) * ownArmingExplains;
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
                var x = observedPosture[ij];
                var postureLlr = ((x - securityPosture) * (x - securityPosture) - (x - greedyPosture) * (x - greedyPosture)) / (2 * postureVar);

                var armingNoise = noise.Arming(opacity);
                var armingVar = armingNoise * armingNoise + armingSpread2;
                var a = observedArming[ij] - discount;
                var armingLlr = (a * a - (a - greedyGrowth) * (a - greedyGrowth)) / (2 * armingVar);

                var b = belief[ij];
                var odds = b / (1 - b) * Math.Exp(evidenceWeight * (postureLlr + armingLlr));
                b = double.IsPositiveInfinity(odds) ? 1 : odds / (1 + odds);
                b += drift * (prior[ij] - b);
                var truth = isGreedy[j] ? 1.0 : 0.0;
                b += institutional * (truth - b);
                var clarity = hotline[ij] * clarityPerHotline;
                b += clarity * (truth - b);
                b = Math.Clamp(b, floor, 1 - floor);
                if (Math.Abs(b - belief[ij]) >= p.BeliefShiftToRecord)
                {
                    cause[ij] = CauseOfShift(w, ij, postureLlr, armingLlr, undiscounted, institutional, clarity);
                }
                belief[ij] = b;
            }
        }
    }

    /// <summary>The concept that best explains this year's belief move, for the narration.</summary>
    private static Concept CauseOfShift(World w, int ij, double postureLlr, double armingLlr, double undiscountedOwnArming,
        double institutionalPull, double hotlinePull)
    {
        var up = postureLlr + armingLlr > 0;
        if (up)
        {
            if (armingLlr > postureLlr && undiscountedOwnArming > 0.01)
            {
                return Concept.FailureToEmpathize;
            }
            if (ObservePhase.EffectiveRivalry(w, ij) > 0.3 && postureLlr > 0)
            {
                return Concept.HistoricalRivalry;
            }
            return w.Distinguishability < 0.5 ? Concept.UncertaintyOfIntentions : Concept.Distinguishability;
        }
        if (institutionalPull + hotlinePull > 0.05)
        {
            return hotlinePull > institutionalPull ? Concept.Hotline : Concept.MultilateralEngagement;
        }
        if (w.Transparency[ij] > 0.3)
        {
            return Concept.ConfidenceBuilding;
        }
        return w.Distinguishability >= 0.5 ? Concept.PreparednessWithoutProvocation : Concept.None;
    }
}
