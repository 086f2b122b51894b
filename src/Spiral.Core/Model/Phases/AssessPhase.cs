using System.Numerics;
using System.Runtime.Intrinsics;

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
        var reach = w.Reach;
        var belief = w.Belief;
        var vulnerability = w.Vulnerability;
        var threat = w.Threat;
        var internalThreat = w.InternalThreat;
        var factor = w.Scratch.AsSpan(ScratchRow.SecurityFactor * n, n);
        var spilloverLanes = Vector256.Create(p.InternalThreatSpilloverSecurity);
        var zero = Vector256<double>.Zero;
        var one = Vector256<double>.One;
        // Per row in four-lane vectors (issue 18): vulnerability 0 where i cannot be reached, the contest one dyad at a
        // time where it can, threat, and each dyad's factor of i's security, the same IEEE operations as one dyad at a
        // time; then the product of the factors in the dyads' order, as before. The diagonal is put back.
        for (var i = 0; i < n; i++)
        {
            var row = i * n;
            var ii = row + i;
            var (ownVulnerability, ownThreat) = (vulnerability[ii], threat[ii]);
            for (var j0 = 0; j0 < n; j0 += RowLanes.Count)
            {
                var count = Math.Min(RowLanes.Count, n - j0);
                var at = row + j0;
                var r = RowLanes.Load(reach.AsSpan(at, count), 0);
                var v = zero;
                var reachable = Vector256.GreaterThan(r, zero).ExtractMostSignificantBits() & ((1u << count) - 1);
                if (i >= j0 && i < j0 + count)
                {
                    reachable &= ~(1u << (i - j0));
                }
                while (reachable != 0)
                {
                    var lane = BitOperations.TrailingZeroCount(reachable);
                    v = v.WithElement(lane, Vulnerability(w, i, j0 + lane));
                    reachable &= reachable - 1;
                }
                var t = RowLanes.Load(belief.AsSpan(at, count), 0) * v;
                RowLanes.Store(v, vulnerability.AsSpan(at, count));
                RowLanes.Store(t, threat.AsSpan(at, count));
                RowLanes.Store((one - t) * (one - spilloverLanes * r * RowLanes.Load(internalThreat.AsSpan(j0, count), 0)), factor.Slice(j0, count));
            }
            (vulnerability[ii], threat[ii]) = (ownVulnerability, ownThreat);
            var security = 1 - p.InternalThreatSecurityWeight * w.InternalThreat[i];
            for (var j = 0; j < i; j++)
            {
                security *= factor[j];
            }
            for (var j = i + 1; j < n; j++)
            {
                security *= factor[j];
            }
            w.Security[i] = Math.Clamp(security, 0, 1);
        }
    }

    /// <summary>v_ij for a dyad with reach r_ij &gt; 0: 0 between allies, else r_ij times the contest function (j's offense with its allies' against i's allied defense).</summary>
    private static double Vulnerability(World w, int i, int j)
    {
        if (w.AreAllies(i, j))
        {
            return 0;
        }
        var offense = w.Offense[j] + w.AlliedOffense[j];
        return w.Reach[i * w.N + j] * Contest.AttackerWins(offense, w.AlliedDefense[i], w.OffenseAdvantage, w.P.ContestExponent);
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
    /// <remarks>
    /// The first of the highest threats, read in four lanes (issue 18): a chunk whose threats are none above the best so
    /// far (most, in a large world where most states cannot reach i) is passed over; the others are read one dyad at a
    /// time in order, as before, so ties and NaN go as they did.
    /// </remarks>
    public static int MostThreatening(World w, int i)
    {
        var n = w.N;
        var threat = w.Threat.AsSpan(i * n, n);
        var best = -1;
        var bestThreat = 0.0;
        for (var j0 = 0; j0 < n; j0 += RowLanes.Count)
        {
            var count = Math.Min(RowLanes.Count, n - j0);
            var above = Vector256.GreaterThan(RowLanes.Load(threat.Slice(j0, count), 0), Vector256.Create(bestThreat)).ExtractMostSignificantBits()
                & ((1u << count) - 1);
            while (above != 0)
            {
                var j = j0 + BitOperations.TrailingZeroCount(above);
                if (j != i && threat[j] > bestThreat)
                {
                    bestThreat = threat[j];
                    best = j;
                }
                above &= above - 1;
            }
        }
        return best;
    }
}
