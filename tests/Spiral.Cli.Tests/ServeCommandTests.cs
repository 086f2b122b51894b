using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Spiral.Cli.Tests.Analytic;

namespace Spiral.Cli.Tests;

/// <summary>
/// Issue 14 and DESIGN.md section 10 (tool packaging): <c>spiral serve</c> works from <c>dotnet publish</c> output and
/// from the tool installed out of the <c>dotnet pack</c> package, not only from the build folder. Each test publishes or
/// packs the CLI already built for these tests (no rebuild), starts the server on a free loopback port, fetches the
/// page and its static assets (style sheet, Blazor script, plotly.js) and stops it.
/// </summary>
[Trait("Category", "Install")]
public sealed partial class ServeCommandTests : IDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(4);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("spiral-install-");

    public void Dispose() => _dir.Delete(true);

    private static string Project => Path.Combine(CliRunner.RepositoryRoot(), "src", "Spiral.Cli", "Spiral.Cli.csproj");

    [Fact]
    public async Task Serve_FromPublishOutput_AnswersPageAndStaticAssets()
    {
        var output = Path.Combine(_dir.FullName, "publish");
        Dotnet("publish", Project, "-c", CliRunner.Configuration, "--no-build", "--disable-build-servers", "-o", output);

        Assert.True(File.Exists(Path.Combine(output, "Spiral.Web.staticwebassets.endpoints.json")), "the endpoints manifest is not published");
        await AssertServes(Path.Combine(output, "spiral"), output);
    }

    [Fact]
    public async Task Serve_FromInstalledTool_AnswersPageAndStaticAssets()
    {
        var packages = Path.Combine(_dir.FullName, "nupkg");
        Dotnet("pack", Project, "-c", CliRunner.Configuration, "--no-build", "--disable-build-servers", "-o", packages);
        Assert.Single(Directory.GetFiles(packages, "Spiral.Cli.*.nupkg"));

        // Only the local package folder: the install needs no network.
        var config = Path.Combine(_dir.FullName, "nuget.config");
        File.WriteAllText(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{packages}" />
              </packageSources>
            </configuration>
            """);
        var tools = Path.Combine(_dir.FullName, "tools");
        Dotnet("tool", "install", "--tool-path", tools, "--configfile", config, "Spiral.Cli");

        await AssertServes(Path.Combine(tools, "spiral"), tools);
    }

    /// <summary>Starts <c>spiral serve</c> from <paramref name="executable"/>, fetches the page and its static assets, and stops it.</summary>
    private static async Task AssertServes(string executable, string installedFolder)
    {
        var port = FreeLoopbackPort();
        var url = $"http://127.0.0.1:{port}";
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var a in new[] { "serve", "--urls", url })
        {
            info.ArgumentList.Add(a);
        }
        using var server = Process.Start(info)!;
        var stderr = server.StandardError.ReadToEndAsync();
        try
        {
            var clock = Stopwatch.StartNew();
            string? line;
            while ((line = await server.StandardOutput.ReadLineAsync().WaitAsync(StartTimeout - clock.Elapsed)) is not null
                   && !line.Contains("listening on", StringComparison.Ordinal))
            {
            }
            if (line is null)
            {
                Assert.Fail($"spiral serve ended before listening: {await stderr}");
            }

            using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) };
            var page = await GetOk(http, "/");
            Assert.Contains("<title>", page, StringComparison.Ordinal);

            var css = StyleSheet().Match(page);
            Assert.True(css.Success, "the page links no app style sheet");
            Assert.Contains("font-family", await GetOk(http, css.Groups[1].Value), StringComparison.Ordinal);

            var script = BlazorScript().Match(page);
            Assert.True(script.Success, "the page loads no Blazor script");
            Assert.Contains("Blazor", await GetOk(http, script.Groups[1].Value), StringComparison.Ordinal);

            var plotly = Directory.EnumerateFiles(installedFolder, "plotly-*.min.js", SearchOption.AllDirectories)
                .Select(Path.GetFileName).FirstOrDefault(n => !n!.Contains("basic", StringComparison.Ordinal));
            Assert.NotNull(plotly);
            Assert.Contains("plotly", await GetOk(http, $"/_content/Plotly.Blazor/{plotly}"), StringComparison.Ordinal);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    private static async Task<string> GetOk(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {response.StatusCode}");
        return body;
    }

    private static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Runs the dotnet CLI outside the test host's MSBuild environment; fails the test with its output on a non-zero exit.</summary>
    private static void Dotnet(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = CliRunner.RepositoryRoot(),
        };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(key);
        }
        info.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        using var p = Process.Start(info)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(CommandTimeout))
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail($"dotnet {string.Join(' ', args)} took longer than {CommandTimeout}");
        }
        Assert.True(p.ExitCode == 0, $"dotnet {string.Join(' ', args)} exited {p.ExitCode}:\n{stdout.Result}\n{stderr.Result}");
    }

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"(app[^\"]*\\.css)\"")]
    private static partial Regex StyleSheet();

    [GeneratedRegex("<script src=\"(_framework/blazor\\.web[^\"]*\\.js)\"")]
    private static partial Regex BlazorScript();
}
