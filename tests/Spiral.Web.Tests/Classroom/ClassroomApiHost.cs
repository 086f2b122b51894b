using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Spiral.Web.Classroom;

namespace Spiral.Web.Tests.Classroom;

/// <summary>A clock the test moves by hand (the classroom's deadlines read the injected <see cref="TimeProvider"/>).</summary>
internal sealed class ManualClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>The explorer's host (<see cref="SpiralWebHost"/>) on an in-memory test server, its classroom store in <paramref name="database"/>.</summary>
internal sealed class ClassroomApiHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ClassroomApiHost(WebApplication app, HttpClient client)
    {
        _app = app;
        Client = client;
    }

    public HttpClient Client { get; }

    public ClassroomService Service => _app.Services.GetRequiredService<ClassroomService>();

    public static async Task<ClassroomApiHost> Start(string database, TimeProvider clock)
    {
        var app = SpiralWebHost.Build(["--Classroom:Database", database], configure: b =>
        {
            b.WebHost.UseTestServer();
            b.Services.AddSingleton(clock);
        });
        await app.StartAsync();
        return new ClassroomApiHost(app, app.GetTestClient());
    }

    public async Task<HttpResponseMessage> Send(HttpMethod method, string path, string? bearer = null, object? body = null)
    {
        using var request = new HttpRequestMessage(method, "/api/classroom" + path);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }
        if (body is not null)
        {
            request.Content = body as HttpContent ?? JsonContent.Create(body, options: ClassroomService.Json);
        }
        return await Client.SendAsync(request);
    }

    public async Task<T> Json<T>(HttpMethod method, string path, string? bearer = null, object? body = null)
    {
        using var response = await Send(method, path, bearer, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return JsonSerializer.Deserialize<T>(text, ClassroomService.Json)!;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
