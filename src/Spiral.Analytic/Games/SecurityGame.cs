namespace Spiral.Analytic.Games;

/// <summary>The strategic structure of a symmetric 2×2 game, read from the best responses.</summary>
public enum GameKind
{
    /// <summary>T &gt; R &gt; P &gt; S: defection dominant, mutual cooperation better than mutual defection.</summary>
    PrisonersDilemma,

    /// <summary>R &gt; T and P &gt; S with R &gt; P: two equilibria, cooperation pays if the other is trusted enough (the assurance game).</summary>
    StagHunt,

    /// <summary>T &gt; R and S &gt; P: the best reply is the opposite of the other's move.</summary>
    Chicken,

    /// <summary>R &gt; T and S &gt; P: cooperation dominant.</summary>
    Harmony,

    /// <summary>T &gt; R and P &gt; S with P &gt; R: defection dominant and preferred even to mutual cooperation.</summary>
    Deadlock,

    /// <summary>Ties or orderings outside the five named games.</summary>
    Other,
}

/// <summary>
/// A symmetric 2×2 security game in Jervis's terms (R. Jervis, "Cooperation under the Security Dilemma",
/// <i>World Politics</i> 30(2), 1978): payoffs to the row state for CC (both cooperate), DC (it defects on a
/// cooperator), DD (both defect) and CD (it cooperates and is exploited).
/// </summary>
public sealed record SecurityGame(double CC, double DC, double DD, double CD)
{
    /// <summary>Checks that all four payoffs are finite numbers.</summary>
    public static SecurityGame Create(double cc, double dc, double dd, double cd) =>
        new(Require.Finite(cc, "CC"), Require.Finite(dc, "DC"), Require.Finite(dd, "DD"), Require.Finite(cd, "CD"));

    /// <summary>
    /// Jervis's four levers (1978, pp. 171–176), measured against the status quo (0):
    /// CC = gain from mutual cooperation, DC = gain from exploiting the other,
    /// DD = −cost of mutual defection (an arms race), CD = −cost of being exploited.
    /// </summary>
    public static SecurityGame FromJervisFactors(double gainMutualCooperation, double gainFromExploiting, double costOfMutualDefection, double costOfBeingExploited) =>
        new(Require.Finite(gainMutualCooperation, "gain from mutual cooperation"),
            Require.Finite(gainFromExploiting, "gain from exploiting"),
            -Require.NonNegative(costOfMutualDefection, "cost of mutual defection"),
            -Require.NonNegative(costOfBeingExploited, "cost of being exploited"));

    /// <summary>
    /// A game from offense advantage β ∈ [0, 1] (0: defense dominant, 1: offense dominant) and distinguishability
    /// ω ∈ [0, 1] (1: offensive and defensive postures are told apart), after Jervis (1978, pp. 186–214).
    /// The mapping (ours, stated in docs/explanation/jervis-game.md), with G the gain of mutual cooperation and c the
    /// cost of arming: CC = G; DC = G − 1 + 2β(1 − ω) (offense makes exploitation pay, warning removes it);
    /// DD = −c; CD = −c − (1 + 2β)(1 − ω) + ω (offense makes being exploited costly; a distinguishable
    /// defensive posture is not exploited and saves the cost of arming).
    /// The corners give Jervis's worlds: (β, ω) = (1, 0) Prisoner's Dilemma, (0, 0) Stag Hunt, ω = 1 Harmony.
    /// </summary>
    public static SecurityGame FromOffenseDefense(double offenseAdvantage, double distinguishability, double gainMutualCooperation = 2, double costOfArming = 0)
    {
        var beta = Require.Probability(offenseAdvantage, "offense advantage (beta)");
        var omega = Require.Probability(distinguishability, "distinguishability (omega)");
        var g = Require.NonNegative(gainMutualCooperation, "gain from mutual cooperation");
        var c = Require.NonNegative(costOfArming, "cost of arming");
        var blur = 1 - omega;
        return new SecurityGame(g, g - 1 + 2 * beta * blur, -c, -c - (1 + 2 * beta) * blur + omega);
    }

    public GameKind Kind
    {
        get
        {
            var (r, t, p, s) = (CC, DC, DD, CD);
            if (r == t || p == s)
            {
                return GameKind.Other;
            }
            return (t > r, p > s) switch
            {
                (true, true) when r > p => GameKind.PrisonersDilemma,
                (true, true) when p > r => GameKind.Deadlock,
                (false, true) when r > p => GameKind.StagHunt,
                (true, false) => GameKind.Chicken,
                (false, false) => GameKind.Harmony,
                _ => GameKind.Other,
            };
        }
    }

    /// <summary>
    /// q* = (DD − CD)/((CC − DC) + (DD − CD)): the probability that the other cooperates at which cooperating and
    /// defecting pay the same. In a Stag Hunt it lies in (0, 1) and cooperation pays above it. Null when the
    /// denominator is zero.
    /// </summary>
    public double? CooperationThreshold
    {
        get
        {
            var denominator = (CC - DC) + (DD - CD);
            return denominator == 0 ? null : (DD - CD) / denominator;
        }
    }

    /// <summary>Expected payoff of cooperating (true) or defecting when the other cooperates with probability q.</summary>
    public double ExpectedPayoff(bool cooperate, double q)
    {
        Require.Probability(q, "q");
        return cooperate ? q * CC + (1 - q) * CD : q * DC + (1 - q) * DD;
    }
}
