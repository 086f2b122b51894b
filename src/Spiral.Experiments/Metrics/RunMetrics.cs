using Spiral.Core.Events;
using Spiral.Core.Recording;

namespace Spiral.Experiments.Metrics;

/// <summary>
/// Pure functions from a run's recorded rows to its outcomes, so they can be recomputed from a file. A new outcome is a
/// value of <see cref="RunSummary"/> computed in <see cref="Summarize"/> and one entry of <see cref="OutcomeRegistry"/>.
/// </summary>
public static class RunMetrics
{
    /// <summary>
    /// The believed capability share (own allied capability over the pair's, as the initiator believes it; recorded in a
    /// <see cref="EventKind.WarStarted"/> event's <c>Value</c>) under which a war counts as started by the weaker side:
    /// a capability under half the target's, share 1/(1 + 2) (issue 11's criterion of who attacks whom).
    /// </summary>
    public const double WeakerSideShare = 1.0 / 3;

    /// <summary>
    /// Summarizes a run. <paramref name="reach"/> is the scenario's initial reach matrix (N×N) that defines rival dyads.
    /// Every event count, the first war step and the highest rung are of model output only: events recorded while the
    /// timeline applies scripted history (<see cref="SimEvent.Scripted"/>) are left out, and scripted wars are counted
    /// apart in <see cref="RunSummary.ScriptedWars"/> (DESIGN.md 3.1.6). Crises are counted at their end, one
    /// <see cref="EventKind.CrisisOutcome"/> each, by their highest MID hostility level (Palmer et al. 2022).
    /// </summary>
    public static void Summarize(RunRecord r, ReadOnlySpan<double> reach, RunSummary s)
    {
        var n = r.N;
        var t = r.Steps;
        s.RunIndex = r.RunIndex;
        s.Seed = r.Seed;
        s.Wars = s.WarsBetweenSecuritySeekers = s.Crises = s.MaxRung = s.Spirals = 0;
        s.WarsFromPrivateInformation = s.WarsFromCommitmentProblem = s.WarsFromPreemption = s.WarsStartedByWeakerSide = s.ScriptedWars = 0;
        s.CrisesAtThreat = s.CrisesAtDisplay = s.CrisesAtUseOfForce = s.CrisesAtWar = s.FatalClashes = 0;
        s.AllyInterventions = s.AllyAbandonments = 0;
        s.CbmsProposed = s.CbmsSigned = s.CbmsBlocked = s.HotlinesOpened = s.AlliancesFormed = s.CrisesEndedByHotline = 0;
        s.FirstWarStep = -1;
        foreach (ref readonly var e in r.Events.Items)
        {
            if (e.Scripted)
            {
                if (e.Kind == EventKind.WarStarted)
                {
                    s.ScriptedWars++;
                }
                continue;
            }
            if (e.Rung > s.MaxRung)
            {
                s.MaxRung = e.Rung;
            }
            switch (e.Kind)
            {
                case EventKind.WarStarted:
                    s.Wars++;
                    if (!r.IsGreedy[e.Actor] && !r.IsGreedy[e.Target]) s.WarsBetweenSecuritySeekers++;
                    if (s.FirstWarStep < 0) s.FirstWarStep = e.Step;
                    switch (e.Route)
                    {
                        case WarRoute.PrivateInformation: s.WarsFromPrivateInformation++; break;
                        case WarRoute.CommitmentProblem: s.WarsFromCommitmentProblem++; break;
                        case WarRoute.Preemption: s.WarsFromPreemption++; break;
                    }
                    if (e.Value < WeakerSideShare && e.Route is not (WarRoute.Preemption or WarRoute.CommitmentProblem)) s.WarsStartedByWeakerSide++;
                    break;
                case EventKind.CrisisOutcome:
                    s.Crises++;
                    switch (e.Mid)
                    {
                        case MidHostility.Threat: s.CrisesAtThreat++; break;
                        case MidHostility.Display: s.CrisesAtDisplay++; break;
                        case MidHostility.UseOfForce: s.CrisesAtUseOfForce++; break;
                        case MidHostility.War: s.CrisesAtWar++; break;
                    }
                    break;
                case EventKind.UseOfForce: if (e.Value >= 1) s.FatalClashes++; break;
                case EventKind.AllyIntervened: s.AllyInterventions++; break;
                case EventKind.AllyAbandoned: s.AllyAbandonments++; break;
                case EventKind.SpiralOnset: s.Spirals++; break;
                case EventKind.CbmProposed: s.CbmsProposed++; break;
                case EventKind.CbmSigned: s.CbmsSigned++; s.CbmsProposed++; break;
                case EventKind.CbmBlocked: s.CbmsBlocked++; break;
                case EventKind.HotlineOpened: s.HotlinesOpened++; break;
                case EventKind.AllianceFormed: s.AlliancesFormed++; break;
                case EventKind.CrisisDeEscalatedByHotline: s.CrisesEndedByHotline++; break;
            }
        }

        double securityChange = 0, errorSum = 0, growthSum = 0, finalSum = 0;
        var errorCount = 0;
        s.GreedyStates = 0;
        for (var i = 0; i < n; i++)
        {
            s.IsGreedy[i] = r.IsGreedy[i];
            s.GreedyStates += r.IsGreedy[i] ? 1 : 0;
            var m0 = r.Milex[r.Row(0, i)];
            var mt = r.Milex[r.Row(t, i)];
            s.MilexGrowth[i] = t > 0 && m0 > 0 && mt > 0 ? Math.Pow(mt / m0, 1.0 / t) - 1 : 0;
            s.InitialSecurity[i] = r.Security[r.Row(0, i)];
            s.FinalSecurity[i] = r.Security[r.Row(t, i)];
            securityChange += s.FinalSecurity[i] - s.InitialSecurity[i];
            growthSum += s.MilexGrowth[i];
            finalSum += s.FinalSecurity[i];
            double beliefSum = 0;
            for (var j = 0; j < n; j++)
            {
                if (i == j)
                {
                    continue;
                }
                var b = r.BeliefAt(t, i, j);
                s.FinalBelief[i * n + j] = b;
                beliefSum += b;
                var err = Math.Abs(b - (r.IsGreedy[j] ? 1 : 0));
                s.BeliefError[i * n + j] = err;
                errorSum += err;
                errorCount++;
            }
            s.MeanBeliefAboutOthers[i] = n > 1 ? beliefSum / (n - 1) : 0;
        }
        s.MeanSecurityChange = n > 0 ? securityChange / n : 0;
        s.MeanMilexGrowth = n > 0 ? growthSum / n : 0;
        s.MeanFinalSecurity = n > 0 ? finalSum / n : 0;
        s.MeanBeliefError = errorCount > 0 ? errorSum / errorCount : 0;
        (s.ArmsRaceIndex, s.RichardsonReaction) = ArmsRace(r, reach);
    }

