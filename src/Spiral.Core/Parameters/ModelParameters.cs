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

    [ScenarioParameter(0, 1, Behavioural = true, Unit = "posture share per unit of rivalry", Source = "historical rivalry colours perception; Jervis 1976 ch. 4; Wendt 1999",
        Meaning = "λ_h: upward bias in reading a rival's posture per unit of rivalry.")]
    public double RivalryBias { get; init; } = 0.12;

    [ScenarioParameter(0, 1, Behavioural = true, Unit = "per unit of identity overlap", Source = "Wendt 1999; Deutsch 1957 on security communities",
        Meaning = "Shared identity tags lower the rivalry bias by this much per unit of tag overlap (Jaccard): amity among those who share an identity.")]
    public double IdentityAffinity { get; init; } = 0.5;

    [ScenarioParameter(0, 1, Unit = "log burden change per unit of σ", Source = "Spiral v1 default, not yet estimated",
        Meaning = "k_arm: noise of the arming signal (the change of log military burden) per unit of σ, before transparency. Spending is easier to count than intent to read.")]
    public double ArmingNoiseScale { get; init; } = 0.1;

    // ---- Beliefs (phase 3) ----

    [ScenarioParameter(0, 1, Behavioural = true, Unit = "offensive share", Source = "Glaser 2010: greedy states buy offense",
        Meaning = "Expected offensive posture share of a greedy state.")]
    public double GreedyPosture { get; init; } = 0.72;

    [ScenarioParameter(0, 1, Behavioural = true, Unit = "offensive share", Source = "Jervis 1978: under offense dominance even defenders buy offense, so posture says less",
        Meaning = "Expected posture of a security-seeker when offense and defense are balanced (β = 1); rises toward the greedy posture as β grows.")]
    public double SecurityPosture { get; init; } = 0.35;

    [ScenarioParameter(0, 1, MinExclusive = true, Unit = "sd of an offensive share", Source = "Spiral v1 default, not yet estimated",
        Meaning = "Spread of postures within a type (the observer's model of type behaviour).")]
    public double PostureSpread { get; init; } = 0.1;

    [ScenarioParameter(0, 2, Behavioural = true, Unit = "exponent", Source = "tempered Bayesian updating; Kydd 2005 ch. 2 uses full updating, we temper for yearly aggregated signals",
        Meaning = "Exponent on each year's likelihood ratio: how much one year's evidence moves a belief.")]
    public double EvidenceWeight { get; init; } = 0.3;

    [ScenarioParameter(0, 1, Behavioural = true, Unit = "share per year", Source = "Mearsheimer 2001 ch. 2; Copeland 2000",
        Meaning = "Yearly drift of a belief back toward the prior: intentions can change with a new leader or regime, so old evidence ages.")]
    public double IntentionDrift { get; init; } = 0.1;

    [ScenarioParameter(0, 0.5, MinExclusive = true, MaxExclusive = true, Unit = "probability", Source = "Spiral v1 default, not yet estimated",
        Meaning = "ε: beliefs stay in [ε, 1-ε] so that no evidence is ever ignored.")]
    public double BeliefFloor { get; init; } = 0.005;

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
        Meaning = "The minimum deterrent floor: lowest military share any state keeps, whatever its desired burden.")]
    public double MinMilitaryShare { get; init; } = 0.005;

    [ScenarioParameter(0, 1, Behavioural = true, Unit = "probability", Source = "Kydd 2005: cooperate when trust exceeds the threshold",
        Meaning = "A defensive realist proposes and accepts CBMs, talks and hotlines while its belief that the other is greedy is below this.")]
    public double TrustThreshold { get; init; } = 0.5;

    [ScenarioParameter(0, 1, Behavioural = true, Unit = "threat", Source = "Spiral v1 default, not yet estimated",
        Meaning = "A defensive realist wants a CBM with a rival once its threat from that rival exceeds this.")]
    public double CbmThreatTrigger { get; init; } = 0.05;

    [ScenarioParameter(0, 1, Unit = "transparency", Source = "Holst 1983: CBMs as transparency",
        Meaning = "Transparency gained by each side when a CBM is signed.")]
    public double CbmTransparencyGain { get; init; } = 0.4;

    [ScenarioParameter(0, 1, Behavioural = true, Unit = "threat", Source = "Walt 1987: balance of threat",
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

    [ScenarioParameter(0, 1, Unit = "share of stocks", Source = "Spiral v1 default, not yet estimated",
        Meaning = "Share of military stocks the loser of a war loses (the winner loses half as much).")]
    public double WarCapabilityLoss { get; init; } = 0.35;

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

    // ======== Model v2 (DESIGN.md 3.1) ========

    // ---- v2 budget process (phase 6): Δln m = γ (ln m* − ln m) + δ Δln(threat) + mobilisation + ε ----

    [ScenarioParameter(0, 1, Behavioural = true, Unit = "share of the gap closed per year", Source = "partial adjustment of military burden (Smith 1989; Dunne & Smith 2007), estimated on the SIPRI burden panel 2010-2019 without Ukraine and Viet Nam (15 states, 135 changes): Nickell-corrected within estimate 0.123 (within 0.386, s.e. 0.076); `spiral estimate budget --exclude \"Ukraine,Viet Nam\"`, docs/reference/calibration.md",
        Meaning = "γ: share of the gap between the desired and the actual log military burden closed each year in peacetime (error correction).")]
    public double BudgetAdjustment { get; init; } = 0.12;

    [ScenarioParameter(0, 5, Behavioural = true, Unit = "log burden per log threat", Source = "short-run reaction to threat: Dunne & Smith 2007; assumption within the range of the demand-for-military-expenditure literature",
        Meaning = "δ: short-run change of the log burden per unit change of log insecurity (1 − security).")]
    public double ThreatReaction { get; init; } = 0.1;

    [ScenarioParameter(0, 5, Behavioural = true, Unit = "log burden per log insecurity", Source = "demand for military expenditure: Smith 1989; Nordhaus, Oneal & Russett 2012; assumption, estimated in the calibration issue",
        Meaning = "Long-run elasticity of a security-seeker's desired burden to its insecurity relative to the insecurity it started with: ln m* = ln m̄ + e·ln((1 − S)/(1 − S0)).")]
    public double BurdenThreatElasticity { get; init; } = 0.5;

    [ScenarioParameter(0, 1, Unit = "sd of log burden per year", Source = "yearly noise of budget decisions, estimated on the SIPRI burden panel 2010-2019 without Ukraine and Viet Nam: residual sd 0.0674 of the within fit (robust sd 0.034); `spiral estimate budget --exclude \"Ukraine,Viet Nam\"`, docs/reference/calibration.md",
        Meaning = "ε: sd of the yearly shock to the log burden; also the spread within a type that observers assume when they read arming (Kydd 2005: beliefs consistent with strategies).")]
    public double BudgetNoise { get; init; } = 0.067;

    [ScenarioParameter(0, 10, Unit = "sd of the budget noise", Source = "two standard deviations: a change the yearly budget noise alone produces about 5% of the time (two-sided); convention",
        Meaning = "A yearly change of the log burden beyond this many times budgetNoise is recorded as an arms buildup or an arms cut.")]
    public double ArmsChangeToRecord { get; init; } = 2.0;

    [ScenarioParameter(0, 1, Unit = "share of GDP", Source = "wartime mobilisation: Ukraine 2023 about 37% of GDP (SIPRI 2024); Rasler & Thompson 1985",
        Meaning = "Burden a state at war mobilises toward when its enemy holds all the capability of the pair; scaled by the enemy's share of the pair's capability.")]
    public double WartimeBurden { get; init; } = 0.35;

    [ScenarioParameter(0, 1, Unit = "share of the gap closed per year", Source = "Ukraine 2021-2022: 3.2% to 33.5% of GDP in one year (SIPRI 2024)",
        Meaning = "Share of the gap between the military share and its wartime desired burden closed in a year of war (of the share itself, not its logarithm, as its source measures it); mobilisation is fast.")]
    public double MobilisationSpeed { get; init; } = 0.9;

    [ScenarioParameter(0, 1, Unit = "share of the gap closed per year", Source = "US demobilisation 1945-1947 and 1953-1955; Rasler & Thompson 1985",
        Meaning = "Share of the gap between the military share and the peacetime desired burden closed in each year after a war, until the share is back down to it (of the share itself, as mobilisationSpeed).")]
    public double DemobilisationSpeed { get; init; } = 0.35;

    [ScenarioParameter(1, 10, Behavioural = true, Unit = "ratio", Source = "Glaser 2010: greedy states arm to expand; assumption",
        Meaning = "Desired burden of a greedy type as a multiple of its long-run level (what OffensiveRealist arms toward, and what observers expect of a greedy type).")]
    public double GreedyBurdenRatio { get; init; } = 1.5;

    [ScenarioParameter(0, 20, MinExclusive = true, Unit = "years", Source = "COW Inter-State War data: most interstate wars end within two years (Bennett & Stam 1996); assumption",
        Meaning = "Mean years a war lasts (geometric); while it lasts both sides are at war and mobilise.")]
    public double WarDurationYears { get; init; } = 1.5;

    // ---- v2 signals and beliefs (phases 2-3) ----

    [ScenarioParameter(0, 10, Unit = "sd of a signal per unit of σ", Source = "Keohane 1984: institutions provide information; assumption",
        Meaning = "r: noise of the institutional report of each state's behaviour, one shared draw a year that every observer reads: posture sd r·σ(1 − ι) + s_min, burden-change sd r·σ·k_arm(1 − ι) + the arming floor; no report when ι = 0. The report is of behaviour, never of the type.")]
    public double InstitutionalReportNoise { get; init; } = 1.0;

    [ScenarioParameter(0, 1, Behavioural = true, Unit = "probability", Source = "Jervis 1976 ch. 3 on misperception in crises; Lebow 1981",
        Meaning = "Chance that a side misreads the other's crisis move (a hold read as escalation) without a hotline; a hotline of strength H multiplies it by 1 − H (Schelling 1960).")]
    public double CrisisMisreading { get; init; } = 0.25;

    [ScenarioParameter(0, 2, Behavioural = true, Unit = "exponent", Source = "tempered Bayesian updating, as EvidenceWeight",
        Meaning = "Exponent on the likelihood ratio of a crisis move (demand, probe, escalation, holding, backing down) when beliefs are updated from crisis behaviour.")]
    public double CrisisEvidenceWeight { get; init; } = 0.5;

    // ---- v2 crises as bargaining (phase 7; Fearon 1995, Powell 2006) ----

    [ScenarioParameter(0, 2, Unit = "share of the pair's size", Source = "costs of interstate war: Glick & Taylor 2010; Stiglitz & Bilmes 2008 on Iraq; assumption, calibrated in the calibration issue",
        Meaning = "Cost of a war to each side, as a share of the pair's size √(Y_i·Y_j): a share of its own GDP when the enemy is its equal, heavier for the smaller side.")]
    public double WarCost { get; init; } = 0.1;

    [ScenarioParameter(0, 100, Unit = "share of own GDP", Source = "Snyder 1965; Jervis 1989: a nuclear exchange is catastrophic",
        Meaning = "Added cost of a war between two nuclear-armed states, as a share of each side's GDP (the stability-instability paradox).")]
    public double NuclearWarCost { get; init; } = 1.0;

    [ScenarioParameter(0, 5, Behavioural = true, Unit = "sd of log valuation", Source = "private information about resolve: Fearon 1995",
        Meaning = "Spread of each side's private valuation of the stake in a crisis, drawn per crisis around its resolve.")]
    public double ResolveSpread { get; init; } = 0.3;

    [ScenarioParameter(0, 1, Behavioural = true, Unit = "share of the stake per rung", Source = "audience costs: Fearon 1994",
        Meaning = "Cost of backing down, per rung climbed, as a share of the stake: backing down after escalating publicly costs face.")]
    public double AudienceCost { get; init; } = 0.05;

    [ScenarioParameter(1, 50, Unit = "years", Source = "Powell 2006: commitment problems under shifting power",
        Meaning = "Horizon over which a state projects the shift of relative power (from observed GDP growth and arming) when it weighs preventive war.")]
    public double PowerShiftHorizon { get; init; } = 10;

    [ScenarioParameter(0, 1, Unit = "share of the pair's size √(Y_i·Y_j)", Source = "disputes without a contested stake are over position and face; assumption",
        Meaning = "Value at issue in an incident between states with no contested stake, as a share of the pair's size √(Y_i·Y_j).")]
    public double FaceStake { get; init; } = 0.002;

    [ScenarioParameter(1, 44, Unit = "Kahn rung", Source = "Kahn 1965 rung 4, \"Hardening of positions\"; MID hostility level 3 (display of force) from here",
        Meaning = "First Kahn rung that counts as a display of force (MID hostility level 3); rungs below are threats (level 2).")]
    public int DisplayRung { get; init; } = 4;

    [ScenarioParameter(1, 44, Unit = "Kahn rung", Source = "Kahn 1965 rung 7, \"Harassing acts of violence\"; MID hostility level 4 (use of force) from here",
        Meaning = "First Kahn rung that counts as use of force (MID hostility level 4), up to the war rung.")]
    public int UseOfForceRung { get; init; } = 7;

    [ScenarioParameter(0, 1, Unit = "probability", Source = "MID 5.0, MIDs starting 1946-2014: (18.83% fatal − 1.68% war) / 69.18% use of force = 0.248 (data/conflict_base_rates.csv BR019-BR021)",
        Meaning = "Chance that a crisis reaching use of force (below war) has fatalities.")]
    public double FatalClashShare { get; init; } = 0.248;

    [ScenarioParameter(1, 10, Behavioural = true, Unit = "ratio", Source = "Glaser 2010: greedy states value expansion beyond security; assumption",
        Meaning = "How much more a greedy type values a contested stake than a security-seeker does: what makes it demand, and what observers read from crisis moves.")]
    public double GreedyStakeValue { get; init; } = 2.0;

    [ScenarioParameter(0, 10, Behavioural = true, Unit = "log likelihood ratio", Source = "Kydd 2005: revisionist demands as evidence of type; assumption (strong, not conclusive: security-seekers also press claims)",
        Meaning = "Evidence a demand over the stake gives observers that its maker is greedy, as a log likelihood ratio (before CrisisEvidenceWeight).")]
    public double DemandEvidence { get; init; } = 1.4;

    [ScenarioParameter(1, 44, Unit = "Kahn rung", Source = "Kahn 1965 rung 3, \"Solemn and formal declarations\"",
        Meaning = "Rung at which a crisis opened by a demand starts.")]
    public int DemandRung { get; init; } = 3;

    // ---- v2 alliances as commitments (Snyder 1984; Leeds 2003) ----

    [ScenarioParameter(0, 1, Unit = "probability", Source = "Leeds 2003: allies honour their commitments about 75% of the time (data/conflict_base_rates.csv)",
        Meaning = "Chance that an ally intervenes when a member of its alliance is at war; members plan with this reliability times the alliance's commitment.")]
    public double AllyInterventionProbability { get; init; } = 0.75;

    [ScenarioParameter(0, 1, Unit = "share of the war's cost", Source = "Snyder 1984; Olson & Zeckhauser 1966 on burden sharing; assumption",
        Meaning = "Share of a member's war cost an intervening ally bears (in proportion to its own GDP share of the coalition, capped by this).")]
    public double AllyCostShare { get; init; } = 0.5;

    public static ModelParameters Default { get; } = new();
}
