using Spiral.Core.Events;
using Spiral.Core.Parameters;
using Spiral.Core.Policies;
using Spiral.Core.Scenarios;
using Spiral.Numerics.Random;

namespace Spiral.Core.Model;

/// <summary>
/// The state of one run as struct-of-arrays: per-state arrays of length N and dyad arrays of length N×N
/// indexed <c>i * N + j</c> for the directed dyad i→j ("what i holds about j"). Built by
/// <see cref="WorldFactory"/>, advanced by <see cref="Kernel"/>. Private types live in <see cref="IsGreedy"/>,
/// which policies cannot read (they see a <see cref="PolicyContext"/>).
/// </summary>
public sealed class World
{
    public World(Scenario scenario, int n, EventLog? events = null)
    {
        Scenario = scenario;
        N = n;
        P = scenario.Model;
        Names = new string[n];
        Gdp = new double[n]; Growth = new double[n]; MilitaryShare = new double[n]; Milex = new double[n];
        PreviousMilex = new double[n]; MilexGrowth = new double[n]; Offense = new double[n]; Defense = new double[n];
        Posture = new double[n]; GreedProbability = new double[n]; InternalThreat = new double[n];
        InternalThreatNext = new double[n]; DevelopmentPriority = new double[n]; Empathy = new double[n];
        Resolve = new double[n]; Security = new double[n]; PreviousSecurity = new double[n];
        LongRunShare = new double[n]; ReferenceInsecurity = new double[n]; Nuclear = new bool[n]; BurdenChange = new double[n];
        WarGdpFactor = new double[n]; Demobilising = new bool[n]; ObservedGdp = new double[n][];
        AlliedDefense = new double[n]; AlliedOffense = new double[n];
        Alliance = new int[n];
        AllianceCommitment = new double[n + scenario.Alliances.Count + scenario.Timeline.Count + 1];
        AllianceNames = new string?[AllianceCommitment.Length];
        IsGreedy = new bool[n];
        DesiredBurden = new double[n]; NextPosture = new double[n];
        BalanceAgainst = new int[n]; Reassure = new bool[n]; ForcedMilitaryShare = new double[n];
        SecurityPolicies = new IPolicy[n]; GreedyPolicies = new IPolicy[n];
        var nn = n * n;
        Reach = new double[nn]; Rivalry = new double[nn]; SharedIdentity = new double[nn]; Belief = new double[nn];
        PreviousBelief = new double[nn]; PriorBelief = new double[nn]; Transparency = new double[nn]; Hotline = new double[nn]; Relations = new double[nn];
        StepGoldstein = new double[nn]; ObservedPosture = new double[nn]; ObservedMilex = new double[nn];
        ObservedArming = new double[nn]; Vulnerability = new double[nn]; Threat = new double[nn];
        BeliefCause = new Concept[nn]; CooldownUntil = new int[nn]; LastCrisisStep = new int[nn];
        Cbm = new bool[nn]; CbmIntent = new DiplomacyIntent[nn]; HotlineIntent = new DiplomacyIntent[nn];
        Probe = new bool[nn]; OpponentCrisisMove = new CrisisMove[nn];
        Stake = new double[nn]; WarUntil = new int[nn]; Demand = new bool[nn];
        ReferenceVulnerability = new double[nn]; PreviousVulnerability = new double[nn];
        ReportedArming = new double[n]; ReportedPosture = new double[n];
        Scratch = new double[ScratchRow.Count * n];
        InsecurityMoved = new bool[nn];
        CrisisMoveLlr = new double[3];
        Array.Fill(BalanceAgainst, -1);
        Events = events ?? new EventLog();
        Events.Clear();
        _cleared =
        [
            Names, Gdp, Growth, MilitaryShare, Milex, PreviousMilex, MilexGrowth, Offense, Defense, Posture, GreedProbability,
            InternalThreat, InternalThreatNext, DevelopmentPriority, Empathy, Resolve, Security, PreviousSecurity, LongRunShare,
            ReferenceInsecurity, BurdenChange, WarGdpFactor, AlliedDefense, AlliedOffense, AllianceCommitment, DesiredBurden,
            NextPosture, ForcedMilitaryShare, Reach, Rivalry, SharedIdentity, Belief, PreviousBelief, PriorBelief, Transparency,
            Hotline, Relations, StepGoldstein, ObservedPosture, ObservedMilex, ObservedArming, Vulnerability, Threat, Stake,
            ReferenceVulnerability, PreviousVulnerability, ReportedArming, ReportedPosture, Nuclear, Demobilising, IsGreedy,
            Reassure, Cbm, Probe, Demand, ObservedGdp, Alliance, AllianceNames, BeliefCause, CooldownUntil, LastCrisisStep,
            WarUntil, CbmIntent, HotlineIntent, OpponentCrisisMove, InsecurityMoved,
        ];
    }

