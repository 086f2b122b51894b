namespace Spiral.Core.Parameters;

/// <summary>
/// Every constant of the Spiral model, in one record, with its default and where that default comes from.
/// A scenario may override any of them (its <c>model:</c> section). Units: one step is one year.
/// </summary>
public sealed record ModelParameters
{
    // ---- Observation (phase 2) ----

    /// <summary>s_min: noise floor of posture observation, left even with full transparency (intelligence is never perfect; Jervis 1976).</summary>
    public double ObservationNoiseFloor { get; init; } = 0.03;

    /// <summary>λ_h: upward bias in reading a rival's posture per unit of rivalry (historical rivalry colours perception; Jervis 1976 ch. 4; Wendt 1999).</summary>
    public double RivalryBias { get; init; } = 0.12;

    /// <summary>Shared identity tags lower the rivalry bias by this much per unit of tag overlap (Jaccard): amity among those who share an identity (Wendt 1999; Deutsch 1957 on security communities).</summary>
    public double IdentityAffinity { get; init; } = 0.5;

    /// <summary>Noise of the arming signal (relative milex growth) per unit of σ, before transparency. Spending is easier to count than intent to read.</summary>
    public double ArmingNoiseScale { get; init; } = 0.1;

    // ---- Beliefs (phase 3) ----

    /// <summary>Expected offensive posture share of a greedy state (Glaser 2010: greedy states buy offense).</summary>
    public double GreedyPosture { get; init; } = 0.72;

    /// <summary>Expected posture of a security-seeker when offense and defense are balanced (β = 1); rises toward the greedy posture as β grows (Jervis 1978: under offense dominance even defenders buy offense, so posture says less).</summary>
    public double SecurityPosture { get; init; } = 0.35;

    /// <summary>Spread of postures within a type (the observer's model of type behaviour).</summary>
    public double PostureSpread { get; init; } = 0.1;

    /// <summary>Expected yearly growth of military spending of a greedy type (relative).</summary>
    public double GreedyArmingGrowth { get; init; } = 0.06;

    /// <summary>Spread of yearly arming growth within a type.</summary>
    public double ArmingSpread { get; init; } = 0.05;

    /// <summary>Reaction a security-seeker is expected to show to a rival's arming (relative growth per relative growth): the part of a rival's arming that empathy discounts (Jervis 1976; Richardson 1960).</summary>
    public double ExpectedReaction { get; init; } = 0.8;

    /// <summary>Exponent on each year's likelihood ratio: how much one year's evidence moves a belief (tempered Bayesian updating; Kydd 2005 ch. 2 uses full updating, we temper for yearly aggregated signals).</summary>
    public double EvidenceWeight { get; init; } = 0.3;

    /// <summary>η: yearly pull of beliefs toward the truth per unit of institutions ι (Keohane 1984: institutions provide information).</summary>
    public double InstitutionalPull { get; init; } = 0.25;

    /// <summary>Yearly drift of a belief back toward the prior: intentions can change with a new leader or regime, so old evidence ages (Mearsheimer 2001 ch. 2; Copeland 2000).</summary>
    public double IntentionDrift { get; init; } = 0.1;

    /// <summary>ε: beliefs stay in [ε, 1-ε] so that no evidence is ever ignored.</summary>
    public double BeliefFloor { get; init; } = 0.005;

    /// <summary>A hotline clarifies intent: each year it pulls beliefs toward the truth by this much times its strength (Schelling 1960 on communication; the 1963 Memorandum).</summary>
    public double HotlineClarity { get; init; } = 0.05;

    // ---- Assessment (phase 4) ----

    /// <summary>γ: decisiveness of the contest success function (Tullock 1980; Hirshleifer 1989).</summary>
    public double ContestExponent { get; init; } = 1.0;

    /// <summary>c_I: how much internal threat lowers a state's own security (Sørensen 2007, the insecurity dilemma).</summary>
    public double InternalThreatSecurityWeight { get; init; } = 0.5;

    /// <summary>How much a neighbour's internal threat lowers my security per unit of reach (spill-over; Sørensen 2007; Salehyan 2009 on rebels across borders).</summary>
    public double InternalThreatSpilloverSecurity { get; init; } = 0.2;

    // ---- Decisions (phase 5) ----

    /// <summary>Highest military share of GDP any state will bear (cap at zero development priority).</summary>
    public double MaxMilitaryShare { get; init; } = 0.12;

    /// <summary>Military share a state with full development priority (κ = 1) caps itself at (Acharya 1995: third-world security priorities).</summary>
    public double DevelopmentMilitaryShare { get; init; } = 0.02;

    /// <summary>Lowest military share any state keeps.</summary>
    public double MinMilitaryShare { get; init; } = 0.005;

    /// <summary>Largest yearly change of military share (budgets are sticky; Rattinger 1975).</summary>
    public double MaxShareChange { get; init; } = 0.003;

    /// <summary>Target security that a security-seeker arms to restore (Glaser 1997).</summary>
    public double TargetSecurity { get; init; } = 0.8;

    /// <summary>Proportional response of a defensive realist's military share to its security gap (share of GDP per unit of gap).</summary>
    public double SecurityGapResponse { get; init; } = 0.03;

    /// <summary>A defensive realist proposes and accepts CBMs, talks and hotlines while its belief that the other is greedy is below this (Kydd 2005: cooperate when trust exceeds the threshold).</summary>
    public double TrustThreshold { get; init; } = 0.5;

