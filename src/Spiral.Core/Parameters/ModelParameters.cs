namespace Spiral.Core.Parameters;

/// <summary>
/// Every constant of the Spiral model, in one record, with its default and where that default comes from.
/// A scenario may override any of them (its <c>model:</c> section). Units: one step is one year.
/// </summary>
public sealed record ModelParameters
{
    // ---- Observation (phase 2) ----

    [ScenarioParameter(0, 1, Unit = "sd of a posture share", Source = "intelligence is never perfect; Jervis 1976",
        Meaning = "s_min: noise floor of posture observation, left even with full transparency.")]
    public double ObservationNoiseFloor { get; init; } = 0.03;

    [ScenarioParameter(0, 1, Unit = "posture share per unit of rivalry", Source = "historical rivalry colours perception; Jervis 1976 ch. 4; Wendt 1999",
        Meaning = "λ_h: upward bias in reading a rival's posture per unit of rivalry.")]
    public double RivalryBias { get; init; } = 0.12;

    [ScenarioParameter(0, 1, Unit = "per unit of identity overlap", Source = "Wendt 1999; Deutsch 1957 on security communities",
        Meaning = "Shared identity tags lower the rivalry bias by this much per unit of tag overlap (Jaccard): amity among those who share an identity.")]
    public double IdentityAffinity { get; init; } = 0.5;

    [ScenarioParameter(0, 1, Unit = "relative growth per unit of σ", Source = "Spiral v1 default, not yet estimated",
        Meaning = "Noise of the arming signal (relative milex growth) per unit of σ, before transparency. Spending is easier to count than intent to read.")]
    public double ArmingNoiseScale { get; init; } = 0.1;

    // ---- Beliefs (phase 3) ----

    [ScenarioParameter(0, 1, Unit = "offensive share", Source = "Glaser 2010: greedy states buy offense",
        Meaning = "Expected offensive posture share of a greedy state.")]
    public double GreedyPosture { get; init; } = 0.72;

    [ScenarioParameter(0, 1, Unit = "offensive share", Source = "Jervis 1978: under offense dominance even defenders buy offense, so posture says less",
        Meaning = "Expected posture of a security-seeker when offense and defense are balanced (β = 1); rises toward the greedy posture as β grows.")]
    public double SecurityPosture { get; init; } = 0.35;

    [ScenarioParameter(0, 1, MinExclusive = true, Unit = "sd of an offensive share", Source = "Spiral v1 default, not yet estimated",
        Meaning = "Spread of postures within a type (the observer's model of type behaviour).")]
    public double PostureSpread { get; init; } = 0.1;

    [ScenarioParameter(-0.5, 0.5, Unit = "relative growth per year", Source = "Spiral v1 default, not yet estimated",
        Meaning = "Expected yearly growth of military spending of a greedy type (relative).")]
    public double GreedyArmingGrowth { get; init; } = 0.06;

    [ScenarioParameter(0, 1, MinExclusive = true, Unit = "sd of relative growth", Source = "Spiral v1 default, not yet estimated",
        Meaning = "Spread of yearly arming growth within a type.")]
    public double ArmingSpread { get; init; } = 0.05;

    [ScenarioParameter(0, 5, Unit = "relative growth per relative growth", Source = "Jervis 1976; Richardson 1960",
        Meaning = "Reaction a security-seeker is expected to show to a rival's arming (relative growth per relative growth): the part of a rival's arming that empathy discounts.")]
    public double ExpectedReaction { get; init; } = 0.8;

    [ScenarioParameter(0, 2, Unit = "exponent", Source = "tempered Bayesian updating; Kydd 2005 ch. 2 uses full updating, we temper for yearly aggregated signals",
        Meaning = "Exponent on each year's likelihood ratio: how much one year's evidence moves a belief.")]
    public double EvidenceWeight { get; init; } = 0.3;

    [ScenarioParameter(0, 1, Unit = "share per year per unit of ι", Source = "Keohane 1984: institutions provide information",
        Meaning = "η: yearly pull of beliefs toward the truth per unit of institutions ι.")]
    public double InstitutionalPull { get; init; } = 0.25;

