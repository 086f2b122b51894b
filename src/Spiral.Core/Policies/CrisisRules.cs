using Spiral.Core.Model;

namespace Spiral.Core.Policies;

/// <summary>
/// The bargaining crisis rule shared by the built-in policies (Fearon 1995; Powell 2006; Schelling 1966): a side that
/// wants war (its perceived gain of war now over waiting is positive) escalates toward it; otherwise it weighs what
/// backing down costs (the stake it yields, the audience cost of the rungs climbed; Fearon 1994) against what holding
/// firm risks (the believed chance the other strikes times the loss if it does). That resolve index plus its own
/// resolve and logistic noise escalates above +1, backs down below −1, holds otherwise; below war, since a side that
/// does not want war never takes the last step. Between nuclear-armed states the fear of war vanishes and holding
/// and low-rung escalation are safe: the stability-instability paradox (Snyder 1965).
/// </summary>
public static class CrisisRules
{
    /// <summary>The resolve index z: (cost of conceding − expected cost of holding) / scale + (resolve − ½) + extra.</summary>
    public static double Resolve(in PolicyContext c, in CrisisSituation s, double extraResolve = 0) =>
        (s.ConcedeCost - s.Calculus.FearCost) / Math.Max(s.Scale, 1e-12) + (c.Resolve - 0.5) + extraResolve;

    public static CrisisMove Bargain(in PolicyContext c, in CrisisSituation s, double extraResolve = 0)
    {
        if (s.Calculus.WantsWar)
        {
            return CrisisMove.Escalate;
        }
        var z = Resolve(c, s, extraResolve);
        var u = c.Random.NextDouble();
        var latent = z + Math.Log(u / (1 - u + 1e-300) + 1e-300);
        if (latent < -1)
        {
            return CrisisMove.BackDown;
        }
        return latent > 1 && !s.AtWarThreshold ? CrisisMove.Escalate : CrisisMove.Hold;
    }
}
