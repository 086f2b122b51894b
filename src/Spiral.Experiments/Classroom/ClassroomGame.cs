using Spiral.Core.Events;
using Spiral.Core.Model;
using Spiral.Core.Policies;
using Spiral.Core.Recording;
using Spiral.Core.Scenarios;

namespace Spiral.Experiments.Classroom;

/// <summary>
/// A classroom game (DESIGN.md section 11): one run of a scenario whose seated states are played from outside. Pure and
/// deterministic: the world is built like run 0 of the scenario with the game's seed, each seat's policy is a
/// <see cref="SeatPolicy"/> around its catalog bot, and every change comes from an ordered <see cref="ClassroomMove"/>
/// (decisions, injects, messages, closing a year), so <see cref="Replay"/> of the log reproduces the world bit for bit.
/// Not thread-safe: the caller serialises the moves of one game.
/// </summary>
public sealed class ClassroomGame
{
    private readonly World _world;
    private readonly SeatPolicy?[] _seatPolicies;
    private readonly Dictionary<int, SeatDecision> _pending = [];
    private readonly List<ClassroomMove> _moves = [];
    private readonly List<ClassroomInject> _queuedInjects = [];
    private readonly List<ClassroomInject> _appliedInjects = [];
    private readonly List<(int Year, ClassroomInject Inject)> _injectHistory = [];
    private readonly List<ClassroomMessage> _messages = [];
    private readonly List<SeatYear> _seatYears = [];
    private readonly List<BeliefRecord> _beliefs = [];
    private readonly List<(int Seat, OwnHistoryPoint Point)> _ownHistory = [];
    private readonly List<(int Seat, SeatHistoryPoint Point)> _history = [];

    /// <param name="scenario">A valid scenario.</param>
    /// <param name="seed">The master seed; the game is run 0 of it.</param>
    /// <param name="seats">The state indices played from outside (the others are bots).</param>
    /// <param name="years">Years to play, at most the scenario's horizon (default: all of it).</param>
    public ClassroomGame(Scenario scenario, ulong seed, IReadOnlyCollection<int> seats, int? years = null)
    {
        Scenario = scenario;
        Seed = seed;
        Years = Math.Clamp(years ?? scenario.Steps, 1, scenario.Steps);
        foreach (var s in seats)
        {
            if (s < 0 || s >= scenario.States.Count)
            {
                throw new ArgumentOutOfRangeException(nameof(seats), $"seat {s} is not a state of {scenario.Name} (0..{scenario.States.Count - 1})");
            }
        }
        Seats = [.. seats.Distinct().Order()];
        _world = WorldFactory.Create(scenario, seed, 0, new EventLog(1024));
        _seatPolicies = new SeatPolicy?[scenario.States.Count];
        foreach (var i in Seats)
        {
            var seat = new SeatPolicy(_world.SecurityPolicies[i], _world.GreedyPolicies[i]);
            _seatPolicies[i] = seat;
            _world.SecurityPolicies[i] = seat;
            _world.GreedyPolicies[i] = seat;
        }
    }

    public Scenario Scenario { get; }
    public ulong Seed { get; }
    public int Years { get; }
    public IReadOnlyList<int> Seats { get; }

    /// <summary>The world as the kernel left it (for tests and the debrief; never shown to a seat).</summary>
    public World World => _world;

    /// <summary>Years stepped so far.</summary>
    public int YearsPlayed => _world.Step;

    /// <summary>The calendar year open for decisions (the next one the kernel steps).</summary>
    public int Year => _world.Year;

    public bool TypesRevealed { get; private set; }

    /// <summary>True when every year was played or the teacher ended the game.</summary>
    public bool Ended => EndedByTeacher || YearsPlayed >= Years;

    private bool EndedByTeacher { get; set; }

    /// <summary>Every accepted move, in order.</summary>
    public IReadOnlyList<ClassroomMove> Moves => _moves;

    public IReadOnlyList<ClassroomMessage> Messages => _messages;

    /// <summary>Each seat's closed years: what was applied, what its bot decided, its crisis moves.</summary>
    public IReadOnlyList<SeatYear> SeatYears => _seatYears;

