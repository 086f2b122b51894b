using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Spiral.Core.Parameters;
using Spiral.Core.Policies;
using Spiral.Core.Scenarios;
using Spiral.Experiments.Classroom;
using Spiral.IO.Classroom;
using Spiral.IO.Scenarios;
using Spiral.Web.ViewModels;

namespace Spiral.Web.Classroom;

/// <summary>
/// The classroom's application service (DESIGN.md section 11), shared by the pages and the JSON API: it holds the live
/// games, authenticates seats and the teacher, turns names into the engine's indices, commits every accepted move to the
/// SQLite store before it answers, and closes a year when every seat decided or its deadline passed (bots play the
/// missing seats). The game itself is <see cref="ClassroomGame"/>; this class only routes, checks and stores. On start it
/// loads every unfinished game from the store by replaying its log. Thread-safe: one lock per game.
/// </summary>
public sealed class ClassroomService
{
    /// <summary>The JSON form of the store's log and of the API (camelCase, enums as names).</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private const string MoveKind = "move", ControlKind = "control";

    private readonly ClassroomStore _store;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, LiveGame> _games = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string GameId, int State)> _joinCodes = new(StringComparer.Ordinal);

    public ClassroomService(ClassroomStore store, TimeProvider time)
    {
        _store = store;
        _time = time;
        foreach (var stored in store.Games(unfinishedOnly: true))
        {
            var live = Load(stored);
            _games[stored.Id] = live;
        }
    }

    /// <summary>The library scenarios a game can be created from.</summary>
    public IReadOnlyList<string> ScenarioNames => ScenarioLibrary.Names;

    /// <summary>The states of a library scenario, in order (for the create form); unknown names → 404.</summary>
    public IReadOnlyList<string> StateNames(string scenario) =>
        ScenarioLibrary.Names.Contains(scenario, StringComparer.OrdinalIgnoreCase)
            ? [.. ScenarioLoader.LoadLibrary(scenario).States.Select(s => s.Name)]
            : throw new ClassroomApiException(404, $"no library scenario '{scenario}'; expected one of {string.Join(", ", ScenarioLibrary.Names)}");

    /// <summary>The range of a decision's desired burden (the catalog's <c>militaryShare</c>; the seat's view gives its floor and cap).</summary>
    public static ParameterInfo DesiredBurdenRange => ParameterCatalog.Find(ParameterScope.State, "militaryShare")!;

    /// <summary>The range of a decision's posture (the catalog's <c>posture</c>).</summary>
    public static ParameterInfo PostureRange => ParameterCatalog.Find(ParameterScope.State, "posture")!;

    /// <summary>Raised with the game id after every accepted decision, message, year closed and teacher action (outside the game's lock).</summary>
    public event Action<string>? GameChanged;

    /// <summary>The live game ids (unfinished games and those finished since the server started).</summary>
    public IReadOnlyCollection<string> GameIds => _games.Keys.ToList();

    /// <summary>Creates a game: checks the scenario, settings and seats, stores it, and returns the teacher secret and one join code per seat.</summary>
    public CreateGameResult CreateGame(CreateGameRequest request)
    {
        if (_games.Count >= ClassroomLimits.MaxLiveGames)
        {
            throw new ClassroomApiException(503, $"this server holds {ClassroomLimits.MaxLiveGames} live games; end one first");
        }
        var (name, text) = ScenarioText(request);
        var settings = (request.Settings ?? []).Concat((request.Bots ?? new Dictionary<string, string>())
            .Select(b => $"states[{b.Key}].policy={b.Value}")).ToList();
        if (settings.Count > ClassroomLimits.MaxSettings)
        {
            throw new ClassroomApiException(400, $"settings: {settings.Count} entries; expected at most {ClassroomLimits.MaxSettings}", "settings");
        }
        var scenario = BuildScenario(name, text, settings, fromStore: false);
        if (request.DecisionSeconds is < ClassroomLimits.MinDecisionSeconds or > ClassroomLimits.MaxDecisionSeconds)
        {
            throw new ClassroomApiException(400, $"decisionSeconds: {request.DecisionSeconds} is out of range; expected an integer in [{ClassroomLimits.MinDecisionSeconds}, {ClassroomLimits.MaxDecisionSeconds}]", "decisionSeconds");
        }
        if (request.Years is { } y && (y < 1 || y > scenario.Steps))
        {
            throw new ClassroomApiException(400, $"years: {y} is out of range; expected an integer in [1, {scenario.Steps}] (the scenario's horizon)", "years");
        }
        var seats = new List<int>();
        var seatNames = request.Seats is { Count: > 0 } given ? given : scenario.States.Select(s => s.Name).ToList();
        for (var k = 0; k < seatNames.Count; k++)
        {
            var index = scenario.IndexOf(seatNames[k] ?? "");
            if (index < 0)
            {
                throw new ClassroomApiException(400, $"seats[{k}]: '{seatNames[k]}' is not a state of {scenario.Name}; expected one of {string.Join(", ", scenario.States.Select(s => s.Name))}", $"seats[{k}]");
            }
            if (seats.Contains(index))
            {
                throw new ClassroomApiException(400, $"seats[{k}]: {scenario.States[index].Name} is named twice; expected each state once", $"seats[{k}]");
            }
            seats.Add(index);
        }
        var seed = request.Seed ?? BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8));
        var game = new ClassroomGame(scenario, seed, seats, request.Years);
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var teacherSecret = NewToken();
        var codes = seats.Order().Select(s => (State: s, Token: NewToken())).ToList();
        var stored = new StoredGame(id, name, text, string.Join('\n', settings), seed, game.Years, request.DecisionSeconds,
            Hash(teacherSecret), _time.GetUtcNow(), Finished: false);
        _store.CreateGame(stored, [.. codes.Select(c => new StoredSeat(id, c.State, Hash(c.Token)))]);
        var live = new LiveGame(stored, game, codes.ToDictionary(c => c.State, c => Hash(c.Token)));
        _games[id] = live;
        foreach (var (state, token) in codes)
        {
            _joinCodes[Convert.ToHexStringLower(Hash(token))] = (id, state);
        }
        return new CreateGameResult(id, teacherSecret, scenario.Name, seed, game.Years,
            [.. codes.Select(c => new SeatCode(game.NameOf(c.State), c.Token))]);
    }

    /// <summary>Opens the seat a join code belongs to (in any game); the code becomes the seat's bearer token.</summary>
    public JoinResult Join(JoinRequest request)
    {
        var code = request.JoinCode?.Trim() ?? "";
        if (!_joinCodes.TryGetValue(Convert.ToHexStringLower(Hash(code)), out var seat) || !_games.TryGetValue(seat.GameId, out var live))
        {
            throw new ClassroomApiException(404, "joinCode: no seat has this join code; expected the code the teacher gave you", "joinCode");
        }
        var name = (request.Name ?? "").Trim();
        if (name.Length > ClassroomLimits.MaxNameChars)
        {
            throw new ClassroomApiException(400, $"name: {name.Length} characters; expected at most {ClassroomLimits.MaxNameChars}", "name");
        }
        lock (live.Gate)
        {
            if (name.Length > 0 && !live.Players[seat.State].Contains(name))
            {
                Commit(live, new ControlRecord("join", State: seat.State, Name: name));
            }
        }
        GameChanged?.Invoke(seat.GameId);
        return new JoinResult(seat.GameId, live.Game.NameOf(seat.State), code);
    }

    /// <summary>What the seat <paramref name="state"/> sees now; the token must be that seat's.</summary>
    public SeatView GetSeatView(string gameId, string state, string? token)
    {
        var live = Game(gameId);
        lock (live.Gate)
        {
            return live.Game.ViewOf(AuthorizeSeat(live, state, token));
        }
    }

    /// <summary>Accepts the seat's decision for the open year (committed before it returns); closes the year when it was the last seat.</summary>
    public DecisionReceipt Decide(string gameId, string state, string? token, DecisionRequest request)
    {
        var live = Game(gameId);
        DecisionReceipt receipt;
        lock (live.Gate)
        {
            var seat = AuthorizeSeat(live, state, token);
            if (live.Status == GameStatus.Lobby)
            {
                throw new ClassroomApiException(409, "the game has not started; the teacher starts it");
            }
            var decision = ToDecision(live.Game, request);
            Engine(() => live.Game.Submit(seat, request.Year, decision));
            Commit(live, live.Game.Moves[^1]);
            var closed = false;
            if (live.Game.Decided.Count == live.Game.Seats.Count && live.Status == GameStatus.Running)
            {
                CloseYear(live);
                closed = true;
            }
            receipt = new DecisionReceipt(live.Game.NameOf(seat), request.Year, closed);
        }
        GameChanged?.Invoke(gameId);
        return receipt;
    }

    /// <summary>Sends a private message (To a state) or a public statement (To null) from the seat.</summary>
    public MessageView SendMessage(string gameId, string state, string? token, MessageRequest request)
    {
        var live = Game(gameId);
        MessageView sentView;
        lock (live.Gate)
        {
            var seat = AuthorizeSeat(live, state, token);
            var text = request.Text ?? "";
            if (text.Trim().Length == 0 || text.Length > ClassroomLimits.MaxMessageChars)
            {
                throw new ClassroomApiException(400, $"text: {text.Length} characters; expected 1 to {ClassroomLimits.MaxMessageChars}", "text");
            }
            int? to = null;
            if (request.To is { } toName)
            {
                to = StateIndex(live.Game, toName, "to");
            }
            var sent = live.Game.Messages.Count(m => m.From == seat && m.Year == live.Game.Year);
            if (sent >= ClassroomLimits.MaxMessagesPerSeatYear)
            {
                throw new ClassroomApiException(429, $"{live.Game.NameOf(seat)} sent {sent} messages this year; at most {ClassroomLimits.MaxMessagesPerSeatYear}");
            }
            var message = Engine(() => live.Game.Post(seat, to, text));
            Commit(live, live.Game.Moves[^1]);
            sentView = new MessageView(message.Year, live.Game.NameOf(message.From), to is { } t ? live.Game.NameOf(t) : null, message.Text);
        }
        GameChanged?.Invoke(gameId);
        return sentView;
    }

    /// <summary>What anyone with the game id sees: progress and public statements.</summary>
    public PublicGameView GetPublicView(string gameId)
    {
        var live = Game(gameId);
        lock (live.Gate)
        {
            var g = live.Game;
            return new PublicGameView(live.Stored.Id, g.Scenario.Name, live.Status, g.Year, g.Years - g.YearsPlayed, live.Deadline,
                g.Decided.Count, g.Seats.Count, g.PublicStatements());
        }
    }

    /// <summary>The teacher's view of the game.</summary>
    public TeacherView GetTeacherView(string gameId, string? secret) => Teacher(gameId, secret, _ => { }, changes: false);

    /// <summary>Starts the game: the first year opens and its deadline runs.</summary>
    public TeacherView Start(string gameId, string? secret) => Teacher(gameId, secret, live =>
    {
        if (live.Status != GameStatus.Lobby)
        {
            throw new ClassroomApiException(409, $"the game is {live.Status}, not in the lobby; it starts once");
        }
        Commit(live, new ControlRecord("start", Deadline: _time.GetUtcNow().AddSeconds(live.Stored.DecisionSeconds)));
    });

    /// <summary>Stops the clock (decisions are still accepted; the year does not close).</summary>
    public TeacherView Pause(string gameId, string? secret) => Teacher(gameId, secret, live =>
    {
        if (live.Status != GameStatus.Running)
        {
            throw new ClassroomApiException(409, $"the game is {live.Status}; only a running game can be paused");
        }
        var remaining = Math.Max(0, (live.Deadline!.Value - _time.GetUtcNow()).TotalSeconds);
        Commit(live, new ControlRecord("pause", RemainingSeconds: remaining));
    });

    /// <summary>Restarts the clock with the time that was left when it was paused.</summary>
    public TeacherView Resume(string gameId, string? secret) => Teacher(gameId, secret, live =>
    {
        if (live.Status != GameStatus.Paused)
        {
            throw new ClassroomApiException(409, $"the game is {live.Status}; only a paused game can be resumed");
        }
        Commit(live, new ControlRecord("resume", Deadline: _time.GetUtcNow().AddSeconds(live.RemainingSeconds)));
    });

    /// <summary>Gives the open year the request's seconds more (while paused: more time left).</summary>
    public TeacherView ExtendDeadline(string gameId, string? secret, ExtendRequest request) => Teacher(gameId, secret, live =>
    {
        if (request.Seconds is < 1 or > ClassroomLimits.MaxDecisionSeconds)
        {
            throw new ClassroomApiException(400, $"seconds: {request.Seconds} is out of range; expected an integer in [1, {ClassroomLimits.MaxDecisionSeconds}]", "seconds");
        }
        switch (live.Status)
        {
            case GameStatus.Running:
                Commit(live, new ControlRecord("deadline", Deadline: live.Deadline!.Value.AddSeconds(request.Seconds)));
                break;
            case GameStatus.Paused:
                Commit(live, new ControlRecord("pause", RemainingSeconds: live.RemainingSeconds + request.Seconds));
                break;
            default:
                throw new ClassroomApiException(409, $"the game is {live.Status}; there is no deadline to extend");
        }
    });

    /// <summary>Injects an event into the open year (applied when it closes, before the seats' decisions take effect).</summary>
    public TeacherView Inject(string gameId, string? secret, InjectRequest request) => Teacher(gameId, secret, live =>
    {
        if (!Enum.TryParse<InjectKind>(request.Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
        {
            throw new ClassroomApiException(400, $"kind: '{request.Kind}'; expected one of {string.Join(", ", Enum.GetNames<InjectKind>())}", "kind");
        }
        var states = request.States ?? [];
        if (states.Count > 2)
        {
            throw new ClassroomApiException(400, $"states: {states.Count} states; expected one or two", "states");
        }
        var indices = states.Select((s, k) => StateIndex(live.Game, s, $"states[{k}]")).ToList();
        Engine(() => live.Game.Inject(new ClassroomInject(kind, indices, request.Value)));
        Commit(live, live.Game.Moves[^1]);
    });

    /// <summary>Closes the open year now (bots play the seats that have not decided).</summary>
    public TeacherView CloseYearNow(string gameId, string? secret) => Teacher(gameId, secret, live =>
    {
        if (live.Status is GameStatus.Lobby or GameStatus.Ended)
        {
            throw new ClassroomApiException(409, $"the game is {live.Status}; no year is open");
        }
        CloseYear(live);
    });

    /// <summary>Reveals every state's type to every seat.</summary>
    public TeacherView RevealTypes(string gameId, string? secret) => Teacher(gameId, secret, live =>
    {
        live.Game.RevealTypes();
        Commit(live, live.Game.Moves[^1]);
    });

    /// <summary>Ends the game: no more decisions; the debrief stays available while the server runs and in the store.</summary>
    public TeacherView EndGame(string gameId, string? secret) => Teacher(gameId, secret, live =>
    {
        if (live.Status == GameStatus.Ended)
        {
            throw new ClassroomApiException(409, "the game has already ended");
        }
        live.Game.End();
        Commit(live, live.Game.Moves[^1]);
        Finish(live);
    });

    /// <summary>The debrief (teacher only): timeline, beliefs against the truth, spiral onsets, what each bot would have done.</summary>
    public ClassroomDebrief GetDebrief(string gameId, string? secret)
    {
        var live = Game(gameId);
        lock (live.Gate)
        {
            AuthorizeTeacher(live, secret);
            return live.Game.Debrief();
        }
    }

    /// <summary>The debrief for a seat, once the game has ended (409 before): the same as the teacher's.</summary>
    public ClassroomDebrief GetDebrief(string gameId, string state, string? token)
    {
        var live = Game(gameId);
        lock (live.Gate)
        {
            AuthorizeSeat(live, state, token);
            if (live.Status != GameStatus.Ended)
            {
                throw new ClassroomApiException(409, "the debrief opens to seats when the game has ended");
            }
            return live.Game.Debrief();
        }
    }

    /// <summary>Each seat's decisions and outcomes by year as CSV, for grading (teacher only).</summary>
    public string ExportCsv(string gameId, string? secret) => Csv.Of(GetDebrief(gameId, secret));

    /// <summary>Closes every running year whose deadline has passed (the clock calls it); returns how many it closed.</summary>
    public int Tick()
    {
        var closed = new List<string>();
        var now = _time.GetUtcNow();
        foreach (var live in _games.Values)
        {
            lock (live.Gate)
            {
                if (live.Status == GameStatus.Running && live.Deadline <= now)
                {
                    CloseYear(live);
                    closed.Add(live.Stored.Id);
                }
            }
        }
        foreach (var id in closed)
        {
            GameChanged?.Invoke(id);
        }
        return closed.Count;
    }

    // ---- internals ----

    private TeacherView Teacher(string gameId, string? secret, Action<LiveGame> action, bool changes = true)
    {
        var view = ActAsTeacher(gameId, secret, action);
        if (changes)
        {
            GameChanged?.Invoke(gameId);
        }
        return view;
    }

    private TeacherView ActAsTeacher(string gameId, string? secret, Action<LiveGame> action)
    {
        var live = Game(gameId);
        lock (live.Gate)
        {
            AuthorizeTeacher(live, secret);
            action(live);
            var g = live.Game;
            var types = Enumerable.Range(0, g.World.N).ToDictionary(i => i, i => g.World.TrueTypeIsGreedy(i) ? "Greedy" : "Security");
            var seats = g.Seats.Select(s => new TeacherSeatView(g.NameOf(s), live.Players[s], g.HasDecided(s), types[s])).ToList();
            var bots = Enumerable.Range(0, g.World.N).Where(i => !g.IsSeat(i))
                .Select(i => new TeacherSeatView(g.NameOf(i), [g.World.PolicyOf(i).Traits.Name], false, types[i])).ToList();
            var messages = g.Messages.Select(m => new MessageView(m.Year, g.NameOf(m.From), m.To is { } t ? g.NameOf(t) : null, m.Text)).ToList();
            return new TeacherView(live.Stored.Id, g.Scenario.Name, g.Seed, live.Status, g.Year, g.Years - g.YearsPlayed, live.Deadline,
                g.TypesRevealed, seats, bots, messages);
        }
    }

    private void CloseYear(LiveGame live)
    {
        Engine(live.Game.CloseYear);
        Commit(live, live.Game.Moves[^1]);
        if (live.Game.Ended)
        {
            Finish(live);
        }
        else if (live.Status == GameStatus.Running)
        {
            Commit(live, new ControlRecord("deadline", Deadline: _time.GetUtcNow().AddSeconds(live.Stored.DecisionSeconds)));
        }
        else if (live.Status == GameStatus.Paused)
        {
            Commit(live, new ControlRecord("pause", RemainingSeconds: live.Stored.DecisionSeconds));
        }
    }

    private void Finish(LiveGame live)
    {
        live.Status = GameStatus.Ended;
        live.Deadline = null;
        _store.MarkFinished(live.Stored.Id);
    }

    /// <summary>Commits an engine move to the store, then acknowledges; if the store fails, the live game is rebuilt from what was committed.</summary>
    private void Commit(LiveGame live, ClassroomMove move)
    {
        try
        {
            _store.Append(live.Stored.Id, MoveKind, JsonSerializer.Serialize(move, Json));
        }
        catch
        {
            _games[live.Stored.Id] = Load(live.Stored);
            throw;
        }
    }

    /// <summary>Commits a control record (clock, joins), then applies it.</summary>
    private void Commit(LiveGame live, ControlRecord control)
    {
        _store.Append(live.Stored.Id, ControlKind, JsonSerializer.Serialize(control, Json));
        live.Apply(control);
    }

    /// <summary>Rebuilds a stored game by replaying its log: the same world, bit for bit, and the same clock and players.</summary>
    private LiveGame Load(StoredGame stored)
    {
        var scenario = BuildScenario(stored.ScenarioName, stored.ScenarioText,
            stored.Settings.Length == 0 ? [] : stored.Settings.Split('\n'), fromStore: true);
        var seats = _store.Seats(stored.Id);
        var game = new ClassroomGame(scenario, stored.Seed, [.. seats.Select(s => s.State)], stored.Years);
        var live = new LiveGame(stored, game, seats.ToDictionary(s => s.State, s => s.TokenHash));
        foreach (var record in _store.Log(stored.Id))
        {
            if (record.Kind == MoveKind)
            {
                game.Apply(JsonSerializer.Deserialize<ClassroomMove>(record.Json, Json)!);
            }
            else
            {
                live.Apply(JsonSerializer.Deserialize<ControlRecord>(record.Json, Json)!);
            }
        }
        if (game.Ended)
        {
            live.Status = GameStatus.Ended;
            live.Deadline = null;
        }
        foreach (var seat in seats)
        {
            _joinCodes[Convert.ToHexStringLower(seat.TokenHash)] = (stored.Id, seat.State);
        }
        return live;
    }

    private static (string Name, string Text) ScenarioText(CreateGameRequest request)
    {
        if (!string.IsNullOrWhiteSpace(request.ScenarioYaml))
        {
            if (request.ScenarioYaml.Length > ClassroomLimits.MaxScenarioChars)
            {
                throw new ClassroomApiException(400, $"scenarioYaml: {request.ScenarioYaml.Length} characters; expected at most {ClassroomLimits.MaxScenarioChars}", "scenarioYaml");
            }
            return ("scenarioYaml", request.ScenarioYaml);
        }
        var name = request.Scenario?.Trim() ?? "";
        if (!ScenarioLibrary.Names.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            throw new ClassroomApiException(400, $"scenario: '{name}' is not a library scenario; expected one of {string.Join(", ", ScenarioLibrary.Names)}, or scenarioYaml", "scenario");
        }
        return (name, ScenarioLibrary.Text(name));
    }

    private static Scenario BuildScenario(string name, string text, IReadOnlyList<string> settings, bool fromStore)
    {
        var (scenario, errors) = ScenarioLoader.TryLoadText(text, name);
        if (scenario is null)
        {
            var first = errors[0];
            throw new ClassroomApiException(400, $"{(name == "scenarioYaml" ? "scenarioYaml" : "scenario")}: {first}", first.Path);
        }
        for (var k = 0; k < settings.Count; k++)
        {
            try
            {
                scenario = ParameterCatalog.SetAll(scenario, [settings[k]]);
            }
            catch (ScenarioPathException e)
            {
                throw new ClassroomApiException(400, $"settings[{k}]: {e.Message}", $"settings[{k}]");
            }
        }
        var issues = scenario.Validate();
        if (issues.Count > 0 && !fromStore)
        {
            throw new ClassroomApiException(400, $"settings: the scenario is not valid with them: {issues[0]}", "settings");
        }
        return scenario;
    }

    private LiveGame Game(string gameId) =>
        _games.TryGetValue(gameId ?? "", out var live) ? live : throw new ClassroomApiException(404, $"no game '{gameId}' on this server");

    private static int StateIndex(ClassroomGame game, string? name, string field)
    {
        var index = game.IndexOf(name ?? "");
        return index >= 0 ? index
            : throw new ClassroomApiException(400, $"{field}: '{name}' is not a state of this game; expected one of {string.Join(", ", game.Scenario.States.Select(s => s.Name))}", field);
    }

    /// <summary>The seat the token opens, which must be <paramref name="state"/>: another game's or no seat's token → 404, another seat's → 403.</summary>
    private static int AuthorizeSeat(LiveGame live, string state, string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            throw new ClassroomApiException(401, "no seat token; expected the header Authorization: Bearer <seat token>");
        }
        var hash = Hash(token);
        var match = -1;
        foreach (var (seat, seatHash) in live.SeatHashes)
        {
            if (CryptographicOperations.FixedTimeEquals(seatHash, hash))
            {
                match = seat;
            }
        }
        if (match < 0)
        {
            throw new ClassroomApiException(404, $"no seat of game {live.Stored.Id} has this token");
        }
        var index = live.Game.IndexOf(state ?? "");
        if (index != match)
        {
            throw new ClassroomApiException(403, $"this token is {live.Game.NameOf(match)}'s seat; it may not read or act for '{state}'");
        }
        return match;
    }

    private static void AuthorizeTeacher(LiveGame live, string? secret)
    {
        if (!CryptographicOperations.FixedTimeEquals(live.Stored.TeacherSecretHash, Hash(secret ?? "")))
        {
            throw new ClassroomApiException(403, "teacher actions need this game's teacher secret as Authorization: Bearer <teacher secret>");
        }
    }

    private static T Engine<T>(Func<T> move)
    {
        try
        {
            return move();
        }
        catch (ClassroomRuleException e)
        {
            throw new ClassroomApiException(e.Refusal == ClassroomRefusal.Conflict ? 409 : 400, e.Message, e.Field);
        }
    }

    private static void Engine(Action move) => Engine(() => { move(); return 0; });

    private static SeatDecision ToDecision(ClassroomGame game, DecisionRequest r)
    {
        IReadOnlyList<int> States(IReadOnlyList<string>? names, string field)
        {
            if (names is null)
            {
                return [];
            }
            if (names.Count > ClassroomValidation.MaxListLength)
            {
                throw new ClassroomApiException(400, $"{field}: {names.Count} entries; expected at most {ClassroomValidation.MaxListLength}", field);
            }
            return [.. names.Select((n, k) => StateIndex(game, n, $"{field}[{k}]"))];
        }
        var stances = new List<CrisisStance>();
        var given = r.CrisisStances ?? [];
        if (given.Count > ClassroomValidation.MaxListLength)
        {
            throw new ClassroomApiException(400, $"crisisStances: {given.Count} entries; expected at most {ClassroomValidation.MaxListLength}", "crisisStances");
        }
        for (var k = 0; k < given.Count; k++)
        {
            var s = given[k] ?? throw new ClassroomApiException(400, $"crisisStances[{k}]: missing; expected {{opponent, maxRung, atLimit}}", $"crisisStances[{k}]");
            if (!Enum.TryParse<StanceAtLimit>(s.AtLimit, ignoreCase: true, out var atLimit) || !Enum.IsDefined(atLimit))
            {
                throw new ClassroomApiException(400, $"crisisStances[{k}].atLimit: '{s.AtLimit}'; expected one of {string.Join(", ", Enum.GetNames<StanceAtLimit>())}", $"crisisStances[{k}].atLimit");
            }
            stances.Add(new CrisisStance(StateIndex(game, s.Opponent, $"crisisStances[{k}].opponent"), s.MaxRung, atLimit));
        }
        return new SeatDecision
        {
            DesiredBurden = r.DesiredBurden,
            Posture = r.Posture,
            ProposeCbm = States(r.ProposeCbm, "proposeCbm"),
            RefuseCbm = States(r.RefuseCbm, "refuseCbm"),
            ProposeHotline = States(r.ProposeHotline, "proposeHotline"),
            RefuseHotline = States(r.RefuseHotline, "refuseHotline"),
            Demands = States(r.Demands, "demands"),
            Probes = States(r.Probes, "probes"),
            BalanceAgainst = r.BalanceAgainst is { } b ? StateIndex(game, b, "balanceAgainst") : null,
            AnnounceReassurance = r.AnnounceReassurance,
            CrisisStances = stances,
        };
    }

    /// <summary>A new 128-bit secret from the system's cryptographic generator, as 32 hex digits.</summary>
    private static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    /// <summary>A clock or seat record of the log (the engine's moves are stored as they are).</summary>
    private sealed record ControlRecord(string Action, DateTimeOffset? Deadline = null, double? RemainingSeconds = null, int? State = null, string? Name = null);

    private sealed class LiveGame(StoredGame stored, ClassroomGame game, Dictionary<int, byte[]> seatHashes)
    {
        public Lock Gate { get; } = new();
        public StoredGame Stored { get; } = stored;
        public ClassroomGame Game { get; } = game;
        public Dictionary<int, byte[]> SeatHashes { get; } = seatHashes;
        public Dictionary<int, List<string>> Players { get; } = seatHashes.Keys.ToDictionary(s => s, _ => new List<string>());
        public GameStatus Status { get; set; }
        public DateTimeOffset? Deadline { get; set; }
        public double RemainingSeconds { get; private set; }

        public void Apply(ControlRecord c)
        {
            switch (c.Action)
            {
                case "start" or "resume":
                    Status = GameStatus.Running;
                    Deadline = c.Deadline;
                    break;
                case "deadline":
                    Deadline = c.Deadline;
                    break;
                case "pause":
                    Status = GameStatus.Paused;
                    Deadline = null;
                    RemainingSeconds = c.RemainingSeconds ?? 0;
                    break;
                case "join" when c.State is { } s && c.Name is { } n && Players.TryGetValue(s, out var players) && !players.Contains(n):
                    players.Add(n);
                    break;
            }
        }
    }
}
