using Microsoft.AspNetCore.Components.Server.Circuits;
using Spiral.Web.Classroom;
using Spiral.Web.Components;
using Spiral.Web.Services;

namespace Spiral.Web;

/// <summary>
/// Builds the explorer's web host: Blazor Server with interactive server components, bound to loopback by default.
/// Used by <c>dotnet run --project src/Spiral.Web</c>, by <c>spiral serve</c> and by the end-to-end tests.
/// </summary>
public static class SpiralWebHost
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>
    /// The host for <paramref name="urls"/> (default: <c>--urls</c> or <c>ASPNETCORE_URLS</c> if given, else <see cref="DefaultUrls"/>). The application name and content root are this assembly's, whoever
    /// starts it (the <c>spiral</c> CLI or a test), so the static web assets manifest
    /// (<c>Spiral.Web.staticwebassets.*.json</c>, written next to the assembly by the build) is found. Static web assets
    /// are resolved from the build manifest unless the app runs from a published folder (which has a wwwroot).
    /// </summary>
    public static WebApplication Build(string[] args, string? urls = null, Action<WebApplicationBuilder>? configure = null)
    {
        var assemblyDir = Path.GetDirectoryName(typeof(SpiralWebHost).Assembly.Location) ?? AppContext.BaseDirectory;
        var published = Directory.Exists(Path.Combine(assemblyDir, "wwwroot"));
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(SpiralWebHost).Assembly.GetName().Name,
            ContentRootPath = assemblyDir,
        });
        if (!published)
        {
            // A built (not published) app serves wwwroot, framework and package assets through the build manifest;
            // ASP.NET Core does this only in Development unless asked, so ask.
            builder.WebHost.UseStaticWebAssets();
        }
        // --urls / ASPNETCORE_URLS win; otherwise loopback only.
        var configured = builder.Configuration["urls"];
        builder.WebHost.UseUrls(urls ?? (string.IsNullOrWhiteSpace(configured) ? DefaultUrls : configured));
        builder.Services.AddRazorComponents().AddInteractiveServerComponents(o => o.DetailedErrors = false);
        // One bounded queue for the whole server (Explorer:Workers jobs at once, Explorer:QueueCapacity held);
        // the explorer service is scoped, one per browser circuit (tab), so nothing else is shared between tabs.
        builder.Services.AddSingleton(_ => new ExplorerWorkQueue(
            builder.Configuration.GetValue("Explorer:Workers", ExplorerWorkQueue.DefaultWorkers),
            builder.Configuration.GetValue("Explorer:QueueCapacity", ExplorerWorkQueue.DefaultCapacity)));
        builder.Services.AddSingleton<ExplorerCircuits>();
        builder.Services.AddScoped<ExplorerService>();
        builder.Services.AddScoped<CircuitHandler, ExplorerCircuitHandler>();
        builder.Services.AddClassroom(builder.Configuration);
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseExceptionHandler("/error", createScopeForErrors: true);
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseRateLimiter();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapClassroomApi();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
