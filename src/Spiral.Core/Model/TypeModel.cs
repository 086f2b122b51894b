using Spiral.Core.Parameters;

namespace Spiral.Core.Model;

/// <summary>
/// The observer's model of each type: what the policy of a security-seeker (<c>DefensiveRealist</c>) and of a greedy
/// state (<c>OffensiveRealist</c>) would do in the observed state's situation, so that phase 3 reads each signal
/// against the behaviour each type actually produces (Kydd 1997, 2005: beliefs consistent with strategies). The
/// policies call the same functions for what they do, so that the observer and the actor cannot drift apart.
/// Nothing here reads a state's private type.
/// </summary>
public static class TypeModel
{
    // ---- the budget process (DESIGN.md 3.1.1) ----

    /// <summary>
    /// The error-correction budget process without its shock: Δln m = γ (ln m* − ln m) + δ Δln(1 − S), with γ the
    /// adjustment speed and δ the short-run reaction to a change of insecurity (Smith 1989; Dunne &amp; Smith 2007).
    /// </summary>
    public static double BurdenChange(double logDesiredBurden, double logBurden, double insecurityLogChange, ModelParameters p) =>
        p.BudgetAdjustment * (logDesiredBurden - logBurden) + p.ThreatReaction * insecurityLogChange;

    /// <summary>
    /// A security-seeker's desired burden, ln m* = ln m̄ + e·ln((1 − S)/(1 − S0)): its long-run burden scaled by its
    /// insecurity relative to the insecurity that burden answered (Smith 1989; Nordhaus, Oneal &amp; Russett 2012).
    /// </summary>
    /// <param name="longRunBurden">m̄.</param>
    /// <param name="insecurityRatio">(1 − S)/(1 − S0).</param>
    /// <param name="p">The model's constants (e = <see cref="ModelParameters.BurdenThreatElasticity"/>).</param>
    public static double SecurityDesiredBurden(double longRunBurden, double insecurityRatio, ModelParameters p) =>
        Math.Exp(LogSecurityDesiredBurden(Math.Log(longRunBurden), Math.Log(insecurityRatio), p));

    /// <summary>
    /// <see cref="SecurityDesiredBurden"/> in logs, ln m̄ + e·ln((1 − S)/(1 − S0)), the form observers read it in (phase 3:
    /// no <c>exp</c>, <c>pow</c> or <c>log</c> per dyad).
    /// </summary>
    public static double LogSecurityDesiredBurden(double logLongRunBurden, double logInsecurityRatio, ModelParameters p) =>
        logLongRunBurden + p.BurdenThreatElasticity * logInsecurityRatio;

    /// <summary>A greedy state's desired burden: the greedy burden ratio times its long-run burden (Glaser 2010).</summary>
    public static double GreedyDesiredBurden(double longRunBurden, ModelParameters p) => p.GreedyBurdenRatio * longRunBurden;

    // ---- posture ----

    /// <summary>
    /// Offensive posture of a security-seeker in a balanced world, rising toward the greedy posture as β grows because
    /// under offense dominance even defenders buy offense (Jervis 1978), falling when defense dominates.
    /// </summary>
    public static double BalancedSecurityPosture(double offenseAdvantage, ModelParameters p)
    {
        var x = p.GreedyPosture - (p.GreedyPosture - p.SecurityPosture) / Math.Max(offenseAdvantage, 0.05);
        return Math.Clamp(x, Math.Min(0.05, p.GreedyPosture), p.GreedyPosture);
    }

    /// <summary>
    /// The security-seeker's posture: <see cref="BalancedSecurityPosture"/> shifted to defense by its defensive shift
    /// times ω, since where postures can be told apart a defender buys defense (Jervis 1978: preparedness without
    /// provocation). What <c>DefensiveRealist</c> sets, and what observers expect of a security-seeker.
    /// </summary>
    public static double SecurityPosture(double offenseAdvantage, double distinguishability, double defensiveShift, ModelParameters p) =>
        Math.Clamp(BalancedSecurityPosture(offenseAdvantage, p) * (1 - defensiveShift * distinguishability), 0.02, 1);

    /// <summary>A greedy state's posture: it buys offense (Glaser 2010).</summary>
    public static double GreedyPosture(ModelParameters p) => p.GreedyPosture;

    // ---- the observer's reading of the arming signal ----

