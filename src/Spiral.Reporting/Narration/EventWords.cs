using Spiral.Core.Events;

namespace Spiral.Reporting.Narration;

/// <summary>
/// Plain-language names of what the model records, for people: each event kind, each route to war (Fearon 1995;
/// Powell 2006) and each MID hostility level (Palmer et al. 2022). The narration, the HTML report and the web
/// explorer read them here.
/// </summary>
public static class EventWords
{
    /// <summary>The name of an event kind in a table, e.g. "use of force (a clash below war)".</summary>
    public static string Of(EventKind kind) => kind switch
    {
        EventKind.Incident => "incident opening a crisis",
        EventKind.CrisisEscalated => "crisis escalated",
        EventKind.CrisisDeEscalatedByHotline => "crisis defused by the hotline",
        EventKind.CrisisBackDown => "a side backed down",
        EventKind.CrisisFaded => "crisis faded",
        EventKind.WarStarted => "war started",
        EventKind.WarEnded => "war ended",
        EventKind.CbmProposed => "CBMs proposed",
        EventKind.CbmSigned => "CBMs signed",
        EventKind.CbmBlocked => "CBMs blocked by mistrust",
        EventKind.HotlineProposed => "hotline proposed",
        EventKind.HotlineOpened => "hotline opened",
        EventKind.HotlineBlocked => "hotline refused",
        EventKind.HotlineClosed => "hotline cut",
        EventKind.AllianceFormed => "alliance joined",
        EventKind.AllianceLeft => "alliance left",
        EventKind.ArmsBuildup => "arms buildup",
        EventKind.ArmsCut => "arms cut",
        EventKind.ReassuranceGesture => "costly reassurance",
        EventKind.BeliefShift => "belief shifted",
        EventKind.SpiralOnset => "spiral between security-seekers",
        EventKind.InternalUnrest => "internal unrest",
        EventKind.RegimeChange => "regime change",
        EventKind.EconomicShock => "economic shock",
        EventKind.RivalryChanged => "rivalry changed",
        EventKind.PolicyChanged => "policy changed",
        EventKind.Demand => "demand over the contested stake",
        EventKind.Concession => "concession ending a crisis",
        EventKind.UseOfForce => "use of force (a clash below war)",
        EventKind.AllyIntervened => "ally entered the war",
        EventKind.AllyAbandoned => "ally stayed out (abandonment)",
        EventKind.CrisisOutcome => "crisis ended (at its highest MID level)",
        _ => kind.ToString(),
    };

    /// <summary>The event kind named <paramref name="kindName"/> (an EventKind name as stored), or the name itself when unknown.</summary>
    public static string Of(string kindName) => Enum.TryParse<EventKind>(kindName, out var kind) ? Of(kind) : kindName;

    /// <summary>How a war came about, as a noun phrase: "private information", "a commitment problem (preventive war)".</summary>
    public static string Of(WarRoute route) => route switch
    {
        WarRoute.PrivateInformation => "private information",
        WarRoute.CommitmentProblem => "a commitment problem (preventive war)",
        WarRoute.Preemption => "pre-emption",
        WarRoute.Scripted => "history (the scenario's timeline)",
        _ => "",
    };

    /// <summary>A MID hostility level as a noun phrase: 2 "a threat", 3 "a display of force", 4 "the use of force", 5 "war".</summary>
    public static string MidLevel(int mid) => mid switch
    {
        MidHostility.Threat => "a threat",
        MidHostility.Display => "a display of force",
        MidHostility.UseOfForce => "the use of force",
        MidHostility.War => "war",
        _ => "no militarized action",
    };
}
