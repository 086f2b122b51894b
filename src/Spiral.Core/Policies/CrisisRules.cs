using Spiral.Core.Model;

namespace Spiral.Core.Policies;

/// <summary>
/// The realist crisis rule shared by the built-in policies: an ordered logit on a latent urge to escalate that
/// rises with fear where striking first pays (fear escalates under offense dominance and steadies under defense
/// dominance) and with the first-strike advantage itself (pre-emption: Schelling 1960; Jervis 1978; Van Evera
/// 1999), and falls with the expected cost of war up the ladder (Fearon 1995). Escalate if the urge plus
/// logistic noise exceeds +1, back down if it is below -1, hold otherwise.
/// </summary>
public static class CrisisRules
{
    public static double Urge(in PolicyContext c, in CrisisSituation s, double extraResolve = 0)
    {
        var p = c.Parameters;
        var warNear = s.CostShare + s.Fear;
        return p.CrisisBaseUrge
               + p.CrisisFearWeight * s.Fear * (1 + s.FirstStrikeAdvantage) / 2
               + p.CrisisFirstStrikeWeight * s.FirstStrikeAdvantage * warNear
               + p.CrisisCapabilityWeight * (s.RelativeCapability - 0.5)
               - p.CrisisCostWeight * s.CostShare
               + (c.Resolve - 0.5) + extraResolve;
    }

    public static CrisisMove Realist(in PolicyContext c, in CrisisSituation s, double extraResolve = 0)
    {
        var z = Urge(c, s, extraResolve);
        var u = c.Random.NextDouble();
        var noise = Math.Log(u / (1 - u + 1e-300) + 1e-300);
        var latent = z + noise;
        return latent > 1 ? CrisisMove.Escalate : latent < -1 ? CrisisMove.BackDown : CrisisMove.Hold;
    }
}
