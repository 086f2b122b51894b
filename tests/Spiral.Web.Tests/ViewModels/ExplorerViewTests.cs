using Spiral.Core.Parameters;
using System.Diagnostics;
using Spiral.Core.Events;
using Spiral.Experiments.Metrics;
using Spiral.Experiments.Definitions;
using Spiral.Experiments.Running;
using Spiral.Web.ViewModels;
using Spiral.IO.Content;
using Spiral.Reporting.Learn;
using Spiral.IO.Scenarios;
using Xunit.Abstractions;

namespace Spiral.Web.Tests.ViewModels;

/// <summary>The explorer's computations (in Spiral.IO): bands, cancellation, the four-worlds axes, the Learn texts, and the speed figure.</summary>
public class ExplorerViewTests(ITestOutputHelper output)
{
    [Fact]
    public void EnsembleView_BandsAreOrdered_AndProbabilitiesAreProbabilities()
    {
        var scenario = ScenarioLoader.LoadLibrary("india-china-lac");
        var view = EnsembleView.Compute(new EnsembleExperiment(scenario, 60, 3));
        Assert.Equal(scenario.Steps + 1, view.Years.Count);
        foreach (var band in view.MilitaryShare.Concat(view.Security))
        {
            for (var t = 0; t < view.Years.Count; t++)
            {
                Assert.True(band.P10[t] <= band.P50[t] && band.P50[t] <= band.P90[t]);
            }
        }
        Assert.All(view.WarByYear.Zip(view.WarByYear.Skip(1)), p => Assert.True(p.First <= p.Second));
        Assert.Equal(view.Summary[OutcomeRegistry.HadWar].Estimate.Mean, view.WarByYear[^1], 9);
        Assert.Equal(1.0, view.Rungs.Sum(r => r.Share), 9);
        Assert.All(view.CrisisInYear, p => Assert.InRange(p, 0, 1));
        Assert.All(view.ScriptedCrisisInYear, p => Assert.InRange(p, 0, 1));
        Assert.NotEmpty(view.Network);
        Assert.NotEmpty(view.Beliefs);
    }

    [Fact]
    public void EnsembleView_Breakdown_CrisisLevelsRoutesAndScriptedWarsFromTheSummary()
    {
        var scenario = ScenarioLoader.LoadLibrary("russia-ukraine-nato");
        var view = EnsembleView.Compute(new EnsembleExperiment(scenario, 40, 3));
        Assert.Equal(EnsembleView.BreakdownOutcomes.Select(b => b.Outcome.Label), view.Breakdown.Select(b => b.Label));
        var scripted = view.Breakdown.Single(b => b.Label == OutcomeRegistry.ScriptedWars.Label);
        // every run replays the timeline's wars (2014 and 2022): scripted, counted apart from the model's wars; a crisis a
        // scripted incident opens is scripted too, and so is a war it ends in, so some runs have more
        var timelineWars = scenario.Timeline.Count(e => e.Kind == Spiral.Core.Scenarios.TimelineEventKind.War);
        Assert.Equal(2, timelineWars);
        Assert.InRange(scripted.Mean, timelineWars, timelineWars + 0.5);
        Assert.Equal(scripted.Mean, view.Summary[OutcomeRegistry.ScriptedWars].Mean);
        Assert.Equal(view.Summary[OutcomeRegistry.CrisesAtThreat].Mean, view.Breakdown[0].Mean);
        Assert.Equal(["wars per crisis", "share of crises reaching use of force or war"], view.Ratios.Select(r => r.Label));
    }

    [Fact]
    public void StoryRun_RussiaUkraineNato_ScriptedWarsApartFromTheModels()
    {
        var story = StoryRun.Tell(ScenarioLoader.LoadLibrary("russia-ukraine-nato"), 1);
        Assert.Equal(2, story.ScriptedWars);
        Assert.EndsWith("; 2 scripted wars (history).", story.WarText);
        Assert.Contains(story.Years.SelectMany(y => y.Lines), l => l.History && l.Text.StartsWith("In 2022, as history records,", StringComparison.Ordinal));
        Assert.Equal("no war started by the model.", (story with { Wars = 0, ScriptedWars = 0 }).WarText);
        Assert.Equal("1 war started by the model; 1 scripted war (history).", (story with { Wars = 1, ScriptedWars = 1 }).WarText);
    }

