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
    [ScenarioParameter(-9999, 9999, Unit = "calendar year", Meaning = "Calendar year simulated by step 1.")]
    public int StartYear { get; init; } = 2000;
    [ScenarioParameter(1, 1000, Unit = "years", Meaning = "Horizon in steps; step t simulates year startYear + t − 1.")]
    public int Steps { get; init; } = 50;
    public WorldParameters World { get; init; } = new();
    public ModelParameters Model { get; init; } = ModelParameters.Default;
    public required IReadOnlyList<StateSpec> States { get; init; }
    public IReadOnlyList<DyadSpec> Dyads { get; init; } = [];
    public IReadOnlyList<AllianceSpec> Alliances { get; init; } = [];
    public IReadOnlyList<TimelineEvent> Timeline { get; init; } = [];
    [ScenarioParameter(0, 1, Unit = "share", Meaning = "Reach r of every dyad that no dyad entry names (0 = cannot threaten).")]
    public double DefaultReach { get; init; }
    [ScenarioParameter(0, 1, Unit = "probability", Unset = "the other state's greedProbability",
        Meaning = "Every state's prior belief that each other state is greedy, unless a dyad sets one.")]
    public double? PriorBelief { get; init; }
    /// <summary>Where the numbers come from (free text, one entry per source).</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>Every problem of this scenario (<see cref="ScenarioValidator"/>); empty when it may run.</summary>
    public IReadOnlyList<ScenarioIssue> Validate() => ScenarioValidator.Validate(this);

    /// <summary>This scenario, if valid.</summary>
    /// <exception cref="InvalidScenarioException">It is not, with every problem.</exception>
    public Scenario EnsureValid()
    {
        var issues = Validate();
        return issues.Count == 0 ? this : throw new InvalidScenarioException(Name, issues);
    }

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

/// <summary>A state's initial condition and character; <see cref="Name"/> is unique (case-insensitive), used by dyads and events.</summary>
public sealed record StateSpec(
    string Name,
    [property: ScenarioParameter(0, 1e12, MinExclusive = true, Unit = "constant US$ billion", Meaning = "Y: GDP at the start (any consistent unit; the library uses constant US$ billion).")]
    double Gdp,
    [property: ScenarioParameter(-0.5, 0.5, Unit = "per year", Meaning = "g: trend GDP growth per year.")]
    double Growth = 0.03,
    [property: ScenarioParameter(0, 1, Unit = "share of GDP", Meaning = "m: military expenditure as a share of GDP.")]
    double MilitaryShare = 0.02,
    [property: ScenarioParameter(0, 1e15, Unit = "GDP unit × years", Unset = "the steady state of the initial investment, posture·m·Y/μ",
        Meaning = "O: offensive capability stock.")]
    double OffensiveStock = StateSpec.DerivedStock,
    [property: ScenarioParameter(0, 1e15, Unit = "GDP unit × years", Unset = "the steady state of the initial investment, (1 − posture)·m·Y/μ",
        Meaning = "D: defensive capability stock.")]
    double DefensiveStock = StateSpec.DerivedStock,
    [property: ScenarioParameter(0, 1, Unit = "offensive share", Meaning = "p: offensive share of new military investment.")]
    double Posture = 0.35,
    [property: ScenarioParameter(0, 1, Unit = "probability", Meaning = "Probability that this state's private type is Greedy, drawn once per run; also others' prior belief unless a dyad or priorBelief sets one.")]
    double GreedProbability = 0.0,
    [property: ScenarioParameter(0, 1, Unit = "share", Source = "Sørensen 2007", Meaning = "I: internal threat: ethnic unrest, insurgency, state failure.")]
    double InternalThreat = 0.0,
    [property: ScenarioParameter(0, 1, Unit = "share", Source = "Acharya 1995", Meaning = "κ: development priority capping the military share.")]
    double DevelopmentPriority = 0.0,
    [property: ScenarioParameter(0, 1, Unit = "share", Source = "Jervis 1976; Butterfield 1951", Meaning = "How much of a rival's arming this state recognises as a reaction to its own.")]
    double Empathy = 0.5,
    [property: ScenarioParameter(0, 1, Unit = "share", Meaning = "Willingness to stand firm in a crisis.")]
    double Resolve = 0.5)
{
    /// <summary>The value of <see cref="OffensiveStock"/> or <see cref="DefensiveStock"/> that means "derive from the initial investment".</summary>
    public const double DerivedStock = -1;

    [ScenarioParameter(0, 1, Unit = "share of GDP", Unset = "the initial militaryShare",
        Meaning = "m̄: long-run military burden the budget process returns to (DESIGN.md 3.1), public knowledge; for real cases the mean burden of the training years (SIPRI).")]
    public double? LongRunShare { get; init; }

    [ScenarioParameter(0, 1, Unit = "0 or 1", Source = "Snyder 1965; Jervis 1989",
        Meaning = "1 if the state has a survivable nuclear arsenal: a war between two such states costs the catastrophic nuclearWarCost.")]
    public int Nuclear { get; init; }

    /// <summary>
    /// Observed GDP by calendar year, in the unit of <see cref="Gdp"/> (DESIGN.md 3: GDP is an observed input series for
    /// real cases). In a year the series gives, phase 6 sets the state's GDP to the series value times the losses of the
    /// wars it fought in the run; other years grow from the last value as usual. Null or empty: growth only.
    /// </summary>
    public IReadOnlyDictionary<int, double>? GdpSeries { get; init; }

    /// <summary>The long-run burden m̄: <see cref="LongRunShare"/> if given, else the initial military share.</summary>
    public double LongRunBurden => LongRunShare ?? MilitaryShare;

    /// <summary>Policy the state follows when its type is Security.</summary>
    public PolicySpec Policy { get; init; } = new("DefensiveRealist");
    /// <summary>Policy the state follows when its drawn type is Greedy.</summary>
    public PolicySpec GreedyPolicy { get; init; } = new("OffensiveRealist");
    public IReadOnlyList<string> Identity { get; init; } = [];

    /// <summary>Initial offensive stock: given, or the steady state of the initial investment (p·m·Y/μ).</summary>
    public double InitialOffense(double depreciation) =>
        OffensiveStock != DerivedStock ? OffensiveStock : Posture * MilitaryShare * Gdp / depreciation;

    public double InitialDefense(double depreciation) =>
        DefensiveStock != DerivedStock ? DefensiveStock : (1 - Posture) * MilitaryShare * Gdp / depreciation;
}

