using Spiral.Core.Model;

namespace Spiral.Core.Policies;

/// <summary>Shared helper: the rival a reactive policy answers, the state it fears most, else the largest observed spender within reach.</summary>
internal static class Rivals
{
    public static int Main(in PolicyContext c)
    {
        var feared = c.MostFeared();
        if (feared >= 0)
        {
            return feared;
        }
        var best = -1;
        var bestScore = 0.0;
        for (var j = 0; j < c.StateCount; j++)
        {
            if (j == c.Self || c.IsAlly(j))
            {
                continue;
            }
            var score = c.Reach(j) * c.ObservedMilex(j);
            if (score > bestScore)
            {
                bestScore = score;
                best = j;
            }
        }
        return best;
    }
}

/// <summary>A hawk (Snyder &amp; Diesing 1977): arms to its cap with an offensive posture and always escalates a crisis.</summary>
public sealed class Hawk : IPolicy
{
    public static readonly PolicyTraits TraitsValue = new("Hawk", Deterministic: true, MemoryDepth: 0, UsesOwnType: false,
        Source: "Snyder & Diesing 1977", Summary: "arms to the cap, offensive posture, always escalates");

    public PolicyTraits Traits => TraitsValue;
    public double Posture { get; init; } = 0.9;

    public void Decide(in PolicyContext c)
    {
        c.SetMilitaryShare(CrisisRules.Toward(c, c.MilitaryShareCap));
        c.SetPosture(Posture);
    }

    public CrisisMove Respond(in PolicyContext c, in CrisisSituation s) => CrisisMove.Escalate;
}

/// <summary>A dove (Snyder &amp; Diesing 1977): disarms toward the minimum with a defensive posture, offers CBMs and hotlines to all it meets, always backs down.</summary>
public sealed class Dove : IPolicy
{
    public static readonly PolicyTraits TraitsValue = new("Dove", Deterministic: true, MemoryDepth: 0, UsesOwnType: false,
        Source: "Snyder & Diesing 1977", Summary: "disarms, defensive posture, offers every CBM, always backs down");

    public PolicyTraits Traits => TraitsValue;
    public double Posture { get; init; } = 0.1;

    public void Decide(in PolicyContext c)
    {
        c.SetMilitaryShare(CrisisRules.Toward(c, c.MinMilitaryShare));
        c.SetPosture(Posture);
        for (var j = 0; j < c.StateCount; j++)
        {
            if (j == c.Self || (c.Reach(j) <= 0 && c.ReachOf(j) <= 0))
            {
                continue;
            }
            if (!c.HasCbm(j)) c.ProposeCbm(j);
            if (c.Hotline(j) < 0.5) c.ProposeHotline(j);
        }
    }

    public CrisisMove Respond(in PolicyContext c, in CrisisSituation s) => CrisisMove.BackDown;
}

/// <summary>
/// Richardson's reaction process (Richardson 1960) in shares of own GDP:
/// Δm = k · (rival's observed spending / own GDP) − a · m + g, where the rival is the state feared most.
/// </summary>
public sealed class Richardson : IPolicy
{
    public static readonly PolicyTraits TraitsValue = new("Richardson", Deterministic: true, MemoryDepth: 1, UsesOwnType: false,
        Source: "Richardson 1960", Summary: "spending reacts to the rival's spending, minus fatigue, plus grievance");

    public PolicyTraits Traits => TraitsValue;
    /// <summary>k: reaction (defence) coefficient.</summary>
    public double Reaction { get; init; } = 0.1;
    /// <summary>a: fatigue (expense) coefficient.</summary>
    public double Fatigue { get; init; } = 0.2;
    /// <summary>g: grievance, in share of GDP per year.</summary>
    public double Grievance { get; init; } = 0.002;

    public void Decide(in PolicyContext c)
    {
        var rival = Rivals.Main(c);
        var rivalShare = rival >= 0 && c.Gdp > 0 ? c.ObservedMilex(rival) / c.Gdp : 0;
        c.SetMilitaryShare(CrisisRules.Toward(c, c.MilitaryShare + Reaction * rivalShare - Fatigue * c.MilitaryShare + Grievance));
        c.SetPosture(DefensiveRealist.DefensivePosture(c, 0));
    }

