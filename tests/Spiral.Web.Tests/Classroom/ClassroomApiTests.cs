using System.Net;
using System.Text;
using System.Text.Json;
using Spiral.Core.Policies;
using Spiral.Experiments.Classroom;
using Spiral.IO.Scenarios;
using Spiral.Web.Classroom;

namespace Spiral.Web.Tests.Classroom;

public sealed class ClassroomApiTests : IAsyncLifetime
{
    private const string Scenario = "jervis-doubly-dangerous";
    private static readonly string[] Seats = ["Alpha", "Beta", "Gamma"];

    private readonly string _folder = Directory.CreateTempSubdirectory("spiral-classroom-api-").FullName;
    private readonly ManualClock _clock = new();
    private ClassroomApiHost _host = null!;

    private string Database => Path.Combine(_folder, "classroom.db");

    public async Task InitializeAsync() => _host = await ClassroomApiHost.Start(Database, _clock);

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<(CreateGameResult Game, Dictionary<string, string> Tokens)> NewGame(ulong seed = 17, bool start = true,
        IReadOnlyList<string>? settings = null)
    {
        var game = await _host.Json<CreateGameResult>(HttpMethod.Post, "/games", body: new CreateGameRequest
        {
            Scenario = Scenario, Seats = Seats, Seed = seed, Years = 10, DecisionSeconds = 60, Settings = settings,
        });
        var tokens = new Dictionary<string, string>();
        foreach (var seat in game.Seats)
        {
            var joined = await _host.Json<JoinResult>(HttpMethod.Post, "/join", body: new JoinRequest(seat.JoinCode, "team " + seat.State));
            Assert.Equal((game.GameId, seat.State), (joined.GameId, joined.State));
            tokens[seat.State] = joined.SeatToken;
        }
        if (start)
        {
            await _host.Json<TeacherView>(HttpMethod.Post, $"/games/{game.GameId}/teacher/start", game.TeacherSecret);
        }
        return (game, tokens);
    }

    private static async Task<(HttpStatusCode Status, string Error, string? Field)> Refusal(HttpResponseMessage response)
    {
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var field = doc.RootElement.GetProperty("field");
        return (response.StatusCode, doc.RootElement.GetProperty("error").GetString()!, field.ValueKind == JsonValueKind.Null ? null : field.GetString());
    }

