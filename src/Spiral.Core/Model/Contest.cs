using System.Runtime.CompilerServices;

namespace Spiral.Core.Model;

/// <summary>
/// The contest success function that decides wars and measures vulnerability (Tullock 1980; Hirshleifer 1989),
/// with offense weighted by the offense-defense balance β (Jervis 1978; Glaser &amp; Kaufmann 1998).
/// </summary>
public static class Contest
{
    /// <summary>P(attacker wins) = (β·O)^γ / ((β·O)^γ + D^γ); 0 when both are zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double AttackerWins(double offense, double defense, double offenseAdvantage, double decisiveness)
    {
        var x = offenseAdvantage * offense;
        var y = defense;
        if (decisiveness != 1.0)
        {
            x = Math.Pow(x, decisiveness);
            y = Math.Pow(y, decisiveness);
        }
        var sum = x + y;
        return sum > 0 ? x / sum : 0.0;
    }

    /// <summary>
    /// First-strike advantage in [-1, 1]: my chance of winning if I strike first plus the rival's chance if it
    /// strikes first, minus one. Positive under offense dominance, when whoever moves first wins (Schelling 1960;
    /// Van Evera 1999); negative when defense dominates.
    /// </summary>
    public static double FirstStrikeAdvantage(double myOffense, double myDefense, double theirOffense, double theirDefense,
        double offenseAdvantage, double decisiveness) =>
        AttackerWins(myOffense, theirDefense, offenseAdvantage, decisiveness)
        + AttackerWins(theirOffense, myDefense, offenseAdvantage, decisiveness) - 1.0;
}

/// <summary>
/// The observer's model of how each type behaves, used to read signals (Kydd 1997, 2005; Glaser 2010).
/// </summary>
public static class TypeModel
{
    /// <summary>
    /// Expected offensive posture of a security-seeker: the balanced-world value, rising toward the greedy
    /// posture as β grows because under offense dominance even defenders buy offense (Jervis 1978), falling
    /// when defense dominates.
    /// </summary>
    public static double ExpectedSecurityPosture(double offenseAdvantage, double securityPosture, double greedyPosture)
    {
        var p = greedyPosture - (greedyPosture - securityPosture) / Math.Max(offenseAdvantage, 0.05);
        return Math.Clamp(p, 0.05, greedyPosture);
    }
}
