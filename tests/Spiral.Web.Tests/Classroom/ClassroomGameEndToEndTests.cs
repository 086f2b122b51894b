using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Spiral.Web.Services;
using Xunit.Abstractions;

namespace Spiral.Web.Tests.Classroom;

/// <summary>
/// Issue 16's game in the browser: a teacher and four students (each a browser context of Debian's chromium) play a
/// six-state scenario with two bots through the classroom pages, with a crisis made certain by the teacher's incident
/// inject, a private message seen by its recipient only, a server restart in the middle of a year (a new host on the same
/// SQLite file and port; the pages reload and go on; accepted decisions are kept) and the debrief with its CSV. Every
/// classroom page is photographed at 1366×768 and 390×844 into TestResults/screenshots (docs/how-to/classroom.md uses them)
/// and must not scroll sideways at either size.
/// </summary>
public class ClassroomGameEndToEndTests(ITestOutputHelper output)
{
    private const string Scenario = "jervis-doubly-dangerous";
    private const int Years = 3;

    [Fact]
    public async Task Game_TeacherFourStudentsAndBots_CrisisMessageInjectRestartDebrief()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var shots = Chromium.Screenshots();
        List<string> states;
        int firstYear;
        using (var explorer = new ExplorerService())
        {
            var scenario = explorer.Load(Scenario);
            states = scenario.States.Select(s => s.Name).ToList();
            firstYear = scenario.StartYear;
        }
        Assert.True(states.Count >= 6, $"{Scenario} has {states.Count} states; the game needs four seats and two bots");
        var seats = states.Take(4).ToList();

        await using var host = await ClassroomHost.Start();
        output.WriteLine($"classroom at {host.BaseUrl}, store {host.Database}");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.Launch(playwright);
        var errors = new List<string>();
        var restarting = false;