    /// <summary>
    /// Rows of N a phase fills before it reads them (<see cref="ScratchRow"/> names each and counts them). Written before
    /// it is read each year, so it carries nothing between years or runs.
    /// </summary>
    internal readonly double[] Scratch;

    /// <summary>
    /// Phase 3, per dyad i→j: true when i's capability has moved j's insecurity since the start (false as between states
    /// that cannot reach each other). Written before it is read each year.
    /// </summary>
    internal readonly bool[] InsecurityMoved;

    /// <summary>
    /// The log likelihood ratio (greedy over security) of a crisis move seen, indexed by move + 1 (back down, hold,
    /// escalate): a function of the model's constants only, computed once per world (<see cref="Crisis"/>).
    /// </summary>
    internal readonly double[] CrisisMoveLlr;

    /// <summary>Every array <see cref="Reset"/> clears: all but the policies and <see cref="BalanceAgainst"/> (filled with −1).</summary>
    private readonly Array[] _cleared;

    /// <summary>
    /// True when this world's arrays have the shape <paramref name="scenario"/> needs (state count, alliance slots), so
    /// that <see cref="WorldFactory.Create"/> can re-initialise it instead of allocating a new one.
    /// </summary>
    internal bool Fits(Scenario scenario) =>
        scenario.States.Count == N && AllianceCommitment.Length == N + scenario.Alliances.Count + scenario.Timeline.Count + 1;

    /// <summary>
    /// Puts every array and scalar back to what the constructor leaves (zeros, <see cref="BalanceAgainst"/> −1, an empty
    /// event log) for <paramref name="scenario"/>, which must <see cref="Fits"/>: the state a fresh world starts from, so a
    /// worker reuses one world across runs (issue 18). Policies are kept; the factory replaces those that carry state.
    /// </summary>
    internal void Reset(Scenario scenario, EventLog? events)
    {
        Scenario = scenario;
        P = scenario.Model;
        Step = 0;
        Seed = 0;
        AllianceCount = 0;
        ScriptedContext = false;
        AlliedCapabilitiesCurrent = false;
        OffenseAdvantage = Distinguishability = Institutions = ObservationNoise = Depreciation = IncidentBaseRate = 0;
        foreach (var a in _cleared)
        {
            Array.Clear(a);
        }
        Array.Fill(BalanceAgainst, -1);
        if (events is not null)
        {
            Events = events;
        }
        Events.Clear();
    }

    public Scenario Scenario { get; private set; }
    public ModelParameters P { get; private set; }
    public int N { get; }
    /// <summary>Steps completed; while step t (1-based, <see cref="Recording.TimeConvention"/>) runs, <c>Step</c> is t − 1.</summary>
    public int Step { get; internal set; }
    /// <summary>The calendar year of the step being simulated, Y(Step + 1).</summary>
    public int Year => Recording.TimeConvention.Year(Scenario.StartYear, Step + 1);
    public readonly string[] Names;

    // World parameters: mutable because the timeline may change them (phase 1); copied from WorldParameters.
    public double OffenseAdvantage, Distinguishability, Institutions, ObservationNoise, Depreciation, IncidentBaseRate;

    /// <summary>The world parameters in force, as a record (the catalog's form).</summary>
    public WorldParameters WorldParameters =>
        new(OffenseAdvantage, Distinguishability, Institutions, ObservationNoise, Depreciation, IncidentBaseRate);

    /// <summary>Puts <paramref name="p"/> in force: at creation, and when the timeline sets a world parameter.</summary>
    public void Apply(WorldParameters p)
    {
        OffenseAdvantage = p.OffenseAdvantage;
        Distinguishability = p.Distinguishability;
        Institutions = p.Institutions;
        ObservationNoise = p.ObservationNoise;
        Depreciation = p.Depreciation;
        IncidentBaseRate = p.IncidentBaseRate;
    }

