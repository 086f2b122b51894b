using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Spiral.Web;

namespace Spiral.Cli.Commands;

/// <summary><c>spiral serve</c>: starts the browser explorer (Blazor Server), bound to loopback unless told otherwise.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls")
        {
            Description = "Where to listen (semicolon-separated). The default listens on this machine only.",
            DefaultValueFactory = _ => SpiralWebHost.DefaultUrls,
            HelpName = "URLS",
        };
        var command = new Command("serve", "Start the web explorer: scenarios, charts, stories, the four worlds, comparisons, a glossary.") { urls };
        command.SetAction(parse =>
        {
            var app = Build(parse.GetValue(urls)!);
            var o = parse.InvocationConfiguration.Output;
            app.Start();
            o.WriteLine($"Spiral explorer listening on {string.Join(", ", app.Urls)} (Ctrl+C to stop)");
            app.WaitForShutdown();
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Checks the URLs and builds the web host (not started).</summary>
    internal static Microsoft.AspNetCore.Builder.WebApplication Build(string urls)
    {
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url.Replace("*", "localhost", StringComparison.Ordinal).Replace("+", "localhost", StringComparison.Ordinal), UriKind.Absolute, out var uri)
                || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw new UsageException($"--urls {url}: expected an http:// or https:// URL such as {SpiralWebHost.DefaultUrls}");
            }
        }
        return SpiralWebHost.Build([], urls);
    }
}