    [ScenarioParameter(0, 1, Unit = "share per year", Source = "Mearsheimer 2001 ch. 2; Copeland 2000",
        Meaning = "Yearly drift of a belief back toward the prior: intentions can change with a new leader or regime, so old evidence ages.")]
    public double IntentionDrift { get; init; } = 0.1;

    [ScenarioParameter(0, 0.5, MinExclusive = true, MaxExclusive = true, Unit = "probability", Source = "Spiral v1 default, not yet estimated",
        Meaning = "ε: beliefs stay in [ε, 1-ε] so that no evidence is ever ignored.")]
    public double BeliefFloor { get; init; } = 0.005;

    [ScenarioParameter(0, 1, Unit = "share per year per unit of hotline", Source = "Schelling 1960 on communication; the 1963 Memorandum",
        Meaning = "A hotline clarifies intent: each year it pulls beliefs toward the truth by this much times its strength.")]
    public double HotlineClarity { get; init; } = 0.05;

    // ---- Assessment (phase 4) ----

    [ScenarioParameter(0, 10, MinExclusive = true, Unit = "exponent", Source = "Tullock 1980; Hirshleifer 1989",
        Meaning = "γ: decisiveness of the contest success function.")]
    public double ContestExponent { get; init; } = 1.0;

    [ScenarioParameter(0, 1, Unit = "security per unit of internal threat", Source = "Sørensen 2007, the insecurity dilemma",
        Meaning = "c_I: how much internal threat lowers a state's own security.")]
    public double InternalThreatSecurityWeight { get; init; } = 0.5;

    [ScenarioParameter(0, 1, Unit = "security per unit of threat × reach", Source = "spill-over; Sørensen 2007; Salehyan 2009 on rebels across borders",
        Meaning = "How much a neighbour's internal threat lowers my security per unit of reach.")]
    public double InternalThreatSpilloverSecurity { get; init; } = 0.2;

    // ---- Decisions (phase 5) ----

    [ScenarioParameter(0, 1, MinExclusive = true, Unit = "share of GDP", Source = "Spiral v1 default, not yet estimated",
        Meaning = "Highest military share of GDP any state will bear (cap at zero development priority).")]
    public double MaxMilitaryShare { get; init; } = 0.12;

    [ScenarioParameter(0, 1, Unit = "share of GDP", Source = "Acharya 1995: third-world security priorities",
        Meaning = "Military share a state with full development priority (κ = 1) caps itself at.")]
    public double DevelopmentMilitaryShare { get; init; } = 0.02;

    [ScenarioParameter(0, 1, Unit = "share of GDP", Source = "Spiral v1 default, not yet estimated",
        Meaning = "Lowest military share any state keeps.")]
    public double MinMilitaryShare { get; init; } = 0.005;

    [ScenarioParameter(0, 1, Unit = "share of GDP per year", Source = "budgets are sticky; Rattinger 1975",
        Meaning = "Largest yearly change of military share.")]
    public double MaxShareChange { get; init; } = 0.003;

    [ScenarioParameter(0, 1, Unit = "security", Source = "Glaser 1997",
        Meaning = "Target security that a security-seeker arms to restore.")]
    public double TargetSecurity { get; init; } = 0.8;

    [ScenarioParameter(0, 1, Unit = "share of GDP per unit of security gap", Source = "Spiral v1 default, not yet estimated",
        Meaning = "Proportional response of a defensive realist's military share to its security gap (share of GDP per unit of gap).")]
    public double SecurityGapResponse { get; init; } = 0.03;

    [ScenarioParameter(0, 1, Unit = "probability", Source = "Kydd 2005: cooperate when trust exceeds the threshold",
        Meaning = "A defensive realist proposes and accepts CBMs, talks and hotlines while its belief that the other is greedy is below this.")]
    public double TrustThreshold { get; init; } = 0.5;

    [ScenarioParameter(0, 1, Unit = "threat", Source = "Spiral v1 default, not yet estimated",
        Meaning = "A defensive realist wants a CBM with a rival once its threat from that rival exceeds this.")]
    public double CbmThreatTrigger { get; init; } = 0.05;

