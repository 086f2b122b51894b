using Spiral.Core.Model;

namespace Spiral.Core.Policies;

/// <summary>
/// Costly reassurance (Kydd 2000, 2005): a security-seeker that trusts a rival which nonetheless arms (so the
/// rival likely fears it) makes a visible restraint a greedy type would not pay for: it desires a burden a given share
/// below what its security asks and moves to a defensive posture, at most once every few years; otherwise it acts as a
/// defensive realist. A greedy type never signals (it would lose relative power).
/// </summary>
public sealed class CostlySignaller(CostlySignallerOptions? options = null) : IPolicy
{
    public static readonly PolicyTraits TraitsValue = new("CostlySignaller", Deterministic: false, MemoryDepth: 3, UsesOwnType: true,
        Source: "Kydd 2000", Summary: "under mistrust, pays a costly restraint a greedy type would not, then reciprocates");

    private readonly DefensiveRealist _otherwise = new();
    private int _lastSignal = int.MinValue / 2;

    public CostlySignallerOptions Options { get; } = options ?? new();

    public PolicyTraits Traits => TraitsValue;

    public void Decide(in PolicyContext c)
    {
        _otherwise.Decide(c);
        if (c.OwnTypeIsGreedy || c.Step - _lastSignal < Options.SignalInterval)
        {
            return;
        }
        var rival = Rivals.Main(c);
        if (rival < 0 || c.Belief(rival) >= c.Parameters.TrustThreshold || c.ObservedArming(rival) <= Options.MistrustSignal)
        {
            return;
        }
        c.SetDesiredBurden((1 - Options.SignalCut) * DefensiveRealist.DesiredBurden(c));
        c.SetPosture(0.05);
        c.AnnounceReassurance();
        _lastSignal = c.Step;
    }

    public CrisisMove Respond(in PolicyContext c, in CrisisSituation s) => CrisisRules.Bargain(c, s);
}

/// <summary>The parameters of <see cref="CostlySignaller"/>, with their defaults.</summary>
public sealed record CostlySignallerOptions
{
    public double MistrustSignal { get; init; } = 0.02;
    public int SignalInterval { get; init; } = 3;
    public double SignalCut { get; init; } = 0.14;

    internal static readonly PolicyOptions<CostlySignallerOptions> Declared = new PolicyOptions<CostlySignallerOptions>(CostlySignaller.TraitsValue.Source)
        .Real("mistrustSignal", o => o.MistrustSignal, (o, v) => o with { MistrustSignal = v }, 0, 1, "change of log burden per year",
            "rival's observed yearly change of military burden (log) that it reads as the rival's mistrust of it")
        .Integer("signalInterval", o => o.SignalInterval, (o, v) => o with { SignalInterval = v }, 1, 100, "years",
            "fewest years between two costly signals")
        .Real("signalCut", o => o.SignalCut, (o, v) => o with { SignalCut = v }, 0, 1, "share of the desired burden",
            "in a signalling year, how far below the burden its security asks it sets its desired burden (the costly restraint)",
            source: "Kydd 2000; Kydd 2005 on the end of the Cold War: Gorbachev's 1989 announced cut of Soviet military spending by 14.2%; assumption of that order");
}
