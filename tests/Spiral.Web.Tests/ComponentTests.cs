using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Spiral.Reporting.Learn;
using Spiral.IO.Scenarios;
using Spiral.Web.Components.Pages;
using Spiral.Web.Components.Shared;
using Spiral.Web.Services;

namespace Spiral.Web.Tests;

/// <summary>bUnit tests of the explorer's components: rendering, refused input, links to the glossary.</summary>
public sealed class ComponentTests : IDisposable
{
    private readonly BunitContext _ctx = new();

    public ComponentTests()
    {
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddScoped<ExplorerService>();
        _ctx.Services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        _ctx.Services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        // as in the browser: interactive server rendering (the pages write what the user did into the URL only then)
        _ctx.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    public void Dispose() => _ctx.Dispose();

    [Fact]
    public void NumberField_RefusesAnOutOfRangeValue_WithAMessage_AndKeepsTheValue()
    {
        double? received = null;
        var cut = _ctx.Render<NumberField>(p => p
            .Add(x => x.Id, "beta").Add(x => x.Label, "Offense advantage").Add(x => x.Min, 0.2).Add(x => x.Max, 5)
            .Add(x => x.Value, 1.0).Add(x => x.ValueChanged, (double v) => received = v));

        cut.Find("input#beta").Change("12");
        Assert.Null(received);
        Assert.Contains("out of range", cut.Find(".field-error").TextContent);
        Assert.Contains("from 0.2 to 5", cut.Find(".field-error").TextContent);
        Assert.Contains("Still using 1.", cut.Find(".field-error").TextContent);
        Assert.Equal("1", cut.Find("input#beta").GetAttribute("value"));

        cut.Find("input#beta").Change("abc");
        Assert.Null(received);
        Assert.Contains("not a number", cut.Find(".field-error").TextContent);
        Assert.Equal("1", cut.Find("input#beta").GetAttribute("value"));

        cut.Find("input#beta").Change("2.5");
        Assert.Equal(2.5, received);
        Assert.Empty(cut.FindAll(".field-error"));
    }

    [Fact]
    public void NumberField_Integer_RefusesAFraction()
    {
        int? received = null;
        var cut = _ctx.Render<NumberField>(p => p
            .Add(x => x.Id, "runs").Add(x => x.Label, "Runs").Add(x => x.Min, 1).Add(x => x.Max, 1000).Add(x => x.Integer, true)
            .Add(x => x.Value, 500.0).Add(x => x.ValueChanged, (double v) => received = (int)v));
        cut.Find("input#runs").Change("10.5");
        Assert.Null(received);
        Assert.Contains("whole number", cut.Find(".field-error").TextContent);
        Assert.Equal("500", cut.Find("input#runs").GetAttribute("value"));
    }

    [Fact]
    public void Home_ExplainsTheDilemma_AndShowsACardPerLibraryScenario()
    {
        var cut = _ctx.Render<Home>();
        var text = cut.Find("#dilemma-in-four").TextContent;
        Assert.Contains("Herz 1950", text);
        Assert.Contains("Jervis 1978", text);
        var cards = cut.FindAll("article.card");
        Assert.Equal(ScenarioLibrary.Names.Count, cards.Count);
        foreach (var name in ScenarioLibrary.Names)
        {
            Assert.NotNull(cut.Find($"a[href='/scenario/{name}']"));
        }
    }

    [Fact]
    public void Learn_ShowsEveryGlossaryEntryAndQuestion_EachWithSomethingToRun()
    {
        var cut = _ctx.Render<LearnPage>();
        foreach (var entry in LearnLibrary.All)
        {
            var article = cut.Find($"article#{entry.Id}");
            Assert.Contains(entry.Source, article.TextContent);
            Assert.NotNull(article.QuerySelector($"a[href='{entry.Try.WebPath}']"));
        }
        Assert.Contains("Herz", cut.Find("article#who-introduced-it").TextContent);
        Assert.Contains("Butterfield", cut.Find("article#who-introduced-it").TextContent);
    }

    [Fact]
    public void Story_TellsTheRunYearByYear_WithConceptTagsLinkingToTheGlossary()
    {
        var cut = _ctx.Render<StoryPage>(p => p.Add(x => x.Name, "jervis-doubly-dangerous"));
        cut.WaitForElement("#timeline", TimeSpan.FromSeconds(20));
        Assert.True(cut.FindAll(".timeline-year").Count >= 2);
        var tags = cut.FindAll("a.tag");
        Assert.NotEmpty(tags);
        var ids = LearnLibrary.Glossary.Select(g => "/learn#" + g.Id).ToHashSet();
        Assert.All(tags, t => Assert.Contains(t.GetAttribute("href") ?? "", ids));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("100001")]
    [InlineData("99999999999999999999999")]
    public void Story_BadRunInTheLink_ShowsOneMessageOnThePage(string run)
    {
        var nav = _ctx.Services.GetRequiredService<NavigationManager>();
        nav.NavigateTo("/story/jervis-doubly-dangerous?run=" + Uri.EscapeDataString(run));
        var cut = _ctx.Render<StoryPage>(p => p.Add(x => x.Name, "jervis-doubly-dangerous"));
        Assert.Equal($"In the link, run must be a whole number from 0 to {StoryPage.MaxRun} (got '{run}').", cut.Find(".notice-error").TextContent);
        Assert.Empty(cut.FindAll("#timeline"));
        Assert.NotNull(cut.Find("button#tell"));
    }

    [Fact]
    public void Scenario_ShowsTheControls_AndRefusesAnOutOfRangeOffenseAdvantage()
    {
        var cut = _ctx.Render<ScenarioPage>(p => p.Add(x => x.Name, "india-china-lac").Add(x => x.AutoRun, false));
        foreach (var id in new[] { "offenseAdvantage", "distinguishability", "observationNoise", "institutions", "empathy", "runs" })
        {
            Assert.NotNull(cut.Find($"input#{id}"));
        }
        Assert.NotNull(cut.Find("input#rivalry-India-China"));
        Assert.NotNull(cut.Find("input#hotline-India-China"));
        Assert.NotNull(cut.Find("select#policy-India"));
        Assert.NotNull(cut.Find("input#greed-China"));
        Assert.Equal("500", cut.Find("input#runs").GetAttribute("value"));

        cut.Find("input#offenseAdvantage").Change("50");
        Assert.Contains("out of range", cut.Find("[data-field=offenseAdvantage] .field-error").TextContent);
        Assert.Empty(cut.FindAll(".notice-error"));
    }

    [Fact]
    public void Scenario_Run_DrawsTheCharts_AndAChangedControlChangesThem()
    {
        var cut = _ctx.Render<ScenarioPage>(p => p.Add(x => x.Name, "jervis-doubly-dangerous").Add(x => x.AutoRun, false));
        cut.Find("input#runs").Change("40");
        cut.Find("button#run").Click();
        cut.WaitForAssertion(() => Assert.Equal("1", cut.Find("#results").GetAttribute("data-version")), TimeSpan.FromSeconds(60));
        foreach (var id in new[] { "chart-milex", "chart-security", "chart-beliefs", "chart-war", "chart-rungs", "chart-network" })
        {
            Assert.NotEqual("0", cut.Find($"#{id}").GetAttribute("data-traces"));
        }
        var before = cut.Find("#stat-hadWar").TextContent;
        var csv = Uri.UnescapeDataString(cut.Find("a#csv-scenario").GetAttribute("href")!);
        Assert.StartsWith("data:text/csv;charset=utf-8,outcome,label,unit,mean,low,high\nhadWar,P(war),probability,", csv);

        // progress reports may still re-render the page after the run: retry until the change lands
        cut.WaitForAssertion(() =>
        {
            cut.Find("input#offenseAdvantage").Change("0.3");
            Assert.Contains("press Run", cut.Find("#run-status").TextContent);
        }, TimeSpan.FromSeconds(10));
        cut.Find("button#run").Click();
        cut.WaitForAssertion(() => Assert.Equal("2", cut.Find("#results").GetAttribute("data-version")), TimeSpan.FromSeconds(60));
        Assert.Contains("40 runs", cut.Find("#run-status").TextContent);
        Assert.NotNull(before);
    }

    [Fact]
    public void Scenario_BadLinkParameter_ShowsAMessage_NotAStackTrace()
    {
        var nav = _ctx.Services.GetRequiredService<NavigationManager>();
        nav.NavigateTo("/scenario/india-china-lac?set=world.nonsense%3D3");
        var cut = _ctx.Render<ScenarioPage>(p => p.Add(x => x.Name, "india-china-lac").Add(x => x.AutoRun, false));
        var notice = cut.Find(".notice-error").TextContent;
        Assert.Contains("unknown world parameter 'nonsense'", notice);
        Assert.DoesNotContain(" at ", notice);
    }

    [Fact]
    public void Compare_PrefillsTheInterventionFromTheLink()
    {
        var nav = _ctx.Services.GetRequiredService<NavigationManager>();
        nav.NavigateTo("/compare/india-china-lac?intervention=hotline%3AIndia%2CChina");
        var cut = _ctx.Render<ComparePage>(p => p.Add(x => x.Name, "india-china-lac"));
        Assert.Equal("hotline", cut.Find("#intervention-kind").GetAttribute("value"));
        Assert.Equal("India", cut.Find("#state-a").GetAttribute("value"));
        Assert.Equal("China", cut.Find("#state-b").GetAttribute("value"));
    }

    [Fact]
    public void FourWorlds_ComputesASmallGrid_WithJervisLabels()
    {
        var cut = _ctx.Render<FourWorldsPage>();
        cut.Find("input#grid-size").Change("2");
        cut.Find("input#cell-runs").Change("10");
        cut.Find("button#compute").Click();
        cut.WaitForAssertion(() => Assert.Equal("1", cut.Find("#chart-worlds").GetAttribute("data-version")), TimeSpan.FromSeconds(60));
        Assert.Contains("4 cells × 10 runs", cut.Find("#grid-status").TextContent);
    }

    [Fact]
    public void Scenario_LinkValueOutsideTheControlsRange_IsRefused_AndTheFieldShowsTheValueInUse()
    {
        var nav = _ctx.Services.GetRequiredService<NavigationManager>();
        nav.NavigateTo("/scenario/india-china-lac?set=world.offenseAdvantage%3D99");
        var cut = _ctx.Render<ScenarioPage>(p => p.Add(x => x.Name, "india-china-lac").Add(x => x.AutoRun, false));
        Assert.Equal("'world.offenseAdvantage': 99 is outside the explorer's range for Offense advantage β, 0.2 to 5.", cut.Find(".notice-error").TextContent);
        Assert.Equal("0.8", cut.Find("input#offenseAdvantage").GetAttribute("value"));
    }

    [Fact]
    public void Scenario_LinkValueInsideTheRange_IsAppliedToItsControl()
    {
        var nav = _ctx.Services.GetRequiredService<NavigationManager>();
        nav.NavigateTo("/scenario/india-china-lac?set=dyads%5BIndia%2CChina%5D.hotline%3D0.7&seed=9&runs=300");
        var cut = _ctx.Render<ScenarioPage>(p => p.Add(x => x.Name, "india-china-lac").Add(x => x.AutoRun, false));
        Assert.Empty(cut.FindAll(".notice-error"));
        Assert.Equal("0.7", cut.Find("input#hotline-India-China").GetAttribute("value"));
        Assert.Equal("9", cut.Find("input#seed").GetAttribute("value"));
        Assert.Equal("300", cut.Find("input#runs").GetAttribute("value"));
    }

    [Fact]
    public void Scenario_EditsSeedAndRuns_AreWrittenToTheUrl()
    {
        var nav = _ctx.Services.GetRequiredService<NavigationManager>();
        nav.NavigateTo("/scenario/india-china-lac");
        var cut = _ctx.Render<ScenarioPage>(p => p.Add(x => x.Name, "india-china-lac").Add(x => x.AutoRun, false));
        cut.Find("input#offenseAdvantage").Change("2");
        cut.Find("input#internal-China").Change("0.35");
        cut.Find("input#seed").Change("7");
        cut.Find("input#runs").Change("200");
        Assert.Equal("http://localhost/scenario/india-china-lac?set=world.offenseAdvantage%3D2&set=states%5BChina%5D.internalThreat%3D0.35&seed=7&runs=200", nav.Uri);
        cut.Find("button#reset").Click();
        Assert.Equal("http://localhost/scenario/india-china-lac", nav.Uri);
        Assert.Equal("0.8", cut.Find("input#offenseAdvantage").GetAttribute("value"));
    }

    [Fact]
    public void Scenario_OpensWithTheLesson_FromTheScenariosDocumentationPage()
    {
        var cut = _ctx.Render<ScenarioPage>(p => p.Add(x => x.Name, "india-china-lac").Add(x => x.AutoRun, false));
        Assert.Contains("Galwan", cut.Find("#lesson-history").TextContent);
        Assert.Equal("What to notice", cut.Find("#lesson-notice summary").TextContent);
        Assert.Contains("spiral compare india-china-lac --intervention hotline:India,China", cut.Find("#lesson-try pre").TextContent);
        Assert.Contains("spiral scenarios show india-china-lac", cut.Find("#lesson").TextContent);
    }

    [Fact]
    public void Story_TellingARun_WritesScenarioSeedAndRunToTheUrl()
    {
        var nav = _ctx.Services.GetRequiredService<NavigationManager>();
        nav.NavigateTo("/story/india-china-lac");
        var cut = _ctx.Render<StoryPage>(p => p.Add(x => x.Name, "india-china-lac"));
        cut.WaitForElement("#timeline", TimeSpan.FromSeconds(20));
        cut.Find("button#next-run").Click();
        cut.WaitForAssertion(() => Assert.Equal("http://localhost/story/india-china-lac?seed=1&run=1", nav.Uri), TimeSpan.FromSeconds(20));
    }

    [Fact]
    public void Compare_SeedField_RunsOnThatSeed_OneChartPerUnit_AndTheUrlSaysSo()
    {
        var nav = _ctx.Services.GetRequiredService<NavigationManager>();
        nav.NavigateTo("/compare/india-china-lac?intervention=hotline%3AIndia%2CChina&runs=20&seed=5");
        var cut = _ctx.Render<ComparePage>(p => p.Add(x => x.Name, "india-china-lac"));
        Assert.Equal("5", cut.Find("input#compare-seed").GetAttribute("value"));
        cut.Find("input#compare-seed").Change("6");
        cut.Find("button#compare-run").Click();
        cut.WaitForElement("#compare-table", TimeSpan.FromSeconds(60));
        Assert.Contains("seed 6", cut.Markup);
        Assert.True(cut.FindAll("#chart-compare .chart").Count >= 3);
        Assert.Equal("http://localhost/compare/india-china-lac?intervention=hotline%3AIndia%2CChina&runs=20&seed=6&run=1", nav.Uri);
    }

    [Fact]
    public void FourWorlds_OpensOnTheCrisisRate_AndAFixedScaleGoesIntoTheUrl()
    {
        var nav = _ctx.Services.GetRequiredService<NavigationManager>();
        var cut = _ctx.Render<FourWorldsPage>();
        Assert.Equal("crises", cut.Find("#worlds-outcome").GetAttribute("value"));
        cut.Find("input#grid-size").Change("2");
        cut.Find("input#cell-runs").Change("10");
        cut.Find("#worlds-scale").Change("fixed");
        Assert.NotNull(cut.Find("input#scale-max"));
        cut.Find("#worlds-outcome").Change("hadWar");
        Assert.EndsWith("four-worlds?scenario=jervis-doubly-dangerous&size=2&runs=10&outcome=hadWar&scale=1", nav.Uri);
    }

    [Fact]
    public void Ab_TwoSettingsFromTheLink_RunOnTheSameSeeds_ShowTheSameDifferenceAsPairedComparison_AndTheUrlHoldsBoth()
    {
        var nav = _ctx.Services.GetRequiredService<NavigationManager>();
        nav.NavigateTo("/ab/india-china-lac?a=world.offenseAdvantage%3D1&b=world.offenseAdvantage%3D2&runs=40&seed=3");
        var cut = _ctx.Render<AbPage>(p => p.Add(x => x.Name, "india-china-lac"));
        Assert.Equal("1", cut.Find("input#a-offenseAdvantage").GetAttribute("value"));
        Assert.Equal("2", cut.Find("input#b-offenseAdvantage").GetAttribute("value"));
        Assert.Contains("world.offenseAdvantage: A 1, B 2", cut.Find("#ab-differs").TextContent);

        // a change to B's hotline goes into the link as b=
        cut.Find("input#b-hotline-India-China").Change("1");
        Assert.Contains("b=dyads%5BIndia%2CChina%5D.hotline%3D1", nav.Uri);
        cut.Find("button#ab-run").Click();
        cut.WaitForElement("#ab-table", TimeSpan.FromSeconds(60));

        // the same paired experiment run directly: A and B on the same seeds, difference B − A
        var library = new ExplorerService();
        var baseline = library.Load("india-china-lac");
        var a = Spiral.Core.Parameters.ParameterCatalog.SetAll(baseline, ["world.offenseAdvantage=1"]);
        var b = Spiral.Core.Parameters.ParameterCatalog.SetAll(baseline, ["world.offenseAdvantage=2", "dyads[India,China].hotline=1"]);
        var expected = Spiral.Experiments.Counterfactuals.PairedComparison.Run(
            Spiral.Experiments.Definitions.PairedCounterfactual.OfArms([a, b], 40, 3)).Single()[Spiral.Experiments.Metrics.OutcomeRegistry.Crises];
        var row = cut.Find("#ab-table tr[data-outcome='crises']").TextContent;
        Assert.Contains(expected.Baseline.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture), row);
        Assert.Contains($"{expected.Difference.Mean.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} [{expected.Difference.Low.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)}, ", row);
        Assert.NotNull(cut.Find("#chart-ab-distribution"));
        Assert.True(cut.FindAll("#chart-ab .chart").Count >= 4);
        Assert.Equal("http://localhost/ab/india-china-lac?a=world.offenseAdvantage%3D1&b=world.offenseAdvantage%3D2&b=dyads%5BIndia%2CChina%5D.hotline%3D1"
            + "&runs=40&seed=3&outcome=crises&run=1", nav.Uri);
    }

    [Fact]
    public void Ab_ABadValueInTheLink_IsRefusedWithASentence()
    {
        var nav = _ctx.Services.GetRequiredService<NavigationManager>();
        nav.NavigateTo("/ab/india-china-lac?b=world.offenseAdvantage%3D99&run=1");
        var cut = _ctx.Render<AbPage>(p => p.Add(x => x.Name, "india-china-lac"));
        Assert.Contains("B:", cut.Find(".notice").TextContent);
        Assert.Contains("outside the explorer's range", cut.Find(".notice").TextContent);
        Assert.Empty(cut.FindAll("#ab-table"));
    }

    [Fact]
    public void ExplorerService_IsScoped_OnePerCircuit()
    {
        var services = new ServiceCollection();
        services.AddScoped<ExplorerService>();
        using var provider = services.BuildServiceProvider();
        using var tab1 = provider.CreateScope();
        using var tab2 = provider.CreateScope();
        Assert.NotSame(tab1.ServiceProvider.GetRequiredService<ExplorerService>(), tab2.ServiceProvider.GetRequiredService<ExplorerService>());
        Assert.Same(tab1.ServiceProvider.GetRequiredService<ExplorerService>(), tab1.ServiceProvider.GetRequiredService<ExplorerService>());
    }
}
