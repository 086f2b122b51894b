using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Spiral.Experiments.Classroom;
using Spiral.Web;
using Spiral.Web.Classroom;

namespace Spiral.Benchmarks;

/// <summary>
/// The classroom's load test (issue 16): the real server (<see cref="SpiralWebHost"/>, Kestrel on loopback, its SQLite
/// store in a temporary folder) with 6 games of 10 seats each (60 seats) and 10 spectators polling the games' public
/// views every 200 ms, played for 20 years over real HTTP. A year closes
/// when its 10 seats have decided. Seats poll their game's public view every 100 ms until their year opens, then read
/// their own view once and decide, as the seat page does. Reports errors (any non-success answer or failed request), the decision
/// acknowledgement times (from sending the decision to its answer, which comes after the SQLite commit, and for the
/// year's last seat after the kernel stepped the year) as p50/p95/max, and the views served (public and seat views).
/// <c>dotnet run -c Release --project bench/Spiral.Benchmarks -- classroom-load [games] [seatsPerGame] [spectators] [years]</c>.
/// </summary>
public static class ClassroomLoad
{
    public static void Run(string[] args) => RunAsync(args).GetAwaiter().GetResult();

    private static async Task RunAsync(string[] args)
    {
        int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i], CultureInfo.InvariantCulture) : fallback;
        var games = Arg(1, 6);
        var seatsPerGame = Arg(2, 10);
        var spectators = Arg(3, 10);
        var years = Arg(4, 20);
        var folder = Directory.CreateTempSubdirectory("spiral-classroom-load-").FullName;
        try
        {
            await using var app = SpiralWebHost.Build(["--Classroom:Database", Path.Combine(folder, "classroom.db"), "--Logging:LogLevel:Default", "Warning"],
                "http://127.0.0.1:0");
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512 }) { BaseAddress = new Uri(address + "/api/classroom/") };
            var result = await Play(http, games, seatsPerGame, spectators, years);
            Console.WriteLine(result);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed record Seat(string GameId, string State, string Token, int Index);

    private static async Task<string> Play(HttpClient http, int games, int seatsPerGame, int spectators, int years)
    {
        var errors = new ConcurrentBag<string>();
        var acks = new ConcurrentBag<double>();
        long views = 0;
        var scenario = Scenario(seatsPerGame, years);
        var seats = new List<Seat>();
        var gameIds = new List<string>();
        for (var g = 0; g < games; g++)
        {
            var created = await Post<CreateGameResult>(http, "games", null, new CreateGameRequest
            {
                ScenarioYaml = scenario, Seed = (ulong)(1000 + g), Years = years, DecisionSeconds = 600,
            });
            gameIds.Add(created.GameId);
            for (var k = 0; k < created.Seats.Count; k++)
            {
                var joined = await Post<JoinResult>(http, "join", null, new JoinRequest(created.Seats[k].JoinCode, $"load {k}"));
                seats.Add(new Seat(created.GameId, joined.State, joined.SeatToken, k));
            }
            await Post<TeacherView>(http, $"games/{created.GameId}/teacher/start", created.TeacherSecret, null);
        }

        using var done = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();
        var spectatorTasks = Enumerable.Range(0, spectators).Select(s => Task.Run(async () =>
        {
            var k = s;
            while (!done.IsCancellationRequested)
            {
                try
                {
                    using var r = await http.GetAsync($"games/{gameIds[k++ % gameIds.Count]}");
                    Interlocked.Increment(ref views);
                    if (!r.IsSuccessStatusCode) errors.Add($"spectator: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
                    await Task.Delay(200, done.Token);
                }
                catch (OperationCanceledException)
                {
                }
                catch (Exception e)
                {
                    errors.Add("spectator: " + e.Message);
                }
            }
        })).ToList();

        var seatTasks = seats.Select(seat => Task.Run(async () =>
        {
            for (var y = 0; y < years; y++)
            {
                try
                {
                    // Like a client: poll the game's small public view (with its token, so the rate limit counts it per seat, not per
                    // address) until its year opens, then read its own view once.
                    while ((await Get<PublicGameView>(http, $"games/{seat.GameId}", seat.Token)).YearsLeft != years - y)
                    {
                        Interlocked.Increment(ref views);
                        await Task.Delay(100);
                    }
                    var view = await Get<SeatView>(http, $"games/{seat.GameId}/seats/{seat.State}", seat.Token);
                    Interlocked.Increment(ref views);
                    var others = view.Others;
                    var decision = new DecisionRequest
                    {
                        Year = view.Year,
                        DesiredBurden = Math.Clamp(view.Own.MilitaryShare * (1 + 0.02 * ((seat.Index + y) % 5 - 2)), view.Own.DesiredBurdenFloor, view.Own.DesiredBurdenCap),
                        Posture = 0.2 + 0.05 * (seat.Index % 5),
                        ProposeCbm = [others[(seat.Index + y) % others.Count].State],
                        CrisisStances = [new CrisisStanceRequest(others[seat.Index % others.Count].State, 2 + seat.Index % 4, seat.Index % 2 == 0 ? "Hold" : "BackDown")],
                    };
                    var sent = Stopwatch.GetTimestamp();
                    using var r = await Send(http, HttpMethod.Post, $"games/{seat.GameId}/seats/{seat.State}/decisions", seat.Token, decision);
                    acks.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                    if (!r.IsSuccessStatusCode) errors.Add($"decide {seat.State} {view.Year}: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
                }
                catch (Exception e)
                {
                    errors.Add($"seat {seat.State}: {e.Message}");
                    return;
                }
            }
        })).ToList();
        await Task.WhenAll(seatTasks);
        var playSeconds = clock.Elapsed.TotalSeconds;
        await done.CancelAsync();
        await Task.WhenAll(spectatorTasks);

        var sorted = acks.Order().ToArray();
        double Percentile(double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"classroom load: {games} games, {seats.Count} seats, {spectators} spectators, {years} years, {Environment.ProcessorCount} cores");
        sb.AppendLine(CultureInfo.InvariantCulture, $"decisions acknowledged: {sorted.Length} (expected {seats.Count * years}); views served (public and seat views): {views}; errors: {errors.Count}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"decision acknowledgement ms: p50 {Percentile(0.50):F1}, p95 {Percentile(0.95):F1}, max {sorted.LastOrDefault():F1}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"wall time of play: {playSeconds:F1} s");
        foreach (var e in errors.Take(5))
        {
            sb.AppendLine("  error: " + e);
        }
        return sb.ToString();
    }

    /// <summary>A stylized scenario of <paramref name="states"/> states, one in five greedy on average, as scenario YAML (the API's <c>scenarioYaml</c>).</summary>
    private static string Scenario(int states, int years)
    {
        var sb = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"name: classroom-load\nstartYear: 2000\nsteps: {years}\ndefaultReach: 0.8\npriorBelief: 0.2\n"));
        sb.Append("world:\n  offenseAdvantage: 1.5\n  distinguishability: 0.3\n  observationNoise: 0.5\n  incidentBaseRate: 0.15\nstates:\n");
        for (var i = 1; i <= states; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  - name: S{i}\n    gdp: {1000 + 100 * i}\n    militaryShare: 0.02\n    greedProbability: 0.2\n");
        }
        return sb.ToString();
    }

    private static async Task<HttpResponseMessage> Send(HttpClient http, HttpMethod method, string path, string? bearer, object? body)
    {
        using var request = new HttpRequestMessage(method, path);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: ClassroomService.Json);
        }
        return await http.SendAsync(request);
    }

    private static async Task<T> Post<T>(HttpClient http, string path, string? bearer, object? body)
    {
        using var r = await Send(http, HttpMethod.Post, path, bearer, body);
        return await Read<T>(r, path);
    }

    private static async Task<T> Get<T>(HttpClient http, string path, string? bearer)
    {
        using var r = await Send(http, HttpMethod.Get, path, bearer, null);
        return await Read<T>(r, path);
    }

    private static async Task<T> Read<T>(HttpResponseMessage r, string path)
    {
        var text = await r.Content.ReadAsStringAsync();
        return r.IsSuccessStatusCode
            ? JsonSerializer.Deserialize<T>(text, ClassroomService.Json)!
            : throw new HttpRequestException($"{path}: {(int)r.StatusCode} {text}");
    }
}