    public CrisisMove Respond(in PolicyContext c, in CrisisSituation s) => CrisisRules.Realist(c, s);
}

/// <summary>
/// Tit for tat in arms (Axelrod 1984; Downs, Rocke &amp; Siverson 1985 on arms races as repeated games): matches the
/// rival's last observed relative buildup or cut; in a crisis opens with Hold and then copies the opponent's last move.
/// </summary>
public sealed class TitForTat : IPolicy
{
    public static readonly PolicyTraits TraitsValue = new("TitForTat", Deterministic: true, MemoryDepth: 1, UsesOwnType: false,
        Source: "Axelrod 1984", Summary: "matches the rival's last observed buildup or cut");

    public PolicyTraits Traits => TraitsValue;
    /// <summary>Largest relative change it copies in one year.</summary>
    public double MaxCopy { get; init; } = 0.25;

    public void Decide(in PolicyContext c)
    {
        var rival = Rivals.Main(c);
        var change = rival >= 0 ? Math.Clamp(c.ObservedArming(rival), -MaxCopy, MaxCopy) : 0;
        c.SetMilitaryShare(CrisisRules.Toward(c, c.MilitaryShare * (1 + change)));
        c.SetPosture(DefensiveRealist.DefensivePosture(c, 0));
        if (rival >= 0 && !c.HasCbm(rival) && change <= 0)
        {
            c.ProposeCbm(rival);
        }
    }

    public CrisisMove Respond(in PolicyContext c, in CrisisSituation s) =>
        s.Round == 0 ? CrisisMove.Hold : c.OpponentLastCrisisMove(s.Opponent);
}

/// <summary>
/// GRIT, graduated and reciprocated initiatives in tension reduction (Osgood 1962): announced small unilateral
/// cuts while the rival does not build up; reciprocates the rival's cuts; answers a buildup in proportion for
/// one year, then returns to conciliation. Cuts stop at a floor, a share of its starting level.
/// </summary>
public sealed class Grit : IPolicy
{
    public static readonly PolicyTraits TraitsValue = new("Grit", Deterministic: true, MemoryDepth: 1, UsesOwnType: false,
        Source: "Osgood 1962", Summary: "announced small unilateral cuts, reciprocates cuts, answers buildups in proportion");

    public PolicyTraits Traits => TraitsValue;
    /// <summary>Relative size of each unilateral cut.</summary>
    public double Cut { get; init; } = 0.05;
    /// <summary>Rival growth above which GRIT treats it as a buildup.</summary>
    public double Tolerance { get; init; } = 0.03;
    /// <summary>Cuts stop at this share of the starting military share.</summary>
    public double FloorShare { get; init; } = 0.5;

    private double _floor = -1;

    public void Decide(in PolicyContext c)
    {
        if (_floor < 0)
        {
            _floor = c.MilitaryShare * FloorShare;
        }
        var rival = Rivals.Main(c);
        var arming = rival >= 0 ? c.ObservedArming(rival) : 0;
        double target;
        if (arming > Tolerance)
        {
            target = c.MilitaryShare * (1 + arming);
        }
        else
        {
            var cut = Math.Max(Cut, -arming);
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
        c.SetMilitaryShare(CrisisRules.Toward(c, target));
        c.SetPosture(DefensiveRealist.DefensivePosture(c, 0.6));
    }

    public CrisisMove Respond(in PolicyContext c, in CrisisSituation s) =>
        s.Round == 0 ? CrisisMove.BackDown
        : c.OpponentLastCrisisMove(s.Opponent) == CrisisMove.Escalate ? CrisisMove.Escalate : CrisisMove.Hold;
}

/// <summary>
/// Costly reassurance (Kydd 2000, 2005): a security-seeker that trusts a rival which nonetheless arms (so the
/// rival likely fears it) makes a visible restraint a greedy type would not pay for: it cuts its share by the
/// yearly maximum and moves to a defensive posture, at most once every few years; otherwise it acts as a
/// defensive realist. A greedy type never signals (it would lose relative power).
/// </summary>
public sealed class CostlySignaller : IPolicy
{
    public static readonly PolicyTraits TraitsValue = new("CostlySignaller", Deterministic: false, MemoryDepth: 3, UsesOwnType: true,
        Source: "Kydd 2000", Summary: "under mistrust, pays a costly restraint a greedy type would not, then reciprocates");

