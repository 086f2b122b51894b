using Spiral.Core.Model;

namespace Spiral.Core.Policies;

/// <summary>
/// Glaser's security-seeker (Glaser 1997, 2010; Jervis 1978): desires a military burden around its long-run level that
/// rises and falls with its insecurity (<see cref="DesiredBurden"/>; the budget process of phase 6 closes part of the
/// gap each year); buys defense rather than offense when defense is advantaged or postures are distinguishable
/// ("preparedness without provocation"), more offense as offense advantage grows; proposes CBMs and hotlines while it trusts the other (Kydd 2005), and names the
/// ones mistrust forbids; balances against the state it fears most (Walt 1987); in a crisis escalates with fear
/// and first-strike advantage and backs down with cost.
/// </summary>
public sealed class DefensiveRealist(DefensiveRealistOptions? options = null) : IPolicy
{
    public static readonly PolicyTraits TraitsValue = new("DefensiveRealist", Deterministic: false, MemoryDepth: 0,
        UsesOwnType: false, Source: "Glaser 1997; Jervis 1978",
        Summary: "desires a burden around its long-run level that follows its insecurity, prefers defense when it can be told apart, trusts before it talks");

    public DefensiveRealistOptions Options { get; } = options ?? new();

    public PolicyTraits Traits => TraitsValue;

    public void Decide(in PolicyContext c)
    {
        c.SetDesiredBurden(DesiredBurden(c));
        c.SetPosture(DefensivePosture(c, Options.DefensiveShift));
        SecuritySeekerDiplomacy(c);
    }

    public CrisisMove Respond(in PolicyContext c, in CrisisSituation s) => CrisisRules.Bargain(c, s);

    /// <summary>
    /// The security-seeker's desired burden, ln m* = ln m̄ + e·ln((1 − S)/(1 − S0)): its long-run burden m̄, scaled by
    /// its insecurity relative to the insecurity that burden answered at the start, with the long-run elasticity e
    /// (demand for military expenditure: Smith 1989; Nordhaus, Oneal &amp; Russett 2012). A state whose security does not
    /// change desires its long-run burden; abandonment fear reaches it through security (allies counted at their reliability).
    /// </summary>
    public static double DesiredBurden(in PolicyContext c) =>
        TypeModel.SecurityDesiredBurden(c.LongRunShare, c.Insecurity / c.ReferenceInsecurity, c.Parameters);

    /// <summary>
    /// The security-seeker's posture under β, shifted to defense by ω (<see cref="TypeModel.SecurityPosture"/>, the one
    /// function observers also read it with).
    /// </summary>
    public static double DefensivePosture(in PolicyContext c, double defensiveShift) =>
        TypeModel.SecurityPosture(c.OffenseAdvantage, c.Distinguishability, defensiveShift, c.Parameters);

    /// <summary>
    /// CBMs with threatening neighbours, hotlines after a crisis, both only while trust allows (Kydd 2005); an
    /// alliance against the most feared state (Walt 1987).
    /// </summary>
    public static void SecuritySeekerDiplomacy(in PolicyContext c)
    {
        var p = c.Parameters;
        for (var j = 0; j < c.StateCount; j++)
        {
            if (j == c.Self || (c.Reach(j) <= 0 && c.ReachOf(j) <= 0) || c.IsAlly(j))
            {
                continue;
            }
            var trusts = c.Belief(j) < p.TrustThreshold;
            if (!c.HasCbm(j) && c.Threat(j) > p.CbmThreatTrigger)
            {
                if (trusts) c.ProposeCbm(j);
                else c.CbmBlockedByMistrust(j);
            }
            var recentCrisis = c.LastCrisisStep(j) >= 0 && c.Step - c.LastCrisisStep(j) <= 3;
            if (c.Hotline(j) < 0.5 && recentCrisis)
            {
                if (trusts) c.ProposeHotline(j);
                else c.HotlineBlockedByMistrust(j);
            }
        }
        var feared = c.MostFeared();
        if (feared >= 0 && c.Threat(feared) > p.AllianceThreatTrigger)
        {
            c.BalanceAgainst(feared);
        }
    }
}

/// <summary>The parameters of <see cref="DefensiveRealist"/>, with their defaults.</summary>
public sealed record DefensiveRealistOptions
{
    public static DefensiveRealistOptions Default { get; } = new();

    public double DefensiveShift { get; init; } = 0.6;

    internal static readonly PolicyOptions<DefensiveRealistOptions> Declared = new PolicyOptions<DefensiveRealistOptions>("Jervis 1978; Glaser 1997")
        .Real("defensiveShift", o => o.DefensiveShift, (o, v) => o with { DefensiveShift = v }, 0, 1, "share",
            "how far distinguishable postures (ω) move new investment from offense to defense: preparedness without provocation");
}
