using Spiral.Core.Model;

namespace Spiral.Core.Policies;

/// <summary>
/// A state's decision rule. It sees only what its state may know, through <see cref="PolicyContext"/>:
/// its own state (including its own type), its observations and beliefs, public capabilities; never
/// another state's private type. One instance serves one state in one run, so it may keep memory.
/// </summary>
public interface IPolicy
{
    PolicyTraits Traits { get; }

    /// <summary>Phase 5: choose the desired military burden, posture, diplomacy, alliance and war moves into the context's buffers.</summary>
    void Decide(in PolicyContext context);

    /// <summary>Phase 7: one move at one rung of a crisis.</summary>
    CrisisMove Respond(in PolicyContext context, in CrisisSituation situation);
}

/// <summary>Classifier of a policy, after Axelrod-Python's strategy classifiers.</summary>
/// <param name="Name">Catalog name.</param>
/// <param name="Deterministic">True when the policy's own choices use no random draws.</param>
/// <param name="MemoryDepth">Years of history it keeps (0 = memoryless, -1 = unbounded).</param>
/// <param name="UsesOwnType">True when it behaves differently by its own private type.</param>
/// <param name="Source">Author and year of the rule.</param>
/// <param name="Summary">One line in plain language.</param>
public sealed record PolicyTraits(
    string Name,
    bool Deterministic,
    int MemoryDepth,
    bool UsesOwnType,
    string Source,
    string Summary);

/// <summary>What one side of a crisis knows at one rung (computed by the kernel from its beliefs, its private valuation and public capabilities).</summary>
/// <param name="Opponent">The other side.</param>
/// <param name="Rung">Current Kahn rung (1..war rung).</param>
/// <param name="Round">Round of the crisis, from 0.</param>
/// <param name="WarRung">The rung at which the crisis is war: escalating from the rung below it starts a war.</param>
/// <param name="Calculus">Its perceived values of war and waiting (<see cref="Bargaining"/>).</param>
/// <param name="ConcedeCost">What backing down costs it now: the stake it yields (if it holds it) and the audience cost of the rungs climbed.</param>
/// <param name="Scale">The crisis's scale for comparing values: its valuation of the stake plus the largest audience cost.</param>
/// <param name="FirstStrikeAdvantage">In [-1, 1]: how much striking first beats being struck first (WinFirst − WinSecond).</param>
/// <param name="Hotline">Strength of the dyad's hotline.</param>
public readonly record struct CrisisSituation(
    int Opponent,
    int Rung,
    int Round,
    int WarRung,
    WarCalculus Calculus,
    double ConcedeCost,
    double Scale,
    double FirstStrikeAdvantage,
    double Hotline)
{
    /// <summary>Believed chance of winning a war it starts now.</summary>
    public double WinProbability => Calculus.WinFirst;

    /// <summary>The next escalation would be war.</summary>
    public bool AtWarThreshold => Rung >= WarRung - 1;
}