    /// <summary>A defensive realist wants a CBM with a rival once its threat from that rival exceeds this.</summary>
    public double CbmThreatTrigger { get; init; } = 0.05;

    /// <summary>Transparency gained by each side when a CBM is signed (Holst 1983: CBMs as transparency).</summary>
    public double CbmTransparencyGain { get; init; } = 0.4;

    /// <summary>Threat from one state above which a security-seeker seeks allies against it (Walt 1987: balance of threat).</summary>
    public double AllianceThreatTrigger { get; init; } = 0.25;

    /// <summary>Default commitment of an alliance formed during a run (share of an ally's capability that counts).</summary>
    public double DefaultAllianceCommitment { get; init; } = 0.5;

    // ---- Economy (phase 6) ----

    /// <summary>ζ: growth lost per unit of military share (guns versus butter; Benoit 1978, Dunne &amp; Tian 2013 find small negative effects).</summary>
    public double MilitaryGrowthDrag { get; init; } = 0.1;

    /// <summary>Share of a state's military spending absorbed by internal security per unit of internal threat (Sørensen 2007; Ayoob 1995).</summary>
    public double InternalThreatDrain { get; init; } = 0.5;

    /// <summary>Growth lost per year per unit of internal threat (Collier 1999: civil conflict costs about 2% of growth a year).</summary>
    public double InternalThreatGrowthLoss { get; init; } = 0.02;

    /// <summary>Yearly decay of internal threat (unrest subsides without fuel).</summary>
    public double InternalThreatDecay { get; init; } = 0.1;

    /// <summary>Yearly internal threat imported per unit of a neighbour's internal threat and reach (Salehyan &amp; Gleditsch 2006: refugees and rebels spread conflict).</summary>
    public double InternalThreatContagion { get; init; } = 0.05;

    // ---- Incidents, crises and war (phase 7) ----

    /// <summary>φ: how much transparency lowers the incident rate (CBMs prevent incidents: the 1972 INCSEA agreement).</summary>
    public double TransparencyIncidentDamping { get; init; } = 0.5;

    /// <summary>Incidents added per unit of the two sides' internal threat: insurgents, militias and refugees cross borders and provoke clashes (Salehyan 2009; Sørensen 2007).</summary>
    public double InternalThreatIncidents { get; init; } = 1.0;

    /// <summary>Incident rate multiplier when a state deliberately probes a neighbour (Mearsheimer 2001).</summary>
    public double ProbeMultiplier { get; init; } = 2.0;

    /// <summary>Kahn rung at which a crisis is war: rung 12 "Large conventional war" (Kahn 1965).</summary>
    public int WarRung { get; init; } = 12;

    /// <summary>Chance per round that a hotline of strength 1 lets two sides step back (Schelling 1960; the 1963 hotline).</summary>
    public double HotlineDeEscalation { get; init; } = 0.35;

    /// <summary>Chance per round that a crisis in which both sides hold simply fades.</summary>
    public double CrisisFadeProbability { get; init; } = 0.3;

    /// <summary>Weight of fear (belief × vulnerability) in the latent urge to escalate.</summary>
    public double CrisisFearWeight { get; init; } = 3.0;

    /// <summary>Weight of the first-strike advantage (from β and the contest function) in the urge to escalate: pre-emption (Schelling 1960; Jervis 1978; Van Evera 1999).</summary>
    public double CrisisFirstStrikeWeight { get; init; } = 3.0;

    /// <summary>Weight of relative capability in the urge to escalate.</summary>
    public double CrisisCapabilityWeight { get; init; } = 1.0;

    /// <summary>Weight of the expected cost of war, rising with the rung, against escalation (Fearon 1995).</summary>
    public double CrisisCostWeight { get; init; } = 1.0;

    /// <summary>Intercept of the latent urge to escalate.</summary>
    public double CrisisBaseUrge { get; init; } = -0.5;

    /// <summary>Share of GDP each side loses in a war.</summary>
    public double WarGdpCost { get; init; } = 0.03;

    /// <summary>Share of military stocks the loser of a war loses (the winner loses half as much).</summary>
    public double WarCapabilityLoss { get; init; } = 0.35;

    /// <summary>Share of the loser's GDP the winner takes (the prize that tempts a greedy state; Fearon 1995).</summary>
    public double WarSpoils { get; init; } = 0.15;

    /// <summary>A greedy state attacks when expected gain minus cost exceeds this share of its GDP (Fearon 1995).</summary>
    public double AttackThreshold { get; init; } = 0.0;

    /// <summary>Rivalry added to a dyad by a war between its members.</summary>
    public double WarRivalryIncrease { get; init; } = 0.3;

    /// <summary>Years after a war or crisis during which the same dyad has no new incident.</summary>
    public int CooldownYears { get; init; } = 1;

    // ---- Rivalry dynamics (phase 8) ----

    /// <summary>Rivalry gained per unit of negative Goldstein weight in a year, divided by 10 (Diehl &amp; Goertz 2000: rivalries grow from repeated conflict).</summary>
    public double RivalryFromConflict { get; init; } = 0.02;

    /// <summary>Rivalry lost per unit of positive Goldstein weight in a year, divided by 10.</summary>
    public double RivalryFromCooperation { get; init; } = 0.02;

    /// <summary>Yearly decay of rivalry toward zero without events.</summary>
    public double RivalryDecay { get; init; } = 0.01;

    /// <summary>A belief move larger than this in a year is recorded as an event for the narration.</summary>
    public double BeliefShiftToRecord { get; init; } = 0.1;

    public static ModelParameters Default { get; } = new();
}