    /// <summary>
    /// Arms-race index: mean yearly milex growth of members of rival dyads (reach both ways); Richardson reaction:
    /// pooled least-squares k of Δx_i(t) = k x_j(t) − a x_i(t) + g_i over rival dyads, spending in shares of the
    /// pair's initial spending so that dyads of different size pool (Richardson 1960).
    /// </summary>
    public static (double Index, double Reaction) ArmsRace(RunRecord r, ReadOnlySpan<double> reach)
    {
        var n = r.N;
        var t = r.Steps;
        double growthSum = 0;
        var members = 0;
        Span<double> xtx = stackalloc double[9];
        Span<double> xty = stackalloc double[3];
        xtx.Clear();
        xty.Clear();
        for (var i = 0; i < n; i++)
        {
            var m0 = r.Milex[r.Row(0, i)];
            var mt = r.Milex[r.Row(t, i)];
            var grows = t > 0 && m0 > 0 && mt > 0;
            var growth = grows ? Math.Pow(mt / m0, 1.0 / t) - 1 : 0; // the same for each of i's rival dyads
            for (var j = 0; j < n; j++)
            {
                if (i == j || reach[i * n + j] <= 0 || reach[j * n + i] <= 0)
                {
                    continue;
                }
                if (grows)
                {
                    growthSum += growth;
                    members++;
                }
                AccumulateReaction(r, i, j, xtx, xty);
            }
        }
        var index = members > 0 ? growthSum / members : 0;
        return (index, SolveReaction(xtx, xty));
    }

    /// <summary>Least-squares k of Δx_i(t) = k x_j(t) − a x_i(t) + g on one run's spending of one dyad (Richardson 1960).</summary>
    public static double ReactionCoefficient(RunRecord r, int i, int j)
    {
        Span<double> xtx = stackalloc double[9];
        Span<double> xty = stackalloc double[3];
        xtx.Clear();
        xty.Clear();
        AccumulateReaction(r, i, j, xtx, xty);
        return SolveReaction(xtx, xty);
    }

    /// <summary>Adds one dyad's years to the normal equations of Δx_i = k x_j − a x_i + g, spending in units of the pair's initial spending.</summary>
    private static void AccumulateReaction(RunRecord r, int i, int j, Span<double> xtx, Span<double> xty)
    {
        var scale = r.Milex[r.Row(0, i)] + r.Milex[r.Row(0, j)];
        if (scale <= 0)
        {
            return;
        }
        var milex = r.Milex;
        var xi = milex[r.Row(0, i)] / scale;
        for (var step = 0; step < r.Steps; step++)
        {
            var xj = milex[r.Row(step, j)] / scale;
            var xiNext = milex[r.Row(step + 1, i)] / scale; // next year's xi
            var dy = xiNext - xi;
            // regressors: xj, xi, 1 (upper triangle; the solver mirrors it)
            xtx[0] += xj * xj; xtx[1] += xj * xi; xtx[2] += xj;
            xtx[4] += xi * xi; xtx[5] += xi; xtx[8] += 1;
            xty[0] += xj * dy; xty[1] += xi * dy; xty[2] += dy;
            xi = xiNext;
        }
    }

