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