    [Fact]
    public async Task CreateGame_TokensAre128BitHexAndTheStoreHoldsOnlyTheirHashes()
    {
        var (game, _) = await NewGame();
        var secrets = game.Seats.Select(s => s.JoinCode).Append(game.TeacherSecret).ToList();
        Assert.All(secrets, s => Assert.Matches("^[0-9a-f]{32}$", s));
        Assert.Equal(secrets.Count, secrets.Distinct().Count());
        var stored = string.Concat(new[] { Database, Database + "-wal" }.Where(File.Exists)
            .Select(p => Encoding.Latin1.GetString(ReadShared(p))));
        Assert.Contains(game.GameId, stored);
        Assert.All(secrets, s => Assert.DoesNotContain(s, stored, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task SeatView_AnotherSeatsToken_Gets403OnViewAndDecide()
    {
        var (game, tokens) = await NewGame();
        using var view = await _host.Send(HttpMethod.Get, $"/games/{game.GameId}/seats/Beta", tokens["Alpha"]);
        var (status, error, _) = await Refusal(view);
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("this token is Alpha's seat; it may not read or act for 'Beta'", error);
        using var decide = await _host.Send(HttpMethod.Post, $"/games/{game.GameId}/seats/Beta/decisions", tokens["Alpha"],
            new DecisionRequest { Year = 2000, DesiredBurden = 0.05 });
        Assert.Equal(HttpStatusCode.Forbidden, decide.StatusCode);
        var beta = await _host.Json<SeatView>(HttpMethod.Get, $"/games/{game.GameId}/seats/Beta", tokens["Beta"]);
        Assert.False(beta.Decided);
    }

    [Fact]
    public async Task SeatView_TokenOfAnotherGame_Gets404OnViewAndDecide()
    {
        var (first, _) = await NewGame();
        var (_, otherTokens) = await NewGame(seed: 18);
        using var view = await _host.Send(HttpMethod.Get, $"/games/{first.GameId}/seats/Alpha", otherTokens["Alpha"]);
        var (status, error, _) = await Refusal(view);
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains($"no seat of game {first.GameId} has this token", error);
        using var decide = await _host.Send(HttpMethod.Post, $"/games/{first.GameId}/seats/Alpha/decisions", otherTokens["Alpha"],
            new DecisionRequest { Year = 2000 });
        Assert.Equal(HttpStatusCode.NotFound, decide.StatusCode);
        using var none = await _host.Send(HttpMethod.Get, $"/games/{first.GameId}/seats/Alpha");
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
    }

    [Fact]
    public async Task Decide_ReplayedDecision_Gets409AndTheFirstStands()
    {
        var (game, tokens) = await NewGame();
        var path = $"/games/{game.GameId}/seats/Alpha/decisions";
        var receipt = await _host.Json<DecisionReceipt>(HttpMethod.Post, path, tokens["Alpha"], new DecisionRequest { Year = 2000, DesiredBurden = 0.04 });
        Assert.Equal(("Alpha", 2000, false), (receipt.State, receipt.Year, receipt.YearClosed));
        using var again = await _host.Send(HttpMethod.Post, path, tokens["Alpha"], new DecisionRequest { Year = 2000, DesiredBurden = 0.09 });
        var (status, error, _) = await Refusal(again);
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("Alpha has already decided for 2000", error);
        var view = await _host.Json<SeatView>(HttpMethod.Get, $"/games/{game.GameId}/seats/Alpha", tokens["Alpha"]);
        Assert.Equal(0.04, view.AcceptedDecision!.DesiredBurden);
    }

    [Fact]
    public async Task Decide_LateDecisionForAClosedYear_Gets409NamingTheOpenYear()
    {
        var (game, tokens) = await NewGame();
        await _host.Json<TeacherView>(HttpMethod.Post, $"/games/{game.GameId}/teacher/close-year", game.TeacherSecret);
        using var late = await _host.Send(HttpMethod.Post, $"/games/{game.GameId}/seats/Beta/decisions", tokens["Beta"],
            new DecisionRequest { Year = 2000, Posture = 0.2 });
        var (status, error, _) = await Refusal(late);
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("2000 is already closed; the open year is 2001", error);
    }

    [Fact]
    public async Task Deadline_PassedOnTheInjectedClock_ClosesTheYearWithBotsForTheMissingSeats()
    {
        var (game, tokens) = await NewGame();
        await _host.Json<DecisionReceipt>(HttpMethod.Post, $"/games/{game.GameId}/seats/Alpha/decisions", tokens["Alpha"],
            new DecisionRequest { Year = 2000, DesiredBurden = 0.06 });
        Assert.Equal(0, _host.Service.Tick());
        _clock.Now = _clock.Now.AddSeconds(61);
        // The host's clock ticks every second too; whichever tick comes first closes the year, once.
        _host.Service.Tick();
        var debrief = await _host.Json<ClassroomDebrief>(HttpMethod.Get, $"/games/{game.GameId}/debrief", game.TeacherSecret);
        Assert.Equal(["player", "bot", "bot"], debrief.SeatYears.Select(r => r.DecidedBy));
        var view = await _host.Json<PublicGameView>(HttpMethod.Get, $"/games/{game.GameId}");
        Assert.Equal((2001, _clock.Now.AddSeconds(60)), (view.Year, view.Deadline!.Value));
    }

    [Fact]
    public async Task Decide_ValueOutOfRange_Gets400WithTheFieldAndTheExpectation()
    {
        var (game, tokens) = await NewGame();
        var path = $"/games/{game.GameId}/seats/Alpha/decisions";
        using var burden = await _host.Send(HttpMethod.Post, path, tokens["Alpha"], new DecisionRequest { Year = 2000, DesiredBurden = 1.5 });
        Assert.Equal((HttpStatusCode.BadRequest, "decision.desiredBurden"), ((await Refusal(burden)).Status, (await Refusal(burden)).Field));
        using var stance = await _host.Send(HttpMethod.Post, path, tokens["Alpha"], new DecisionRequest
        {
            Year = 2000, CrisisStances = [new CrisisStanceRequest("Beta", 3, "Surrender")],
        });
        var (status, error, field) = await Refusal(stance);
        Assert.Equal((HttpStatusCode.BadRequest, "crisisStances[0].atLimit"), (status, field));
        Assert.Contains("expected one of Hold, BackDown", error);
        using var state = await _host.Send(HttpMethod.Post, path, tokens["Alpha"], new DecisionRequest { Year = 2000, ProposeCbm = ["Atlantis"] });
        Assert.Equal("proposeCbm[0]", (await Refusal(state)).Field);
        using var malformed = await _host.Send(HttpMethod.Post, path, tokens["Alpha"],
            new StringContent("{\"year\": 2000, \"desiredBurden\": \"lots\"}", Encoding.UTF8, "application/json"));
        var bad = await Refusal(malformed);
        Assert.Equal((HttpStatusCode.BadRequest, "$.desiredBurden"), (bad.Status, bad.Field));
        Assert.Contains("line 1, column", bad.Error);
        var view = await _host.Json<SeatView>(HttpMethod.Get, $"/games/{game.GameId}/seats/Alpha", tokens["Alpha"]);
        Assert.False(view.Decided);
    }

    [Fact]
    public async Task TeacherActions_WithoutOrWithAWrongSecret_Get403()
    {
        var (game, tokens) = await NewGame(start: false);
        foreach (var bearer in new[] { null, tokens["Alpha"], "0123456789abcdef0123456789abcdef" })
        {
            using var start = await _host.Send(HttpMethod.Post, $"/games/{game.GameId}/teacher/start", bearer);
            Assert.Equal(HttpStatusCode.Forbidden, start.StatusCode);
            using var debrief = await _host.Send(HttpMethod.Get, $"/games/{game.GameId}/debrief", bearer);
            Assert.Equal(HttpStatusCode.Forbidden, debrief.StatusCode);
            using var inject = await _host.Send(HttpMethod.Post, $"/games/{game.GameId}/teacher/inject", bearer,
                new InjectRequest("Incident", ["Alpha", "Beta"], 2));
            Assert.Equal(HttpStatusCode.Forbidden, inject.StatusCode);
        }
        var view = await _host.Json<PublicGameView>(HttpMethod.Get, $"/games/{game.GameId}");
        Assert.Equal(GameStatus.Lobby, view.Status);
    }

    [Fact]
    public async Task SeatResponses_OfAGameWithCrisesMessagesAndInjects_NeverContainAnotherSeatsTypeOrPendingDecision()
    {
        // Every state greedy with probability one half, so the game holds both types (asserted below) and a leak would show.
        var (game, tokens) = await NewGame(seed: 5, settings: ["states[*].greedProbability=0.5"]);
        var seen = new StringBuilder();
        async Task Read(HttpMethod method, string path, string token, object? body = null)
        {
            using var r = await _host.Send(method, path, token, body);
            Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync());
            seen.AppendLine(await r.Content.ReadAsStringAsync());
        }
        var types = (await _host.Json<TeacherView>(HttpMethod.Get, $"/games/{game.GameId}/teacher", game.TeacherSecret))
            .Seats.Concat((await _host.Json<TeacherView>(HttpMethod.Get, $"/games/{game.GameId}/teacher", game.TeacherSecret)).Bots)
            .ToDictionary(s => s.State, s => s.Type);
        for (var year = 2000; year < 2008; year++)
        {
            if (year == 2002)
            {
                await _host.Json<TeacherView>(HttpMethod.Post, $"/games/{game.GameId}/teacher/inject", game.TeacherSecret,
                    new InjectRequest("Incident", ["Alpha", "Gamma"], 3));
            }
            // Beta and Gamma decide first, with values no observation produces; Alpha reads everything it may, then decides.
            await _host.Json<DecisionReceipt>(HttpMethod.Post, $"/games/{game.GameId}/seats/Beta/decisions", tokens["Beta"],
                new DecisionRequest { Year = year, DesiredBurden = 0.0123456789, Demands = ["Alpha"] });
            await _host.Json<DecisionReceipt>(HttpMethod.Post, $"/games/{game.GameId}/seats/Gamma/decisions", tokens["Gamma"],
                new DecisionRequest { Year = year, Posture = 0.987654321, CrisisStances = [new CrisisStanceRequest("Alpha", 7, "Hold")] });
            await Read(HttpMethod.Get, $"/games/{game.GameId}/seats/Alpha", tokens["Alpha"]);
            await Read(HttpMethod.Get, $"/games/{game.GameId}", tokens["Alpha"]);
            await Read(HttpMethod.Post, $"/games/{game.GameId}/seats/Alpha/messages", tokens["Alpha"], new MessageRequest("Beta", "stand down"));
            await Read(HttpMethod.Post, $"/games/{game.GameId}/seats/Alpha/decisions", tokens["Alpha"],
                new DecisionRequest { Year = year, DesiredBurden = 0.03, CrisisStances = [new CrisisStanceRequest("Gamma", 4, "BackDown")] });
        }
        await Read(HttpMethod.Get, $"/games/{game.GameId}/seats/Alpha", tokens["Alpha"]);
        var text = seen.ToString();
        Assert.Contains(types.Values, t => t == "Greedy");
        Assert.DoesNotContain("0.0123456789", text);
        Assert.DoesNotContain("0.987654321", text);
        // Alpha's own type appears once per view (two views a year and the last), no other type ever.
        var own = types["Alpha"];
        var other = own == "Greedy" ? "Security" : "Greedy";
        Assert.DoesNotContain($"\"{other}\"", text);
        Assert.Equal(9, text.Split($"\"type\":\"{own}\"").Length - 1);
        Assert.Equal(9, text.Split($"\"{own}\"").Length - 1);
        var view = await _host.Json<SeatView>(HttpMethod.Get, $"/games/{game.GameId}/seats/Alpha", tokens["Alpha"]);
        Assert.Contains(view.Crises, c => c.Kind == "Incident" && c.Opponent == "Gamma" && c.Year == 2002);
        Assert.Contains(view.Messages, m => m.From == "Alpha" && m.To == "Beta");
    }

    [Fact]
    public async Task RateLimit_OneTokenFloodingTheApi_Gets429()
    {
        var (game, tokens) = await NewGame();
        var statuses = new List<HttpStatusCode>();
        for (var k = 0; k < ClassroomEndpoints.TokenBurst + 20; k++)
        {
            using var r = await _host.Send(HttpMethod.Get, $"/games/{game.GameId}/seats/Alpha", tokens["Alpha"]);
            statuses.Add(r.StatusCode);
        }
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.Equal(HttpStatusCode.OK, statuses[0]);
        // Another seat's token has its own bucket.
        using var beta = await _host.Send(HttpMethod.Get, $"/games/{game.GameId}/seats/Beta", tokens["Beta"]);
        Assert.Equal(HttpStatusCode.OK, beta.StatusCode);
    }

    [Fact]
    public async Task Restart_MidYear_KeepsTheAcceptedDecisionsAndClosesTheYearAsItWouldHave()
    {
        var (game, tokens) = await NewGame(seed: 29);
        var alpha = new DecisionRequest { Year = 2000, DesiredBurden = 0.05, Posture = 0.7, Demands = ["Gamma"] };
        var beta = new DecisionRequest { Year = 2000, ProposeCbm = ["Gamma"], CrisisStances = [new CrisisStanceRequest("Alpha", 2, "BackDown")] };
        await _host.Json<DecisionReceipt>(HttpMethod.Post, $"/games/{game.GameId}/seats/Alpha/decisions", tokens["Alpha"], alpha);
        await _host.Json<DecisionReceipt>(HttpMethod.Post, $"/games/{game.GameId}/seats/Beta/decisions", tokens["Beta"], beta);
        await _host.Json<TeacherView>(HttpMethod.Post, $"/games/{game.GameId}/teacher/inject", game.TeacherSecret,
            new InjectRequest("EconomicShock", ["Delta"], -0.3));
        await _host.Json<MessageView>(HttpMethod.Post, $"/games/{game.GameId}/seats/Gamma/messages", tokens["Gamma"], new MessageRequest(null, "peace"));

        await _host.DisposeAsync();
        _host = await ClassroomApiHost.Start(Database, _clock);

        var alphaView = await _host.Json<SeatView>(HttpMethod.Get, $"/games/{game.GameId}/seats/Alpha", tokens["Alpha"]);
        Assert.True(alphaView.Decided);
        Assert.Equal(0.05, alphaView.AcceptedDecision!.DesiredBurden);
        using var replayed = await _host.Send(HttpMethod.Post, $"/games/{game.GameId}/seats/Beta/decisions", tokens["Beta"], beta);
        Assert.Equal(HttpStatusCode.Conflict, replayed.StatusCode);
        var teacher = await _host.Json<TeacherView>(HttpMethod.Get, $"/games/{game.GameId}/teacher", game.TeacherSecret);
        Assert.Equal((GameStatus.Running, 2000), (teacher.Status, teacher.Year));
        Assert.Equal(["team Alpha"], teacher.Seats.Single(s => s.State == "Alpha").Players);
        var gamma = new DecisionRequest { Year = 2000, DesiredBurden = 0.02 };
        var receipt = await _host.Json<DecisionReceipt>(HttpMethod.Post, $"/games/{game.GameId}/seats/Gamma/decisions", tokens["Gamma"], gamma);
        Assert.True(receipt.YearClosed);

        // The same game played without a restart, in the engine: the same world and the same views.
        var scenario = ScenarioLoader.LoadLibrary(Scenario);
        var reference = new ClassroomGame(scenario, 29, [0, 1, 2], 10);
        reference.Submit(0, 2000, new SeatDecision { DesiredBurden = 0.05, Posture = 0.7, Demands = [2] });
        reference.Submit(1, 2000, new SeatDecision { ProposeCbm = [2], CrisisStances = [new CrisisStance(0, 2, StanceAtLimit.BackDown)] });
        reference.Inject(new ClassroomInject(InjectKind.EconomicShock, [3], -0.3));
        reference.Post(2, null, "peace");
        reference.Submit(2, 2000, new SeatDecision { DesiredBurden = 0.02 });
        reference.CloseYear();
        foreach (var (state, index) in new[] { ("Alpha", 0), ("Beta", 1), ("Gamma", 2) })
        {
            using var r = await _host.Send(HttpMethod.Get, $"/games/{game.GameId}/seats/{state}", tokens[state]);
            Assert.Equal(JsonSerializer.Serialize(reference.ViewOf(index), ClassroomService.Json), await r.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Debrief_ForASeat_OpensOnlyWhenTheGameHasEndedAndExportsOneCsvRowPerSeatYear()
    {
        var (game, tokens) = await NewGame();
        using var early = await _host.Send(HttpMethod.Get, $"/games/{game.GameId}/seats/Alpha/debrief", tokens["Alpha"]);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        await _host.Json<TeacherView>(HttpMethod.Post, $"/games/{game.GameId}/teacher/close-year", game.TeacherSecret);
        await _host.Json<TeacherView>(HttpMethod.Post, $"/games/{game.GameId}/teacher/close-year", game.TeacherSecret);
        await _host.Json<TeacherView>(HttpMethod.Post, $"/games/{game.GameId}/teacher/reveal", game.TeacherSecret);
        var ended = await _host.Json<TeacherView>(HttpMethod.Post, $"/games/{game.GameId}/teacher/end", game.TeacherSecret);
        Assert.Equal(GameStatus.Ended, ended.Status);
        var debrief = await _host.Json<ClassroomDebrief>(HttpMethod.Get, $"/games/{game.GameId}/seats/Alpha/debrief", tokens["Alpha"]);
        Assert.Equal(6, debrief.SeatYears.Count);
        using var csv = await _host.Send(HttpMethod.Get, $"/games/{game.GameId}/export.csv", game.TeacherSecret);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimEnd('\n').Split('\n');
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Equal(string.Join(',', ClassroomDebrief.CsvHeader), lines[0]);
        Assert.Equal(7, lines.Length);
        using var after = await _host.Send(HttpMethod.Post, $"/games/{game.GameId}/seats/Alpha/decisions", tokens["Alpha"], new DecisionRequest { Year = 2002 });
        Assert.Equal(HttpStatusCode.Conflict, after.StatusCode);
    }

    private static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
