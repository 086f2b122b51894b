namespace Spiral.Core.Model.Phases;

/// <summary>
/// Phase 4: allied capabilities, vulnerability from the contest function
/// v_ij = r_ij (β O_j)^γ / ((β O_j)^γ + (D_i + allied D)^γ), where j's offense includes its allies' (the
/// alliance security dilemma; Snyder 1984); threat T_ij = b_ij v_ij; security
/// S_i = Π_j (1 - T_ij) (1 - c_I I_i) Π_k (1 - spill r_ik I_k) (Sørensen 2007).
/// </summary>
public static class AssessPhase
{
    public static void Run(World w)
    {
        var n = w.N;
        var p = w.P;
        AlliedCapabilities(w);
        for (var i = 0; i < n; i++)
        {
            var security = 1 - p.InternalThreatSecurityWeight * w.InternalThreat[i];
            for (var j = 0; j < n; j++)
            {
                if (i == j)
                {
                    continue;
                }
                var ij = i * n + j;
                var r = w.Reach[ij];
                double v = 0;
                if (r > 0 && !w.AreAllies(i, j))
                {
                    var offense = w.Offense[j] + w.AlliedOffense[j];
                    v = r * Contest.AttackerWins(offense, w.AlliedDefense[i], w.OffenseAdvantage, p.ContestExponent);
                }
                w.Vulnerability[ij] = v;
                var t = w.Belief[ij] * v;
                w.Threat[ij] = t;
                security *= (1 - t) * (1 - p.InternalThreatSpilloverSecurity * r * w.InternalThreat[j]);
            }
            w.Security[i] = Math.Clamp(security, 0, 1);
        }
    }

    /// <summary>
    /// Each state's defense plus its allies' defense, and its allies' offense, each at the alliance's reliability
    /// (commitment × the chance an ally honours it; Leeds 2003): a doubtful ally counts for less, so fear of abandonment
    /// lowers security and drives arming (Snyder 1984; Walt 1987).
    /// </summary>
    public static void AlliedCapabilities(World w)
    {
        var n = w.N;
        for (var i = 0; i < n; i++)
        {
            double alliedD = w.Defense[i], alliedO = 0;
            var a = w.Alliance[i];
            if (a >= 0)
            {
                var c = Bargaining.AllianceReliability(w, i);
                for (var k = 0; k < n; k++)
                {
                    if (k != i && w.Alliance[k] == a)
                    {
                        alliedD += c * w.Defense[k];
                        alliedO += c * w.Offense[k];
                    }
                }
            }
            w.AlliedDefense[i] = alliedD;
            w.AlliedOffense[i] = alliedO;
        }
    }

    /// <summary>
    /// <see cref="AlliedCapabilities"/>, unless phase 7 knows them current (<see cref="World.AlliedCapabilitiesCurrent"/>:
    /// nothing in a crisis changes capabilities or alliances until a war does), which saves an O(N·allies) pass per
    /// crisis in large worlds with the same values.
    /// </summary>
    internal static void RefreshAlliedCapabilities(World w)
    {
        if (!w.AlliedCapabilitiesCurrent)
        {
            AlliedCapabilities(w);
        }
    }

    /// <summary>The state i assesses as most threatening (highest T_ij), or -1 if none threatens it.</summary>
    public static int MostThreatening(World w, int i)
    {
        var n = w.N;
        var best = -1;
        var bestThreat = 0.0;
        for (var j = 0; j < n; j++)
        {
            if (j != i && w.Threat[i * n + j] > bestThreat)
            {
                bestThreat = w.Threat[i * n + j];
                best = j;
            }
        }
        return best;
    }
}
