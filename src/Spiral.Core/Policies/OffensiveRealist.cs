using Spiral.Core.Model;

namespace Spiral.Core.Policies;

/// <summary>
/// The greedy state (Mearsheimer 2001; Glaser 2010 on greedy types): arms above its long-run burden (the greedy burden
/// ratio times m̄) with an offensive posture, probes neighbours it can overpower (incidents), and starts a war when the
/// expected gain beats its cost (Fearon 1995). It proposes no CBMs.
/// </summary>
public sealed class OffensiveRealist : IPolicy
{
    public static readonly PolicyTraits TraitsValue = new("OffensiveRealist", Deterministic: false, MemoryDepth: 0,
        UsesOwnType: false, Source: "Mearsheimer 2001; Fearon 1995",
        Summary: "maximises relative power, probes the weak, attacks when war pays");

    public PolicyTraits Traits => TraitsValue;

    public void Decide(in PolicyContext c)
    {
        var p = c.Parameters;
        c.SetDesiredBurden(p.GreedyBurdenRatio * c.LongRunShare);
        c.SetPosture(p.GreedyPosture);
        var bestTarget = -1;
        var bestGain = p.AttackThreshold * c.Gdp;
        for (var j = 0; j < c.StateCount; j++)
        {
            if (j == c.Self || c.Reach(j) <= 0 || c.IsAlly(j))
            {
                continue;
            }
            if (c.OffenseAdvantage * c.Offense > c.AlliedDefenseOf(j))
            {
                c.ProbeNeighbour(j);
            }
            var gain = ExpectedWarGain(c, j);
            if (gain > bestGain)
            {
                bestGain = gain;
                bestTarget = j;
            }
        }
        if (bestTarget >= 0)
        {
            c.Attack(bestTarget);
        }
    }

    public CrisisMove Respond(in PolicyContext c, in CrisisSituation s) =>
        CrisisRules.Realist(c, s, extraResolve: 2 * (s.WinProbability - 0.5));

    /// <summary>Expected gain of attacking j now: win the spoils of j's GDP (scaled by reach), pay the cost of war, lose the spoils if beaten.</summary>
    public static double ExpectedWarGain(in PolicyContext c, int j)
    {
        var p = c.Parameters;
        var win = Contest.AttackerWins(c.Offense, c.AlliedDefenseOf(j), c.OffenseAdvantage, p.ContestExponent);
        return win * p.WarSpoils * c.GdpOf(j) * c.Reach(j) - p.WarGdpCost * c.Gdp - (1 - win) * p.WarSpoils * c.Gdp;
    }
}