    /// <summary>The seats that decided in the open year.</summary>
    public IReadOnlyCollection<int> Decided => _pending.Keys;

    public bool HasDecided(int seat) => _pending.ContainsKey(seat);

    public bool IsSeat(int state) => state >= 0 && state < _seatPolicies.Length && _seatPolicies[state] is not null;

    public int IndexOf(string state) => Scenario.IndexOf(state);

    public string NameOf(int state) => Scenario.States[state].Name;

    /// <summary>Accepts <paramref name="seat"/>'s decision for <paramref name="year"/>: refused when invalid, for another year than the open one, or a second time.</summary>
    public void Submit(int seat, int year, SeatDecision decision)
    {
        EnsureOpen();
        if (!IsSeat(seat))
        {
            throw new ClassroomRuleException($"state {seat} is not a seat of this game", ClassroomRefusal.Invalid);
        }
        if (year != Year)
        {
            throw new ClassroomRuleException(year < Year
                ? $"the decision is for {year}, but {year} is already closed; the open year is {Year}"
                : $"the decision is for {year}, but the open year is {Year}", year < Year ? ClassroomRefusal.Conflict : ClassroomRefusal.Invalid);
        }
        if (_pending.ContainsKey(seat))
        {
            throw new ClassroomRuleException($"{NameOf(seat)} has already decided for {year}; a decision cannot be replayed or changed", ClassroomRefusal.Conflict);
        }
        ClassroomValidation.Check(decision, seat, _world);
        _pending[seat] = decision;
        _moves.Add(new DecisionMove(year, seat, decision));
    }

    /// <summary>Queues a teacher's inject for the start of the open year.</summary>
    public void Inject(ClassroomInject inject)
    {
        EnsureOpen();
        ClassroomValidation.Check(inject, _world);
        _queuedInjects.Add(inject);
        _injectHistory.Add((Year, inject));
        _moves.Add(new InjectMove(inject));
    }

    /// <summary>Records a message (private to <see cref="ClassroomMessage.To"/>, or public when it is null).</summary>
    public ClassroomMessage Post(int from, int? to, string text)
    {
        EnsureOpen();
        if (!IsSeat(from))
        {
            throw new ClassroomRuleException($"state {from} is not a seat of this game", ClassroomRefusal.Invalid);
        }
        if (to is { } t && (t < 0 || t >= _world.N || t == from))
        {
            throw new ClassroomRuleException($"message recipient {t} is not another state of this game", ClassroomRefusal.Invalid);
        }
        var message = new ClassroomMessage(Year, from, to, text);
        _messages.Add(message);
        _moves.Add(new MessageMove(message));
        return message;
    }

    /// <summary>Closes the open year: applies the queued injects, steps the kernel once with the submitted decisions (bots play the rest) and records the debrief rows.</summary>
    public void CloseYear()
    {
        EnsureOpen();
        var year = Year;
        var decided = new HashSet<int>(_pending.Keys);
        foreach (var i in Seats)
        {
            var seat = _seatPolicies[i]!;
            seat.Submitted = _pending.GetValueOrDefault(i);
            seat.ClearCrisisMoves();
        }
        _appliedInjects.Clear();
        _appliedInjects.AddRange(_queuedInjects);
        foreach (var inject in _queuedInjects)
        {
            if (ToTimelineEvent(inject, year) is { } ev)
            {
                TimelineEffects.ApplyScripted(_world, ev);
            }
        }
        _queuedInjects.Clear();
        Kernel.Step(_world);
        foreach (var i in Seats)
        {
            var seat = _seatPolicies[i]!;
            _seatYears.Add(new SeatYear(year, i, decided.Contains(i), seat.LastAppliedDecision!, seat.LastBotDecision!,
                [.. seat.CrisisMoves], _world.MilitaryShare[i], _world.Security[i]));
            seat.Submitted = null;
            var c = new PolicyContext(_world, i);
            _ownHistory.Add((i, new OwnHistoryPoint(year, c.MilitaryShare, c.Security)));
            for (var j = 0; j < _world.N; j++)
            {
                if (j != i)
                {
                    _beliefs.Add(new BeliefRecord(year, i, j, c.Belief(j), _world.TrueTypeIsGreedy(j)));
                    _history.Add((i, new SeatHistoryPoint(year, c.NameOf(j), c.Belief(j), c.ObservedMilex(j), c.ObservedPosture(j))));
                }
            }
        }
        _pending.Clear();
        _moves.Add(new CloseYearMove(year));
    }

