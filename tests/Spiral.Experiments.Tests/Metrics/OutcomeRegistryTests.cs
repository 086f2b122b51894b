using Spiral.Numerics.Statistics;
using Spiral.Experiments.Metrics;

namespace Spiral.Experiments.Tests.Metrics;

/// <summary>The outcome registry: names spelled once, every other spelling derived; values read from a run summary.</summary>
public class OutcomeRegistryTests
{
    [Theory]
    [InlineData("hadWarBetweenSecuritySeekers", "had_war_between_security_seekers")]
    [InlineData("armsRaceIndex", "arms_race_index")]
    [InlineData("wars", "wars")]
    [InlineData("firstWarStep", "first_war_step")]
    public void SnakeCase_CamelName_StoreColumn(string name, string column)
    {
        Assert.Equal(column, OutcomeNaming.SnakeCase(name));
    }

    [Fact]
    public void SummaryName_ByScopeAndKind_TheJsonNamesOfSpiralRun()
    {
        Assert.Equal("warProbability", OutcomeRegistry.HadWar.SummaryName);
        Assert.Equal("warBetweenSecuritySeekersProbability", OutcomeRegistry.HadWarBetweenSecuritySeekers.SummaryName);
        Assert.Equal("crisesPerRun", OutcomeRegistry.Crises.SummaryName);
        Assert.Equal("cbmsBlockedPerRun", OutcomeRegistry.CbmsBlocked.SummaryName);
        Assert.Equal("maxRungMean", OutcomeRegistry.MaxRung.SummaryName);
        Assert.Equal("maxRungMax", OutcomeRegistry.MaxRung.MaximumName);
        Assert.Null(OutcomeRegistry.Crises.MaximumName);
        Assert.Equal("armsRaceIndex", OutcomeRegistry.ArmsRaceIndex.SummaryName);
        Assert.Equal("greedyShare", OutcomeRegistry.IsGreedy.SummaryName);
        Assert.Equal("milexGrowth", OutcomeRegistry.MilexGrowth.SummaryName);
        Assert.Equal("beliefError", OutcomeRegistry.BeliefError.SummaryName);
    }

    [Fact]
    public void Registry_NamesAndColumns_UniqueWithinEachScope()
    {
        foreach (var list in new[] { OutcomeRegistry.Runs, OutcomeRegistry.States, OutcomeRegistry.Dyads })
        {
            Assert.Equal(list.Count, list.Select(o => o.Name).Distinct().Count());
            Assert.Equal(list.Count, list.Select(o => o.SummaryName).Distinct().Count());
            Assert.Equal(Enumerable.Range(0, list.Count), list.Select(o => o.Index));
        }
        Assert.Equal(33, OutcomeRegistry.Runs.Count);
        Assert.Equal(["is_greedy", "milex_growth", "initial_security", "final_security", "mean_belief_about_others"],
            OutcomeRegistry.States.Select(o => o.Column));
    }

    [Fact]
    public void Compared_EveryRunOutcomeButTheOptionalFirstWarStep()
    {
        Assert.Equal(OutcomeRegistry.Runs.Where(o => o != OutcomeRegistry.FirstWarStep), OutcomeRegistry.Compared);
    }

    [Fact]
    public void Of_HandMadeSummary_ReadsEachValue()
    {
        var s = new RunSummary(2) { Wars = 2, WarsBetweenSecuritySeekers = 0, Crises = 5, MaxRung = 7, FirstWarStep = -1, MeanFinalSecurity = 0.8 };
        s.IsGreedy[1] = true;
        s.FinalBelief[0 * 2 + 1] = 0.7;
        Assert.Equal(1, OutcomeRegistry.HadWar.Of(s));
        Assert.Equal(0, OutcomeRegistry.HadWarBetweenSecuritySeekers.Of(s));
        Assert.Equal(5, OutcomeRegistry.Crises.Of(s));
        Assert.Equal(7, OutcomeRegistry.MaxRung.Of(s));
        Assert.True(double.IsNaN(OutcomeRegistry.FirstWarStep.Of(s)));
        Assert.Equal(0.8, OutcomeRegistry.MeanFinalSecurity.Of(s));
        Assert.Equal(1, OutcomeRegistry.IsGreedy.Of(s, 1));
        Assert.Equal(0.7, OutcomeRegistry.Belief.Of(s, 0, 1));
        Assert.Same(OutcomeRegistry.HadWar, OutcomeRegistry.Find("had_war"));
        Assert.Same(OutcomeRegistry.HadWar, OutcomeRegistry.Find("hadWar"));
        Assert.Null(OutcomeRegistry.Find("war"));
    }