    private static double SolveReaction(Span<double> xtx, ReadOnlySpan<double> xty)
    {
        xtx[3] = xtx[1]; xtx[6] = xtx[2]; xtx[7] = xtx[5];
        return Solve3(xtx, xty);
    }

    /// <summary>First coefficient of a 3×3 least-squares system by Cramer's rule; 0 when singular.</summary>
    private static double Solve3(ReadOnlySpan<double> m, ReadOnlySpan<double> v)
    {
        var det = Det3(m[0], m[1], m[2], m[3], m[4], m[5], m[6], m[7], m[8]);
        if (Math.Abs(det) < 1e-12)
        {
            return 0;
        }
        return Det3(v[0], m[1], m[2], v[1], m[4], m[5], v[2], m[7], m[8]) / det;
    }

    private static double Det3(double a, double b, double c, double d, double e, double f, double g, double h, double i) =>
        a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
}

/// <summary>
/// Per-run outcomes (DESIGN.md 3.3), computed by <see cref="RunMetrics.Summarize"/> from recorded rows only and read
/// by the <see cref="OutcomeRegistry"/>.
/// </summary>
public sealed class RunSummary
{
    public RunSummary(int states)
    {
        MilexGrowth = new double[states];
        FinalSecurity = new double[states];
        InitialSecurity = new double[states];
        MeanBeliefAboutOthers = new double[states];
        BeliefError = new double[states * states];
        FinalBelief = new double[states * states];
        IsGreedy = new bool[states];
    }

    public long RunIndex { get; set; }
    public ulong Seed { get; set; }
    /// <summary>Wars the model started (scripted wars are in <see cref="ScriptedWars"/>).</summary>
    public int Wars { get; set; }
    public int WarsBetweenSecuritySeekers { get; set; }
    /// <summary>Model wars by route (Fearon 1995; Powell 2006): private information, commitment problem, pre-emption.</summary>
    public int WarsFromPrivateInformation { get; set; }
    public int WarsFromCommitmentProblem { get; set; }
    public int WarsFromPreemption { get; set; }
    /// <summary>Model wars whose initiator believed its capability under half the target's, neither preventive nor pre-emptive.</summary>
    public int WarsStartedByWeakerSide { get; set; }
    /// <summary>Wars the scenario's timeline started: history, never counted in <see cref="Wars"/>.</summary>
    public int ScriptedWars { get; set; }
    /// <summary>Crises the model produced, counted at their end (<see cref="EventKind.CrisisOutcome"/>).</summary>
    public int Crises { get; set; }
    /// <summary>Model crises by highest MID hostility level: threat (2), display of force (3), use of force (4), war (5).</summary>
    public int CrisesAtThreat { get; set; }
    public int CrisesAtDisplay { get; set; }
    public int CrisesAtUseOfForce { get; set; }
    public int CrisesAtWar { get; set; }
    /// <summary>Use-of-force clashes with fatalities (<see cref="EventKind.UseOfForce"/> with value 1).</summary>
    public int FatalClashes { get; set; }
    public int AllyInterventions { get; set; }
    public int AllyAbandonments { get; set; }
    public int MaxRung { get; set; }
    public int Spirals { get; set; }
    public int CbmsProposed { get; set; }
    public int CbmsSigned { get; set; }
    public int CbmsBlocked { get; set; }
    public int HotlinesOpened { get; set; }
    public int AlliancesFormed { get; set; }
    public int CrisesEndedByHotline { get; set; }
    /// <summary>Mean yearly milex growth over rival dyads' members (dyads with reach both ways).</summary>
    public double ArmsRaceIndex { get; set; }
    /// <summary>Pooled Richardson reaction coefficient k fitted on rival dyads' series: Δx_i = k x_j − a x_i + g.</summary>
    public double RichardsonReaction { get; set; }
    public double MeanSecurityChange { get; set; }
    /// <summary>Mean over states of <see cref="MilexGrowth"/>.</summary>
    public double MeanMilexGrowth { get; set; }
    /// <summary>Mean over states of <see cref="FinalSecurity"/>.</summary>
    public double MeanFinalSecurity { get; set; }
    /// <summary>How many states drew the greedy type.</summary>
    public int GreedyStates { get; set; }
    /// <summary>Mean over directed dyads of |belief − truth| at the end.</summary>
    public double MeanBeliefError { get; set; }
    public bool[] IsGreedy { get; }
    /// <summary>Per state: yearly geometric mean growth of military spending.</summary>
    public double[] MilexGrowth { get; }
    public double[] InitialSecurity { get; }
    public double[] FinalSecurity { get; }
    public double[] MeanBeliefAboutOthers { get; }
    /// <summary>Final belief of i about j at i·N+j.</summary>
    public double[] FinalBelief { get; }
    /// <summary>|final belief − truth| of i about j at i·N+j.</summary>
    public double[] BeliefError { get; }
    /// <summary>Step t (1-based, <see cref="Spiral.Core.Recording.TimeConvention"/>) of the first war, or -1.</summary>
    public int FirstWarStep { get; set; } = -1;

    public bool HadWar => Wars > 0;
}
