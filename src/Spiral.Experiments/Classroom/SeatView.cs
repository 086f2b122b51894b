using Spiral.Core.Policies;

namespace Spiral.Experiments.Classroom;

/// <summary>
/// What one seat sees in a year (fog of war, DESIGN.md section 11), built only from its state's policy window
/// (<see cref="Spiral.Core.Policies.PolicyContext"/>): its own state and own type, its noisy observations of the others,
/// its beliefs and threats, public capabilities, the crises it was in, offers made to it and messages addressed to it.
/// Never another state's type (until the teacher reveals them) nor another seat's pending decision.
/// </summary>
/// <remarks>Year: The calendar year now open for decisions.</remarks>
/// <remarks>YearsLeft: Years still to play, this one included.</remarks>
/// <remarks>Decided: True when this seat has already decided this year.</remarks>
/// <remarks>Ended: True when the game is over.</remarks>
/// <remarks>StateNames: every state in index order (the indices of <see cref="AcceptedDecision"/>).</remarks>
/// <remarks>AcceptedDecision: this seat's own decision for the open year once accepted, else null.</remarks>
public sealed record SeatView(
    string State,
    int Year,
    int YearsLeft,
    bool Decided,
    bool Ended,
    OwnStateView Own,
    IReadOnlyList<OtherStateView> Others,
    IReadOnlyList<CrisisView> Crises,
    IReadOnlyList<OfferView> Offers,
    IReadOnlyList<MessageView> Messages,
    IReadOnlyList<SeatEventView> Events,
    IReadOnlyList<string> StateNames,
    SeatDecision? AcceptedDecision,
    IReadOnlyList<OwnHistoryPoint> OwnHistory,
    IReadOnlyList<SeatHistoryPoint> History);

/// <summary>The seat's own burden and security at the end of a past year.</summary>
public sealed record OwnHistoryPoint(int Year, double MilitaryShare, double Security);

/// <summary>What the seat believed and observed about <paramref name="About"/> at the end of a past year.</summary>
public sealed record SeatHistoryPoint(int Year, string About, double Belief, double ObservedMilex, double ObservedPosture);

/// <summary>The seat's own state (including its own type, which it knows).</summary>
/// <remarks>Type: "Security" or "Greedy": its own private type.</remarks>
/// <remarks>DesiredBurdenFloor: The minimum deterrent burden.</remarks>
/// <remarks>DesiredBurdenCap: The highest burden its development priority allows.</remarks>
/// <remarks>WarRung: The Kahn rung at which a crisis is war, for its crisis stances.</remarks>
public sealed record OwnStateView(
    string Type,
    double Gdp,
    double MilitaryShare,
    double Milex,
    double Offense,
    double Defense,
    double Posture,
    double Security,
    double InternalThreat,
    double LongRunShare,
    double DesiredBurdenFloor,
    double DesiredBurdenCap,
    bool Nuclear,
    bool AtWar,
    int WarRung);

/// <summary>Another state as this seat sees it: public capabilities, its noisy observations, its belief and threat.</summary>
/// <remarks>Belief: This seat's belief that the state is greedy (the model's Bayesian belief).</remarks>
/// <remarks>RevealedType: The state's type after the teacher revealed types, else null.</remarks>
public sealed record OtherStateView(
    string State,
    double Gdp,
    double Offense,
    double Defense,
    bool Nuclear,
    double ObservedMilex,
    double ObservedPosture,
    double ObservedArming,
    double Belief,
    double Threat,
    double Vulnerability,
    double Reach,
    double Rivalry,
    double Stake,
    double Transparency,
    double Hotline,
    bool Cbm,
    bool Ally,
    bool AtWar,
    int? LastCrisisYear,
    string? RevealedType);

/// <summary>A crisis event this seat was party to: its kind, the rung reached and the MID level.</summary>
public sealed record CrisisView(int Year, string Kind, string Opponent, string Actor, int Rung, int MidLevel);

/// <summary>An open offer to this seat for this year: a CBM or hotline the other proposed last year, or a mediator's CBM offer.</summary>
public sealed record OfferView(string Kind, string From);

public sealed record MessageView(int Year, string From, string? To, string Text);

/// <summary>A public event involving this seat (diplomacy, alliances, wars, shocks).</summary>
public sealed record SeatEventView(int Year, string Kind, string Actor, string? Target, double Value);
