using Spiral.Core.Model;
using Spiral.Core.Parameters;

namespace Spiral.Core.Policies;

/// <summary>
/// The greedy state (Mearsheimer 2001; Glaser 2010 on greedy types): arms above its long-run burden (the greedy burden
/// ratio times m̄) with an offensive posture; demands the contested stake from a neighbour it believes itself stronger
/// than (DESIGN.md 3.4) when coercion pays as it sees it — the other is likely to yield (its believed chance of
/// winning) and the stake, valued as a greedy type values it, outweighs the risk of the war it might have to fight
/// (Fearon 1995); probes neighbours it can overpower (incidents). It never attacks outside a crisis: a war starts only
/// on the crisis ladder, when it escalates there with a war worth fighting. No CBMs.
/// </summary>
public sealed class OffensiveRealist : IPolicy
{
    public static readonly PolicyTraits TraitsValue = new("OffensiveRealist", Deterministic: false, MemoryDepth: 0,
        UsesOwnType: false, Source: "Mearsheimer 2001; Fearon 1995",
        Summary: "arms above its long-run level, demands contested stakes where coercion pays, probes the weak");

    public PolicyTraits Traits => TraitsValue;

    public void Decide(in PolicyContext c)
    {
        var p = c.Parameters;
        c.SetDesiredBurden(TypeModel.GreedyDesiredBurden(c.LongRunShare, p));
        c.SetPosture(TypeModel.GreedyPosture(p));
        for (var j = 0; j < c.StateCount; j++)
        {
            if (j == c.Self || c.Reach(j) <= 0 || c.IsAlly(j) || c.AtWarWith(j))
            {
                continue;
            }
            if (c.OffenseAdvantage * c.Offense > c.AlliedDefenseOf(j))
            {
                c.ProbeNeighbour(j);
            }
            if (c.Stake(j) > 0 && DemandPays(c, j))
            {
                c.DemandStake(j);
            }
        }
    }

    public CrisisMove Respond(in PolicyContext c, in CrisisSituation s) => CrisisRules.Bargain(c, s);

    /// <summary>
    /// Expected value of demanding the stake from j (Fearon 1995): j yields with the demander's believed chance of winning
    /// p; if it does not, the crisis ends in war with the chance q that j fights at the top of the ladder, worth
    /// p·V_g − (1 − p)·L − cost, where V_g is the stake as a greedy type values it. Where war is catastrophic for both
    /// (nuclear dyads) q vanishes and demands are cheap: the stability-instability paradox (Snyder 1965).
    /// </summary>
    public static double CoercionValue(in PolicyContext c, int j)
    {
        var terms = c.DemandTerms(j);
        return CoercionValue(c.Parameters, terms, c.ResistanceChance(j, terms));
    }

    /// <summary>
    /// Whether demanding the stake from j pays: a believed chance of winning of at least ½ and a positive
    /// <see cref="CoercionValue(in PolicyContext, int)"/>. The value falls as the chance j resists rises (a war that
    /// would not pay weighs more), also in floating point, so when it is positive even if j surely resisted, it is
    /// positive whatever that chance is, and the fixed point of fears that gives it is not computed (same decision).
    /// </summary>
    private static bool DemandPays(in PolicyContext c, int j)
    {
        if (c.WinChance(j) < 0.5)
        {
            return false;
        }
        var terms = c.DemandTerms(j);
        var p = c.Parameters;
        return CoercionValue(p, terms, resisted: 1) > 0 || CoercionValue(p, terms, c.ResistanceChance(j, terms)) > 0;
    }

    private static double CoercionValue(ModelParameters p, in WarTerms terms, double resisted)
    {
        var calculus = terms.Fearless;
        var win = calculus.WinFirst;
        var valued = p.GreedyStakeValue * calculus.Valuation;
        var war = win * valued - (1 - win) * calculus.DefeatLoss - calculus.Cost;
        return win * valued + (1 - win) * resisted * Math.Min(0, war);
    }
}
