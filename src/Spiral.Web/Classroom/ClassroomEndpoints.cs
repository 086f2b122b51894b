using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.RateLimiting;
using Spiral.IO.Classroom;

namespace Spiral.Web.Classroom;

/// <summary>
/// The classroom's JSON HTTP API under <c>/api/classroom</c> (docs/reference/classroom-api.md): thin handlers that read
/// a bounded JSON body and the bearer token, call <see cref="ClassroomService"/>, and answer JSON; every refusal is
/// <c>{"error": what is wrong and what was expected, "field": the path of the value at fault}</c> with its 4xx status.
/// Rate-limited per token (or per client address without one) by ASP.NET Core's rate limiter.
/// </summary>
public static class ClassroomEndpoints
{
    public const string RateLimitPolicy = "classroom";

    /// <summary>Requests a token (or an address without a token) may burst, and add per second.</summary>
    public const int TokenBurst = 40, TokenPerSecond = 20, AddressBurst = 400, AddressPerSecond = 200;

    /// <summary>Registers the store (<c>Classroom:Database</c>, default <see cref="ClassroomOptions.DefaultStorePath"/>), the service, its clock and the rate limiter.</summary>
    public static IServiceCollection AddClassroom(this IServiceCollection services, IConfiguration configuration)
    {
        var configured = configuration["Classroom:Database"];
        var options = new ClassroomOptions { StorePath = string.IsNullOrWhiteSpace(configured) ? ClassroomOptions.DefaultStorePath() : configured };
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp =>
        {
            var path = sp.GetRequiredService<ClassroomOptions>().StorePath;
            if (configured is null)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            }
            return new ClassroomStore(path);
        });
        services.AddSingleton<ClassroomService>();
        services.AddHostedService<ClassroomClock>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, token) => new ValueTask(Error(context.HttpContext, 429,
                "too many requests; wait a moment and try again", null).ExecuteAsync(context.HttpContext));
            o.AddPolicy(RateLimitPolicy, http =>
            {
                var bearer = Bearer(http);
                return bearer is null
                    ? RateLimitPartition.GetTokenBucketLimiter("address:" + http.Connection.RemoteIpAddress, _ => Bucket(AddressBurst, AddressPerSecond))
                    : RateLimitPartition.GetTokenBucketLimiter("token:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(bearer))),
                        _ => Bucket(TokenBurst, TokenPerSecond));
            });
        });
        return services;
    }

    /// <summary>Maps every classroom endpoint (see docs/reference/classroom-api.md).</summary>
    public static IEndpointRouteBuilder MapClassroomApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/classroom").RequireRateLimiting(RateLimitPolicy).DisableAntiforgery();
        api.MapPost("/games", (HttpContext http, ClassroomService s) =>
            Handle(http, async () => Results.Json(s.CreateGame(await Body<CreateGameRequest>(http)), ClassroomService.Json, statusCode: 201)));
        api.MapPost("/join", (HttpContext http, ClassroomService s) =>
            Handle(http, async () => Results.Json(s.Join(await Body<JoinRequest>(http)), ClassroomService.Json)));
        api.MapGet("/games/{gameId}", (HttpContext http, ClassroomService s, string gameId) =>
            Handle(http, () => Task.FromResult(Results.Json(s.GetPublicView(gameId), ClassroomService.Json))));
        api.MapGet("/games/{gameId}/seats/{state}", (HttpContext http, ClassroomService s, string gameId, string state) =>
            Handle(http, () => Task.FromResult(Results.Json(s.GetSeatView(gameId, state, Bearer(http)), ClassroomService.Json))));
        api.MapPost("/games/{gameId}/seats/{state}/decisions", (HttpContext http, ClassroomService s, string gameId, string state) =>
            Handle(http, async () =>
            {
                // Authorise before reading the body, so another seat's token gets 403 whatever it sends.
                s.GetSeatView(gameId, state, Bearer(http));
                return Results.Json(s.Decide(gameId, state, Bearer(http), await Body<DecisionRequest>(http)), ClassroomService.Json, statusCode: 202);
            }));
        api.MapPost("/games/{gameId}/seats/{state}/messages", (HttpContext http, ClassroomService s, string gameId, string state) =>
            Handle(http, async () => Results.Json(s.SendMessage(gameId, state, Bearer(http), await Body<MessageRequest>(http)), ClassroomService.Json, statusCode: 201)));
        api.MapGet("/games/{gameId}/teacher", (HttpContext http, ClassroomService s, string gameId) =>
            Handle(http, () => Task.FromResult(Results.Json(s.GetTeacherView(gameId, Bearer(http)), ClassroomService.Json))));
        api.MapPost("/games/{gameId}/teacher/{action}", (HttpContext http, ClassroomService s, string gameId, string action) =>
            Handle(http, async () =>
            {
                var secret = Bearer(http);
                var view = action switch
                {
                    "start" => s.Start(gameId, secret),
                    "pause" => s.Pause(gameId, secret),
                    "resume" => s.Resume(gameId, secret),
                    "close-year" => s.CloseYearNow(gameId, secret),
                    "reveal" => s.RevealTypes(gameId, secret),
                    "end" => s.EndGame(gameId, secret),
                    "extend" => s.ExtendDeadline(gameId, secret, await TeacherBody<ExtendRequest>(http, s, gameId, secret)),
                    "inject" => s.Inject(gameId, secret, await TeacherBody<InjectRequest>(http, s, gameId, secret)),
                    _ => throw new ClassroomApiException(404, $"no teacher action '{action}'; expected start, pause, resume, extend, inject, close-year, reveal or end"),
                };
                return Results.Json(view, ClassroomService.Json);
            }));
        api.MapGet("/games/{gameId}/debrief", (HttpContext http, ClassroomService s, string gameId) =>
            Handle(http, () => Task.FromResult(Results.Json(s.GetDebrief(gameId, Bearer(http)), ClassroomService.Json))));
        api.MapGet("/games/{gameId}/seats/{state}/debrief", (HttpContext http, ClassroomService s, string gameId, string state) =>
            Handle(http, () => Task.FromResult(Results.Json(s.GetDebrief(gameId, state, Bearer(http)), ClassroomService.Json))));
        api.MapGet("/games/{gameId}/export.csv", (HttpContext http, ClassroomService s, string gameId) =>
            Handle(http, () => Task.FromResult(Results.Text(s.ExportCsv(gameId, Bearer(http)), "text/csv; charset=utf-8"))));
        return app;
    }

    /// <summary>The bearer token of the request (<c>Authorization: Bearer TOKEN</c>), or null.</summary>
    public static string? Bearer(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length > 7 ? header[7..].Trim() : null;
    }

    private static TokenBucketRateLimiterOptions Bucket(int burst, int perSecond) => new()
    {
        TokenLimit = burst,
        TokensPerPeriod = perSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static async Task<IResult> Handle(HttpContext http, Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (ClassroomApiException e)
        {
            return Error(http, e.Status, e.Message, e.Field);
        }
    }

    private static IResult Error(HttpContext http, int status, string message, string? field) =>
        Results.Json(new { error = message, field }, ClassroomService.Json, statusCode: status);

    /// <summary>The teacher's body, read only once the secret is checked (a wrong secret gets 403 whatever it sends).</summary>
    private static Task<T> TeacherBody<T>(HttpContext http, ClassroomService s, string gameId, string? secret)
    {
        s.GetTeacherView(gameId, secret);
        return Body<T>(http);
    }

    /// <summary>Reads a JSON body of at most <see cref="ClassroomLimits.MaxBodyBytes"/>: 413 when larger, 400 with the JSON path, line and column when malformed.</summary>
    private static async Task<T> Body<T>(HttpContext http)
    {
        if (http.Request.ContentLength > ClassroomLimits.MaxBodyBytes)
        {
            throw new ClassroomApiException(413, $"body: {http.Request.ContentLength} bytes; expected at most {ClassroomLimits.MaxBodyBytes}");
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            if (buffer.Length + read > ClassroomLimits.MaxBodyBytes)
            {
                throw new ClassroomApiException(413, $"body: more than {ClassroomLimits.MaxBodyBytes} bytes; expected at most {ClassroomLimits.MaxBodyBytes}");
            }
            buffer.Write(chunk, 0, read);
        }
        try
        {
            return JsonSerializer.Deserialize<T>(buffer.ToArray(), ClassroomService.Json)
                ?? throw new ClassroomApiException(400, $"body: null; expected a JSON object ({typeof(T).Name})");
        }
        catch (JsonException e)
        {
            var where = e.Path is { Length: > 0 } path ? path : "$";
            throw new ClassroomApiException(400,
                $"body: {where} at line {(e.LineNumber ?? 0) + 1}, column {(e.BytePositionInLine ?? 0) + 1}: not valid JSON for {typeof(T).Name} ({FirstSentence(e.Message)})",
                where);
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message;
    }
}

/// <summary>Closes years whose deadline passed, once per <see cref="ClassroomOptions.Tick"/> on the injected clock.</summary>
public sealed class ClassroomClock(ClassroomService service, ClassroomOptions options, TimeProvider time, ILogger<ClassroomClock> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Tick, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    service.Tick();
                }
                catch (Exception e) when (e is IOException or Microsoft.Data.Sqlite.SqliteException)
                {
                    log.LogError(e, "classroom clock: could not close a year");
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