    [ScenarioParameter(0, 1, Unit = "transparency", Source = "Holst 1983: CBMs as transparency",
        Meaning = "Transparency gained by each side when a CBM is signed.")]
    public double CbmTransparencyGain { get; init; } = 0.4;

    [ScenarioParameter(0, 1, Unit = "threat", Source = "Walt 1987: balance of threat",
        Meaning = "Threat from one state above which a security-seeker seeks allies against it.")]
    public double AllianceThreatTrigger { get; init; } = 0.25;

    [ScenarioParameter(0, 1, Unit = "share of capability", Source = "Spiral v1 default, not yet estimated",
        Meaning = "Default commitment of an alliance formed during a run (share of an ally's capability that counts).")]
    public double DefaultAllianceCommitment { get; init; } = 0.5;

    // ---- Economy (phase 6) ----

    [ScenarioParameter(0, 1, Unit = "growth per unit of military share", Source = "guns versus butter; Benoit 1978, Dunne & Tian 2013 find small negative effects",
        Meaning = "ζ: growth lost per unit of military share.")]
    public double MilitaryGrowthDrag { get; init; } = 0.1;

    [ScenarioParameter(0, 1, Unit = "share of milex per unit of threat", Source = "Sørensen 2007; Ayoob 1995",
        Meaning = "Share of a state's military spending absorbed by internal security per unit of internal threat.")]
    public double InternalThreatDrain { get; init; } = 0.5;

    [ScenarioParameter(0, 0.5, Unit = "growth per year per unit of threat", Source = "Collier 1999: civil conflict costs about 2% of growth a year",
        Meaning = "Growth lost per year per unit of internal threat.")]
    public double InternalThreatGrowthLoss { get; init; } = 0.02;

    [ScenarioParameter(0, 1, Unit = "share per year", Source = "Spiral v1 default, not yet estimated",
        Meaning = "Yearly decay of internal threat (unrest subsides without fuel).")]
    public double InternalThreatDecay { get; init; } = 0.1;

    [ScenarioParameter(0, 1, Unit = "threat per year per unit of threat × reach", Source = "Salehyan & Gleditsch 2006: refugees and rebels spread conflict",
        Meaning = "Yearly internal threat imported per unit of a neighbour's internal threat and reach.")]
    public double InternalThreatContagion { get; init; } = 0.05;

    // ---- Incidents, crises and war (phase 7) ----

    [ScenarioParameter(0, 1, Unit = "share per unit of transparency", Source = "CBMs prevent incidents: the 1972 INCSEA agreement",
        Meaning = "φ: how much transparency lowers the incident rate.")]
    public double TransparencyIncidentDamping { get; init; } = 0.5;

    [ScenarioParameter(0, 10, Unit = "incidents per year per unit of threat", Source = "Salehyan 2009; Sørensen 2007",
        Meaning = "Incidents added per unit of the two sides' internal threat: insurgents, militias and refugees cross borders and provoke clashes.")]
    public double InternalThreatIncidents { get; init; } = 1.0;

    [ScenarioParameter(0, 10, Unit = "multiplier", Source = "Mearsheimer 2001",
        Meaning = "Incident rate multiplier when a state deliberately probes a neighbour.")]
    public double ProbeMultiplier { get; init; } = 2.0;

    [ScenarioParameter(1, 44, Unit = "Kahn rung", Source = "Kahn 1965",
        Meaning = "Kahn rung at which a crisis is war: rung 12 \"Large conventional war\".")]
    public int WarRung { get; init; } = 12;

    [ScenarioParameter(0, 1, Unit = "probability per round", Source = "Schelling 1960; the 1963 hotline",
        Meaning = "Chance per round that a hotline of strength 1 lets two sides step back.")]
    public double HotlineDeEscalation { get; init; } = 0.35;

    [ScenarioParameter(0, 1, Unit = "probability per round", Source = "Spiral v1 default, not yet estimated",
        Meaning = "Chance per round that a crisis in which both sides hold simply fades.")]
    public double CrisisFadeProbability { get; init; } = 0.3;