    [Fact]
    public void EnsembleView_IsCancellable()
    {
        var scenario = ScenarioLoader.LoadLibrary("jervis-doubly-dangerous");
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => EnsembleView.Compute(new EnsembleExperiment(scenario, 5000, 1), cts.Token));
    }

    [Fact]
    public void FourWorlds_AxesStraddleTheNeutralPoints_AndQuadrantsCarryJervisNames()
    {
        var betas = FourWorldsGrid.OffenseAxis(6);
        Assert.Contains(betas, b => b < 1);
        Assert.Contains(betas, b => b > 1);
        Assert.Equal(0.33, betas[0], 2);
        Assert.Equal(3, betas[^1], 2);
        Assert.Equal([0, 0.2, 0.4, 0.6, 0.8, 1.0], FourWorldsGrid.DistinguishabilityAxis(6));
        Assert.Equal("Doubly dangerous", FourWorldsGrid.Quadrant(3, 0));
        Assert.Equal("Doubly stable", FourWorldsGrid.Quadrant(0.33, 1));
    }

    [Fact]
    public void Learn_EveryConceptOfTheModelHasAGlossaryEntry()
    {
        foreach (var concept in Enum.GetValues<Concept>().Where(c => c is not Concept.None and not Concept.Timeline))
        {
            Assert.True(LearnLibrary.ForConcept(concept) is not null, $"no glossary entry for {concept}");
        }
        foreach (var id in new[] { "anarchy", "uncertainty-of-intentions", "offense-defense-balance", "offense-defense-differentiation", "spiral",
                     "power-competition", "rivalry-and-identity", "insecurity-dilemma", "third-world-priorities", "arms-races", "escalation",
                     "confidence-building-measures", "hotline", "preparedness-without-provocation", "multilateral-engagement" })
        {
            Assert.NotNull(LearnLibrary.Find(id));
        }
        Assert.Equal("who-introduced-it", LearnLibrary.Find("Who introduced the idea?")!.Id);
    }

    [Fact]
    public void Learn_EveryLinkOpensAScenarioThatExists_AndItsParametersApply()
    {
        foreach (var e in LearnLibrary.All)
        {
            var path = Uri.UnescapeDataString(e.Try.WebPath);
            var parts = path.Split('?');
            var segments = parts[0].Trim('/').Split('/');
            Assert.Contains(segments[0], new[] { "scenario", "story", "compare", "four-worlds" });
            if (segments.Length > 1)
            {
                var scenario = ScenarioLoader.LoadLibrary(segments[1]);
                if (parts.Length > 1 && parts[1].StartsWith("set=", StringComparison.Ordinal))
                {
                    ParameterCatalog.SetAll(scenario, [parts[1]["set=".Length..]]);
                }
                if (parts.Length > 1 && parts[1].StartsWith("intervention=", StringComparison.Ordinal))
                {
                    Spiral.Experiments.Counterfactuals.Intervention.Parse(parts[1]["intervention=".Length..]).Apply(scenario);
                }
            }
        }
    }

    /// <summary>The speed figure of issue 7: a 500-run ensemble of a library scenario, timed and printed (not asserted).</summary>
    [Fact]
    public void Speed_500RunEnsembleOfALibraryScenario_IsTimed()
    {
        foreach (var name in new[] { "india-china-lac", "jervis-doubly-dangerous" })
        {
            var scenario = ScenarioLoader.LoadLibrary(name);
            EnsembleView.Compute(new EnsembleExperiment(scenario, 50, 99));
            var clock = Stopwatch.StartNew();
            var view = EnsembleView.Compute(new EnsembleExperiment(scenario, 500, 1));
            var line = $"SPEED {name}: 500 runs × {scenario.Steps} years × {scenario.States.Count} states in {clock.Elapsed.TotalSeconds:F2} s on {Environment.ProcessorCount} cores (explorer view incl. bands)";
            output.WriteLine(line);
            Console.WriteLine(line);
            Assert.Equal(500, view.Summary.Runs);
        }
    }
}