    [Fact]
    public void Estimate_ByKind_WilsonForIndicatorsCountsCutAtZero()
    {
        Assert.Equal(Estimate.Proportion(3, 10), OutcomeRegistry.HadWar.Estimate(10, 3, 0.2333));
        // counts 0, 0, 1: mean 1/3, variance 1/3, normal lower end 1/3 − 1.96·(1/3) < 0 is cut at 0
        var count = OutcomeRegistry.Crises.Estimate(3, 1, 1.0 / 3);
        Assert.Equal(0, count.Low);
        Assert.Equal(1.0 / 3 + Estimate.Z95 / 3, count.High, 12);
        var real = OutcomeRegistry.RichardsonReaction.Estimate(3, 1, 1.0 / 3);
        Assert.Equal(1.0 / 3 - Estimate.Z95 / 3, real.Low, 12);
        Assert.True(double.IsNaN(OutcomeRegistry.FirstWarStep.Estimate(0, 0, 0).Mean));
    }

    [Fact]
    public void OutcomesReference_OneRowPerOutcome_AsTheRegistrySpellsIt()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Spiral.slnx")))
        {
            dir = dir.Parent;
        }
        var doc = File.ReadAllText(Path.Combine(dir!.FullName, "docs", "reference", "outcomes.md"));
        var all = OutcomeRegistry.Runs.Concat(OutcomeRegistry.States).Concat(OutcomeRegistry.Dyads).ToList();
        foreach (var o in all)
        {
            var json = $"`{o.SummaryName}`" + (o.MaximumName is { } max ? $", `{max}`" : "");
            Assert.Contains($"| `{o.Name}` | `{o.Column}` | {json} | {o.Label.Replace("|", "\\|", StringComparison.Ordinal)} | {o.Unit} | {o.Kind.ToString().ToLowerInvariant()} |", doc);
        }
        Assert.Equal(all.Count, doc.Split('\n').Count(l => l.StartsWith("| `", StringComparison.Ordinal)));
        foreach (var r in OutcomeRegistry.Ratios)
        {
            Assert.Contains($"`{r.Name}`, {r.Label} = {r.Formula}", doc);
        }
    }

    [Fact]
    public void Ratios_WarsAndForceOrWarPerCrisis_ModelCrisesTheDenominator()
    {
        Assert.Equal(["warGivenCrisis", "forceOrWarGivenCrisis"], OutcomeRegistry.Ratios.Select(r => r.Name));
        Assert.Equal("Σ wars / Σ crises", OutcomeRegistry.WarGivenCrisis.Formula);
        Assert.Equal("Σ (crisesAtUseOfForce + crisesAtWar) / Σ crises", OutcomeRegistry.ForceOrWarGivenCrisis.Formula);
        Assert.All(OutcomeRegistry.Ratios, r => Assert.Same(OutcomeRegistry.Crises, r.Denominator));
    }

    [Theory]
    [InlineData("crisesAtUseOfForce", "crises_at_use_of_force", "crisesAtUseOfForcePerRun")]
    [InlineData("warsFromCommitmentProblem", "wars_from_commitment_problem", "warsFromCommitmentProblemPerRun")]
    [InlineData("scriptedWars", "scripted_wars", "scriptedWarsPerRun")]
    [InlineData("warsStartedByWeakerSide", "wars_started_by_weaker_side", "warsStartedByWeakerSidePerRun")]
    public void Find_V2Outcome_ColumnAndJsonName(string name, string column, string json)
    {
        var o = OutcomeRegistry.Find(name)!;
        Assert.Equal((column, json, OutcomeKind.Count), (o.Column, o.SummaryName, o.Kind));
    }
}