    /// <summary>The teacher reveals every type: views show them from now on.</summary>
    public void RevealTypes()
    {
        TypesRevealed = true;
        _moves.Add(new RevealMove());
    }

    /// <summary>The teacher ends the game.</summary>
    public void End()
    {
        EndedByTeacher = true;
        _moves.Add(new EndMove());
    }

    /// <summary>Applies one move as it was accepted (<see cref="Replay"/>).</summary>
    public void Apply(ClassroomMove move)
    {
        switch (move)
        {
            case DecisionMove d: Submit(d.Seat, d.Year, d.Decision); break;
            case InjectMove i: Inject(i.Inject); break;
            case MessageMove m: Post(m.Message.From, m.Message.To, m.Message.Text); break;
            case CloseYearMove c when c.Year == Year: CloseYear(); break;
            case CloseYearMove c: throw new ClassroomRuleException($"the log closes {c.Year} while {Year} is open", ClassroomRefusal.Invalid);
            case RevealMove: RevealTypes(); break;
            case EndMove: End(); break;
        }
    }

    /// <summary>The game as it stands after <paramref name="moves"/>: the same world, bit for bit, as the live game that accepted them.</summary>
    public static ClassroomGame Replay(Scenario scenario, ulong seed, IReadOnlyCollection<int> seats, int? years, IEnumerable<ClassroomMove> moves)
    {
        var game = new ClassroomGame(scenario, seed, seats, years);
        foreach (var move in moves)
        {
            game.Apply(move);
        }
        return game;
    }

    /// <summary>What <paramref name="seat"/> sees now (<see cref="SeatView"/>): only its own policy window and what is addressed to it.</summary>
    public SeatView ViewOf(int seat)
    {
        if (seat < 0 || seat >= _world.N)
        {
            throw new ClassroomRuleException($"state {seat} is not in this game", ClassroomRefusal.Invalid);
        }
        var c = new PolicyContext(_world, seat);
        var own = new OwnStateView(TypeName(c.OwnTypeIsGreedy), c.Gdp, c.MilitaryShare, c.Milex, c.Offense, c.Defense, c.Posture,
            c.Security, c.InternalThreat, c.LongRunShare, c.MinMilitaryShare, c.MilitaryShareCap, c.IsNuclear, c.AtWar, c.Parameters.WarRung);
        var others = new List<OtherStateView>();
        for (var j = 0; j < c.StateCount; j++)
        {
            if (j == seat)
            {
                continue;
            }
            var last = c.LastCrisisStep(j);
            others.Add(new OtherStateView(c.NameOf(j), c.GdpOf(j), c.OffenseOf(j), c.DefenseOf(j), c.IsNuclearOf(j),
                c.ObservedMilex(j), c.ObservedPosture(j), c.ObservedArming(j), c.Belief(j), c.Threat(j), c.Vulnerability(j),
                c.Reach(j), c.Rivalry(j), c.Stake(j), c.Transparency(j), c.Hotline(j), c.HasCbm(j), c.IsAlly(j), c.AtWarWith(j),
                last >= 0 ? TimeConvention.Year(Scenario.StartYear, last + 1) : null,
                TypesRevealed ? TypeName(_world.TrueTypeIsGreedy(j)) : null));
        }
        var crises = new List<CrisisView>();
        var events = new List<SeatEventView>();
        var offers = new List<OfferView>();
        foreach (var e in _world.Events.Items)
        {
            if (e.Actor != seat && e.Target != seat)
            {
                continue;
            }
            if (IsCrisisEvent(e.Kind))
            {
                var opponent = e.Actor == seat ? e.Target : e.Actor;
                crises.Add(new CrisisView(e.Year, e.Kind.ToString(), opponent >= 0 ? NameOf(opponent) : "", NameOf(e.Actor), e.Rung, e.Mid));
            }
            else if (e.Kind is not EventKind.BeliefShift and not EventKind.SpiralOnset)
            {
                events.Add(new SeatEventView(e.Year, e.Kind.ToString(), NameOf(e.Actor), e.Target >= 0 ? NameOf(e.Target) : null, e.Value));
            }
            if (e.Step == _world.Step && e.Target == seat && e.Kind is EventKind.CbmProposed or EventKind.HotlineProposed)
            {
                offers.Add(new OfferView(e.Kind == EventKind.CbmProposed ? "Cbm" : "Hotline", NameOf(e.Actor)));
            }
        }
        foreach (var inject in _queuedInjects)
        {
            if (inject.Kind == InjectKind.CbmOffer && inject.States.Contains(seat))
            {
                offers.Add(new OfferView("MediatedCbm", NameOf(inject.States[0] == seat ? inject.States[1] : inject.States[0])));
            }
        }
        var messages = _messages
            .Where(m => m.To is null || m.To == seat || m.From == seat)
            .Select(ToView)
            .ToList();
        return new SeatView(NameOf(seat), Year, Years - YearsPlayed, _pending.ContainsKey(seat), Ended, own, others, crises, offers, messages,
            events, [.. Scenario.States.Select(s => s.Name)], _pending.GetValueOrDefault(seat),
            [.. _ownHistory.Where(h => h.Seat == seat).Select(h => h.Point)], [.. _history.Where(h => h.Seat == seat).Select(h => h.Point)]);
    }

