using Spiral.Core.Events;
using Spiral.Core.Policies;
using Spiral.Core.Scenarios;

namespace Spiral.Core.Model;

/// <summary>
/// Advances a <see cref="World"/> by one step (one year) through the phases of DESIGN.md 3.1, always in this
/// order: 1 timeline, 2 observe, 3 believe, 4 assess, 5 decide (simultaneous, double-buffered), 6 invest and
/// economy, 7 incidents, crises and war, 8 record (relations and rivalry, belief-shift and spiral events).
/// A warm step allocates nothing.
/// </summary>
public static class Kernel
{
    public static void Step(World w)
    {
        ApplyTimeline(w);
        Observe(w);
        Believe(w);
        Assess(w);
        Decide(w);
        InvestAndGrow(w);
        IncidentsAndCrises(w);
        Record(w);
        w.Step++;
    }

    // ------------------------------------------------------------------ phase 1

    /// <summary>Phase 1: applies the scenario's events dated this year.</summary>
    public static void ApplyTimeline(World w)
    {
        var timeline = w.Scenario.Timeline;
        for (var e = 0; e < timeline.Count; e++)
        {
            var ev = timeline[e];
            if (ev.Year == w.Year)
            {
                TimelineEffects.Apply(w, ev);
            }
        }
    }

    // ------------------------------------------------------------------ phase 2