    // ---- per state ----
    public readonly double[] Gdp, Growth, MilitaryShare, Milex, PreviousMilex, MilexGrowth;
    public readonly double[] Offense, Defense, Posture, GreedProbability, InternalThreat, InternalThreatNext;
    public readonly double[] DevelopmentPriority, Empathy, Resolve, Security, PreviousSecurity;
    /// <summary>m̄: the long-run burden the budget process returns to (public).</summary>
    public readonly double[] LongRunShare;
    /// <summary>1 − S at the start of the run: the insecurity the long-run burden answers (budget process, DESIGN.md 3.1.1).</summary>
    public readonly double[] ReferenceInsecurity;
    /// <summary>Δln m of the last budget year: the change of the military burden, net of GDP growth (the arming signal, DESIGN.md 3.1.2).</summary>
    public readonly double[] BurdenChange;
    /// <summary>
    /// Cumulative multiplier of GDP from the model wars the state fought in this run (costs and spoils; 1 before any war;
    /// scripted wars are left out, see <see cref="ScaleGdpByWar"/>). Where an observed GDP series covers a year, the
    /// state's GDP is the series value times this factor, so a model war still costs.
    /// </summary>
    public readonly double[] WarGdpFactor;
    /// <summary>True from a war until the burden is back down to the peacetime desired burden (demobilisation, phase 6).</summary>
    public readonly bool[] Demobilising;
    /// <summary>Observed GDP per state by step offset (index t − 1 for step t), NaN where the scenario's series has no value; empty without a series.</summary>
    public readonly double[][] ObservedGdp;
    /// <summary>Nuclear status (Snyder 1965; Jervis 1989).</summary>
    public readonly bool[] Nuclear;
    /// <summary>D_i plus committed allies' defense (phase 4).</summary>
    public readonly double[] AlliedDefense;
    /// <summary>Committed allies' offense (excluding the state's own), read by rivals as part of its threat.</summary>
    public readonly double[] AlliedOffense;
    /// <summary>Alliance id of each state, -1 for none.</summary>
    public readonly int[] Alliance;
    public readonly double[] AllianceCommitment;
    public readonly string?[] AllianceNames;
    internal int AllianceCount;
    /// <summary>Private types θ: true for Greedy. Never exposed to policies.</summary>
    internal readonly bool[] IsGreedy;

    // ---- per dyad i→j ----
    public readonly double[] Reach, Rivalry, SharedIdentity, Belief, PreviousBelief, PriorBelief, Transparency, Hotline, Relations, StepGoldstein;
    public readonly double[] ObservedPosture, ObservedMilex, ObservedArming, Threat;
    /// <summary>v_ij from the contest function (phase 4, which writes every dyad but the diagonal, always 0, every year).</summary>
    public double[] Vulnerability { get; private set; }
    /// <summary>v_ij at the start of the run, against which an observer reads how far its own arming moved j's insecurity (phase 3).</summary>
    public readonly double[] ReferenceVulnerability;
    /// <summary>v_ij of the year before the last assessment (phase 3 keeps it), for the short-run budget reaction.</summary>
    public double[] PreviousVulnerability { get; private set; }

    /// <summary>
    /// Phase 3, after reading this year's vulnerabilities: they become the previous ones. The two arrays are swapped rather
    /// than copied (issue 18): phase 4, next, writes every element of <see cref="Vulnerability"/> but the diagonal, which is 0
    /// in both arrays from <see cref="Reset"/> on, so the result is the copy's, bit for bit.
    /// </summary>
    internal void KeepVulnerabilityAsPrevious() => (Vulnerability, PreviousVulnerability) = (PreviousVulnerability, Vulnerability);
    /// <summary>
    /// The institutional report of this year (phase 2, when ι &gt; 0): each state's burden change and posture with the
    /// report's noise, one draw per state shared by every observer (Keohane 1984). A report of behaviour, never of type.
    /// </summary>
    public readonly double[] ReportedArming, ReportedPosture;
    public readonly Concept[] BeliefCause;
    public readonly int[] CooldownUntil, LastCrisisStep;
    public readonly bool[] Cbm;
    /// <summary>V_ij: the contested stake of the dyad, as a share of the pair's size √(Y_i·Y_j) (symmetric).</summary>
    public readonly double[] Stake;
    /// <summary>Step through which a war between i and j lasts (symmetric); -1 or less when at peace.</summary>
    public readonly int[] WarUntil;

