using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Spiral.Web.Tests;

/// <summary>
/// Issue 15 with Debian's chromium: a URL copied from any page restores the same view in a fresh browser context
/// (same controls, same values, same results), and each page's handout prints to at most two pages with its charts.
/// </summary>
public partial class ShareAndPrintTests(ITestOutputHelper output)
{
    /// <summary>Starts the explorer on a free loopback port and chromium, and hands both to <paramref name="body"/>.</summary>
    private static async Task WithExplorer(Func<string, IBrowser, Task> body)
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        await using var app = SpiralWebHost.Build([], "http://127.0.0.1:0");
        await app.StartAsync();
        try
        {
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await Chromium.Launch(playwright);
            await body(app.Urls.First().TrimEnd('/'), browser);
        }
        finally
        {
            await app.StopAsync();
        }
    }

    /// <summary>Opens <paramref name="url"/> in a new browser context (running <paramref name="initScript"/> first in its pages) once the page is interactive.</summary>
    private static async Task<IPage> Open(IBrowser browser, string url, string? initScript = null)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 768 } });
        if (initScript is not null)
        {
            await context.AddInitScriptAsync(initScript);
        }
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(120_000);
        await page.GotoAsync(url);
        await page.Locator("#app-ready[data-ready='1']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        return page;
    }

    private static async Task Set(IPage page, string selector, string value)
    {
        await page.Locator(selector).FillAsync(value);
        await page.Locator(selector).PressAsync("Tab");
    }

    /// <summary>What the page shows: the values of the given controls and the text of the given result elements.</summary>
    private static async Task<string> Fingerprint(IPage page, string[] controls, string[] results)
    {
        var parts = new List<string>();
        foreach (var c in controls)
        {
            parts.Add($"{c}={await page.Locator(c).InputValueAsync()}");
        }
        foreach (var r in results)
        {
            parts.Add($"{r}: {await page.Locator(r).InnerTextAsync()}");
        }
        return string.Join("\n", parts);
    }

    /// <summary>Runs <paramref name="wait"/>; when it times out, fails with what the page showed (chart, status, error notices, connection).</summary>
    private static async Task Explained(IPage page, string chart, Func<Task> wait)
    {
        try
        {
            await wait();
        }
        catch (TimeoutException)
        {
            var state = await page.EvaluateAsync<string>(@"chart => {
                const c = document.querySelector(chart);
                const plots = c ? [...c.querySelectorAll('.js-plotly-plot')].map(g => `${g.id}: ${g.data ? g.data.length + ' traces, zmax ' + g.data[0]?.zmax : 'no data'}`) : [];
                const shown = s => { const e = document.querySelector(s); return e ? getComputedStyle(e).display !== 'none' && e.offsetParent !== null : false; };
                return `url ${location.href}; chart ${c ? c.id + ' version ' + c.dataset.version + ', ' + c.children.length + ' children' : 'missing'}; plots [${plots.join('; ')}]; `
                    + `status '${document.querySelector('.status')?.textContent ?? ''}'; notices '${[...document.querySelectorAll('.notice')].map(n => n.textContent.trim()).join(' | ')}'; `
                    + `error UI shown ${shown('#blazor-error-ui')}; reconnect dialog open ${document.querySelector('#components-reconnect-modal')?.open ?? false}`;
            }", chart);
            throw new TimeoutException($"timed out; the page showed: {state}");
        }
    }

    /// <summary>
    /// Changes things on a page, reads its URL, opens that URL in a new browser context (no shared state: cookies,
    /// storage and circuit are new) and checks that the same controls, values and results are shown.
    /// </summary>
    private async Task Restores(string start, Func<IPage, Task> change, Func<IPage, Task> ready, string[] controls, string[] results)
    {
        await WithExplorer(async (baseUrl, browser) =>
        {
            var first = await Open(browser, baseUrl + start);
            await change(first);
            await ready(first);
            var before = await Fingerprint(first, controls, results);
            var url = first.Url;
            output.WriteLine(url);
            await first.Context.CloseAsync();

            var second = await Open(browser, url);
            await ready(second);
            var after = await Fingerprint(second, controls, results);
            Assert.Equal(before, after);
            await second.Context.CloseAsync();
        });
    }

    [Fact]
    public Task Url_ScenarioWithEditsSeedAndRuns_RestoresTheSameViewInAFreshBrowser() => Restores(
        "/scenario/india-china-lac?runs=100",
        async p =>
        {
            await p.Locator("#results[data-version='1']").WaitForAsync();
            await Set(p, "#offenseAdvantage", "2");
            await Set(p, "#hotline-India-China", "1");
            await Set(p, "#greed-China", "0.4");
            await p.Locator("#policy-India").SelectOptionAsync("Grit");
            await Set(p, "#seed", "7");
            await Set(p, "#runs", "80");
            await p.Locator("#run").ClickAsync();
            await p.Locator("#results[data-version='2']").WaitForAsync();
        },
        p => p.Locator("#stats").WaitForAsync(),
        ["#offenseAdvantage", "#hotline-India-China", "#greed-China", "#policy-India", "#seed", "#runs"],
        ["#stats", "#breakdown"]);

    [Fact]
    public Task Url_StoryWithSeedAndRun_RestoresTheSameViewInAFreshBrowser() => Restores(
        "/story/india-china-lac",
        async p =>
        {
            await p.Locator("#timeline").WaitForAsync();
            await Set(p, "#story-seed", "5");
            await Set(p, "#story-run", "3");
            await p.Locator("#tell").ClickAsync();
            await p.Locator("#story-outcome:has-text('seed 5, run 3')").WaitForAsync();
        },
        p => p.Locator("#timeline").WaitForAsync(),
        ["#story-seed", "#story-run"],
        ["#story-outcome", "#timeline"]);

    [Fact]
    public Task Url_CompareWithInterventionRunsAndSeed_RestoresTheSameViewInAFreshBrowser() => Restores(
        "/compare/india-china-lac",
        async p =>
        {
            await p.Locator("#intervention-kind").SelectOptionAsync("cbm");
            await Set(p, "#compare-runs", "40");
            await Set(p, "#compare-seed", "4");
            await p.Locator("#compare-run").ClickAsync();
        },
        async p =>
        {
            await p.Locator("#compare-table").WaitForAsync();
            await p.Locator("#chart-compare-0 .js-plotly-plot").WaitForAsync();
        },
        ["#intervention-kind", "#state-a", "#state-b", "#compare-runs", "#compare-seed"],
        ["#compare-table"]);

    [Fact]
    public Task Url_AbWithBothSettings_RestoresTheSameViewInAFreshBrowser() => Restores(
        "/ab/india-china-lac?runs=40",
        async p =>
        {
            await Set(p, "#a-offenseAdvantage", "1");
            await Set(p, "#b-offenseAdvantage", "2");
            await Set(p, "#b-hotline-India-China", "1");
            await p.Locator("#b-policy-China").SelectOptionAsync("Grit");
            await Set(p, "#ab-seed", "2");
            await p.Locator("#ab-run").ClickAsync();
            await p.Locator("#ab-table").WaitForAsync();
            await p.Locator("#ab-outcome").SelectOptionAsync("hadWar");
        },
        async p =>
        {
            await p.Locator("#ab-table").WaitForAsync();
            await p.Locator("#chart-ab-distribution .js-plotly-plot .gtitle:has-text('P(war)')").WaitForAsync();
        },
        ["#a-offenseAdvantage", "#b-offenseAdvantage", "#a-hotline-India-China", "#b-hotline-India-China", "#b-policy-China", "#ab-seed", "#ab-runs", "#ab-outcome"],
        ["#ab-differs", "#ab-table"]);

    [Fact]
    public async Task Url_FourWorldsWithGridOutcomeAndScale_RestoresTheSameViewInAFreshBrowser()
    {
        string z = "";
        async Task Ready(IPage p)
        {
            await Explained(p, "#chart-worlds", async () =>
            {
                await p.Locator("#csv-worlds").WaitForAsync();
                await p.WaitForFunctionAsync("() => document.querySelector('#chart-worlds .js-plotly-plot')?.data?.length > 0");
            });
            var now = await p.EvaluateAsync<string>("() => JSON.stringify(document.querySelector('#chart-worlds .js-plotly-plot').data.map(t => t.z ?? null))");
            if (z.Length == 0) z = now; else Assert.Equal(z, now);
        }
        await Restores("/four-worlds",
            async p =>
            {
                await p.Locator("#worlds-scenario").SelectOptionAsync("india-china-lac");
                await Set(p, "#grid-size", "3");
                await Set(p, "#cell-runs", "10");
                await p.Locator("#compute").ClickAsync();
                await p.Locator("#csv-worlds").WaitForAsync();
                await p.Locator("#worlds-outcome").SelectOptionAsync("hadWar");
                await p.Locator("#worlds-scale").SelectOptionAsync("fixed");
                await Set(p, "#scale-max", "0.5");
                // drawn with the new outcome on the fixed scale: Plotly holds zmax 0.5 (how many renders that took varies)
                await Explained(p, "#chart-worlds", () => p.WaitForFunctionAsync("() => document.querySelector('#chart-worlds .js-plotly-plot')?.data?.[0]?.zmax === 0.5"));
                // and the address written: the outcome, the fixed scale and run=1 (the shown results match it)
                await p.WaitForFunctionAsync("() => location.search.includes('outcome=hadWar') && location.search.includes('scale=0.5') && location.search.includes('run=1')");
            },
            Ready,
            ["#worlds-scenario", "#grid-size", "#cell-runs", "#worlds-outcome", "#worlds-scale", "#scale-max"],
            []); // the results: every cell's value, compared in Ready (the status line holds a time)
    }

    /// <summary>Delays every message from the server by 300 ms in the page, as a busy server or a slow network does.</summary>
    private const string SlowServer = @"(() => {
        const Base = window.WebSocket;
        window.WebSocket = class extends Base {
            set onmessage(handler) { super.onmessage = e => setTimeout(() => handler.call(this, e), 300); }
            get onmessage() { return super.onmessage; }
        };
    })();";

    /// <summary>
    /// The defect behind the skipped four-worlds restore: each edit rewrites the address, and the browser's answer comes
    /// back a round trip later. Read back as a new link, an old answer undid later edits and re-ran the map, and on a
    /// <c>run=1</c> link the map was shown with <c>run=1</c> dropped. With the server's messages slowed, edits made
    /// faster than the answers all stay, and a fresh browser on the link shows the map and keeps <c>run=1</c>.
    /// </summary>
    [Fact]
    public async Task Url_FourWorldsEditedFasterThanTheServerAnswers_KeepsEveryEditAndRun1()
    {
        await WithExplorer(async (baseUrl, browser) =>
        {
            const string expected = "/four-worlds?scenario=india-china-lac&size=3&runs=10&outcome=hadWar&scale=auto&run=1";
            var first = await Open(browser, baseUrl + "/four-worlds", SlowServer);
            await first.Locator("#worlds-scenario").SelectOptionAsync("india-china-lac");
            await Set(first, "#grid-size", "3");
            await Set(first, "#cell-runs", "10");
            await first.Locator("#compute:has-text('Compute 9 cells')").ClickAsync();
            await first.Locator("#csv-worlds").WaitForAsync();
            await first.Locator("#worlds-outcome").SelectOptionAsync("hadWar");
            await first.WaitForURLAsync(baseUrl + expected);
            await first.WaitForTimeoutAsync(1000); // every answer back: nothing undone
            Assert.Equal(baseUrl + expected, first.Url);
            Assert.Equal("3", await first.Locator("#grid-size").InputValueAsync());
            Assert.Equal("10", await first.Locator("#cell-runs").InputValueAsync());
            await first.Context.CloseAsync();

            var second = await Open(browser, baseUrl + expected, SlowServer);
            await second.Locator("#csv-worlds").WaitForAsync();
            await second.WaitForTimeoutAsync(1000);
            Assert.Equal(baseUrl + expected, second.Url);
            await second.Context.CloseAsync();
        });
    }

    /// <summary>
    /// The defect that remained: while plotly.js (4.8 MB) is still loading, Plotly.Blazor queues each chart's drawing;
    /// a map re-created in the meantime (outcome and scale changed at once) left a queued drawing for an element no
    /// longer on the page, Plotly threw on it, and the map queued after it was never drawn. With plotly.js held back
    /// 4 s, the map computed and changed twice before it loads is drawn, with the last outcome and scale.
    /// </summary>
    [Fact]
    public async Task FourWorlds_MapChangedWhilePlotlyStillLoads_IsDrawnWithTheLastSettings()
    {
        await WithExplorer(async (baseUrl, browser) =>
        {
            var context = await browser.NewContextAsync();
            var released = false;
            await context.RouteAsync("**/plotly-3.7.0.min.js", async route =>
            {
                await Task.Delay(4000);
                released = true;
                await route.ContinueAsync();
            });
            var page = await context.NewPageAsync();
            page.SetDefaultTimeout(120_000);
            await page.GotoAsync(baseUrl + "/four-worlds?scenario=india-china-lac&size=2&runs=10&run=1");
            await page.Locator("#csv-worlds").WaitForAsync();
            await page.Locator("#worlds-outcome").SelectOptionAsync("hadWar");
            await page.Locator("#worlds-scale").SelectOptionAsync("fixed");
            Assert.False(released, "plotly.js was not held back long enough for the test to change the map first");
            await Explained(page, "#chart-worlds", () => page.WaitForFunctionAsync(
                "() => document.querySelector('#chart-worlds .js-plotly-plot')?.data?.[0]?.zmax === 1 && document.querySelector('#chart-worlds .gtitle')?.textContent.includes('fixed scale')"));
            await context.CloseAsync();
        });
    }

    /// <summary>Pages of a PDF: its <c>/Type /Page</c> objects (not the <c>/Pages</c> tree nodes).</summary>
    public static int PdfPages(byte[] pdf) => PageObject().Matches(System.Text.Encoding.Latin1.GetString(pdf)).Count;

    [GeneratedRegex(@"/Type\s*/Page(?![a-zA-Z])")]
    private static partial Regex PageObject();

    /// <summary>The pages with a handout, each with what to do before printing.</summary>
    private static IReadOnlyList<(string Name, string Path, Func<IPage, Task> Ready)> Handouts { get; } =
    [
        ("scenario", "/scenario/india-china-lac?runs=100", p => p.Locator("#results[data-version='1'] #chart-network .js-plotly-plot").WaitForAsync()),
        ("compare", "/compare/india-china-lac?intervention=hotline%3AIndia%2CChina&runs=40&seed=1&run=1", p => p.Locator("#chart-compare-0 .js-plotly-plot").WaitForAsync()),
        ("ab", "/ab/india-china-lac?b=world.offenseAdvantage%3D2&runs=40&seed=1&run=1", p => p.Locator("#chart-ab-0 .js-plotly-plot").WaitForAsync()),
        ("four-worlds", "/four-worlds?size=3&runs=10&run=1", p => p.Locator("#chart-worlds .js-plotly-plot").WaitForAsync()),
    ];

    [Fact]
    public async Task Handout_EveryPageWithOne_PrintsToAtMostTwoPages_WithItsCharts()
    {
        var shots = Chromium.Screenshots();
        await WithExplorer(async (baseUrl, browser) =>
        {
            foreach (var (name, path, ready) in Handouts)
            {
                var page = await Open(browser, baseUrl + path);
                await ready(page);
                // every chart drawn by Plotly (its layout computed, its SVG in place), not just its element created
                await page.WaitForFunctionAsync("() => [...document.querySelectorAll('.chart .js-plotly-plot')].every(p => p._fullLayout && p.querySelector('svg.main-svg'))");
                var charts = await page.Locator(".chart .js-plotly-plot").CountAsync();
                await page.EvaluateAsync("() => { window.__beforeprint = 0; window.addEventListener('beforeprint', () => window.__beforeprint++); }");
                var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", Path = Path.Combine(shots, $"handout-{name}.pdf") });
                var pages = PdfPages(pdf);
                // printing fires beforeprint, on which print.js redraws the charts at the width of their printed column
                Assert.Equal(1, await page.EvaluateAsync<int>("() => window.__beforeprint"));
                // the print DOM: every chart laid out, inside the printed width, its plot drawn (SVG)
                // (A4's printable width, print media, and the beforeprint event the browser sends before printing)
                await page.SetViewportSizeAsync(718, 1000);
                await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
                await page.EvaluateAsync("() => window.dispatchEvent(new Event('beforeprint'))");
                var drawn = await page.EvaluateAsync<int[]>(@"() => {
                    const width = document.documentElement.clientWidth;
                    const plots = [...document.querySelectorAll('.chart .js-plotly-plot')];
                    const ok = plots.filter(p => {
                        const r = p.getBoundingClientRect();
                        const svg = p.querySelector('svg.main-svg');
                        const s = svg ? svg.getBoundingClientRect() : null;
                        return r.width > 100 && r.height > 100 && s && s.right <= width + 1 && s.width > 100 && p.querySelectorAll('.plot *, .heatmaplayer *, .barlayer *, .scatterlayer *').length > 0;
                    });
                    return [plots.length, ok.length];
                }");
                await page.ScreenshotAsync(new() { Path = Path.Combine(shots, $"print-{name}.png"), FullPage = true });
                output.WriteLine($"{name}: {pages} page(s), {drawn[1]} of {drawn[0]} charts drawn in the print layout");
                Assert.True(charts > 0, $"{name}: no chart");
                Assert.InRange(pages, 1, 2);
                Assert.Equal(drawn[0], drawn[1]);
                await page.Context.CloseAsync();
            }
        });
    }
}