    /// <summary>The public statements (messages to all), for spectators.</summary>
    public IReadOnlyList<MessageView> PublicStatements() => [.. _messages.Where(m => m.To is null).Select(ToView)];

    /// <summary>The debrief (<see cref="ClassroomDebrief"/>): timeline, beliefs against the truth, spiral onsets, bot counterfactuals, grades.</summary>
    public ClassroomDebrief Debrief() => ClassroomDebrief.Of(this, _seatYears, _beliefs, _injectHistory);

    internal static string TypeName(bool greedy) => greedy ? "Greedy" : "Security";

    private MessageView ToView(ClassroomMessage m) => new(m.Year, NameOf(m.From), m.To is { } t ? NameOf(t) : null, m.Text);

    private static bool IsCrisisEvent(EventKind kind) => kind is EventKind.Incident or EventKind.Demand or EventKind.CrisisEscalated
        or EventKind.CrisisBackDown or EventKind.CrisisFaded or EventKind.CrisisDeEscalatedByHotline or EventKind.CrisisOutcome
        or EventKind.UseOfForce or EventKind.WarStarted or EventKind.WarEnded or EventKind.Concession;

    private void EnsureOpen()
    {
        if (Ended)
        {
            throw new ClassroomRuleException("the game is over", ClassroomRefusal.Conflict);
        }
    }

    /// <summary>The timeline event an inject is (Core's phase-1 mechanism), or null for a CBM offer (resolved by the seats' decisions).</summary>
    private TimelineEvent? ToTimelineEvent(ClassroomInject inject, int year)
    {
        var actors = inject.States.Select(NameOf).ToList();
        return inject.Kind switch
        {
            InjectKind.Incident => new TimelineEvent(year, TimelineEventKind.Incident, actors, inject.Value ?? 1),
            InjectKind.LeadershipChange => new TimelineEvent(year, TimelineEventKind.RegimeChange, actors, inject.Value),
            InjectKind.EconomicShock => new TimelineEvent(year, TimelineEventKind.EconomicShock, actors, inject.Value),
            _ => null,
        };
    }
}

/// <summary>One seat's year for the debrief: who decided, what was applied, what the bot would have done, and where it ended.</summary>
public sealed record SeatYear(int Year, int Seat, bool DecidedByPlayer, SeatDecision Applied, SeatDecision Bot,
    IReadOnlyList<SeatCrisisMove> CrisisMoves, double MilitaryShareAfter, double SecurityAfter);

/// <summary>Seat <paramref name="Observer"/>'s belief that <paramref name="About"/> is greedy at the end of a year, against the truth.</summary>
public sealed record BeliefRecord(int Year, int Observer, int About, double Belief, bool TruthGreedy);