    // ---- decision buffers (phase 5, double-buffered) ----
    /// <summary>m*: the burden each policy desires this year (phase 5); the budget process of phase 6 moves toward it.</summary>
    public readonly double[] DesiredBurden;
    public readonly double[] NextPosture;
    /// <summary>
    /// NaN unless the military share is set outside the budget process this year: by a timeline event (phase 1) or by a
    /// policy that follows observed data (<see cref="PolicyContext.ForceMilitaryShare"/>); phase 6 applies it as given.
    /// </summary>
    public readonly double[] ForcedMilitaryShare;
    public readonly int[] BalanceAgainst;
    public readonly bool[] Reassure;
    public readonly DiplomacyIntent[] CbmIntent, HotlineIntent;
    public readonly bool[] Probe;
    /// <summary>Phase 5: i demands the contested stake from j this year (opens a crisis in phase 7).</summary>
    public readonly bool[] Demand;
    /// <summary>In a running crisis, the last move of j against i, at index i*N+j.</summary>
    public readonly CrisisMove[] OpponentCrisisMove;

    public readonly IPolicy[] SecurityPolicies, GreedyPolicies;

    public IPolicy PolicyOf(int i) => IsGreedy[i] ? GreedyPolicies[i] : SecurityPolicies[i];

    public EventLog Events { get; private set; }

    // ---- random streams, one per purpose (DESIGN.md section 8) ----
    internal RandomStream TypeRng, ObserveRng, IncidentRng, CrisisRng, PolicyRng, TimelineRng, BudgetRng;

    /// <summary>The run seed these streams were derived from.</summary>
    public ulong Seed { get; internal set; }

    /// <summary>The institutional reports' stream (phase 2): one report per state and year, shared by all observers.</summary>
    internal RandomStream InstitutionsRng;

    /// <summary>True type of state i, for recording and metrics after the fact (never for policies).</summary>
    public bool TrueTypeIsGreedy(int i) => IsGreedy[i];

    public int Index(int i, int j) => i * N + j;

    /// <summary>Military share cap from development priority κ (Acharya 1995).</summary>
    public double MilitaryShareCap(int i) =>
        P.MaxMilitaryShare * (1 - DevelopmentPriority[i]) + P.DevelopmentMilitaryShare * DevelopmentPriority[i];

    /// <summary>
    /// Insecurity 1 − S, kept above a tiny positive number so that its logarithm (the budget process and the
    /// defensive realist's desired burden read ln(1 − S)) is finite for a perfectly secure state.
    /// </summary>
    public static double Insecurity(double security) => Math.Max(1e-6, 1 - security);

    /// <summary>
    /// Multiplies i's GDP by <paramref name="factor"/> because of a war (its cost or spoils). A model war's factor is
    /// remembered in <see cref="WarGdpFactor"/>, which scales every later year of an observed GDP series (the observed
    /// economy did not have this war). A <paramref name="scripted"/> war is history: an observed series already holds its
    /// losses, so it changes no year the series gives and is never remembered; in a year the series does not give it
    /// scales the simulated GDP, which then grows on from there.
    /// </summary>
    public void ScaleGdpByWar(int i, double factor, bool scripted = false)
    {
        if (scripted && ObservesGdp(i))
        {
            return;
        }
        Gdp[i] *= factor;
        if (!scripted)
        {
            WarGdpFactor[i] *= factor;
        }
    }

    /// <summary>True when i's observed GDP series gives the year of the current step.</summary>
    public bool ObservesGdp(int i) => Step < ObservedGdp[i].Length && !double.IsNaN(ObservedGdp[i][Step]);

    public bool AreAllies(int i, int j) => i != j && Alliance[i] >= 0 && Alliance[i] == Alliance[j];

    /// <summary>True while i and j are at war with each other.</summary>
    public bool AtWar(int i, int j) => WarUntil[i * N + j] >= Step;

