namespace Spiral.Core.Events;

/// <summary>
/// CAMEO event codes and their Goldstein conflict-cooperation weights for each <see cref="EventKind"/>
/// (Schrodt, CAMEO codebook 2012; Goldstein 1992, adapted to CAMEO), as in data/cameo_goldstein_scale.csv.
/// Cognitive events (belief shifts, spiral onsets) are not interactions and carry no code and weight 0.
/// </summary>
public static class EventCatalog
{
    public readonly record struct Coding(string CameoCode, string CameoLabel, double Goldstein);

    private static readonly Coding[] Codings = Build();

    public static Coding Of(EventKind kind) => Codings[(int)kind];

    public static double Goldstein(EventKind kind) => Codings[(int)kind].Goldstein;

    private static Coding[] Build()
    {
        var c = new Coding[Enum.GetValues<EventKind>().Length];
        c[(int)EventKind.Incident] = new("150", "Demonstrate military or police power", -7.2);
        c[(int)EventKind.CrisisEscalated] = new("152", "Increase military alert status", -7.2);
        c[(int)EventKind.CrisisDeEscalatedByHotline] = new("0356", "Express intent to de-escalate military engagement", 7.0);
        c[(int)EventKind.CrisisBackDown] = new("087", "De-escalate military engagement", 9.0);
        c[(int)EventKind.CrisisFaded] = new("0256", "Appeal for de-escalation of military engagement", -0.3);
        c[(int)EventKind.WarStarted] = new("190", "Use conventional military force", -10.0);
        c[(int)EventKind.WarEnded] = new("0871", "Declare truce, ceasefire", 9.0);
        c[(int)EventKind.CbmProposed] = new("036", "Express intent to meet or negotiate", 4.0);
        c[(int)EventKind.CbmSigned] = new("057", "Sign formal agreement", 8.0);
        c[(int)EventKind.CbmBlocked] = new("120", "Reject", -4.0);
        c[(int)EventKind.HotlineProposed] = new("036", "Express intent to meet or negotiate", 4.0);
        c[(int)EventKind.HotlineOpened] = new("057", "Sign formal agreement", 8.0);
        c[(int)EventKind.HotlineBlocked] = new("120", "Reject", -4.0);
        c[(int)EventKind.HotlineClosed] = new("16", "Reduce relations", -4.0);
        c[(int)EventKind.AllianceFormed] = new("0312", "Express intent to cooperate militarily", 5.2);
        c[(int)EventKind.AllianceLeft] = new("16", "Reduce relations", -4.0);
        c[(int)EventKind.ArmsBuildup] = new("154", "Mobilize or increase armed forces", -7.2);
        c[(int)EventKind.ArmsCut] = new("087", "De-escalate military engagement", 9.0);
        c[(int)EventKind.ReassuranceGesture] = new("0356", "Express intent to de-escalate military engagement", 7.0);
        c[(int)EventKind.BeliefShift] = new("", "", 0.0);
        c[(int)EventKind.SpiralOnset] = new("", "", 0.0);
        c[(int)EventKind.InternalUnrest] = new("14", "Protest", -6.5);
        c[(int)EventKind.RegimeChange] = new("", "", 0.0);
        c[(int)EventKind.EconomicShock] = new("", "", 0.0);
        c[(int)EventKind.RivalryChanged] = new("", "", 0.0);
        c[(int)EventKind.PolicyChanged] = new("", "", 0.0);
        c[(int)EventKind.Demand] = new("100", "Demand, not specified below", -5.0);
        c[(int)EventKind.Concession] = new("080", "Yield, not specified below", 5.0);
        c[(int)EventKind.UseOfForce] = new("193", "Fight with small arms and light weapons", -10.0);
        c[(int)EventKind.AllyIntervened] = new("190", "Use conventional military force, not specified below", -10.0);
        c[(int)EventKind.AllyAbandoned] = new("1212", "Reject military cooperation", -4.0);
        c[(int)EventKind.CrisisOutcome] = new("", "", 0.0);
        return c;
    }
}