    public PolicyTraits Traits => TraitsValue;
    /// <summary>Rival growth that reads as mistrust of me.</summary>
    public double MistrustSignal { get; init; } = 0.02;
    /// <summary>Years between signals.</summary>
    public int SignalInterval { get; init; } = 3;

    private readonly DefensiveRealist _otherwise = new();
    private int _lastSignal = int.MinValue / 2;

    public void Decide(in PolicyContext c)
    {
        _otherwise.Decide(c);
        if (c.OwnTypeIsGreedy || c.Step - _lastSignal < SignalInterval)
        {
            return;
        }
        var rival = Rivals.Main(c);
        if (rival < 0 || c.Belief(rival) >= c.Parameters.TrustThreshold || c.ObservedArming(rival) <= MistrustSignal)
        {
            return;
        }
        c.SetMilitaryShare(Math.Max(c.MinMilitaryShare, c.MilitaryShare - c.MaxShareChange));
        c.SetPosture(0.05);
        c.AnnounceReassurance();
        _lastSignal = c.Step;
    }

    public CrisisMove Respond(in PolicyContext c, in CrisisSituation s) => CrisisRules.Realist(c, s);
}

/// <summary>
/// Follows a scenario's series of military share and posture by calendar year (the last given value holds
/// until the next), e.g. observed spending; in a crisis makes the fixed move of parameter <c>crisis</c>
/// (-1 back down, 0 hold, 1 escalate) and accepts CBMs if <c>acceptCbm</c> is 1.
/// </summary>
public sealed class Scripted : IPolicy
{
    public static readonly PolicyTraits TraitsValue = new("Scripted", Deterministic: true, MemoryDepth: 0, UsesOwnType: false,
        Source: "observed data", Summary: "follows the scenario's yearly series");

    private readonly (int Year, double Value)[] _share;
    private readonly (int Year, double Value)[] _posture;
    private readonly CrisisMove _crisis;
    private readonly bool _acceptCbm;

    public Scripted(IReadOnlyDictionary<int, double>? militaryShare, IReadOnlyDictionary<int, double>? posture,
        CrisisMove crisis = CrisisMove.Hold, bool acceptCbm = false)
    {
        _share = Sorted(militaryShare);
        _posture = Sorted(posture);
        _crisis = crisis;
        _acceptCbm = acceptCbm;
    }

    public PolicyTraits Traits => TraitsValue;

    public void Decide(in PolicyContext c)
    {
        c.SetMilitaryShare(At(_share, c.Year, c.MilitaryShare));
        c.SetPosture(At(_posture, c.Year, c.Posture));
        if (!_acceptCbm)
        {
            return;
        }
        for (var j = 0; j < c.StateCount; j++)
        {
            if (j != c.Self && !c.HasCbm(j) && (c.Reach(j) > 0 || c.ReachOf(j) > 0))
            {
                c.ProposeCbm(j);
            }
        }
    }

    public CrisisMove Respond(in PolicyContext c, in CrisisSituation s) => _crisis;

    private static (int, double)[] Sorted(IReadOnlyDictionary<int, double>? series) =>
        series is null ? [] : series.OrderBy(kv => kv.Key).Select(kv => (kv.Key, kv.Value)).ToArray();

    private static double At((int Year, double Value)[] series, int year, double current)
    {
        var value = current;
        foreach (var (y, v) in series)
        {
            if (y > year)
            {
                break;
            }
            value = v;
        }
        return value;
    }
}
