using Spiral.Core.Model;
using Spiral.Core.Model.Phases;
using Spiral.Core.Parameters;
using Spiral.Numerics.Random;

namespace Spiral.Core.Policies;

/// <summary>
/// The window through which a policy sees the world and writes its decisions: its own state (and own type),
/// public capabilities and GDP, its noisy observations, beliefs and assessed threats. No member exposes another
/// state's private type; a test enforces that.
/// </summary>
public readonly ref struct PolicyContext
{
    private readonly World _w;
    private readonly int _i;

    public PolicyContext(World world, int self)
    {
        _w = world;
        _i = self;
    }

    public int Self => _i;
    public int StateCount => _w.N;
    public int Step => _w.Step;
    public int Year => _w.Year;
    public string NameOf(int j) => _w.Names[j];
    public ModelParameters Parameters => _w.P;

    // ---- the world's structure, public knowledge ----
    public double OffenseAdvantage => _w.OffenseAdvantage;
    public double Distinguishability => _w.Distinguishability;
    public double Institutions => _w.Institutions;

    // ---- own state ----
    public bool OwnTypeIsGreedy => _w.IsGreedy[_i];
    public double Gdp => _w.Gdp[_i];
    public double MilitaryShare => _w.MilitaryShare[_i];
    public double Milex => _w.Milex[_i];
    public double MilexGrowth => _w.MilexGrowth[_i];
    public double Offense => _w.Offense[_i];
    public double Defense => _w.Defense[_i];
    public double Posture => _w.Posture[_i];
    public double Security => _w.Security[_i];
    public double PreviousSecurity => _w.PreviousSecurity[_i];
    /// <summary>1 − S (kept above a tiny positive number, <see cref="World.Insecurity"/>).</summary>
    public double Insecurity => World.Insecurity(_w.Security[_i]);
    public double InternalThreat => _w.InternalThreat[_i];
    public double Empathy => _w.Empathy[_i];
    public double Resolve => _w.Resolve[_i];
    public double MilitaryShareCap => _w.MilitaryShareCap(_i);
    public double MinMilitaryShare => _w.P.MinMilitaryShare;
    public double AlliedDefense => _w.AlliedDefense[_i];
    /// <summary>m̄: own long-run burden.</summary>
    public double LongRunShare => _w.LongRunShare[_i];
    /// <summary>1 − S at the start of the run, the insecurity the long-run burden answers.</summary>
    public double ReferenceInsecurity => _w.ReferenceInsecurity[_i];
    public bool IsNuclear => _w.Nuclear[_i];
    /// <summary>True while this state is at war with anyone.</summary>
    public bool AtWar => _w.AtWar(_i);

    // ---- about another state j ----
    public double Reach(int j) => _w.Reach[_i * _w.N + j];
    public double ReachOf(int j) => _w.Reach[j * _w.N + _i];
    public double Rivalry(int j) => _w.Rivalry[_i * _w.N + j];
    public double Belief(int j) => _w.Belief[_i * _w.N + j];
    public double PreviousBelief(int j) => _w.PreviousBelief[_i * _w.N + j];
    public double Vulnerability(int j) => _w.Vulnerability[_i * _w.N + j];
    public double Threat(int j) => _w.Threat[_i * _w.N + j];
    public double ObservedPosture(int j) => _w.ObservedPosture[_i * _w.N + j];
    public double ObservedMilex(int j) => _w.ObservedMilex[_i * _w.N + j];
    /// <summary>Observed change of j's log military burden in its last budget year (noisy; net of GDP growth).</summary>
    public double ObservedArming(int j) => _w.ObservedArming[_i * _w.N + j];
    public double Transparency(int j) => _w.Transparency[_i * _w.N + j];
    public double Hotline(int j) => _w.Hotline[_i * _w.N + j];
    public bool HasCbm(int j) => _w.Cbm[_i * _w.N + j];
    public double Relations(int j) => _w.Relations[_i * _w.N + j];
    public bool IsAlly(int j) => _w.AreAllies(_i, j);
    public int LastCrisisStep(int j) => _w.LastCrisisStep[_i * _w.N + j];
    /// <summary>j's last move against this state in the running crisis (Hold before its first move).</summary>
    public CrisisMove OpponentLastCrisisMove(int j) => _w.OpponentCrisisMove[_i * _w.N + j];
    /// <summary>Public capability stocks and GDP (countable; intent is what is hidden).</summary>
    public double GdpOf(int j) => _w.Gdp[j];
    public double OffenseOf(int j) => _w.Offense[j];
    public double DefenseOf(int j) => _w.Defense[j];
    public double AlliedDefenseOf(int j) => _w.AlliedDefense[j];
    /// <summary>j's long-run burden m̄ (public: its budget history).</summary>
    public double LongRunShareOf(int j) => _w.LongRunShare[j];
    public double MilitaryShareOf(int j) => _w.MilitaryShare[j];
    public bool IsNuclearOf(int j) => _w.Nuclear[j];
    /// <summary>V_ij: the dyad's contested stake as a share of the pair's size √(Y_i·Y_j).</summary>
    public double Stake(int j) => _w.Stake[_i * _w.N + j];
    public bool AtWarWith(int j) => _w.AtWar(_i, j);

    /// <summary>
    /// What a crisis in which this state demands the stake from j would look like as it sees it (<see cref="Bargaining.Terms"/>),
    /// its allies counted at their reliability and j seen through its observation: among others the chance of winning a war it
    /// starts, the stake's value in GDP units, the capability it loses if defeated and its cost of war. The chance j would
    /// choose war at the top of the ladder costs a fixed point of fears and is apart (<see cref="ResistanceChance"/>).
    /// </summary>
    public WarTerms DemandTerms(int j) => Bargaining.Terms(_w, _i, j, Bargaining.StakeValue(_w, _i, j), 0);

    /// <summary>The believed chance of winning a war this state starts against j now (<see cref="WarCalculus.WinFirst"/> of <see cref="DemandTerms"/>).</summary>
    public double WinChance(int j) => Bargaining.WinFirst(_w, _i, j);

    /// <summary>The chance j would choose war at the top of the ladder (this state's fear there), from <see cref="DemandTerms"/>.</summary>
    public double ResistanceChance(int j, in WarTerms terms) =>
        Bargaining.Fear(_w.P, terms, Bargaining.GreedyStrikes(terms), _w.P.WarRung, Belief(j));

    /// <summary>The state this one fears most (highest threat), or -1 if it fears none.</summary>
    public int MostFeared() => AssessPhase.MostThreatening(_w, _i);

    /// <summary>The policy's own random stream for mixed strategies (deterministic per run).</summary>
    public ref RandomStream Random => ref _w.PolicyRng;

    // ---- decisions (phase 5) ----
    /// <summary>
    /// m*: the military burden (share of GDP) the state wants; the budget process of phase 6 closes part of the gap each
    /// year, within the minimum deterrent floor and the cap (DESIGN.md 3.1.1).
    /// </summary>
    public void SetDesiredBurden(double burden) => _w.DesiredBurden[_i] = burden;
    /// <summary>
    /// Sets this year's military share directly, bypassing the budget process (a policy that follows observed data, like the
    /// timeline's militaryShareSet); a share the timeline set this year takes precedence. Still kept within floor and cap.
    /// </summary>
    public void ForceMilitaryShare(double share)
    {
        if (double.IsNaN(_w.ForcedMilitaryShare[_i]))
        {
            _w.ForcedMilitaryShare[_i] = share;
        }
    }
    public void SetPosture(double posture) => _w.NextPosture[_i] = posture;
    public void ProposeCbm(int j) => _w.CbmIntent[_i * _w.N + j] = DiplomacyIntent.Propose;
    public void CbmBlockedByMistrust(int j) => _w.CbmIntent[_i * _w.N + j] = DiplomacyIntent.BlockedByMistrust;
    public void ProposeHotline(int j) => _w.HotlineIntent[_i * _w.N + j] = DiplomacyIntent.Propose;
    public void HotlineBlockedByMistrust(int j) => _w.HotlineIntent[_i * _w.N + j] = DiplomacyIntent.BlockedByMistrust;
    public void ProbeNeighbour(int j) => _w.Probe[_i * _w.N + j] = true;
    /// <summary>Demands the dyad's contested stake from j: opens a crisis in phase 7 (Fearon 1995). Wars start only in crises.</summary>
    public void DemandStake(int j) => _w.Demand[_i * _w.N + j] = true;
    public void BalanceAgainst(int j) => _w.BalanceAgainst[_i] = j;
    /// <summary>Marks this year's cut as a deliberate, announced reassurance gesture (Kydd 2000; Osgood 1962).</summary>
    public void AnnounceReassurance() => _w.Reassure[_i] = true;

    // ---- the decision buffers read back and reset, for a seat whose decision comes from outside (SeatPolicy) ----
    internal double ForcedMilitaryShare
    {
        get => _w.ForcedMilitaryShare[_i];
        set => _w.ForcedMilitaryShare[_i] = value;
    }

    /// <summary>What this state's buffers hold now: the decision a policy just wrote.</summary>
    internal SeatDecision ReadDecision()
    {
        var n = _w.N;
        List<int> cbm = [], hotline = [], refuseCbm = [], refuseHotline = [], demands = [], probes = [];
        for (var j = 0; j < n; j++)
        {
            var ij = _i * n + j;
            if (_w.CbmIntent[ij] == DiplomacyIntent.Propose) cbm.Add(j);
            if (_w.CbmIntent[ij] == DiplomacyIntent.BlockedByMistrust) refuseCbm.Add(j);
            if (_w.HotlineIntent[ij] == DiplomacyIntent.Propose) hotline.Add(j);
            if (_w.HotlineIntent[ij] == DiplomacyIntent.BlockedByMistrust) refuseHotline.Add(j);
            if (_w.Demand[ij]) demands.Add(j);
            if (_w.Probe[ij]) probes.Add(j);
        }
        return new SeatDecision
        {
            DesiredBurden = _w.DesiredBurden[_i],
            Posture = _w.NextPosture[_i],
            ProposeCbm = cbm,
            RefuseCbm = refuseCbm,
            ProposeHotline = hotline,
            RefuseHotline = refuseHotline,
            Demands = demands,
            Probes = probes,
            BalanceAgainst = _w.BalanceAgainst[_i] >= 0 ? _w.BalanceAgainst[_i] : null,
            AnnounceReassurance = _w.Reassure[_i],
        };
    }

    /// <summary>Puts this state's buffers back to what phase 5 starts them at (keep burden and posture, no diplomacy, no moves).</summary>
    internal void ResetDecision()
    {
        var n = _w.N;
        _w.DesiredBurden[_i] = _w.MilitaryShare[_i];
        _w.NextPosture[_i] = _w.Posture[_i];
        for (var j = 0; j < n; j++)
        {
            var ij = _i * n + j;
            _w.CbmIntent[ij] = DiplomacyIntent.None;
            _w.HotlineIntent[ij] = DiplomacyIntent.None;
            _w.Demand[ij] = false;
            _w.Probe[ij] = false;
        }
        _w.BalanceAgainst[_i] = -1;
        _w.Reassure[_i] = false;
    }
}
