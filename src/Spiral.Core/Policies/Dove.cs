using Spiral.Core.Model;

namespace Spiral.Core.Policies;

/// <summary>A dove (Snyder &amp; Diesing 1977): desires the minimum deterrent floor, with a defensive posture, offers CBMs and hotlines to all it meets, always backs down.</summary>
public sealed class Dove(DoveOptions? options = null) : IPolicy
{
    public static readonly PolicyTraits TraitsValue = new("Dove", Deterministic: true, MemoryDepth: 0, UsesOwnType: false,
        Source: "Snyder & Diesing 1977", Summary: "disarms, defensive posture, offers every CBM, always backs down");

    public DoveOptions Options { get; } = options ?? new();

    public PolicyTraits Traits => TraitsValue;

    public void Decide(in PolicyContext c)
    {
        c.SetDesiredBurden(c.MinMilitaryShare);
        c.SetPosture(Options.Posture);
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

/// <summary>The parameters of <see cref="Dove"/>, with their defaults.</summary>
public sealed record DoveOptions
{
    public double Posture { get; init; } = 0.1;

    internal static readonly PolicyOptions<DoveOptions> Declared = new PolicyOptions<DoveOptions>(Dove.TraitsValue.Source)
        .FixedPosture(o => o.Posture, (o, v) => o with { Posture = v });
}
