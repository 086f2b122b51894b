using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
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
        var evidenceWeightLanes = Vector256.Create(p.EvidenceWeight);
        var drift = p.IntentionDrift;
        var floor = p.BeliefFloor;

        // What does not depend on the observer, once per actor j (issue 18): its log burden before its last budget year,
        // the logs of its cap and long-run burden, the greedy type's error-correction term, the security type's expected change when the observer's
        // capability has not moved j's insecurity since the start (as between states that cannot reach each other),
        // and the institutional posture report's evidence. Each is the value the per-dyad expression would give, bit for bit.
        var scratch = w.Scratch.AsSpan();
        var logBefore = scratch.Slice(ScratchRow.LogBefore * n, n);
        var logCap = scratch.Slice(ScratchRow.LogCap * n, n);
        var greedyAdjustment = scratch.Slice(ScratchRow.GreedyAdjustment * n, n);
        var unmovedSecurity = scratch.Slice(ScratchRow.UnmovedSecurity * n, n);
        var reportPostureLlr = scratch.Slice(ScratchRow.ReportPostureLlr * n, n);
        var logLongRun = scratch.Slice(ScratchRow.LogLongRun * n, n);
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
        var moved = w.InsecurityMoved;
        if (armingInformative)
        {
            MarkMovedInsecurity(w);
        }
        // Two passes per observer row (issue 18): the year's log likelihood ratios of every dyad into three scratch rows,
        // then the tempered update with its exp, in tight loops that keep the rare paths (an observer that moved the
        // actor's insecurity, a shift to record) out of line. The same expressions in the same order: the same bits.
        var postureLlrRow = scratch.Slice(ScratchRow.PostureLlr * n, n);
        var armingLlrRow = scratch.Slice(ScratchRow.ArmingLlr * n, n);
        var reportLlrRow = scratch.Slice(ScratchRow.ReportLlr * n, n);
        var evidenceRow = scratch.Slice(ScratchRow.Evidence * n, n);
        var likelihoods = new Likelihoods(noise, securityPosture, greedyPosture, postureSpread2, budgetNoise2, reportArmingVar, armingInformative, logFloor);
        var driftLanes = Vector256.Create(drift);
        var one = Vector256<double>.One;
        var securityPostureLanes = Vector256.Create(securityPosture);
        var greedyPostureLanes = Vector256.Create(greedyPosture);
        var postureSpread2Lanes = Vector256.Create(postureSpread2);
        var budgetNoise2Lanes = Vector256.Create(budgetNoise2);
        var reportArmingVarLanes = Vector256.Create(reportArmingVar);
        var shiftLanes = Vector256.Create(p.BeliefShiftToRecord);
        var previous = w.PreviousBelief;
        var demobilising = w.Demobilising;
        var reportedArming = w.ReportedArming;
        for (var i = 0; i < n; i++)
        {
            var row = i * n;
            // The evidence in four lanes, reading every actor's arming with the expectation for an observer that has not
            // moved its insecurity; the lanes where that is not so (the actor's budget not informative, the diagonal, an
            // observer that moved it) are then put right one dyad at a time (a chunk of four with none is left as it is).
            for (var j0 = 0; j0 < n; j0 += RowLanes.Count)
            {
                var count = Math.Min(RowLanes.Count, n - j0);
                var at = row + j0;
                var opacity = one - RowLanes.Load(transparency.AsSpan(at, count), 0);
                var postureLlr = BeliefUpdate.GaussianLlr(RowLanes.Load(observedPosture.AsSpan(at, count), 0), securityPostureLanes, greedyPostureLanes,
                    PostureVariance(noise, opacity, postureSpread2Lanes));
                RowLanes.Store(postureLlr, postureLlrRow.Slice(j0, count));
                var reportLlr = RowLanes.Load(reportPostureLlr.Slice(j0, count), 0);
                if (!armingInformative)
                {
                    RowLanes.Store(Vector256<double>.Zero, armingLlrRow.Slice(j0, count));
                    RowLanes.Store(reportLlr, reportLlrRow.Slice(j0, count));
                    RowLanes.Store(postureLlr + Vector256<double>.Zero + reportLlr, evidenceRow.Slice(j0, count));
                    continue;
                }
                var security = RowLanes.Load(unmovedSecurity.Slice(j0, count), 0);
                var greedy = RowLanes.Load(greedyAdjustment.Slice(j0, count), 0);
                RowLanes.Store(BeliefUpdate.GaussianLlr(RowLanes.Load(observedArming.AsSpan(at, count), 0), security, greedy,
                    ArmingVariance(noise, opacity, budgetNoise2Lanes)), armingLlrRow.Slice(j0, count));
                RowLanes.Store(institutions
                    ? reportLlr + BeliefUpdate.GaussianLlr(RowLanes.Load(reportedArming.AsSpan(j0, count), 0), security, greedy, reportArmingVarLanes)
                    : reportLlr, reportLlrRow.Slice(j0, count));
                var putRight = count < RowLanes.Count || (i >= j0 && i < j0 + count) || AnyOfFour(demobilising, j0) || AnyOfFour(moved, row + j0);
                for (var j = j0; putRight && j < j0 + count; j++)
                {
                    if (demobilising[j] || j == i)
                    {
                        armingLlrRow[j] = 0;
                        reportLlrRow[j] = reportPostureLlr[j];
                    }
                    else if (moved[row + j])
                    {
                        (armingLlrRow[j], reportLlrRow[j]) = MovedArmingEvidence(w, i, j, likelihoods, reportPostureLlr[j]);
                    }
                }
                RowLanes.Store(postureLlr + RowLanes.Load(armingLlrRow.Slice(j0, count), 0)
                    + RowLanes.Load(reportLlrRow.Slice(j0, count), 0), evidenceRow.Slice(j0, count));
            }

            // The update in four lanes (Vector256: the same IEEE operations lane by lane, so the same bits as one dyad at a
            // time), every dyad through the same code: a row's last lanes are padded, the diagonal is put back.
            for (var j0 = 0; j0 < n; j0 += RowLanes.Count)
            {
                var count = Math.Min(RowLanes.Count, n - j0);
                var before = RowLanes.Load(belief.AsSpan(row + j0, count), 0.5);
                var b = BeliefUpdate.Tempered(before, BeliefUpdate.OddsFactor(RowLanes.Load(evidenceRow.Slice(j0, count), 0), evidenceWeightLanes));
                b += driftLanes * (RowLanes.Load(prior.AsSpan(row + j0, count), 0.5) - b);
                b = BeliefUpdate.Bounded(b, floor);
                var shifted = Vector256.GreaterThanOrEqual(Vector256.Abs(b - before), shiftLanes).ExtractMostSignificantBits() & ((1u << count) - 1);
                RowLanes.Store(before, previous.AsSpan(row + j0, count));
                RowLanes.Store(b, belief.AsSpan(row + j0, count));
                if (i >= j0 && i < j0 + count)
                {
                    belief[row + i] = previous[row + i];
                    shifted &= ~(1u << (i - j0));
                }
                while (shifted != 0)
                {
                    var j = j0 + BitOperations.TrailingZeroCount(shifted);
                    cause[row + j] = CauseOfShift(w, i, j, likelihoods, postureLlrRow[j], armingLlrRow[j], reportLlrRow[j]);
                    shifted &= shifted - 1;
                }
            }
        }
        w.KeepVulnerabilityAsPrevious();
    }

    /// <summary>
    /// Marks in <see cref="World.InsecurityMoved"/> each dyad i→j whose observer's capability has moved j's insecurity
    /// since the start (its vulnerability to i now or a year ago differs from the start, or the start or the prior is not
    /// finite, or j was perfectly secure then); for every other dyad <see cref="TypeModel.InsecurityFromObserver"/> gives
    /// ln 1 = 0, so the per-actor expectation applies.
    /// Read in j's rows in four lanes (i→j's loop would read them down a column, a cache miss per dyad in large worlds);
    /// the flags are cleared and only the moved dyads written (few: in <c>world-190</c> the 1,350 that can reach each other).
    /// </summary>
    internal static void MarkMovedInsecurity(World w)
    {
        var n = w.N;
        var moved = w.InsecurityMoved;
        Array.Clear(moved);
        var vulnerability = w.Vulnerability;
        var previousVulnerability = w.PreviousVulnerability;
        var referenceVulnerability = w.ReferenceVulnerability;
        var priorBelief = w.PriorBelief;
        var infinity = Vector256.Create(double.PositiveInfinity);
        for (var j = 0; j < n; j++)
        {
            var secure = w.ReferenceInsecurity[j] >= 1e-6;
            var row = j * n;
            for (var i0 = 0; i0 < n; i0 += RowLanes.Count)
            {
                var count = Math.Min(RowLanes.Count, n - i0);
                var at = row + i0;
                var v0 = RowLanes.Load(referenceVulnerability.AsSpan(at, count), 0);
                var unmoved = Vector256.Equals(RowLanes.Load(vulnerability.AsSpan(at, count), 0), v0)
                    & Vector256.Equals(RowLanes.Load(previousVulnerability.AsSpan(at, count), 0), v0)
                    & Vector256.LessThan(Vector256.Abs(v0), infinity)
                    & Vector256.LessThan(Vector256.Abs(RowLanes.Load(priorBelief.AsSpan(at, count), 0)), infinity);
                var movedLanes = (secure ? ~unmoved.ExtractMostSignificantBits() : ~0u) & ((1u << count) - 1);
                while (movedLanes != 0)
                {
                    moved[(i0 + BitOperations.TrailingZeroCount(movedLanes)) * n + j] = true;
                    movedLanes &= movedLanes - 1;
                }
            }
        }
    }

    /// <summary>Whether any of the four flags from <paramref name="at"/> is set, in one read (a bool is one byte, 0 or 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool AnyOfFour(bool[] flags, int at) => MemoryMarshal.Read<uint>(MemoryMarshal.AsBytes(flags.AsSpan(at, 4))) != 0;

    /// <summary>The per-year terms of the likelihoods that do not depend on the dyad (for the cause of a recorded shift).</summary>
    private readonly record struct Likelihoods(NoiseModel Noise, double SecurityPosture, double GreedyPosture, double PostureSpread2,
        double BudgetNoise2, double ReportArmingVar, bool ArmingInformative, double LogFloor);

    /// <summary>
    /// The cause of a recorded shift of i's belief about j, from this year's evidence (out of line: rare). The empathy and
    /// rivalry gaps are computed only when the cause depends on them.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Concept CauseOfShift(World w, int i, int j, in Likelihoods l, double postureLlr, double armingLlr, double reportLlr)
    {
        var ij = i * w.N + j;
        var e = new Evidence(postureLlr, armingLlr, reportLlr);
        if (e.Total > 0)
        {
            if (e.Report > 0 && e.Report >= e.Private)
            {
                return Concept.MultilateralEngagement;
            }
            var opacity = 1 - w.Transparency[ij];
            var informative = l.ArmingInformative && !w.Demobilising[j];
            var empathyGap = EmpathyGap(w, i, j, l, informative, armingLlr, informative ? ArmingVariance(l.Noise, opacity, l.BudgetNoise2) : 0);
            if (empathyGap > 0 && e.Total - empathyGap <= 0)
            {
                return Concept.FailureToEmpathize;
            }
            var postureVar = PostureVariance(l.Noise, opacity, l.PostureSpread2);
            var rivalryGap = postureLlr - BeliefUpdate.GaussianLlr(w.ObservedPosture[ij] - RivalryBias(w, ij), l.SecurityPosture, l.GreedyPosture, postureVar);
            if (rivalryGap > 0 && e.Total - rivalryGap <= 0)
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

    /// <summary>The variance of i's posture reading of j under either type: observation noise and the within-type spread.</summary>
    private static double PostureVariance(in NoiseModel noise, double opacity, double postureSpread2)
    {
        var postureNoise = noise.Posture(opacity);
        return postureNoise * postureNoise + postureSpread2;
    }

    /// <summary>The variance of i's arming reading of j under either type: observation noise and the budget noise.</summary>
    private static double ArmingVariance(in NoiseModel noise, double opacity, double budgetNoise2)
    {
        var armingNoise = noise.Arming(opacity);
        return armingNoise * armingNoise + budgetNoise2;
    }

    /// <summary><see cref="PostureVariance(in NoiseModel, double, double)"/> in four lanes (the same IEEE operations, so the same bits).</summary>
    private static Vector256<double> PostureVariance(in NoiseModel noise, Vector256<double> opacity, Vector256<double> postureSpread2)
    {
        var postureNoise = noise.Posture(opacity);
        return postureNoise * postureNoise + postureSpread2;
    }

    /// <summary><see cref="ArmingVariance(in NoiseModel, double, double)"/> in four lanes (the same IEEE operations, so the same bits).</summary>
    private static Vector256<double> ArmingVariance(in NoiseModel noise, Vector256<double> opacity, Vector256<double> budgetNoise2)
    {
        var armingNoise = noise.Arming(opacity);
        return armingNoise * armingNoise + budgetNoise2;
    }

    /// <summary>
    /// The private and institutional evidence of j's arming for an observer i whose capability has moved j's insecurity
    /// (every pair in a dense world, none between states that cannot reach each other): the log likelihood ratio of i's
    /// reading, and the report's posture evidence <paramref name="reportPostureLlr"/> plus that of its arming report.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (double Arming, double Report) MovedArmingEvidence(World w, int i, int j, in Likelihoods l, double reportPostureLlr)
    {
        var n = w.N;
        var ij = i * n + j;
        var scratch = w.Scratch;
        var armingVar = ArmingVariance(l.Noise, 1 - w.Transparency[ij], l.BudgetNoise2);
        var (security, greedy) = MovedExpectation(w, i, j, w.Empathy[i], scratch[ScratchRow.LogLongRun * n + j], scratch[ScratchRow.LogBefore * n + j], l.LogFloor,
            scratch[ScratchRow.LogCap * n + j], scratch[ScratchRow.GreedyAdjustment * n + j]);
        var reportLlr = reportPostureLlr;
        if (w.Institutions > 0)
        {
            reportLlr += BeliefUpdate.GaussianLlr(w.ReportedArming[j], security, greedy, l.ReportArmingVar);
        }
        return (BeliefUpdate.GaussianLlr(w.ObservedArming[ij], security, greedy, armingVar), reportLlr);
    }

    /// <summary>
    /// The burden change i expects of each type of j when i's capability has moved j's insecurity (out of line: among
    /// states that cannot reach each other it never runs).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (double Security, double Greedy) MovedExpectation(World w, int i, int j, double empathy, double logLongRun,
        double logBefore, double logFloor, double logCap, double greedyAdjustment)
    {
        TypeModel.InsecurityFromObserver(w, i, j, out var level, out var change);
        return TypeModel.ExpectedBurdenChange(level, change, empathy, logLongRun, logBefore, logFloor, logCap, greedyAdjustment, w.P);
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
    /// empathetic observer: the part of j's reaction to i's own arming that i failed to recognise. Reads j's terms of the
    /// type model from the year's per-actor rows and i's reading of j's insecurity as the dyad loop does (zero where i has
    /// not moved it): the values <see cref="TypeModel.ExpectedBurdenChange(World, int, int, double)"/> gives, bit for bit.
    /// </summary>
    private static double EmpathyGap(World w, int i, int j, in Likelihoods l, bool informative, double armingLlr, double armingVar)
    {
        if (!informative || w.Empathy[i] >= 1)
        {
            return 0;
        }
        var n = w.N;
        var scratch = w.Scratch;
        double level = 0, change = 0;
        if (w.InsecurityMoved[i * n + j])
        {
            TypeModel.InsecurityFromObserver(w, i, j, out level, out change);
        }
        var (logBefore, logCap, greedyAdjustment, logLongRun) =
            (scratch[ScratchRow.LogBefore * n + j], scratch[ScratchRow.LogCap * n + j], scratch[ScratchRow.GreedyAdjustment * n + j], scratch[ScratchRow.LogLongRun * n + j]);
        var (security, greedy) = TypeModel.ExpectedBurdenChange(level, change, 1, logLongRun, logBefore, l.LogFloor, logCap, greedyAdjustment, w.P);
        var (ownSecurity, ownGreedy) = TypeModel.ExpectedBurdenChange(level, change, w.Empathy[i], logLongRun, logBefore, l.LogFloor, logCap, greedyAdjustment, w.P);
        var full = BeliefUpdate.GaussianLlr(w.ObservedArming[i * n + j], security, greedy, armingVar);
        var gap = armingLlr - full;
        if (w.Institutions > 0)
        {
            gap += BeliefUpdate.GaussianLlr(w.ReportedArming[j], ownSecurity, ownGreedy, l.ReportArmingVar)
                - BeliefUpdate.GaussianLlr(w.ReportedArming[j], security, greedy, l.ReportArmingVar);
        }
        return gap;
    }

    /// <summary>This year's log likelihood ratios (greedy over security).</summary>
    private readonly record struct Evidence(double Posture, double Arming, double Report)
    {
        public double Private => Posture + Arming;
        public double Total => Posture + Arming + Report;
    }
}