    /// <summary>
    /// Phase 2: each state observes every other's posture with noise sd σ(1-ω)(1-τ) + s_min, read upward by
    /// rivalry not offset by shared identity (λ_h·h), and its spending and arming with noise shrinking with
    /// transparency (Jervis 1976; Wendt 1999).
    /// </summary>
    public static void Observe(World w)
    {
        var n = w.N;
        var p = w.P;
        var posture = w.Posture;
        var milex = w.Milex;
        var milexGrowth = w.MilexGrowth;
        var transparency = w.Transparency;
        var rivalry = w.Rivalry;
        var identity = w.SharedIdentity;
        var observedPosture = w.ObservedPosture;
        var observedArming = w.ObservedArming;
        var observedMilex = w.ObservedMilex;
        var noise = NoiseModel.Of(w);
        var rivalryBias = p.RivalryBias;
        var affinity = p.IdentityAffinity;
        ref var rng = ref w.ObserveRng;
        for (var i = 0; i < n; i++)
        {
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
                var bias = rivalryBias * Math.Max(0, rivalry[ij] - affinity * identity[ij]);
                observedPosture[ij] = posture[j] + postureNoise * rng.NextGaussian() + bias;
                // One measurement error for the spending level and its growth: the same budget is misread.
                var armingError = noise.Arming(opacity) * rng.NextGaussian();
                observedArming[ij] = milexGrowth[j] + armingError;
                observedMilex[ij] = Math.Max(0, milex[j] * (1 + armingError));
            }
        }
    }

    /// <summary>
    /// The observation noise of phase 2, shared by the observer's likelihoods of phase 3: posture sd
    /// σ(1-ω)(1-τ) + s_min, arming sd σ·k_arm·(1-τ) + a floor, given opacity 1-τ.
    /// </summary>
    private readonly record struct NoiseModel(double PostureScale, double PostureFloor, double ArmingScale)
    {
        /// <summary>Noise of the arming signal left with full transparency.</summary>
        private const double ArmingFloor = 0.005;

        public static NoiseModel Of(World w) =>
            new(w.ObservationNoise * (1 - w.Distinguishability), w.P.ObservationNoiseFloor, w.ObservationNoise * w.P.ArmingNoiseScale);

        public double Posture(double opacity) => PostureScale * opacity + PostureFloor;

        public double Arming(double opacity) => ArmingScale * opacity + ArmingFloor;
    }

    /// <summary>Rivalry net of shared identity, the term that biases perception.</summary>
    public static double EffectiveRivalry(World w, int ij) =>
        Math.Max(0, w.Rivalry[ij] - w.P.IdentityAffinity * w.SharedIdentity[ij]);

    // ------------------------------------------------------------------ phase 3

    /// <summary>
    /// Phase 3: Bayesian update of b_ij = P_i(j greedy) from the posture and arming signals (Kydd 1997, 2005),
    /// each year's likelihood ratio tempered by the evidence weight. Security-seekers' expected posture rises
    /// with β (Jervis 1978). The arming signal is first discounted by empathy times the reaction j is expected to
    /// show to i's own arming (Jervis 1976: the failure to see oneself as a threat). Institutions then pull the
    /// belief toward the truth by ι·η (Keohane 1984), a hotline by H·clarity; old evidence ages as the belief
    /// drifts back toward the prior, since intentions can change (Mearsheimer 2001); beliefs stay in [ε, 1-ε].
    /// </summary>
    public static void Believe(World w)
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
                    cause[ij] = CauseOfShift(w, ij, postureLlr, armingLlr, undiscounted, institutional + clarity);
                }
                belief[ij] = b;
            }
        }
    }

    /// <summary>The concept that best explains this year's belief move, for the narration.</summary>
    private static Concept CauseOfShift(World w, int ij, double postureLlr, double armingLlr, double undiscountedOwnArming, double pull)
    {
        var up = postureLlr + armingLlr > 0;
        if (up)
        {
            if (armingLlr > postureLlr && undiscountedOwnArming > 0.01)
            {
                return Concept.FailureToEmpathize;
            }
            if (EffectiveRivalry(w, ij) > 0.3 && postureLlr > 0)
            {
                return Concept.HistoricalRivalry;
            }
            return w.Distinguishability < 0.5 ? Concept.UncertaintyOfIntentions : Concept.Distinguishability;
        }
        if (pull > 0.05)
        {
            return w.Hotline[ij] * w.P.HotlineClarity > w.Institutions * w.P.InstitutionalPull ? Concept.Hotline : Concept.MultilateralEngagement;
        }
        if (w.Transparency[ij] > 0.3)
        {
            return Concept.ConfidenceBuilding;
        }
        return w.Distinguishability >= 0.5 ? Concept.PreparednessWithoutProvocation : Concept.None;
    }

    // ------------------------------------------------------------------ phase 4

    /// <summary>
    /// Phase 4: allied capabilities, vulnerability from the contest function
    /// v_ij = r_ij (β O_j)^γ / ((β O_j)^γ + (D_i + allied D)^γ), where j's offense includes its allies' (the
    /// alliance security dilemma; Snyder 1984); threat T_ij = b_ij v_ij; security
    /// S_i = Π_j (1 - T_ij) (1 - c_I I_i) Π_k (1 - spill r_ik I_k) (Sørensen 2007).
    /// </summary>
    public static void Assess(World w)
    {
        var n = w.N;
        var p = w.P;
        AlliedCapabilities(w);
        for (var i = 0; i < n; i++)
        {
            var security = 1 - p.InternalThreatSecurityWeight * w.InternalThreat[i];
            for (var j = 0; j < n; j++)
            {
                if (i == j)
                {
                    continue;
                }
                var ij = i * n + j;
                var r = w.Reach[ij];
                double v = 0;
                if (r > 0 && !w.AreAllies(i, j))
                {
                    var offense = w.Offense[j] + w.AlliedOffense[j];
                    v = r * Contest.AttackerWins(offense, w.AlliedDefense[i], w.OffenseAdvantage, p.ContestExponent);
                }
                w.Vulnerability[ij] = v;
                var t = w.Belief[ij] * v;
                w.Threat[ij] = t;
                security *= (1 - t) * (1 - p.InternalThreatSpilloverSecurity * r * w.InternalThreat[j]);
            }
            w.Security[i] = Math.Clamp(security, 0, 1);
        }
    }

    /// <summary>Each state's defense plus its committed allies' defense, and its allies' offense (Walt 1987; Snyder 1984).</summary>
    public static void AlliedCapabilities(World w)
    {
        var n = w.N;
        for (var i = 0; i < n; i++)
        {
            double alliedD = w.Defense[i], alliedO = 0;
            var a = w.Alliance[i];
            if (a >= 0)
            {
                var c = w.AllianceCommitment[a];
                for (var k = 0; k < n; k++)
                {
                    if (k != i && w.Alliance[k] == a)
                    {
                        alliedD += c * w.Defense[k];
                        alliedO += c * w.Offense[k];
                    }
                }
            }
            w.AlliedDefense[i] = alliedD;
            w.AlliedOffense[i] = alliedO;
        }
    }

    // ------------------------------------------------------------------ phase 5

    /// <summary>
    /// Phase 5: every policy decides at once into buffers, then the kernel resolves agreements (both must
    /// propose; mistrust blocks), alliances (two states balancing against the same threat that trust each other
    /// ally; Walt 1987) and applies shares and postures within the development cap (Acharya 1995).
    /// </summary>
    public static void Decide(World w)
    {
        var n = w.N;
        var p = w.P;
        Array.Clear(w.CbmIntent);
        Array.Clear(w.HotlineIntent);
        Array.Clear(w.Probe);
        Array.Fill(w.AttackTarget, -1);
        Array.Fill(w.BalanceAgainst, -1);
        Array.Clear(w.Reassure);
        for (var i = 0; i < n; i++)
        {
            w.NextMilitaryShare[i] = w.MilitaryShare[i];
            w.NextPosture[i] = w.Posture[i];
            w.PolicyOf(i).Decide(new PolicyContext(w, i));
        }

        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                int ij = i * n + j, ji = j * n + i;
                ResolveAgreement(w, i, j, w.CbmIntent[ij], w.CbmIntent[ji], isHotline: false);
                ResolveAgreement(w, i, j, w.HotlineIntent[ij], w.HotlineIntent[ji], isHotline: true);
                var target = w.BalanceAgainst[i];
                if (target >= 0 && target == w.BalanceAgainst[j] && target != i && target != j && !w.AreAllies(i, j)
                    && w.Belief[ij] < p.TrustThreshold && w.Belief[ji] < p.TrustThreshold)
                {
                    FormAlliance(w, i, j, target);
                }
            }
        }

        for (var i = 0; i < n; i++)
        {
            var forced = w.ForcedMilitaryShare[i];
            var share = double.IsNaN(forced) ? w.NextMilitaryShare[i] : forced;
            if (double.IsNaN(share) || double.IsInfinity(share))
            {
                share = w.MilitaryShare[i];
            }
            share = Math.Clamp(share, p.MinMilitaryShare, w.MilitaryShareCap(i));
            var change = share - w.MilitaryShare[i];
            if (change >= 0.8 * p.MaxShareChange)
            {
                var concept = w.Security[i] < w.PreviousSecurity[i] ? Concept.ArmsRace
                    : w.IsGreedy[i] ? Concept.PowerCompetition : Concept.Anarchy;
                w.AddEvent(EventKind.ArmsBuildup, i, MostThreatening(w, i), value: change, concept: concept);
            }
            else if (w.Reassure[i])
            {
                w.AddEvent(EventKind.ReassuranceGesture, i, MostThreatening(w, i), value: change,
                    concept: w.PolicyOf(i) is Grit ? Concept.Grit : Concept.CostlyReassurance);
            }
            else if (change <= -0.8 * p.MaxShareChange)
            {
                w.AddEvent(EventKind.ArmsCut, i, -1, value: change,
                    concept: w.DevelopmentPriority[i] > 0.5 && share >= w.MilitaryShareCap(i) - 1e-12 ? Concept.DevelopmentPriority : Concept.None);
            }
            w.MilitaryShare[i] = share;
            var posture = w.NextPosture[i];
            w.Posture[i] = double.IsFinite(posture) ? Math.Clamp(posture, 0, 1) : w.Posture[i];
            w.ForcedMilitaryShare[i] = double.NaN;
        }
    }

    private static int MostThreatening(World w, int i)
    {
        var n = w.N;
        var best = -1;
        var bestThreat = 0.0;
        for (var j = 0; j < n; j++)
        {
            if (j != i && w.Threat[i * n + j] > bestThreat)
            {
                bestThreat = w.Threat[i * n + j];
                best = j;
            }
        }
        return best;
    }

    private static void ResolveAgreement(World w, int i, int j, DiplomacyIntent a, DiplomacyIntent b, bool isHotline)
    {
        if (a == DiplomacyIntent.None && b == DiplomacyIntent.None)
        {
            return;
        }
        var concept = isHotline ? Concept.Hotline : Concept.ConfidenceBuilding;
        if (a == DiplomacyIntent.Propose && b == DiplomacyIntent.Propose)
        {
            if (isHotline)
            {
                OpenHotline(w, i, j, 1.0);
            }
            else
            {
                SignCbm(w, i, j, w.P.CbmTransparencyGain);
            }
            return;
        }
        if (a == DiplomacyIntent.BlockedByMistrust || b == DiplomacyIntent.BlockedByMistrust)
        {
            var blocker = a == DiplomacyIntent.BlockedByMistrust ? i : j;
            var other = blocker == i ? j : i;
            w.AddEvent(isHotline ? EventKind.HotlineBlocked : EventKind.CbmBlocked, blocker, other, concept: concept);
            return;
        }
        var proposer = a == DiplomacyIntent.Propose ? i : j;
        w.AddEvent(isHotline ? EventKind.HotlineProposed : EventKind.CbmProposed, proposer, proposer == i ? j : i, concept: concept);
    }

    /// <summary>A CBM raises transparency between the parties (Holst 1983).</summary>
    public static void SignCbm(World w, int i, int j, double gain)
    {
        int ij = i * w.N + j, ji = j * w.N + i;
        w.Transparency[ij] = w.Transparency[ji] = Math.Min(1, w.Transparency[ij] + gain);
        w.Cbm[ij] = w.Cbm[ji] = true;
        w.AddEvent(EventKind.CbmSigned, i, j, value: w.Transparency[ij], concept: Concept.ConfidenceBuilding);
    }

    public static void OpenHotline(World w, int i, int j, double strength)
    {
        int ij = i * w.N + j, ji = j * w.N + i;
        w.Hotline[ij] = w.Hotline[ji] = Math.Clamp(strength, 0, 1);
        w.AddEvent(EventKind.HotlineOpened, i, j, value: strength, concept: Concept.Hotline);
    }

    public static void FormAlliance(World w, int i, int j, int against)
    {
        int ai = w.Alliance[i], aj = w.Alliance[j];
        if (ai >= 0 && aj >= 0)
        {
            return;
        }
        var id = ai >= 0 ? ai : aj;
        if (id < 0)
        {
            if (w.AllianceCount >= w.AllianceCommitment.Length)
            {
                return;
            }
            id = w.AllianceCount++;
            w.AllianceCommitment[id] = w.P.DefaultAllianceCommitment;
        }
        w.Alliance[i] = w.Alliance[j] = id;
        w.AddEvent(EventKind.AllianceFormed, i, j, value: against, concept: Concept.AllianceSecurityDilemma);
    }

    // ------------------------------------------------------------------ phase 6

    /// <summary>
    /// Phase 6: spending m·Y, less what internal threat absorbs, buys offense in proportion p and defense in 1-p,
    /// stocks depreciate at μ; GDP grows at g - ζm - internal losses (Benoit 1978; Collier 1999); internal threat
    /// decays and spreads to neighbours by reach (Sørensen 2007; Salehyan &amp; Gleditsch 2006).
    /// </summary>
    public static void InvestAndGrow(World w)
    {
        var n = w.N;
        var p = w.P;
        var keep = 1 - w.Depreciation;
        for (var i = 0; i < n; i++)
        {
            var milex = w.MilitaryShare[i] * w.Gdp[i];
            w.PreviousMilex[i] = w.Milex[i];
            w.Milex[i] = milex;
            w.MilexGrowth[i] = w.PreviousMilex[i] > 0 ? milex / w.PreviousMilex[i] - 1 : 0;
            var internalShare = Math.Min(0.9, p.InternalThreatDrain * w.InternalThreat[i]);
            var investment = milex * (1 - internalShare);
            w.Offense[i] = keep * w.Offense[i] + w.Posture[i] * investment;
            w.Defense[i] = keep * w.Defense[i] + (1 - w.Posture[i]) * investment;
            var growth = w.Growth[i] - p.MilitaryGrowthDrag * w.MilitaryShare[i] - p.InternalThreatGrowthLoss * w.InternalThreat[i];
            w.Gdp[i] = Math.Max(0, w.Gdp[i] * (1 + growth));

            // Reach-weighted neighbour threat, averaged once total reach exceeds 1, so that contagion stays below
            // decay in dense regions instead of igniting every state.
            double imported = 0, exposure = 0;
            for (var k = 0; k < n; k++)
            {
                if (k != i)
                {
                    imported += w.Reach[i * n + k] * w.InternalThreat[k];
                    exposure += w.Reach[i * n + k];
                }
            }
            imported /= Math.Max(1, exposure);
            w.InternalThreatNext[i] = Math.Clamp(w.InternalThreat[i] * (1 - p.InternalThreatDecay) + p.InternalThreatContagion * imported, 0, 1);
        }
        Array.Copy(w.InternalThreatNext, w.InternalThreat, n);
    }

    // ------------------------------------------------------------------ phase 7

    /// <summary>
    /// Phase 7: deliberate wars of greedy states first (Fearon 1995), then incidents per dyad at rate
    /// λ0 · r · forward posture · (1 + h) · tension · (1 - φτ) · (1 + κ(I_i + I_j)), each opening a crisis on
    /// Kahn's ladder; internal threat adds incidents across borders (Salehyan 2009).
    /// </summary>
    public static void IncidentsAndCrises(World w)
    {
        var n = w.N;
        var p = w.P;
        AlliedCapabilities(w);
        for (var i = 0; i < n; i++)
        {
            var target = w.AttackTarget[i];
            if (target >= 0 && target != i && w.CooldownUntil[i * n + target] <= w.Step)
            {
                Crisis.War(w, i, target, Concept.Greed);
            }
        }
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                int ij = i * n + j, ji = j * n + i;
                var r = Math.Max(w.Reach[ij], w.Reach[ji]);
                if (r <= 0 || w.CooldownUntil[ij] > w.Step)
                {
                    continue;
                }
                var forward = w.Posture[i] + w.Posture[j];
                var tension = 0.5 + w.Belief[ij] + w.Belief[ji];
                var damping = 1 - p.TransparencyIncidentDamping * 0.5 * (w.Transparency[ij] + w.Transparency[ji]);
                var probe = (w.Probe[ij] || w.Probe[ji]) ? p.ProbeMultiplier : 1.0;
                var unrest = 1 + p.InternalThreatIncidents * (w.InternalThreat[i] + w.InternalThreat[j]);
                var rate = w.IncidentBaseRate * r * forward * (1 + w.Rivalry[ij]) * tension * damping * probe * unrest;
                if (w.IncidentRng.NextDouble() < 1 - Math.Exp(-rate))
                {
                    var initiator = w.Probe[ij] ? i : w.Probe[ji] ? j : (w.Posture[i] >= w.Posture[j] ? i : j);
                    var concept = probe > 1 ? Concept.Greed : w.Rivalry[ij] > 0.3 ? Concept.HistoricalRivalry : Concept.Escalation;
                    w.AddEvent(EventKind.Incident, initiator, initiator == i ? j : i, rung: 1, concept: concept);
                    Crisis.Run(w, initiator, initiator == i ? j : i, 1);
                }
            }
        }
    }

    // ------------------------------------------------------------------ phase 8

    /// <summary>
    /// Phase 8: relations accumulate the year's Goldstein weights; rivalry grows with conflict and decays with
    /// cooperation and time (Diehl &amp; Goertz 2000); belief shifts and spiral onsets between security-seekers
    /// are recorded as events.
    /// </summary>
    public static void Record(World w)
    {
        var n = w.N;
        var p = w.P;
        var stepGoldstein = w.StepGoldstein;
        var relations = w.Relations;
        var rivalry = w.Rivalry;
        var belief = w.Belief;
        var previous = w.PreviousBelief;
        var fromConflict = p.RivalryFromConflict / 10;
        var fromCooperation = p.RivalryFromCooperation / 10;
        var keep = 1 - p.RivalryDecay;
        for (var i = 0; i < n; i++)
        {
            var row = i * n;
            for (var j = 0; j < n; j++)
            {
                if (i == j)
                {
                    continue;
                }
                var ij = row + j;
                var g = stepGoldstein[ij];
                if (g != 0)
                {
                    relations[ij] += g;
                    stepGoldstein[ij] = 0;
                }
                var h = rivalry[ij] * keep + fromConflict * Math.Max(0, -g) - fromCooperation * Math.Max(0, g);
                rivalry[ij] = Math.Clamp(h, 0, 1);

                var before = previous[ij];
                var now = belief[ij];
                if (Math.Abs(now - before) >= p.BeliefShiftToRecord)
                {
                    w.AddEvent(EventKind.BeliefShift, i, j, value: now - before, concept: w.BeliefCause[ij]);
                }
                if (before <= 0.5 && now > 0.5 && !w.IsGreedy[i] && !w.IsGreedy[j])
                {
                    w.AddEvent(EventKind.SpiralOnset, i, j, value: now, concept: Concept.Spiral);
                }
            }
        }
        Array.Copy(w.Security, w.PreviousSecurity, n);
    }
}
