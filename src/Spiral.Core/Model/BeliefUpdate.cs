using Spiral.Core.Events;

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
    public static double Tempered(double belief, double llr, double weight)
    {
        var odds = belief / (1 - belief) * Math.Exp(weight * llr);
        return double.IsPositiveInfinity(odds) ? 1 : odds / (1 + odds);
    }

    /// <summary>Keeps a belief in [ε, 1 − ε].</summary>
    public static double Bounded(double belief, double floor) => Math.Clamp(belief, floor, 1 - floor);

    /// <summary>
    /// ln[N(x; greedy, var) / N(x; security, var)] for a reading x of a signal whose mean is <paramref name="security"/>
    /// under the security type and <paramref name="greedy"/> under the greedy type, with the same variance.
    /// </summary>
    public static double GaussianLlr(double x, double security, double greedy, double variance) =>
        ((x - security) * (x - security) - (x - greedy) * (x - greedy)) / (2 * variance);
}
