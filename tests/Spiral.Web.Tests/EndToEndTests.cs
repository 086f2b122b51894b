using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Spiral.Web.Tests;

/// <summary>
/// End-to-end: the explorer on a real socket (Kestrel on 127.0.0.1, a free port), driven by Debian's chromium through
/// Playwright (never a downloaded browser). Screenshots of each page go to TestResults/screenshots.
/// </summary>
public class EndToEndTests(ITestOutputHelper output)
{
    private const string Chromium = "/usr/bin/chromium";

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Spiral.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? AppContext.BaseDirectory;
    }

    [Fact]
    public async Task Explorer_HomeScenarioRunStoryFourWorldsCompareLearn()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium (apt-get install -y chromium); .ci/run does this");
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var shots = Path.Combine(RepoRoot(), "TestResults", "screenshots");
        Directory.CreateDirectory(shots);

        await using var app = SpiralWebHost.Build([], "http://127.0.0.1:0");
        await app.StartAsync();
        var baseUrl = app.Urls.First().TrimEnd('/');
        output.WriteLine($"explorer at {baseUrl}");

        using var playwright = await Playwright.CreateAsync();
        var profile = Path.Combine(Path.GetTempPath(), $"spiral-e2e-{Guid.NewGuid():N}");
        await using var browser = await playwright.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync"],
            ViewportSize = new ViewportSize { Width = 1600, Height = 1000 },
        });
        try
        {
            var page = browser.Pages.Count > 0 ? browser.Pages[0] : await browser.NewPageAsync();
            page.SetDefaultTimeout(90_000);
            var consoleErrors = new List<string>();
            page.Console += (_, m) => { if (m.Type == "error") consoleErrors.Add(m.Text); };

            async Task Ready() => await page.Locator("#app-ready[data-ready='1']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
            Task Shot(string name, bool fullPage = true) => page.ScreenshotAsync(new() { Path = Path.Combine(shots, name), FullPage = fullPage });

            // Home: four sentences and the library as cards
            await page.GotoAsync(baseUrl + "/");
            await Ready();
            Assert.Contains("Herz 1950", await page.Locator("#dilemma-in-four").InnerTextAsync());
            Assert.True(await page.Locator("article.card").CountAsync() >= 4);
            await Shot("01-home.png");

            // Open a scenario from its card: the ensemble runs and the charts draw
            await page.Locator("article.card[data-scenario='jervis-doubly-dangerous'] a.btn-primary").ClickAsync();
            await page.Locator("#results[data-version='1']").WaitForAsync();
            await page.Locator("#chart-milex .js-plotly-plot").WaitForAsync();
            await page.Locator("#chart-network .js-plotly-plot").WaitForAsync();
            var stateNames = new Spiral.Web.Services.ExplorerService().Load("jervis-doubly-dangerous").States.Select(s => s.Name).ToList();
            var nodeLabels = await page.Locator("#chart-network .textpoint text").AllTextContentsAsync();
            Assert.Equal(stateNames, nodeLabels);
            var firstStatus = await page.Locator("#run-status").InnerTextAsync();
            output.WriteLine($"first run: {firstStatus}");
            await Shot("02-scenario.png");

            // An out-of-range value is refused at the control, and the field shows the value Run will use again
            var inUse = await page.Locator("#offenseAdvantage").InputValueAsync();
            await page.Locator("#offenseAdvantage").FillAsync("99");
            await page.Locator("#offenseAdvantage").PressAsync("Tab");
            await page.Locator("[data-field='offenseAdvantage'] .field-error").WaitForAsync();
            Assert.Contains($"Still using {inUse}.", await page.Locator("[data-field='offenseAdvantage'] .field-error").InnerTextAsync());
            Assert.Equal(inUse, await page.Locator("#offenseAdvantage").InputValueAsync());

            // Change a control, run again, and the charts are redrawn from the new results
            var warBefore = await page.Locator("#chart-war").GetAttributeAsync("data-version");
            await page.Locator("#offenseAdvantage").FillAsync("0.4");
            await page.Locator("#offenseAdvantage").PressAsync("Tab");
            await page.Locator("#distinguishability").FillAsync("0.9");
            await page.Locator("#distinguishability").PressAsync("Tab");
            await page.Locator("#run").ClickAsync();
            await page.Locator("#results[data-version='2']").WaitForAsync();
            await page.Locator("#chart-war .js-plotly-plot").WaitForAsync();
            Assert.NotEqual(warBefore, await page.Locator("#chart-war").GetAttributeAsync("data-version"));
            Assert.Equal(0, await page.Locator(".field-error").CountAsync());
            await Shot("03-scenario-changed.png");

            // Story: one run on a timeline, concept tags linking to the glossary
            await page.GotoAsync(baseUrl + "/story/jervis-doubly-dangerous");
            await Ready();
            await page.Locator("#timeline").WaitForAsync();
            Assert.True(await page.Locator("#timeline a.tag").CountAsync() > 0);
            await Shot("04-story.png", fullPage: false); // a story of 50 years is very long: the first screen

            // Four worlds: a small grid computed on demand
            await page.GotoAsync(baseUrl + "/four-worlds");
            await Ready();
            await page.Locator("#grid-size").FillAsync("4");
            await page.Locator("#grid-size").PressAsync("Tab");
            await page.Locator("#cell-runs").FillAsync("40");
            await page.Locator("#cell-runs").PressAsync("Tab");
            await page.Locator("#compute").ClickAsync();
            await page.Locator("#chart-worlds[data-version='1'] .js-plotly-plot").WaitForAsync();
            output.WriteLine($"four worlds: {await page.Locator("#grid-status").InnerTextAsync()}");
            await Shot("05-four-worlds.png");

            // Compare: same seeds with and without a hotline
            await page.GotoAsync(baseUrl + "/compare/india-china-lac?intervention=hotline%3AIndia%2CChina");
            await Ready();
            await page.Locator("#compare-runs").FillAsync("200");
            await page.Locator("#compare-runs").PressAsync("Tab");
            await page.Locator("#compare-run").ClickAsync();
            await page.Locator("#compare-table").WaitForAsync();
            await page.Locator("#chart-compare-0 .js-plotly-plot").WaitForAsync();
            await Shot("06-compare.png");

            // Learn: glossary and first questions
            await page.GotoAsync(baseUrl + "/learn");
            await Ready();
            Assert.True(await page.Locator("article.learn-entry").CountAsync() >= 20);
            await Shot("07-learn.png");

            Assert.DoesNotContain(consoleErrors, e => e.Contains("Error", StringComparison.OrdinalIgnoreCase) && !e.Contains("favicon", StringComparison.OrdinalIgnoreCase));
        }
        catch
        {
            var p = browser.Pages.FirstOrDefault();
            if (p is not null)
            {
                await p.ScreenshotAsync(new() { Path = Path.Combine(shots, "failure.png"), FullPage = true });
            }
            throw;
        }
        finally
        {
            await browser.CloseAsync();
            await app.StopAsync();
            try { Directory.Delete(profile, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    [Fact]
    public async Task StaticAssets_AreServedByABuiltHost_OutsideDevelopment()
    {
        await using var app = SpiralWebHost.Build(["--environment", "Production"], "http://127.0.0.1:0");
        await app.StartAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
            foreach (var asset in new[] { "/_framework/blazor.web.js", "/app.css", "/_content/Plotly.Blazor/plotly-interop-7.2.0.js" })
            {
                var response = await http.GetAsync(asset);
                Assert.True(response.IsSuccessStatusCode, $"{asset}: {(int)response.StatusCode}");
            }
            var home = await http.GetStringAsync("/");
            Assert.Contains("The security dilemma", home);
            var icon = System.Text.RegularExpressions.Regex.Match(home, @"<link rel=""icon""[^>]*href=""([^""]+\.svg)""");
            Assert.True(icon.Success, "the page links no SVG favicon");
            var iconResponse = await http.GetAsync(icon.Groups[1].Value);
            Assert.True(iconResponse.IsSuccessStatusCode, $"favicon {icon.Groups[1].Value}: {(int)iconResponse.StatusCode}");
            Assert.Equal("image/svg+xml", iconResponse.Content.Headers.ContentType?.MediaType);
            var missing = await http.GetAsync("/no-such-page");
            Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.StatusCode);
            Assert.DoesNotContain("Exception", await missing.Content.ReadAsStringAsync());
        }
        finally
        {
            await app.StopAsync();
        }
    }
}
