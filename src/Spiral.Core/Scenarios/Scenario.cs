using Spiral.Core.Parameters;

namespace Spiral.Core.Scenarios;

/// <summary>
/// A complete, validated description of a case: states, dyads, alliances, world parameters and a dated
/// timeline. Scenarios are values: the loader (Spiral.IO) builds them from YAML, tests build them in code.
/// </summary>
public sealed record Scenario
{
    public required string Name { get; init; }
    public string Title { get; init; } = "";
    public string Description { get; init; } = "";
    public int StartYear { get; init; } = 2000;
    /// <summary>Horizon in steps (years).</summary>
    public int Steps { get; init; } = 50;
    public WorldParameters World { get; init; } = new();
    public ModelParameters Model { get; init; } = ModelParameters.Default;
    public required IReadOnlyList<StateSpec> States { get; init; }
    public IReadOnlyList<DyadSpec> Dyads { get; init; } = [];
    public IReadOnlyList<AllianceSpec> Alliances { get; init; } = [];
    public IReadOnlyList<TimelineEvent> Timeline { get; init; } = [];
    /// <summary>Reach of every dyad that no <see cref="DyadSpec"/> names (0 = cannot threaten).</summary>
    public double DefaultReach { get; init; }
    /// <summary>Every state's prior belief that each other state is greedy, unless a dyad sets one; null = the other's greed probability.</summary>
    public double? PriorBelief { get; init; }
    /// <summary>Where the numbers come from (free text, one entry per source).</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    public int IndexOf(string stateName)
    {
        for (var i = 0; i < States.Count; i++)
        {
            if (string.Equals(States[i].Name, stateName, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        return -1;
    }
}

/// <summary>A state's initial condition and character.</summary>
/// <param name="Name">Unique name (case-insensitive), used by dyads and events.</param>
/// <param name="Gdp">GDP Y (any consistent unit; the library uses constant 2023 US$ billion).</param>
/// <param name="Growth">g: trend GDP growth per year.</param>
/// <param name="MilitaryShare">m: military expenditure as a share of GDP.</param>
/// <param name="OffensiveStock">O: offensive capability stock (same unit as GDP × years).</param>
/// <param name="DefensiveStock">D: defensive capability stock.</param>
/// <param name="Posture">p: offensive share of new military investment.</param>
/// <param name="GreedProbability">Probability that this state's private type is Greedy, drawn once per run; also others' prior belief unless a dyad sets one.</param>
/// <param name="InternalThreat">I in [0,1]: ethnic unrest, insurgency, state failure (Sørensen 2007).</param>
/// <param name="DevelopmentPriority">κ in [0,1]: development priority capping the military share (Acharya 1995).</param>
/// <param name="Empathy">In [0,1]: how much of a rival's arming this state recognises as a reaction to its own (Jervis 1976; Butterfield 1951).</param>
/// <param name="Resolve">In [0,1]: willingness to stand firm in a crisis.</param>
public sealed record StateSpec(
    string Name,
    double Gdp,
    double Growth = 0.03,
    double MilitaryShare = 0.02,
    double OffensiveStock = -1,
    double DefensiveStock = -1,
    double Posture = 0.35,
    double GreedProbability = 0.0,
    double InternalThreat = 0.0,
    double DevelopmentPriority = 0.0,
    double Empathy = 0.5,
    double Resolve = 0.5)
{
    /// <summary>Policy the state follows when its type is Security.</summary>
    public PolicySpec Policy { get; init; } = new("DefensiveRealist");
    /// <summary>Policy the state follows when its drawn type is Greedy.</summary>
    public PolicySpec GreedyPolicy { get; init; } = new("OffensiveRealist");
    public IReadOnlyList<string> Identity { get; init; } = [];

    /// <summary>Initial offensive stock: given, or the steady state of the initial investment (p·m·Y/μ).</summary>
    public double InitialOffense(double depreciation) =>
        OffensiveStock >= 0 ? OffensiveStock : Posture * MilitaryShare * Gdp / depreciation;

    public double InitialDefense(double depreciation) =>
        DefensiveStock >= 0 ? DefensiveStock : (1 - Posture) * MilitaryShare * Gdp / depreciation;
}

/// <summary>A policy by catalog name with numeric parameters and, for <c>Scripted</c>, yearly series.</summary>
public sealed record PolicySpec(string Name)
{
    public IReadOnlyDictionary<string, double> Parameters { get; init; } = new Dictionary<string, double>();
    /// <summary>Yearly series by name (e.g. <c>militaryShare</c>, <c>posture</c>), keyed by calendar year.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<int, double>> Series { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<int, double>>();

    public double Get(string name, double fallback) =>
        Parameters.TryGetValue(name, out var v) ? v : fallback;
}

/// <summary>An undirected dyad's relationship; directed values override per direction where given.</summary>
/// <param name="A">First state name.</param>
/// <param name="B">Second state name.</param>
/// <param name="Reach">r in [0,1]: ability to threaten each other (0 = cannot).</param>
/// <param name="Rivalry">h in [0,1]: historical rivalry (Diehl &amp; Goertz 2000).</param>
/// <param name="Transparency">τ in [0,1]: accuracy-raising agreements and verification.</param>
/// <param name="Hotline">H in [0,1]: strength of a crisis communication channel.</param>
public sealed record DyadSpec(
    string A,
    string B,
    double Reach = 1.0,
    double Rivalry = 0.0,
    double Transparency = 0.0,
    double Hotline = 0.0)
{
    /// <summary>A's prior belief that B is greedy; null = B's greed probability.</summary>
    public double? BeliefAB { get; init; }
    /// <summary>B's prior belief that A is greedy; null = A's greed probability.</summary>
    public double? BeliefBA { get; init; }
    /// <summary>Reach of A over B if it differs from <see cref="Reach"/>.</summary>
    public double? ReachAB { get; init; }
    /// <summary>Reach of B over A if it differs from <see cref="Reach"/>.</summary>
    public double? ReachBA { get; init; }
}

/// <summary>A balancing alliance: allies' defense counts for each member (Walt 1987; Snyder 1984 on the alliance security dilemma).</summary>
public sealed record AllianceSpec(string Name, IReadOnlyList<string> Members, double Commitment = 0.5);

/// <summary>Kinds of dated scenario events (phase 1).</summary>
public enum TimelineEventKind
{
    /// <summary>A CBM between two states: transparency rises by <c>value</c> (default the model's CBM gain).</summary>
    CbmSigned,
    /// <summary>A hotline between two states with strength <c>value</c> (default 1).</summary>
    HotlineOpened,
    HotlineClosed,
    /// <summary>A new regime: the state's type is redrawn with greed probability <c>value</c>.</summary>
    RegimeChange,
    /// <summary>An economic shock: GDP multiplied by (1 + value).</summary>
    EconomicShock,
    /// <summary>Internal unrest: internal threat rises by <c>value</c>.</summary>
    InternalUnrest,
    /// <summary>War between the two actors, first attacking second.</summary>
    War,
    /// <summary>An incident between two states that opens a crisis at rung <c>value</c> (default 1).</summary>
    Incident,
    /// <summary>The actors form or join an alliance named in <c>name</c>.</summary>
    AllianceJoined,
    AllianceLeft,
    /// <summary>Sets the dyad's rivalry to <c>value</c>.</summary>
    RivalryChange,
    /// <summary>Sets the state's military share to <c>value</c> (a budget decision taken outside the model).</summary>
    MilitaryShareSet,
    /// <summary>Sets a world parameter named in <c>name</c> to <c>value</c>.</summary>
    WorldParameterSet,
}

/// <summary>A dated event of the scenario's timeline, applied at the start of its year.</summary>
public sealed record TimelineEvent(int Year, TimelineEventKind Kind, IReadOnlyList<string> Actors, double? Value = null)
{
    public string? Name { get; init; }
    public string Description { get; init; } = "";
    public string Source { get; init; } = "";
}