    /// <summary>True while i is at war with anyone.</summary>
    public bool AtWar(int i)
    {
        for (var j = 0; j < N; j++)
        {
            if (j != i && WarUntil[i * N + j] >= Step)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// True while <see cref="AlliedDefense"/> and <see cref="AlliedOffense"/> are known to match the capabilities and
    /// alliances: only inside phase 7, from its start until a war changes capabilities (<see cref="Phases.AssessPhase.RefreshAlliedCapabilities"/>).
    /// </summary>
    internal bool AlliedCapabilitiesCurrent;

    /// <summary>True while phase 1 applies the scenario's timeline: every event recorded then is scripted.</summary>
    internal bool ScriptedContext;

    /// <summary>MID hostility level of a Kahn rung: 2 threat, 3 display of force, 4 use of force, 5 war (Palmer et al. 2022).</summary>
    public byte MidLevel(int rung) =>
        rung >= P.WarRung ? MidHostility.War
        : rung >= P.UseOfForceRung ? MidHostility.UseOfForce
        : rung >= P.DisplayRung ? MidHostility.Display
        : rung > 0 ? MidHostility.Threat : (byte)0;

    /// <summary>
    /// Records an event of the step being simulated (step t = <see cref="Step"/> + 1 and its year Y(t), the numbering
    /// of recorded rows) and adds its Goldstein weight to the dyad's score for this year.
    /// </summary>
    public void AddEvent(EventKind kind, int actor, int target, int rung = 0, double value = 0, Concept concept = Concept.None,
        WarRoute route = WarRoute.None)
    {
        var mid = kind is EventKind.Incident or EventKind.Demand or EventKind.CrisisEscalated or EventKind.UseOfForce
            or EventKind.WarStarted or EventKind.CrisisOutcome ? MidLevel(rung) : (byte)0;
        Events.Add(new SimEvent(Step + 1, Year, kind, (short)actor, (short)target, (short)rung, value, concept, mid, ScriptedContext, route));
        if (target >= 0 && actor >= 0 && actor != target)
        {
            var g = EventCatalog.Goldstein(kind);
            StepGoldstein[actor * N + target] += g;
            StepGoldstein[target * N + actor] += g;
        }
    }
}

/// <summary>What a state wants of an agreement this year (phase 5).</summary>
public enum DiplomacyIntent : byte
{
    None,
    /// <summary>Proposes, or accepts if the other proposes.</summary>
    Propose,
    /// <summary>Would want it, but mistrust forbids: a diplomatic constraint of the security dilemma.</summary>
    BlockedByMistrust,
}

/// <summary>A move at one rung of a crisis.</summary>
public enum CrisisMove : sbyte
{
    BackDown = -1,
    Hold = 0,
    Escalate = 1,
}

/// <summary>
/// The rows of <see cref="World.Scratch"/>, by what a phase keeps in them within one year. Phase 2 uses rows 0 and 1
/// for an observer row's draws; phase 3 then fills every row before it reads it; phase 4 uses row 0.
/// </summary>
internal static class ScratchRow
{
    /// <summary>Phase 2: an observer row's posture draws.</summary>
    public const int PostureDraw = 0;

    /// <summary>Phase 2: an observer row's arming draws.</summary>
    public const int ArmingDraw = 1;

    /// <summary>Phase 4, per state row: each dyad's factor of the state's security.</summary>
    public const int SecurityFactor = 0;

    /// <summary>Phase 3, per actor: ln m before its last budget year.</summary>
    public const int LogBefore = 0;

    /// <summary>Phase 3, per actor: ln of its burden cap.</summary>
    public const int LogCap = 1;

    /// <summary>Phase 3, per actor: the greedy type's error-correction term.</summary>
    public const int GreedyAdjustment = 2;

    /// <summary>Phase 3, per actor: the security type's expected change where the observer has not moved its insecurity.</summary>
    public const int UnmovedSecurity = 3;

    /// <summary>Phase 3, per actor: the institutional posture report's log likelihood ratio.</summary>
    public const int ReportPostureLlr = 4;

    /// <summary>Phase 3, per actor: ln of its long-run burden.</summary>
    public const int LogLongRun = 5;

    /// <summary>Phase 3, per observer row: the posture reading's log likelihood ratio.</summary>
    public const int PostureLlr = 6;

    /// <summary>Phase 3, per observer row: the arming reading's log likelihood ratio.</summary>
    public const int ArmingLlr = 7;

    /// <summary>Phase 3, per observer row: the institutional reports' log likelihood ratio.</summary>
    public const int ReportLlr = 8;

    /// <summary>Phase 3, per observer row: the year's total log likelihood ratio (posture, arming, reports).</summary>
    public const int Evidence = 9;

    /// <summary>How many rows there are.</summary>
    public const int Count = 10;
}