/// <summary>A policy by catalog name with numeric parameters and, for <c>Scripted</c>, yearly series.</summary>
public sealed record PolicySpec(string Name)
{
    public IReadOnlyDictionary<string, double> Parameters { get; init; } = new Dictionary<string, double>();
    /// <summary>Yearly series by name (e.g. <c>militaryShare</c>, <c>posture</c>), keyed by calendar year.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<int, double>> Series { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<int, double>>();

}

/// <summary>An undirected dyad between states <see cref="A"/> and <see cref="B"/>; directed values override per direction where given.</summary>
public sealed record DyadSpec(
    string A,
    string B,
    [property: ScenarioParameter(0, 1, Unit = "share", Meaning = "r: ability to threaten each other (0 = cannot).")]
    double Reach = 1.0,
    [property: ScenarioParameter(0, 1, Unit = "share", Source = "Diehl & Goertz 2000", Meaning = "h: historical rivalry.")]
    double Rivalry = 0.0,
    [property: ScenarioParameter(0, 1, Unit = "share", Source = "Holst 1983", Meaning = "τ: accuracy-raising agreements and verification.")]
    double Transparency = 0.0,
    [property: ScenarioParameter(0, 1, Unit = "share", Source = "Schelling 1960", Meaning = "H: strength of a crisis communication channel.")]
    double Hotline = 0.0)
{
    [ScenarioParameter(0, 1, Unit = "share of the pair's size √(Y_A·Y_B)", Source = "Fearon 1995; Huth 1996 on territorial disputes",
        Meaning = "V: contested stake a war between A and B would be over (territory, sea lanes), as a share of the pair's size √(Y_A·Y_B), the geometric mean of their GDPs (war costs are measured in it too); 0 when nothing is contested. Spoils of a war are bounded by it.")]
    public double Stake { get; init; }
    [ScenarioParameter(0, 1, Unit = "probability", Unset = "B's greedProbability (or priorBelief)", Meaning = "A's prior belief that B is greedy.")]
    public double? BeliefAB { get; init; }
    [ScenarioParameter(0, 1, Unit = "probability", Unset = "A's greedProbability (or priorBelief)", Meaning = "B's prior belief that A is greedy.")]
    public double? BeliefBA { get; init; }
    [ScenarioParameter(0, 1, Unit = "share", Unset = "the dyad's reach", Meaning = "Reach of A over B where it differs from reach.")]
    public double? ReachAB { get; init; }
    [ScenarioParameter(0, 1, Unit = "share", Unset = "the dyad's reach", Meaning = "Reach of B over A where it differs from reach.")]
    public double? ReachBA { get; init; }
}

/// <summary>A balancing alliance: allies' defense counts for each member (Walt 1987; Snyder 1984 on the alliance security dilemma).</summary>
public sealed record AllianceSpec(
    string Name,
    IReadOnlyList<string> Members,
    [property: ScenarioParameter(0, 1, Unit = "share of capability", Source = "Snyder 1984", Meaning = "Share of an ally's capability that counts for each member.")]
    double Commitment = 0.5);

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
    /// <summary>War between the two actors, first attacking second; <c>value</c>, if given, is how many years it lasts (else drawn).</summary>
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
