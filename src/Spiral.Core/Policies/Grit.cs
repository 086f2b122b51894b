using Spiral.Core.Model;

namespace Spiral.Core.Policies;

/// <summary>
/// GRIT, graduated and reciprocated initiatives in tension reduction (Osgood 1962), as desired burdens: announced
/// small unilateral cuts while the rival does not build up; reciprocates the rival's cuts; answers a buildup in proportion for
/// one year, then returns to conciliation. Cuts stop at a floor, a share of its starting level, which it
/// remembers for the whole run.
/// </summary>
public sealed class Grit(GritOptions? options = null) : IPolicy
{
    public static readonly PolicyTraits TraitsValue = new("Grit", Deterministic: true, MemoryDepth: -1, UsesOwnType: false,
        Source: "Osgood 1962", Summary: "announced small unilateral cuts, reciprocates cuts, answers buildups in proportion");

    private double _floor = -1;

    public GritOptions Options { get; } = options ?? new();

    public PolicyTraits Traits => TraitsValue;

    public void Decide(in PolicyContext c)
    {
        var o = Options;
        if (_floor < 0)
        {
            _floor = c.MilitaryShare * o.FloorShare;
        }
        var rival = Rivals.Main(c);
        var arming = rival >= 0 ? c.ObservedArming(rival) : 0;
        double target;
        if (arming > o.Tolerance)
        {
            target = c.MilitaryShare * (1 + arming);
        }
        else
        {
            var cut = Math.Max(o.Cut, -arming);
            target = Math.Max(_floor, c.MilitaryShare * (1 - cut));
            if (target < c.MilitaryShare)
            {
                c.AnnounceReassurance();
            }
            if (rival >= 0 && !c.HasCbm(rival))
            {
                c.ProposeCbm(rival);
            }
        }
        c.SetDesiredBurden(target);
        c.SetPosture(DefensiveRealist.DefensivePosture(c, DefensiveRealistOptions.Default.DefensiveShift));
    }

    public CrisisMove Respond(in PolicyContext c, in CrisisSituation s) =>
        s.Round == 0 ? CrisisMove.BackDown
        : c.OpponentLastCrisisMove(s.Opponent) == CrisisMove.Escalate ? CrisisMove.Escalate : CrisisMove.Hold;
}

/// <summary>The parameters of <see cref="Grit"/>, with their defaults.</summary>
public sealed record GritOptions
{
    public double Cut { get; init; } = 0.05;
    public double Tolerance { get; init; } = 0.03;
    public double FloorShare { get; init; } = 0.5;

    internal static readonly PolicyOptions<GritOptions> Declared = new PolicyOptions<GritOptions>(Grit.TraitsValue.Source)
        .Real("cut", o => o.Cut, (o, v) => o with { Cut = v }, 0, 1, "relative change per year",
            "relative size of each announced unilateral cut")
        .Real("tolerance", o => o.Tolerance, (o, v) => o with { Tolerance = v }, 0, 1, "change of log burden per year",
            "rival's observed yearly change of military burden (log) above which it is answered as a buildup")
        .Real("floorShare", o => o.FloorShare, (o, v) => o with { FloorShare = v }, 0, 1, "share",
            "cuts stop at this share of the starting military share");
}