    /// <summary>
    /// The log change of j's insecurity that i's own capability caused, as i can see it (Jervis 1976 ch. 3: the
    /// failure to see oneself as a threat is what empathy corrects): j's vulnerability to i, v_ji, comes from public
    /// stocks; i takes j's belief about it at its starting value b⁰_ji and the rest of j's insecurity as it was at the
    /// start, so j's insecurity reads 1 − Ŝ_j = (1 − S⁰_j) + b⁰_ji (v_ji − v⁰_ji). Returns ln((1 − Ŝ_j)/(1 − S⁰_j)) in
    /// <paramref name="level"/> (what moves j's desired burden) and its change since the year before in
    /// <paramref name="change"/> (what moves j's budget in the short run). Both 0 when i cannot reach j.
    /// </summary>
    public static void InsecurityFromObserver(World w, int observer, int actor, out double level, out double change)
    {
        var ji = actor * w.N + observer;
        var reference = w.ReferenceInsecurity[actor];
        var weight = w.PriorBelief[ji];
        var v0 = w.ReferenceVulnerability[ji];
        var now = Math.Max(1e-6, reference + weight * (w.Vulnerability[ji] - v0));
        var before = Math.Max(1e-6, reference + weight * (w.PreviousVulnerability[ji] - v0));
        level = Math.Log(now / reference);
        change = Math.Log(now / before);
    }

    /// <summary>
    /// The change of j's log burden in its last budget year that observer i expects of each type: the budget process
    /// from j's burden before that change (public) toward the type's desired burden, within the floor and j's cap.
    /// A security-seeker's desired burden is its long-run burden raised by the insecurity i's own capability caused
    /// (<see cref="InsecurityFromObserver"/>), and both types' budgets react in the short run to that change of
    /// insecurity; i recognises both only in proportion to its <paramref name="empathy"/> (Jervis 1976). A low-empathy
    /// observer therefore expects a threatened security-seeker to stay near its long-run burden and reads the reaction
    /// to its own arming as evidence of greed.
    /// </summary>
    public static (double Security, double Greedy) ExpectedBurdenChange(World w, int observer, int actor, double empathy)
    {
        InsecurityFromObserver(w, observer, actor, out var level, out var change);
        var logBefore = LogBurdenBefore(w, actor);
        var cap = w.MilitaryShareCap(actor);
        return ExpectedBurdenChange(level, change, empathy, Math.Log(w.LongRunShare[actor]), logBefore,
            Math.Log(w.P.MinMilitaryShare), Math.Log(cap), GreedyAdjustment(w.LongRunShare[actor], logBefore, cap, w.P), w.P);
    }

    /// <summary>ln m of j before its last budget year: its public burden now less the change of that year.</summary>
    internal static double LogBurdenBefore(World w, int actor) => Math.Log(w.MilitaryShare[actor]) - w.BurdenChange[actor];

    /// <summary>
    /// The error-correction term γ (ln m*_g − ln m) of a greedy j's expected burden change, which does not depend on the
    /// observer (<see cref="ExpectedBurdenChange(World, int, int, double)"/>; phase 3 computes it once per actor and year).
    /// </summary>
    internal static double GreedyAdjustment(double longRun, double logBefore, double cap, ModelParameters p) =>
        p.BudgetAdjustment * (Math.Log(Math.Clamp(GreedyDesiredBurden(longRun, p), p.MinMilitaryShare, cap)) - logBefore);

    /// <summary>
    /// <see cref="ExpectedBurdenChange(World, int, int, double)"/> from its parts: the observer's <paramref name="level"/>
    /// and <paramref name="change"/> of j's insecurity (<see cref="InsecurityFromObserver"/>), the logs of j's long-run
    /// burden, burden before, floor and cap, and j's greedy error-correction term (<see cref="GreedyAdjustment"/>). The
    /// security type's desired burden is kept between floor and cap in logs (the logarithm is increasing, so this is the
    /// same bound), which spares phase 3 an <c>exp</c>, a <c>pow</c> and a <c>log</c> per dyad (issue 18).
    /// </summary>
    internal static (double Security, double Greedy) ExpectedBurdenChange(double level, double change, double empathy,
        double logLongRun, double logBefore, double logFloor, double logCap, double greedyAdjustment, ModelParameters p)
    {
        var logSecurity = Math.Clamp(LogSecurityDesiredBurden(logLongRun, empathy * level, p), logFloor, logCap);
        var shortRun = empathy * change;
        return (BurdenChange(logSecurity, logBefore, shortRun, p), greedyAdjustment + p.ThreatReaction * shortRun);
    }
}
