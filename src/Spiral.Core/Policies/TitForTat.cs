using Spiral.Core.Model;

namespace Spiral.Core.Policies;

/// <summary>
/// Tit for tat in arms (Axelrod 1984; Downs, Rocke &amp; Siverson 1985 on arms races as repeated games): desires its
/// burden changed by the rival's last observed relative buildup or cut; in a crisis opens with Hold and then copies the opponent's last move.
/// </summary>
public sealed class TitForTat(TitForTatOptions? options = null) : IPolicy
{
    public static readonly PolicyTraits TraitsValue = new("TitForTat", Deterministic: true, MemoryDepth: 1, UsesOwnType: false,
        Source: "Axelrod 1984", Summary: "matches the rival's last observed buildup or cut");

    public TitForTatOptions Options { get; } = options ?? new();

    public PolicyTraits Traits => TraitsValue;

    public void Decide(in PolicyContext c)
    {
        var maxCopy = Options.MaxCopy;
        var rival = Rivals.Main(c);
        var change = rival >= 0 ? Math.Clamp(c.ObservedArming(rival), -maxCopy, maxCopy) : 0;
        c.SetDesiredBurden(c.MilitaryShare * (1 + change));
        c.SetPosture(DefensiveRealist.DefensivePosture(c, 0));
        if (rival >= 0 && !c.HasCbm(rival) && change <= 0)
        {
            c.ProposeCbm(rival);
        }
    }

    public CrisisMove Respond(in PolicyContext c, in CrisisSituation s) =>
        s.Round == 0 ? CrisisMove.Hold : c.OpponentLastCrisisMove(s.Opponent);
}

/// <summary>The parameters of <see cref="TitForTat"/>, with their defaults.</summary>
public sealed record TitForTatOptions
{
    public double MaxCopy { get; init; } = 0.25;

    internal static readonly PolicyOptions<TitForTatOptions> Declared = new PolicyOptions<TitForTatOptions>("Axelrod 1984; Downs, Rocke & Siverson 1985")
        .Real("maxCopy", o => o.MaxCopy, (o, v) => o with { MaxCopy = v }, 0, 1, "relative change per year",
            "largest relative buildup or cut of the rival it copies in one year");
}
