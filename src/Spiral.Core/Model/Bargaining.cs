using Spiral.Core.Events;
using Spiral.Core.Parameters;

namespace Spiral.Core.Model;

/// <summary>
/// What war and waiting are worth to one side of a crisis, as that side perceives them: the bargaining model of war
/// (Fearon 1995; Powell 2006). Values are in GDP units relative to the status quo. War pays a side only through
/// (a) private information — it believes it would win enough of the stake to cover the costs (mutual optimism, a
/// called bluff); (b) a commitment problem — power is shifting against it, so the deal it can get later is worse
/// (preventive war); (c) a first-strike advantage — it fears being struck first and striking first wins more
/// (pre-emption, the security dilemma's own route; Schelling 1960; Jervis 1978). Costs scale with both sides' size and
/// are catastrophic between nuclear-armed states (Snyder 1965; Jervis 1989).
/// </summary>
public static class Bargaining
{
    /// <summary>
    /// The size of a war between i and j: the geometric mean of their GDPs, √(Y_i·Y_j). Stakes and costs are measured in it,
    /// so that both scale with both sides' size (DESIGN.md 3.1.3): a small state's territory is not worth a share of its
    /// giant neighbour's economy, and a giant's war against a small state still costs it (the US in Iraq: Stiglitz &amp;
    /// Bilmes 2008), though far less of its own GDP than it costs the small state.
    /// </summary>
    public static double PairSize(World w, int i, int j) => Math.Sqrt(Math.Max(0, w.Gdp[i]) * Math.Max(0, w.Gdp[j]));

    /// <summary>The value of the dyad's contested stake in GDP units: V_ij × the pair's size (the face value of an incident when nothing is contested).</summary>
    public static double StakeValue(World w, int i, int j) => StakeValue(w, i, j, PairSize(w, i, j));

    private static double StakeValue(World w, int i, int j, double pairSize)
    {
        var share = w.Stake[i * w.N + j];
        return (share > 0 ? share : w.P.FaceStake) * pairSize;
    }

    /// <summary>
    /// The cost of a war with j to i in GDP units: warCost × the pair's size (so a share 2·warCost·√(Y_j/Y_i) of its own GDP,
    /// heavy for the small side, light but not nothing for the large), plus the catastrophic nuclear cost, a share of
    /// its own GDP, when both are nuclear-armed.
    /// </summary>
    public static double WarCost(World w, int i, int j) => WarCost(w, i, j, PairSize(w, i, j));

    /// <summary><see cref="WarCost(World, int, int)"/> given the pair's size (symmetric: √(Y_i·Y_j) = √(Y_j·Y_i) to the bit).</summary>
    private static double WarCost(World w, int i, int j, double pairSize)
    {
        var p = w.P;
        var cost = p.WarCost * pairSize;
        if (w.Nuclear[i] && w.Nuclear[j])
        {
            cost += p.NuclearWarCost * w.Gdp[i];
        }
        return cost;
    }

    /// <summary>How i sees j's stocks: its observed spending of j over j's true spending (1 before any spending).</summary>
    public static double Seen(World w, int i, int j) =>
        w.Milex[j] > 0 ? Math.Max(0, w.ObservedMilex[i * w.N + j] / w.Milex[j]) : 1;

    /// <summary>Reliability of i's allies as i plans with it: commitment × the chance an ally honours it (Leeds 2003).</summary>
    public static double AllianceReliability(World w, int i)
    {
        var a = w.Alliance[i];
        return a >= 0 ? w.AllianceCommitment[a] * w.P.AllyInterventionProbability : 0;
    }

    /// <summary>
    /// Side i's calculus against j at <paramref name="rung"/>: its own stocks and allies' (at their reliability) are known
    /// to it, j's are seen through its noisy observation of j's spending; <paramref name="valuation"/> is i's private
    /// value of the stake, <paramref name="heldShare"/> the share of it i holds (0 challenger, 1 holder, ½ incident),
    /// <paramref name="belief"/> i's belief that j is greedy.
    /// </summary>
    public static WarCalculus Assess(World w, int i, int j, double valuation, double heldShare, int rung, double belief)
    {
        var terms = Terms(w, i, j, valuation, heldShare);
        return terms.WithFear(Fear(w.P, terms, GreedyStrikes(terms), rung, belief));
    }

