namespace Spiral.Analytic.Kydd;

/// <summary>What one state observes of the other.</summary>
public enum Observation
{
    Build,
    NoBuild,
}

/// <summary>The intelligence report on the other's type.</summary>
public enum Signal
{
    Greedy,
    SecuritySeeker,
}

/// <summary>Outcome of the costly-signal test.</summary>
public sealed record SignalEquilibrium(bool SecuritySeekerSends, bool GreedyMimics, bool Separating, string Kind);

/// <summary>
/// Trust and reassurance in Bayesian realism (A. Kydd, "Game Theory and the Spiral Model", <i>World Politics</i>
/// 49(3), 1997; <i>Trust and Mistrust in International Relations</i>, 2005). Trust π is the probability that the
/// other state is a security seeker rather than greedy.
/// </summary>
public static class TrustModel
{
    /// <summary>
    /// π* = (P − S)/((R − T_S) + (P − S)): the least trust at which a security seeker cooperates, from the
    /// security seeker's assurance payoffs R (mutual cooperation), T_S (exploiting), P (mutual defection),
    /// S (being exploited) (Kydd 2005, ch. 2). Requires R &gt; T_S and P &gt; S.
    /// </summary>
    public static double TrustThreshold(double r, double tS, double p, double s)
    {
        Require.Finite(r, "R");
        Require.Finite(tS, "T_S");
        Require.Finite(p, "P");
        Require.Finite(s, "S");
        if (!(r > tS))
        {
            throw new ModelInputException($"A security seeker prefers mutual cooperation to exploiting: expected R > T_S, got R = {r}, T_S = {tS}.");
        }
        if (!(p > s))
        {
            throw new ModelInputException($"Being exploited is worse than mutual defection: expected P > S, got P = {p}, S = {s}.");
        }
        return (p - s) / ((r - tS) + (p - s));
    }

    /// <summary>
    /// Bayes's rule after watching the other build or not, where a security seeker builds with probability σ_S
    /// and a greedy state with probability σ_G (Kydd 1997, the spiral: building by a security seeker is taken as a
    /// sign of greed).
    /// </summary>
    public static double UpdateAfterMove(double prior, double sigmaSecurity, double sigmaGreedy, Observation observed)
    {
        Require.Probability(prior, "prior trust (pi)");
        Require.Probability(sigmaSecurity, "sigma_S (probability a security seeker builds)");
        Require.Probability(sigmaGreedy, "sigma_G (probability a greedy state builds)");
        var (likeS, likeG) = observed == Observation.Build
            ? (sigmaSecurity, sigmaGreedy)
            : (1 - sigmaSecurity, 1 - sigmaGreedy);
        return Posterior(prior, likeS, likeG, observed.ToString());
    }

    /// <summary>
    /// Bayes's rule after an intelligence report of accuracy 1 − e: the report names the true type with
    /// probability 1 − e and the wrong one with probability e.
    /// </summary>
    public static double UpdateAfterSignal(double prior, double error, Signal signal)
    {
        Require.Probability(prior, "prior trust (pi)");
        Require.Probability(error, "error rate (e)");
        var (likeS, likeG) = signal == Signal.Greedy ? (error, 1 - error) : (1 - error, error);
        return Posterior(prior, likeS, likeG, signal.ToString());
    }

    /// <summary>
    /// The costly reassuring signal (Kydd 2005, ch. 7, after Spence 1973): a gesture that costs a security seeker
    /// c_S and a greedy state c_G, where being trusted afterwards is worth V_S and V_G. The security seeker sends it
    /// when c_S ≤ V_S; the greedy type mimics when c_G ≤ V_G. The signal separates the types, and trust jumps to 1 on
    /// seeing it, exactly when c_S ≤ V_S and c_G &gt; V_G. Reassurance works because the greedy state values what
    /// it gives up (an opportunity to expand) more than a security seeker does.
    /// </summary>
    public static SignalEquilibrium CostlySignal(double valueTrustedSecurity, double valueTrustedGreedy, double costSecurity, double costGreedy)
    {
        Require.Finite(valueTrustedSecurity, "V_S (value of being trusted to a security seeker)");
        Require.Finite(valueTrustedGreedy, "V_G (value of being trusted to a greedy state)");
        Require.NonNegative(costSecurity, "c_S (cost of the signal to a security seeker)");
        Require.NonNegative(costGreedy, "c_G (cost of the signal to a greedy state)");
        var sends = costSecurity <= valueTrustedSecurity;
        var mimics = costGreedy <= valueTrustedGreedy;
        var separating = sends && !mimics;
        var kind = (sends, mimics) switch
        {
            (true, false) => "separating",
            (true, true) => "pooling on the signal",
            (false, true) => "perverse: only the greedy type would send",
            (false, false) => "pooling on no signal",
        };
        return new SignalEquilibrium(sends, mimics, separating, kind);
    }

    private static double Posterior(double prior, double likelihoodSecurity, double likelihoodGreedy, string evidence)
    {
        var joint = prior * likelihoodSecurity;
        var total = joint + (1 - prior) * likelihoodGreedy;
        if (total == 0)
        {
            throw new ModelInputException($"Observation '{evidence}' has probability zero under these inputs; Bayes's rule is undefined.");
        }
        return joint / total;
    }
}
