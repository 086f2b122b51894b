using System.Runtime.Intrinsics;
using Spiral.Core.Events;
using Spiral.Numerics.Functions;

namespace Spiral.Core.Model;

/// <summary>
/// Bayes' rule on b_ij = P_i(j greedy) in odds form, tempered: posterior odds = prior odds × LR^w, with the likelihood
/// ratio LR = P(signal | greedy) / P(signal | security) (Kydd 2005 ch. 2 updates fully; the weight w tempers yearly,
/// aggregated signals), then kept in [ε, 1 − ε] so that no later evidence is ever ignored. Phase 3 applies it to the
/// year's observations, the crisis code to crisis moves.
/// </summary>
public static class BeliefUpdate
{
    /// <summary>
    /// Updates observer's belief that actor is greedy by a crisis move whose log likelihood ratio (greedy over
    /// security) is <paramref name="llr"/>, tempered by <c>CrisisEvidenceWeight</c>, within the belief floor; names
    /// <paramref name="cause"/> as the reason for the narration when given. Returns the new belief.
    /// </summary>
    public static double ApplyLogLikelihoodRatio(World w, int observer, int actor, double llr, Concept cause = Concept.None)
    {
        var ij = observer * w.N + actor;
        var b = Bounded(Tempered(w.Belief[ij], llr, w.P.CrisisEvidenceWeight), w.P.BeliefFloor);
        w.Belief[ij] = b;
        if (cause != Concept.None)
        {
            w.BeliefCause[ij] = cause;
        }
        return b;
    }

    /// <summary>The belief after evidence with log likelihood ratio <paramref name="llr"/>, tempered by <paramref name="weight"/>.</summary>
    public static double Tempered(double belief, double llr, double weight) =>
        Tempered(Vector256.Create(belief), Vector256.Create(OddsFactor(llr, weight))).ToScalar();

    /// <summary>exp(w · llr): the factor by which evidence of log likelihood ratio llr, tempered by weight w, multiplies the odds.</summary>
    public static double OddsFactor(double llr, double weight) => OddsFactor(Vector256.Create(llr), Vector256.Create(weight)).ToScalar();

    /// <summary>
    /// <see cref="OddsFactor(double, double)"/> in four lanes: <see cref="LaneMath.Exp"/>, the same operations in every
    /// lane and on every processor, so a dyad's factor does not depend on its lane or machine and the one-lane form
    /// above is this one. It is not the C library's exp: within 2 ulps of it (<c>LaneMathTests</c>), so results moved in
    /// the last bits only when it replaced it (issue 18).
    /// </summary>
    public static Vector256<double> OddsFactor(Vector256<double> llr, Vector256<double> weight) => LaneMath.Exp(weight * llr);

    /// <summary>
    /// The tempered update in four lanes, each belief's odds times its <see cref="OddsFactor(Vector256{double}, Vector256{double})"/>: the same IEEE operations
    /// lane by lane as one belief at a time, so the same bits (phase 3 updates a row of dyads at once).
    /// </summary>
    public static Vector256<double> Tempered(Vector256<double> belief, Vector256<double> oddsFactor)
    {
        var one = Vector256<double>.One;
        var odds = belief / (one - belief) * oddsFactor;
        return Vector256.ConditionalSelect(Vector256.Equals(odds, Vector256.Create(double.PositiveInfinity)), one, odds / (one + odds));
    }

    /// <summary>Keeps a belief in [ε, 1 − ε].</summary>
    public static double Bounded(double belief, double floor) => Math.Clamp(belief, floor, 1 - floor);

    /// <summary><see cref="Bounded(double, double)"/> in four lanes: <see cref="Math.Clamp(double, double, double)"/> lane by lane (a NaN stays NaN).</summary>
    public static Vector256<double> Bounded(Vector256<double> belief, double floor) =>
        Phases.RowLanes.Clamp(belief, Vector256.Create(floor), Vector256.Create(1 - floor));

    /// <summary>
    /// ln[N(x; greedy, var) / N(x; security, var)] for a reading x of a signal whose mean is <paramref name="security"/>
    /// under the security type and <paramref name="greedy"/> under the greedy type, with the same variance.
    /// </summary>
    public static double GaussianLlr(double x, double security, double greedy, double variance) =>
        ((x - security) * (x - security) - (x - greedy) * (x - greedy)) / (2 * variance);

    /// <summary><see cref="GaussianLlr(double, double, double, double)"/> in four lanes (the same IEEE operations, so the same bits).</summary>
    public static Vector256<double> GaussianLlr(Vector256<double> x, Vector256<double> security, Vector256<double> greedy, Vector256<double> variance) =>
        ((x - security) * (x - security) - (x - greedy) * (x - greedy)) / (Vector256.Create(2.0) * variance);
}
