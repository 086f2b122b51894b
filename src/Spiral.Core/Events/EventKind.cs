namespace Spiral.Core.Events;

/// <summary>Typed events the kernel records (phase 8). Each maps to a CAMEO code and Goldstein weight in <see cref="EventCatalog"/>.</summary>
public enum EventKind : byte
{
    Incident,
    CrisisEscalated,
    CrisisDeEscalatedByHotline,
    CrisisBackDown,
    CrisisFaded,
    WarStarted,
    WarEnded,
    CbmProposed,
    CbmSigned,
    CbmBlocked,
    HotlineProposed,
    HotlineOpened,
    HotlineBlocked,
    HotlineClosed,
    AllianceFormed,
    AllianceLeft,
    ArmsBuildup,
    ArmsCut,
    ReassuranceGesture,
    BeliefShift,
    SpiralOnset,
    InternalUnrest,
    RegimeChange,
    EconomicShock,
    RivalryChanged,
    PolicyChanged,
    /// <summary>A demand over the dyad's contested stake that opens a crisis (Fearon 1995).</summary>
    Demand,
    /// <summary>A side yields the stake (or part of it) to end a crisis without war.</summary>
    Concession,
    /// <summary>A clash at the use-of-force level below war (MID level 4); <c>Value</c> is 1 when it had fatalities.</summary>
    UseOfForce,
    /// <summary>An ally enters a member's war (Leeds 2003); actor the ally, target the enemy.</summary>
    AllyIntervened,
    /// <summary>An ally stays out of a member's war: abandonment (Snyder 1984); actor the ally, target the member.</summary>
    AllyAbandoned,
    /// <summary>The end of a crisis: <c>Rung</c> the highest rung, <c>Mid</c> its MID level, <c>Value</c> 1 when fatal.</summary>
    CrisisOutcome,
}

/// <summary>How a war came about (Fearon 1995; Powell 2006; DESIGN.md 3.1.3).</summary>
public enum WarRoute : byte
{
    None,
    /// <summary>Private information: the side that chose war believed it paid (mutual optimism, a called bluff).</summary>
    PrivateInformation,
    /// <summary>A commitment problem: preventive war by a side expecting a large shift of power against it.</summary>
    CommitmentProblem,
    /// <summary>Pre-emption: fear of being struck first under a first-strike advantage.</summary>
    Preemption,
    /// <summary>Started by the scenario's timeline, not by the model.</summary>
    Scripted,
}

/// <summary>The concept of the security dilemma at work behind an event, for narration and teaching.</summary>
public enum Concept : byte
{
    None,
    Anarchy,
    UncertaintyOfIntentions,
    OffenseDefenseBalance,
    Distinguishability,
    PowerCompetition,
    HistoricalRivalry,
    FailureToEmpathize,
    InsecurityDilemma,
    DevelopmentPriority,
    AllianceSecurityDilemma,
    ArmsRace,
    Escalation,
    ConfidenceBuilding,
    Hotline,
    PreparednessWithoutProvocation,
    MultilateralEngagement,
    CostlyReassurance,
    Grit,
    Greed,
    Preemption,
    Spiral,
    Timeline,
    /// <summary>Crises as bargaining over a contested stake (Fearon 1995).</summary>
    Bargaining,
    /// <summary>Preventive war under a shift of power: the commitment problem (Powell 2006).</summary>
    CommitmentProblem,
    /// <summary>Nuclear deterrence and the stability-instability paradox (Snyder 1965; Jervis 1989).</summary>
    NuclearDeterrence,
    /// <summary>Wartime mobilisation and demobilisation of the budget (Rasler &amp; Thompson 1985).</summary>
    Mobilisation,
}