    /// <summary>
    /// The part of i's calculus against j (<see cref="Assess"/>) that depends on neither the rung nor i's belief: it
    /// stays the same through a crisis, where only the rung and the beliefs move until a war ends it.
    /// </summary>
    public static WarTerms Terms(World w, int i, int j, double valuation, double heldShare)
    {
        var p = w.P;
        var seen = Seen(w, i, j);
        var myOffense = OwnOffense(w, i);
        var myDefense = w.AlliedDefense[i];
        var theirOffense = w.Offense[j] * seen + w.AlliedOffense[j];
        var theirDefense = SeenDefense(w, j, seen);
        var beta = w.OffenseAdvantage;
        var gamma = p.ContestExponent;
        var winFirst = Contest.AttackerWins(myOffense, theirDefense, beta, gamma);
        var winSecond = 1 - Contest.AttackerWins(theirOffense, myDefense, beta, gamma);
        var ratio = (1 + w.Growth[i]) / (1 + w.Growth[j]);
        var grow = ratio == 1 ? 1 : Math.Pow(ratio, p.PowerShiftHorizon); // pow(1, y) = 1 for every y (IEEE 754)
        var winFuture = Contest.AttackerWins(myOffense * grow, theirDefense, beta, gamma);

        var pairSize = PairSize(w, i, j);
        var cost = WarCost(w, i, j, pairSize) * (1 - p.AllyCostShare * AllianceReliability(w, i));
        var defeatLoss = p.WarCapabilityLoss * (w.Offense[i] + w.Defense[i]);
        var v = valuation;
        var warValue = winFirst * (1 - heldShare) * v - (1 - winFirst) * (heldShare * v + defeatLoss) - cost;
        var preemption = (winFirst - winSecond) * (v + defeatLoss);
        var prevention = Math.Max(0, winFirst - winFuture) * v;

        // How likely j is to strike now, as i estimates j's own calculus (symmetric): a greedy j values the stake more;
        // a security-seeking j strikes only to pre-empt, out of its fear of i (Fear).
        var theirLoss = p.WarCapabilityLoss * (w.Offense[j] + w.Defense[j]) * seen;
        var theirCost = WarCost(w, j, i, pairSize) * (1 - p.AllyCostShare * AllianceReliability(w, j));
        var theirHeld = 1 - heldShare;
        double theirWinFirst = 1 - winSecond, theirWinSecond = 1 - winFirst;
        var stakeValue = StakeValue(w, i, j, pairSize);
        var greedyValue = p.GreedyStakeValue * stakeValue;
        var greedyWar = theirWinFirst * (1 - theirHeld) * greedyValue - (1 - theirWinFirst) * (theirHeld * greedyValue + theirLoss) - theirCost;
        var securityWar = theirWinFirst * (1 - theirHeld) * stakeValue - (1 - theirWinFirst) * (theirHeld * stakeValue + theirLoss) - theirCost;
        var theirPreemption = (theirWinFirst - theirWinSecond) * (stakeValue + theirLoss);
        // Uncertainty about the other's valuation and what it risks, not about a cost both know (a nuclear exchange).
        var spread = p.ResolveSpread * (greedyValue + theirLoss);
        return new WarTerms(new WarCalculus(v, winFirst, winSecond, winFuture, cost, defeatLoss, 0, warValue, preemption, prevention),
            greedyWar, securityWar, theirPreemption, spread);
    }

    /// <summary>
    /// i's believed chance of winning a war it starts against j now (<see cref="WarCalculus.WinFirst"/>), without the
    /// rest of its calculus.
    /// </summary>
    public static double WinFirst(World w, int i, int j) =>
        Contest.AttackerWins(OwnOffense(w, i), SeenDefense(w, j, Seen(w, i, j)), w.OffenseAdvantage, w.P.ContestExponent);

    /// <summary>i's offense with its allies' at their reliability, as i plans with it.</summary>
    private static double OwnOffense(World w, int i) => w.Offense[i] + w.AlliedOffense[i];

    /// <summary>j's defense with its allies', j's own stocks as another state sees them (<paramref name="seen"/>, <see cref="Seen"/>).</summary>
    private static double SeenDefense(World w, int j, double seen) => w.Defense[j] * seen + (w.AlliedDefense[j] - w.Defense[j]);

    /// <summary>The chance a greedy j strikes now, as i estimates it (<see cref="Fear"/>); it does not depend on the rung or i's belief.</summary>
    public static double GreedyStrikes(in WarTerms terms) => Chance(terms.GreedyWar, terms.Spread);

