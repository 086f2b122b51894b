using Spiral.Core.Model;

namespace Spiral.Core.Policies;

/// <summary>A hawk (Snyder &amp; Diesing 1977): desires the burden of its cap with an offensive posture and always escalates a crisis.</summary>
public sealed class Hawk(HawkOptions? options = null) : IPolicy
{
    public static readonly PolicyTraits TraitsValue = new("Hawk", Deterministic: true, MemoryDepth: 0, UsesOwnType: false,
        Source: "Snyder & Diesing 1977", Summary: "arms to the cap, offensive posture, always escalates");

    public HawkOptions Options { get; } = options ?? new();

    public PolicyTraits Traits => TraitsValue;

    public void Decide(in PolicyContext c)
    {
        c.SetDesiredBurden(c.MilitaryShareCap);
        c.SetPosture(Options.Posture);
    }

    public CrisisMove Respond(in PolicyContext c, in CrisisSituation s) => CrisisMove.Escalate;
}

/// <summary>The parameters of <see cref="Hawk"/>, with their defaults.</summary>
public sealed record HawkOptions
{
    public double Posture { get; init; } = 0.9;

    internal static readonly PolicyOptions<HawkOptions> Declared = new PolicyOptions<HawkOptions>(Hawk.TraitsValue.Source)
        .FixedPosture(o => o.Posture, (o, v) => o with { Posture = v });
}