    [ScenarioParameter(0, 20, Unit = "weight", Source = "Spiral v1 default, not yet estimated",
        Meaning = "Weight of fear (belief × vulnerability) in the latent urge to escalate.")]
    public double CrisisFearWeight { get; init; } = 3.0;

    [ScenarioParameter(0, 20, Unit = "weight", Source = "Schelling 1960; Jervis 1978; Van Evera 1999",
        Meaning = "Weight of the first-strike advantage (from β and the contest function) in the urge to escalate: pre-emption.")]
    public double CrisisFirstStrikeWeight { get; init; } = 3.0;

    [ScenarioParameter(0, 20, Unit = "weight", Source = "Spiral v1 default, not yet estimated",
        Meaning = "Weight of relative capability in the urge to escalate.")]
    public double CrisisCapabilityWeight { get; init; } = 1.0;

    [ScenarioParameter(0, 20, Unit = "weight", Source = "Fearon 1995",
        Meaning = "Weight of the expected cost of war, rising with the rung, against escalation.")]
    public double CrisisCostWeight { get; init; } = 1.0;

    [ScenarioParameter(-10, 10, Unit = "latent urge", Source = "Spiral v1 default, not yet estimated",
        Meaning = "Intercept of the latent urge to escalate.")]
    public double CrisisBaseUrge { get; init; } = -0.5;

    [ScenarioParameter(0, 1, Unit = "share of GDP", Source = "Spiral v1 default, not yet estimated",
        Meaning = "Share of GDP each side loses in a war.")]
    public double WarGdpCost { get; init; } = 0.03;

    [ScenarioParameter(0, 1, Unit = "share of stocks", Source = "Spiral v1 default, not yet estimated",
        Meaning = "Share of military stocks the loser of a war loses (the winner loses half as much).")]
    public double WarCapabilityLoss { get; init; } = 0.35;

    [ScenarioParameter(0, 1, Unit = "share of the loser's GDP", Source = "the prize that tempts a greedy state; Fearon 1995",
        Meaning = "Share of the loser's GDP the winner takes.")]
    public double WarSpoils { get; init; } = 0.15;

    [ScenarioParameter(-1, 1, Unit = "share of GDP", Source = "Fearon 1995",
        Meaning = "A greedy state attacks when expected gain minus cost exceeds this share of its GDP.")]
    public double AttackThreshold { get; init; } = 0.0;

    [ScenarioParameter(0, 1, Unit = "rivalry", Source = "Spiral v1 default, not yet estimated",
        Meaning = "Rivalry added to a dyad by a war between its members.")]
    public double WarRivalryIncrease { get; init; } = 0.3;

    [ScenarioParameter(0, 100, Unit = "years", Source = "Spiral v1 default, not yet estimated",
        Meaning = "Years after a war or crisis during which the same dyad has no new incident.")]
    public int CooldownYears { get; init; } = 1;

    // ---- Rivalry dynamics (phase 8) ----

    [ScenarioParameter(0, 1, Unit = "rivalry per 10 Goldstein points", Source = "Diehl & Goertz 2000: rivalries grow from repeated conflict",
        Meaning = "Rivalry gained per unit of negative Goldstein weight in a year, divided by 10.")]
    public double RivalryFromConflict { get; init; } = 0.02;

    [ScenarioParameter(0, 1, Unit = "rivalry per 10 Goldstein points", Source = "Spiral v1 default, not yet estimated",
        Meaning = "Rivalry lost per unit of positive Goldstein weight in a year, divided by 10.")]
    public double RivalryFromCooperation { get; init; } = 0.02;

    [ScenarioParameter(0, 1, Unit = "rivalry per year", Source = "Spiral v1 default, not yet estimated",
        Meaning = "Yearly decay of rivalry toward zero without events.")]
    public double RivalryDecay { get; init; } = 0.01;

    [ScenarioParameter(0, 1, MinExclusive = true, Unit = "probability", Source = "Spiral v1 default, not yet estimated",
        Meaning = "A belief move larger than this in a year is recorded as an event for the narration.")]
    public double BeliefShiftToRecord { get; init; } = 0.1;

    public static ModelParameters Default { get; } = new();
}