        async Task<IPage> NewPage(int width, int height)
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions
            {
                ViewportSize = new ViewportSize { Width = width, Height = height },
                AcceptDownloads = true,
            });
            var page = await context.NewPageAsync();
            page.SetDefaultTimeout(60_000);
            page.PageError += (_, e) =>
            {
                // while the server is down its circuits fail in the page: expected, logged, not counted
                if (restarting)
                {
                    output.WriteLine($"page error during the restart: {e}");
                }
                else
                {
                    errors.Add(e);
                }
            };
            return page;
        }

        async Task Ready(IPage page) =>
            await page.Locator("#app-ready[data-ready='1']").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        // Both sizes: the page must not scroll sideways; the screenshot goes to the folder the other web tests use.
        async Task Shoot(IPage page, string name)
        {
            var original = page.ViewportSize!;
            foreach (var (width, height) in new[] { (1366, 768), (390, 844) })
            {
                await page.SetViewportSizeAsync(width, height);
                await page.EvaluateAsync("() => window.scrollTo(0, 0)"); // the sticky top bar stays at the top of a full-page shot
                await page.WaitForTimeoutAsync(300); // Plotly's responsive resize
                var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
                var (scroll, client) = (widths[0], widths[1]);
                Assert.True(scroll <= client, $"{name} at {width} px scrolls sideways: {scroll} > {client}");
                await page.ScreenshotAsync(new() { Path = Path.Combine(shots, $"{width}x{height}-{name}.png"), FullPage = true });
            }
            await page.SetViewportSizeAsync(original.Width, original.Height);
        }

        var teacher = await NewPage(1366, 768);
        try
        {
            // The teacher creates the game: four student seats, two bots (one given the Hawk policy), a long deadline
            // so that only the students and the teacher close years (the clock is tested by the API tests).
            await teacher.GotoAsync(host.BaseUrl + "/classroom");
            await Ready(teacher);
            await teacher.GetByLabel("Scenario", new() { Exact = true }).SelectOptionAsync(Scenario);
            await teacher.Locator($"#seat-choice tr[data-state='{states[0]}']").WaitForAsync();
            await teacher.GetByLabel("Seed", new() { Exact = true }).FillAsync("7");
            await teacher.GetByLabel("Years to play").FillAsync(Years.ToString(CultureInfo.InvariantCulture));
            await teacher.GetByLabel("Decision deadline (seconds per year)").FillAsync("900");
            foreach (var seat in seats)
            {
                await teacher.GetByLabel($"{seat} is a student seat").CheckAsync();
            }
            await teacher.GetByLabel($"{states[5]}'s bot policy").SelectOptionAsync("Hawk");
            await Shoot(teacher, "classroom-create");
            await teacher.GetByRole(AriaRole.Button, new() { Name = "Create the game" }).ClickAsync();
            await teacher.Locator("#join-codes").WaitForAsync();
            var codes = new Dictionary<string, string>();
            var joinLinks = new Dictionary<string, string>();
            foreach (var seat in seats)
            {
                codes[seat] = (await teacher.Locator($"#join-codes tr[data-state='{seat}'] .join-code").InnerTextAsync()).Trim();
                joinLinks[seat] = await teacher.GetByRole(AriaRole.Link, new() { Name = $"Join link for {seat}" }).GetAttributeAsync("href") ?? "";
            }
            Assert.Equal(4, codes.Values.Distinct().Count());
            Assert.Equal(4, await teacher.Locator("#join-codes tbody tr").CountAsync()); // bots get no code
            await Shoot(teacher, "classroom-created");
            var controlUrl = await teacher.Locator("#control-link").GetAttributeAsync("href");
            Assert.NotNull(controlUrl);
            await teacher.GotoAsync(host.BaseUrl + controlUrl);
            await Ready(teacher);
            await teacher.Locator("#control-status[data-status='Lobby']").WaitForAsync();

            // Four students join, two on laptops and two on phones.
            var students = new Dictionary<string, IPage>();
            for (var k = 0; k < seats.Count; k++)
            {
                var seat = seats[k];
                var page = k < 2 ? await NewPage(1366, 768) : await NewPage(390, 844);
                if (k == 1)
                {
                    // the teacher's join link carries the code after '#': the page fills it in
                    await page.GotoAsync(host.BaseUrl + joinLinks[seat]);
                    await Ready(page);
                    await page.WaitForFunctionAsync("code => document.querySelector('#join-code')?.value === code", codes[seat]);
                }
                else
                {
                    await page.GotoAsync(host.BaseUrl + "/classroom/join");
                    await Ready(page);
                }
                if (k == 0)
                {
                    await Shoot(page, "classroom-join");
                    // a wrong code gets one clear error and no seat
                    await page.GetByLabel("Join code").FillAsync("not-a-join-code");
                    await page.GetByRole(AriaRole.Button, new() { Name = "Join", Exact = true }).ClickAsync();
                    output.WriteLine($"wrong code: {await page.GetByRole(AriaRole.Alert).InnerTextAsync()}");
                    Assert.EndsWith("/classroom/join", page.Url);
                }
                if (k != 1)
                {
                    await page.GetByLabel("Join code").FillAsync(codes[seat]);
                }
                await page.GetByLabel("Your name or team").FillAsync($"Team {k + 1}");
                await page.GetByRole(AriaRole.Button, new() { Name = "Join", Exact = true }).ClickAsync();
                await page.GetByRole(AriaRole.Heading, new() { Name = $"You are {seat}" }).WaitForAsync();
                await page.GetByText("Waiting for the teacher to start the game.").WaitForAsync();
                Assert.DoesNotContain(codes[seat], new Uri(page.Url).AbsolutePath); // the token travels after '#', never in the path
                students[seat] = page;
            }
            foreach (var seat in seats)
            {
                await teacher.Locator($"#seats-table tr[data-state='{seat}']", new() { HasText = $"Team {seats.IndexOf(seat) + 1}" }).WaitForAsync();
            }

            // Year 1: start; pause, extend and resume the clock; inject an incident between the first two seats.
            await teacher.GetByRole(AriaRole.Button, new() { Name = "Start the game" }).ClickAsync();
            await teacher.Locator("#control-status[data-status='Running']").WaitForAsync();
            await teacher.GetByRole(AriaRole.Button, new() { Name = "Pause" }).ClickAsync();
            await teacher.Locator("#control-status[data-status='Paused']").WaitForAsync();
            await students[seats[2]].GetByText("paused by the teacher").WaitForAsync();
            await teacher.GetByLabel("More time (seconds)").FillAsync("60");
            await teacher.GetByRole(AriaRole.Button, new() { Name = "Extend the deadline" }).ClickAsync();
            await teacher.GetByRole(AriaRole.Button, new() { Name = "Resume" }).ClickAsync();
            await teacher.Locator("#control-status[data-status='Running']").WaitForAsync();
            await teacher.GetByLabel("Event", new() { Exact = true }).SelectOptionAsync("Incident");
            await teacher.GetByLabel("State", new() { Exact = true }).SelectOptionAsync(seats[0]);
            await teacher.GetByLabel("Second state (an incident or a CBM offer is between two)").SelectOptionAsync(seats[1]);
            await teacher.GetByRole(AriaRole.Button, new() { Name = "Inject", Exact = true }).ClickAsync();
            await teacher.Locator("#injected li", new() { HasText = $"Incident, {seats[0]} and {seats[1]}" }).WaitForAsync();
            await Shoot(teacher, "classroom-control");

            // A private message from the first seat to the second: its recipient sees it, a third seat does not.
            var secret = $"Let us talk before this escalates ({Guid.NewGuid():N})";
            var sender = students[seats[0]];
            await sender.GetByLabel("To", new() { Exact = true }).SelectOptionAsync(seats[1]);
            await sender.GetByLabel("Message", new() { Exact = true }).FillAsync(secret);
            await sender.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
            await sender.Locator("#message-list li", new() { HasText = secret }).WaitForAsync();
            await students[seats[1]].Locator("#message-list li", new() { HasText = secret }).WaitForAsync();
            await teacher.Locator("#control-messages li", new() { HasText = secret }).WaitForAsync();
            var statement = "We arm only to defend ourselves.";
            await students[seats[2]].GetByLabel("To", new() { Exact = true }).SelectOptionAsync("");
            await students[seats[2]].GetByLabel("Message", new() { Exact = true }).FillAsync(statement);
            await students[seats[2]].GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
            await students[seats[3]].Locator("#message-list li", new() { HasText = statement }).WaitForAsync();
            Assert.Equal(0, await students[seats[2]].Locator("#message-list li", new() { HasText = secret }).CountAsync());
            Assert.Equal(0, await students[seats[3]].Locator("#message-list li", new() { HasText = secret }).CountAsync());

            // Every seat decides year 1; the first seat takes a crisis stance against the second (hold at rung 3).
            for (var k = 0; k < seats.Count; k++)
            {
                var page = students[seats[k]];
                await page.GetByLabel(new Regex("^Military spending you want")).FillAsync((2 + k).ToString(CultureInfo.InvariantCulture));
                await page.GetByLabel($"Propose or accept a CBM with {seats[(k + 1) % seats.Count]}").CheckAsync();
                if (k == 0)
                {
                    await page.GetByLabel($"Crisis stance against {seats[1]}").SelectOptionAsync("3:Hold");
                }
                await page.GetByRole(AriaRole.Button, new() { Name = $"Submit my decision for {firstYear}" }).ClickAsync();
                if (k < seats.Count - 1)
                {
                    await page.GetByText($"Decided for {firstYear}: waiting for the others").WaitForAsync();
                }
            }
            // The last decision closes the year: everyone moves to the next one, and the incident is a crisis of both seats.
            foreach (var page in students.Values)
            {
                await page.Locator($"#seat-status[data-year='{firstYear + 1}']").WaitForAsync();
            }
            await students[seats[0]].Locator($"#crises .crisis[data-opponent='{seats[1]}']").WaitForAsync();
            await students[seats[1]].Locator($"#crises .crisis[data-opponent='{seats[0]}']").WaitForAsync();
            output.WriteLine($"crisis seen by {seats[0]}: {await students[seats[0]].Locator("#crises .crisis").First.InnerTextAsync()}");

            // Year 2: two seats decide (the second refuses the CBM the first proposed in year 1), then the server restarts
            // mid-year on the same SQLite file and port.
            await students[seats[1]].GetByLabel($"Refuse the CBM {seats[0]} offers").CheckAsync();
            foreach (var seat in seats.Take(2))
            {
                await students[seat].GetByRole(AriaRole.Button, new() { Name = $"Submit my decision for {firstYear + 1}" }).ClickAsync();
                await students[seat].GetByText($"Decided for {firstYear + 1}: waiting for the others").WaitForAsync();
            }
            var accepted = await students[seats[0]].Locator("#accepted-decision").InnerTextAsync();
            Assert.Contains($"refuse the CBM of {seats[0]}", await students[seats[1]].Locator("#accepted-decision").InnerTextAsync());
            restarting = true;
            await host.Restart();
            output.WriteLine("server restarted");
            foreach (var page in students.Values.Append(teacher))
            {
                // Blazor's reconnect may reload the page itself once the new server refuses the old circuit: a reload of
                // ours that this aborts is tried again.
                for (var attempt = 1; ; attempt++)
                {
                    try
                    {
                        await page.ReloadAsync();
                        break;
                    }
                    catch (PlaywrightException e) when (attempt < 3 && e.Message.Contains("ERR_ABORTED", StringComparison.Ordinal))
                    {
                        output.WriteLine($"reload aborted by the page's own reload, again: {e.Message.Split('\n')[0]}");
                    }
                }
                await Ready(page);
            }
            restarting = false;
            await teacher.Locator($"#control-status[data-year='{firstYear + 1}'][data-status='Running']").WaitForAsync();
            foreach (var seat in seats.Take(2))
            {
                // accepted before the restart: still there
                await students[seat].GetByText($"Decided for {firstYear + 1}: waiting for the others").WaitForAsync();
                await teacher.Locator($"#seats-table tr[data-state='{seat}'][data-decided='1']").WaitForAsync();
            }
            Assert.Equal(accepted, await students[seats[0]].Locator("#accepted-decision").InnerTextAsync());
            await students[seats[1]].Locator("#message-list li", new() { HasText = secret }).WaitForAsync();
            foreach (var seat in seats.Skip(2))
            {
                await students[seat].Locator($"#seat-status[data-year='{firstYear + 1}'][data-decided='0']").WaitForAsync();
                await students[seat].GetByRole(AriaRole.Button, new() { Name = $"Submit my decision for {firstYear + 1}" }).ClickAsync();
            }
            foreach (var page in students.Values)
            {
                await page.Locator($"#seat-status[data-year='{firstYear + 2}']").WaitForAsync();
            }

            // Year 3 (the last): one seat decides, the teacher closes the year (bots play the other three) and the game ends.
            // The first seat's page now has two years of history drawn, and last year's crisis; it picks a stance (for the shot) but does not submit.
            var first = students[seats[0]];
            await first.Locator("#chart-seat-beliefs .js-plotly-plot").WaitForAsync();
            await first.Locator("#chart-seat-own .js-plotly-plot").WaitForAsync();
            Assert.Equal((states.Count - 1).ToString(CultureInfo.InvariantCulture), await first.Locator("#chart-seat-beliefs").GetAttributeAsync("data-traces")); // one line per other state
            await first.GetByLabel($"Crisis stance against {seats[1]}").SelectOptionAsync("4:BackDown");
            await Shoot(first, "classroom-seat");
            await students[seats[3]].GetByRole(AriaRole.Button, new() { Name = $"Submit my decision for {firstYear + 2}" }).ClickAsync();
            await teacher.Locator($"#seats-table tr[data-state='{seats[3]}'][data-decided='1']").WaitForAsync();
            await teacher.GetByRole(AriaRole.Button, new() { Name = "Close the year now" }).ClickAsync();
            await teacher.Locator("#control-status[data-status='Ended']").WaitForAsync();
            await teacher.GetByRole(AriaRole.Button, new() { Name = "Reveal the types to everyone" }).ClickAsync();
            await teacher.Locator("#reveal").WaitForAsync(new() { State = WaitForSelectorState.Detached });
            await students[seats[0]].Locator("#seat-ended").WaitForAsync();

            // A student's debrief after the end: the same timeline and every message.
            var second = students[seats[1]];
            await second.GetByRole(AriaRole.Link, new() { Name = "Open the debrief" }).ClickAsync();
            await second.Locator("#debrief-timeline").WaitForAsync();
            await second.Locator("#debrief-messages li", new() { HasText = statement }).WaitForAsync();

            // The debrief: timeline, beliefs against the truth, the bot's choices, every message, the CSV for grading.
            await teacher.GetByRole(AriaRole.Link, new() { Name = "Open the debrief" }).ClickAsync();
            await teacher.Locator("#debrief-timeline").WaitForAsync();
            foreach (var year in Enumerable.Range(firstYear, Years))
            {
                await teacher.Locator("#debrief-timeline .timeline-mark", new() { HasText = year.ToString(CultureInfo.InvariantCulture) }).First.WaitForAsync();
            }
            await teacher.Locator("#debrief-messages li", new() { HasText = secret }).WaitForAsync();
            await teacher.Locator($"#chart-beliefs-{seats[0]} .js-plotly-plot").WaitForAsync();
            Assert.Equal(seats.Count * Years, await teacher.Locator("#seat-years tbody tr").CountAsync());
            Assert.Contains("bot", await teacher.Locator($"#seat-years tr[data-seat='{seats[0]}'][data-year='{firstYear + 2}']").InnerTextAsync());
            await Shoot(teacher, "classroom-debrief");
            var download = await teacher.RunAndWaitForDownloadAsync(() => teacher.GetByRole(AriaRole.Link, new() { Name = "Download each seat's decisions and outcomes (CSV)" }).ClickAsync());
            var csvPath = Path.Combine(Path.GetDirectoryName(host.Database)!, "grades.csv");
            await download.SaveAsAsync(csvPath);
            var lines = await File.ReadAllLinesAsync(csvPath);
            output.WriteLine($"CSV: {lines.Length} lines; {lines[0]}");
            Assert.StartsWith("year,seat,decided_by,", lines[0]);
            Assert.Equal(seats.Count * Years, lines.Length - 1);
            var decidedBy = lines.Skip(1).Select(l => l.Split(',')).ToList();
            Assert.All(seats, seat => Assert.Equal(Years, decidedBy.Count(r => r[1] == seat)));
            Assert.Equal("player", decidedBy.Single(r => r[0] == firstYear.ToString(CultureInfo.InvariantCulture) && r[1] == seats[0])[2]);
            Assert.Equal("bot", decidedBy.Single(r => r[0] == (firstYear + 2).ToString(CultureInfo.InvariantCulture) && r[1] == seats[0])[2]);
            Assert.Equal("player", decidedBy.Single(r => r[0] == (firstYear + 2).ToString(CultureInfo.InvariantCulture) && r[1] == seats[3])[2]);

            Assert.True(errors.Count == 0, "page errors: " + string.Join(" | ", errors));
        }
        catch
        {
            foreach (var context in browser.Contexts)
            {
                foreach (var page in context.Pages)
                {
                    await page.ScreenshotAsync(new() { Path = Path.Combine(shots, $"failure-classroom-{browser.Contexts.ToList().IndexOf(context)}.png"), FullPage = true });
                }
            }
            throw;
        }
    }
}