    /// <summary>
    /// π, i's believed chance that j strikes now at <paramref name="rung"/> given its <paramref name="belief"/> that j is
    /// greedy: a security-seeking j strikes only to pre-empt, out of its fear of i — the reciprocal fear of surprise
    /// attack (Schelling 1960, ch. 9), found by iterating the two fears to their fixed point from the greedy-only fear.
    /// <paramref name="greedyStrikes"/> is <see cref="GreedyStrikes"/> of the same terms.
    /// </summary>
    public static double Fear(ModelParameters p, in WarTerms terms, double greedyStrikes, int rung, double belief)
    {
        var nearness = Math.Min(1.0, (double)rung / p.WarRung);
        var fear = nearness * belief * greedyStrikes;
        for (var k = 0; k < 4; k++)
        {
            var securityStrikes = Chance((1 - fear) * terms.SecurityWar + fear * terms.TheirPreemption, terms.Spread);
            var next = nearness * (belief * greedyStrikes + (1 - belief) * securityStrikes);
            // At a fixed point to the bit every further step returns the same value: stop (same result, fewer Exp).
            var converged = BitConverter.DoubleToInt64Bits(next) == BitConverter.DoubleToInt64Bits(fear);
            fear = next;
            if (converged)
            {
                break;
            }
        }
        return Math.Clamp(fear, 0, 1);
    }

    /// <summary>The chance a value known up to a logistic error of scale <paramref name="spread"/> is positive.</summary>
    private static double Chance(double value, double spread) =>
        spread > 0 ? 1 / (1 + Math.Exp(-value / spread)) : value > 0 ? 1 : 0;
}

/// <summary>
/// The part of one side's calculus that holds through a crisis (<see cref="Bargaining.Terms"/>): its values of war and
/// waiting, and its estimate of the other's values of war, from which its fear follows (<see cref="Bargaining.Fear"/>).
/// </summary>
/// <param name="Fearless">Its calculus with the fear left at 0.</param>
/// <param name="GreedyWar">The other's value of a war it starts now, were it greedy.</param>
/// <param name="SecurityWar">The other's value of a war it starts now, were it security-seeking and unafraid.</param>
/// <param name="TheirPreemption">What striking first adds for the other over being struck first.</param>
/// <param name="Spread">Scale of the logistic uncertainty about the other's values.</param>
public readonly record struct WarTerms(WarCalculus Fearless, double GreedyWar, double SecurityWar, double TheirPreemption, double Spread)
{
    /// <summary>The calculus at the fear <paramref name="fear"/>.</summary>
    public WarCalculus WithFear(double fear) => Fearless with { Fear = fear };
}

/// <summary>One side's perceived values in a crisis (<see cref="Bargaining.Assess"/>), in GDP units relative to the status quo.</summary>
/// <param name="Valuation">Its private value of the stake.</param>
/// <param name="WinFirst">Believed chance of winning a war it starts now.</param>
/// <param name="WinSecond">Believed chance of winning if the other strikes first.</param>
/// <param name="WinFuture">Believed chance of winning a war it starts after the projected power shift.</param>
/// <param name="Cost">Its cost of war.</param>
/// <param name="DefeatLoss">Military capability it loses if defeated.</param>
/// <param name="Fear">π: believed chance the other strikes now.</param>
/// <param name="WarValue">W: value of a war it starts now.</param>
/// <param name="Preemption">What striking first adds over being struck first: (WinFirst − WinSecond)(V + L).</param>
/// <param name="Prevention">What waiting costs under the projected shift of power: max(0, WinFirst − WinFuture)·V.</param>
public readonly record struct WarCalculus(
    double Valuation,
    double WinFirst,
    double WinSecond,
    double WinFuture,
    double Cost,
    double DefeatLoss,
    double Fear,
    double WarValue,
    double Preemption,
    double Prevention)
{
    /// <summary>Value of war now over waiting: (1 − π)(W + prevention) + π·pre-emption, from W − π·W_struck + (1 − π)·prevention.</summary>
    public double Gain => (1 - Fear) * (WarValue + Prevention) + Fear * Preemption;

    public bool WantsWar => Gain > 0;

    /// <summary>Expected loss of holding firm if the other strikes: π·max(0, −W_struck), W_struck = W − pre-emption.</summary>
    public double FearCost => Fear * Math.Max(0, Preemption - WarValue);

    /// <summary>The route by which this side would choose war: the largest of the three contributions to <see cref="Gain"/>.</summary>
    public WarRoute Route
    {
        get
        {
            var information = (1 - Fear) * WarValue;
            var commitment = (1 - Fear) * Prevention;
            var preemption = Fear * Preemption;
            if (preemption >= information && preemption >= commitment && preemption > 0)
            {
                return WarRoute.Preemption;
            }
            return commitment > information && commitment > 0 ? WarRoute.CommitmentProblem : WarRoute.PrivateInformation;
        }
    }
}
