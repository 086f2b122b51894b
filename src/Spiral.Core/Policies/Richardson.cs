using Spiral.Core.Model;

namespace Spiral.Core.Policies;

/// <summary>
/// Richardson's reaction process (Richardson 1960) in shares of own GDP, as its desired burden:
/// m* = m + k · (rival's observed spending / own GDP) − a · m + g, where the rival is the state feared most; the budget
/// process of phase 6 closes part of the gap each year.
/// In a crisis it follows the realist rule, which draws its logistic noise.
/// </summary>
public sealed class Richardson(RichardsonOptions? options = null) : IPolicy
{
    public static readonly PolicyTraits TraitsValue = new("Richardson", Deterministic: false, MemoryDepth: 1, UsesOwnType: false,
        Source: "Richardson 1960", Summary: "spending reacts to the rival's spending, minus fatigue, plus grievance");

    public RichardsonOptions Options { get; } = options ?? new();

    public PolicyTraits Traits => TraitsValue;

    public void Decide(in PolicyContext c)
    {
        var o = Options;
        var rival = Rivals.Main(c);
        var rivalShare = rival >= 0 && c.Gdp > 0 ? c.ObservedMilex(rival) / c.Gdp : 0;
        c.SetDesiredBurden(c.MilitaryShare + o.Reaction * rivalShare - o.Fatigue * c.MilitaryShare + o.Grievance);
        c.SetPosture(DefensiveRealist.DefensivePosture(c, 0));
    }

    public CrisisMove Respond(in PolicyContext c, in CrisisSituation s) => CrisisRules.Bargain(c, s);
}

/// <summary>The parameters of <see cref="Richardson"/>, with their defaults.</summary>
public sealed record RichardsonOptions
{
    public double Reaction { get; init; } = 0.1;
    public double Fatigue { get; init; } = 0.2;
    public double Grievance { get; init; } = 0.002;

    internal static readonly PolicyOptions<RichardsonOptions> Declared = new PolicyOptions<RichardsonOptions>(Richardson.TraitsValue.Source)
        .Real("reaction", o => o.Reaction, (o, v) => o with { Reaction = v }, 0, 1, "per year",
            "k, the reaction (defence) coefficient: share of the rival's spending, over own GDP, added to the own share each year")
        .Real("fatigue", o => o.Fatigue, (o, v) => o with { Fatigue = v }, 0, 1, "per year",
            "a, the fatigue (expense) coefficient: share of its own military share a state sheds each year")
        .Real("grievance", o => o.Grievance, (o, v) => o with { Grievance = v }, -0.01, 0.01, "share of GDP per year",
            "g, grievance (negative: goodwill): the share of GDP added each year whatever the rival does");
}
