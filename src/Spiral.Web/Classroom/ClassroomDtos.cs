using Spiral.Experiments.Classroom;

namespace Spiral.Web.Classroom;

/// <summary>A teacher's request for a new game.</summary>
/// <remarks>Scenario: a library scenario's name (<c>spiral scenarios list</c>); or leave it empty and give ScenarioYaml.</remarks>
/// <remarks>ScenarioYaml: a whole scenario file's text (checked like <c>spiral scenarios validate</c>), at most <see cref="ClassroomLimits.MaxScenarioChars"/> characters.</remarks>
/// <remarks>Settings: PATH=VALUE assignments applied to the scenario (<c>spiral params</c> lists the paths), e.g. <c>states[China].policy=Hawk</c> for a bot's policy.</remarks>
/// <remarks>Bots: a bot policy (a <c>PolicyCatalog</c> name) per state name, for the state's security type; same as the setting <c>states[NAME].policy=POLICY</c>.</remarks>
/// <remarks>Seats: the states played by students (names); the other states are bots. Empty: every state is a seat.</remarks>
/// <remarks>Seed: the game's seed (default: drawn at random and shown to the teacher).</remarks>
/// <remarks>Years: years to play (default and at most: the scenario's horizon).</remarks>
/// <remarks>DecisionSeconds: each year's decision deadline, in seconds after the year opens.</remarks>
public sealed record CreateGameRequest
{
    public string? Scenario { get; init; }
    public string? ScenarioYaml { get; init; }
    public IReadOnlyList<string>? Settings { get; init; }
    public IReadOnlyDictionary<string, string>? Bots { get; init; }
    public IReadOnlyList<string>? Seats { get; init; }
    public ulong? Seed { get; init; }
    public int? Years { get; init; }
    public int DecisionSeconds { get; init; } = ClassroomLimits.DefaultDecisionSeconds;
}

/// <summary>A new game: its id, the teacher's secret (shown once) and one join code per seat (each a 128-bit token).</summary>
public sealed record CreateGameResult(string GameId, string TeacherSecret, string Scenario, ulong Seed, int Years, IReadOnlyList<SeatCode> Seats);

/// <summary>The join code of one seat. The code is the seat's token: whoever holds it plays the seat (a team may share it).</summary>
public sealed record SeatCode(string State, string JoinCode);

/// <summary>A student joining with a join code; Name is shown to the teacher (optional, at most <see cref="ClassroomLimits.MaxNameChars"/> characters).</summary>
public sealed record JoinRequest(string JoinCode, string? Name = null);

/// <summary>The seat a join code opens: send <see cref="SeatToken"/> as <c>Authorization: Bearer</c> on the seat's requests.</summary>
public sealed record JoinResult(string GameId, string State, string SeatToken);

/// <summary>
/// A seat's decision for <see cref="Year"/> (the open year of its view), by state name. A null burden or posture keeps
/// what the seat's bot would choose; the lists replace the bot's diplomacy (empty or null = none).
/// </summary>
public sealed record DecisionRequest
{
    public int Year { get; init; }
    public double? DesiredBurden { get; init; }
    public double? Posture { get; init; }
    public IReadOnlyList<string>? ProposeCbm { get; init; }
    public IReadOnlyList<string>? RefuseCbm { get; init; }
    public IReadOnlyList<string>? ProposeHotline { get; init; }
    public IReadOnlyList<string>? RefuseHotline { get; init; }
    public IReadOnlyList<string>? Demands { get; init; }
    public IReadOnlyList<string>? Probes { get; init; }
    public string? BalanceAgainst { get; init; }
    public bool AnnounceReassurance { get; init; }
    public IReadOnlyList<CrisisStanceRequest>? CrisisStances { get; init; }
}

/// <summary>In a crisis with Opponent this year: escalate while below MaxRung, then AtLimit ("Hold" or "BackDown").</summary>
public sealed record CrisisStanceRequest(string Opponent, int MaxRung, string AtLimit);

/// <summary>A decision accepted (committed to the store before this answer); YearClosed when it was the last seat and the year was stepped.</summary>
public sealed record DecisionReceipt(string State, int Year, bool YearClosed);

/// <summary>A message: To a state's name for a private message, or null for a public statement.</summary>
public sealed record MessageRequest(string? To, string Text);

/// <summary>A teacher's inject: Kind Incident, LeadershipChange, EconomicShock or CbmOffer, the states by name, and its value.</summary>
public sealed record InjectRequest(string Kind, IReadOnlyList<string> States, double? Value = null);

/// <summary>More time for the open year.</summary>
public sealed record ExtendRequest(int Seconds);

/// <summary>The game's phase.</summary>
public enum GameStatus
{
    /// <summary>Created; seats may join; no year runs.</summary>
    Lobby,
    Running,
    /// <summary>The clock is stopped; decisions are still accepted.</summary>
    Paused,
    Ended,
}

/// <summary>What anyone with the game id sees (spectators, a projector): progress and public statements, nothing private.</summary>
public sealed record PublicGameView(
    string GameId,
    string Scenario,
    GameStatus Status,
    int Year,
    int YearsLeft,
    DateTimeOffset? Deadline,
    int SeatsDecided,
    int SeatCount,
    IReadOnlyList<MessageView> PublicStatements);

/// <summary>One seat as the teacher sees it: who joined, whether it decided this year (not what).</summary>
public sealed record TeacherSeatView(string State, IReadOnlyList<string> Players, bool Decided, string Type);

/// <summary>The teacher's control cell: status, clock, seats, bots, every type, every message and the queued injects.</summary>
public sealed record TeacherView(
    string GameId,
    string Scenario,
    ulong Seed,
    GameStatus Status,
    int Year,
    int YearsLeft,
    DateTimeOffset? Deadline,
    bool TypesRevealed,
    IReadOnlyList<TeacherSeatView> Seats,
    IReadOnlyList<TeacherSeatView> Bots,
    IReadOnlyList<MessageView> Messages);

/// <summary>Bounds on every input of the classroom API (checked like scenario files: what, where, what was expected).</summary>
public static class ClassroomLimits
{
    public const int DefaultDecisionSeconds = 300;
    public const int MinDecisionSeconds = 5;
    public const int MaxDecisionSeconds = 24 * 3600;
    public const int MaxScenarioChars = 1 << 20;
    public const int MaxSettings = 100;
    public const int MaxNameChars = 60;
    public const int MaxMessageChars = 2000;
    /// <summary>The most messages one seat may send in one year.</summary>
    public const int MaxMessagesPerSeatYear = 50;
    /// <summary>The most games one server holds live.</summary>
    public const int MaxLiveGames = 200;
    /// <summary>The largest request body the classroom endpoints read, in bytes.</summary>
    public const int MaxBodyBytes = 2 << 20;
}

/// <summary>A refused classroom request: the HTTP status, what is wrong (and where: <see cref="Field"/>, the path of the value at fault).</summary>
public sealed class ClassroomApiException(int status, string message, string? field = null) : Exception(message)
{
    public int Status { get; } = status;
    public string? Field { get; } = field;
}

/// <summary>Where the classroom keeps its SQLite store; <c>Classroom:Database</c> in configuration (default: under the user's data folder).</summary>
public sealed record ClassroomOptions
{
    public string StorePath { get; init; } = DefaultStorePath();

    /// <summary>How often the clock closes years whose deadline passed.</summary>
    public TimeSpan Tick { get; init; } = TimeSpan.FromSeconds(1);

    public static string DefaultStorePath() =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
            "spiral", "classroom.db");
}
