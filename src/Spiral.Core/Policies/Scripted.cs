using Spiral.Core.Model;

namespace Spiral.Core.Policies;

/// <summary>
/// Follows a scenario's series of military share and posture by calendar year (the last given value holds
/// until the next), e.g. observed spending: it sets the share directly, bypassing the budget process; in a crisis makes the fixed move of parameter <c>crisis</c>
/// (-1 back down, 0 hold, 1 escalate) and accepts CBMs if <c>acceptCbm</c> is 1.
/// </summary>
public sealed class Scripted(ScriptedOptions? options = null) : IPolicy
{
    public static readonly PolicyTraits TraitsValue = new("Scripted", Deterministic: true, MemoryDepth: 0, UsesOwnType: false,
        Source: "observed data", Summary: "follows the scenario's yearly series");

    public ScriptedOptions Options { get; } = options ?? new();

    private readonly (int Year, double Value)[] _share = Sorted(options?.MilitaryShare);
    private readonly (int Year, double Value)[] _posture = Sorted(options?.Posture);

    public PolicyTraits Traits => TraitsValue;

    public void Decide(in PolicyContext c)
    {
        c.ForceMilitaryShare(At(_share, c.Year, c.MilitaryShare));
        c.SetPosture(At(_posture, c.Year, c.Posture));
        if (!Options.AcceptCbm)
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

    public CrisisMove Respond(in PolicyContext c, in CrisisSituation s) => Options.Crisis;

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

/// <summary>The parameters of <see cref="Scripted"/>, with their defaults, and its yearly series (none: it holds its state).</summary>
public sealed record ScriptedOptions
{
    public CrisisMove Crisis { get; init; } = CrisisMove.Hold;
    public bool AcceptCbm { get; init; }
    /// <summary>Military share by calendar year.</summary>
    public IReadOnlyDictionary<int, double>? MilitaryShare { get; init; }
    /// <summary>Posture by calendar year.</summary>
    public IReadOnlyDictionary<int, double>? Posture { get; init; }

    internal static readonly PolicyOptions<ScriptedOptions> Declared = new PolicyOptions<ScriptedOptions>(Scripted.TraitsValue.Source)
        .Integer("crisis", o => (int)o.Crisis, (o, v) => o with { Crisis = (CrisisMove)v }, -1, 1, "move",
            "its move at every rung of a crisis: -1 back down, 0 hold, 1 escalate", source: "Kahn 1965")
        .Flag("acceptCbm", o => o.AcceptCbm, (o, v) => o with { AcceptCbm = v },
            "1 to propose a CBM to every state it reaches, so it accepts any offered");
}
