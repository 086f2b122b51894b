using Spiral.Core.Model;

namespace Spiral.Core.Policies;

/// <summary>
/// One year's decision of a seat played from outside the model (a classroom player, DESIGN.md section 11): what any
/// policy decides in phase 5, by state index, plus its crisis stances for phase 7. A null burden or posture keeps what
/// the seat's bot chose; the lists replace the bot's diplomacy, demands and probes entirely (empty = none).
/// </summary>
public sealed record SeatDecision
{
    /// <summary>m*: the military burden (share of GDP) wanted; the budget process moves toward it within floor and cap.</summary>
    public double? DesiredBurden { get; init; }
    /// <summary>p: the offensive share of new military investment, in [0, 1].</summary>
    public double? Posture { get; init; }
    /// <summary>States to which it proposes a CBM (or whose proposal it accepts: both proposing signs it).</summary>
    public IReadOnlyList<int> ProposeCbm { get; init; } = [];
    /// <summary>States whose CBM it refuses out of mistrust (recorded as blocked).</summary>
    public IReadOnlyList<int> RefuseCbm { get; init; } = [];
    public IReadOnlyList<int> ProposeHotline { get; init; } = [];
    public IReadOnlyList<int> RefuseHotline { get; init; } = [];
    /// <summary>States from which it demands the contested stake: each opens a crisis in phase 7 (Fearon 1995).</summary>
    public IReadOnlyList<int> Demands { get; init; } = [];
    public IReadOnlyList<int> Probes { get; init; } = [];
    /// <summary>The state it balances against (an alliance forms with another that balances against the same one; Walt 1987).</summary>
    public int? BalanceAgainst { get; init; }
    /// <summary>Marks this year's cut as an announced reassurance gesture (Kydd 2000; Osgood 1962).</summary>
    public bool AnnounceReassurance { get; init; }
    /// <summary>Its moves in crises this year, per opponent; an opponent without a stance gets the bot's moves.</summary>
    public IReadOnlyList<CrisisStance> CrisisStances { get; init; } = [];
}

/// <summary>What a seat does at its limit in a crisis.</summary>
public enum StanceAtLimit
{
    Hold,
    BackDown,
}

/// <summary>
/// A crisis strategy chosen in advance (crises are played inside the year's step): escalate while the rung is below
/// <paramref name="MaxRung"/>, then hold or back down (Kahn 1965's ladder; Schelling 1966's commitment). A max rung at or
/// above the war rung means it will start a war from the last rung below it.
/// </summary>
public sealed record CrisisStance(int Opponent, int MaxRung, StanceAtLimit AtLimit);

/// <summary>One move of a seat in a crisis: what its bot would have done against what it did.</summary>
public readonly record struct SeatCrisisMove(int Opponent, int Rung, int Round, CrisisMove BotMove, CrisisMove Move);

/// <summary>
/// The policy of a seat whose decisions come from outside (the classroom's <c>Human</c> policy, DESIGN.md 3.4). Each
/// year its bot (the state's own catalog policy for its type) decides first on the same context, so the bot's memory
/// and the run's policy stream go on exactly as in a plain simulation and its choice is kept as what the bot would have
/// done; a submitted <see cref="SeatDecision"/> then replaces it through the same <see cref="PolicyContext"/> setters
/// every policy uses. With nothing submitted the bot's decision stands (a seat that missed its deadline). In a crisis
/// the bot moves first too, and the seat's <see cref="CrisisStance"/> against that opponent, if any, replaces its move.
/// </summary>
public sealed class SeatPolicy(IPolicy securityBot, IPolicy greedyBot) : IPolicy
{
    public static readonly PolicyTraits TraitsValue = new("Human", Deterministic: true, MemoryDepth: -1, UsesOwnType: true,
        Source: "DESIGN.md section 11 (after NetLogo HubNet; ICONS)",
        Summary: "a classroom player's submitted decision, or its bot's when it submitted none");

    private readonly List<SeatCrisisMove> _crisisMoves = [];

    public PolicyTraits Traits => TraitsValue;

    public IPolicy SecurityBot { get; } = securityBot;
    public IPolicy GreedyBot { get; } = greedyBot;

    /// <summary>The decision to apply at the next step, or null for the bot's.</summary>
    public SeatDecision? Submitted { get; set; }

    /// <summary>What the bot decided at the last step (before any submitted decision replaced it).</summary>
    public SeatDecision? LastBotDecision { get; private set; }

    /// <summary>What was applied at the last step: the submitted decision's effect, or the bot's.</summary>
    public SeatDecision? LastAppliedDecision { get; private set; }

    /// <summary>Its crisis moves since <see cref="ClearCrisisMoves"/>.</summary>
    public IReadOnlyList<SeatCrisisMove> CrisisMoves => _crisisMoves;

    public void ClearCrisisMoves() => _crisisMoves.Clear();

    public void Decide(in PolicyContext c)
    {
        var forcedBefore = c.ForcedMilitaryShare;
        Bot(c).Decide(c);
        LastBotDecision = c.ReadDecision();
        if (Submitted is not { } decision)
        {
            LastAppliedDecision = LastBotDecision;
            return;
        }
        c.ResetDecision();
        c.ForcedMilitaryShare = forcedBefore;
        c.SetDesiredBurden(decision.DesiredBurden ?? LastBotDecision.DesiredBurden ?? c.MilitaryShare);
        c.SetPosture(decision.Posture ?? LastBotDecision.Posture ?? c.Posture);
        foreach (var j in decision.ProposeCbm) c.ProposeCbm(j);
        foreach (var j in decision.RefuseCbm) c.CbmBlockedByMistrust(j);
        foreach (var j in decision.ProposeHotline) c.ProposeHotline(j);
        foreach (var j in decision.RefuseHotline) c.HotlineBlockedByMistrust(j);
        foreach (var j in decision.Demands) c.DemandStake(j);
        foreach (var j in decision.Probes) c.ProbeNeighbour(j);
        if (decision.BalanceAgainst is { } target) c.BalanceAgainst(target);
        if (decision.AnnounceReassurance) c.AnnounceReassurance();
        LastAppliedDecision = c.ReadDecision();
    }

    public CrisisMove Respond(in PolicyContext c, in CrisisSituation s)
    {
        var botMove = Bot(c).Respond(c, s);
        var move = botMove;
        if (Submitted is { } decision)
        {
            foreach (var stance in decision.CrisisStances)
            {
                if (stance.Opponent == s.Opponent)
                {
                    move = Obey(stance, s);
                    break;
                }
            }
        }
        _crisisMoves.Add(new SeatCrisisMove(s.Opponent, s.Rung, s.Round, botMove, move));
        return move;
    }

    /// <summary>The move a stance makes at the situation's rung.</summary>
    public static CrisisMove Obey(CrisisStance stance, in CrisisSituation s) =>
        s.Rung < stance.MaxRung ? CrisisMove.Escalate
        : stance.AtLimit == StanceAtLimit.BackDown ? CrisisMove.BackDown : CrisisMove.Hold;

    private IPolicy Bot(in PolicyContext c) => c.OwnTypeIsGreedy ? GreedyBot : SecurityBot;
}
