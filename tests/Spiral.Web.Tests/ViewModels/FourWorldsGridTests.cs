using Spiral.Experiments.Definitions;
using Spiral.Experiments.Metrics;
using Spiral.Experiments.Running;
using Spiral.IO.Scenarios;
using Spiral.IO.Sweeps;
using Spiral.Numerics.Statistics;
using Spiral.Web.ViewModels;

namespace Spiral.Web.Tests.ViewModels;

public class FourWorldsGridTests
{
    private static string RepoFile(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Spiral.slnx")))
        {
            dir = dir.Parent;
        }
        return Path.Combine(dir!.FullName, relative);
    }

    /// <summary>The map is the sweep of sweeps/four-worlds.yaml (same scenario, axes, order and seeds) on a 2 × 2 grid.</summary>
    [Fact]
    public void Compute_SmallGrid_EqualsTheFourWorldsSweepFile()
    {
        var file = SweepLoader.LoadFile(RepoFile("sweeps/four-worlds.yaml")).Definition;
        Assert.Equal(FourWorldsGrid.DefaultScenario, file.BaseScenario.Name);
        Assert.Equal([FourWorldsGrid.OffensePath, FourWorldsGrid.DistinguishabilityPath], file.Axes.Select(a => a.Path));
        const int runs = 6;
        var small = new SweepExperiment(file with
        {
            Axes = [SweepAxis.OfValues(file.Axes[0].Path, FourWorldsGrid.OffenseAxis(2)), SweepAxis.OfValues(file.Axes[1].Path, FourWorldsGrid.DistinguishabilityAxis(2))],
            Replications = runs,
        });
        var wars = new double[small.PointCount][];
        for (var p = 0; p < wars.Length; p++)
        {
            wars[p] = new double[runs];
        }
        ExperimentRunner.Run(small, new RunnerOptions(2), r => wars[r.Point][r.Replication] = OutcomeRegistry.HadWar.Of(r.Summary));

        var grid = FourWorldsGrid.Compute(ScenarioLoader.LoadLibrary(FourWorldsGrid.DefaultScenario), 2, runs, file.Seed);

        Assert.Equal(4, grid.Cells.Count);
        for (var p = 0; p < small.PointCount; p++)
        {
            var scenario = small.ScenarioAt(p);
            var cell = grid.Cells.Single(c => c.OffenseAdvantage == scenario.World.OffenseAdvantage && c.Distinguishability == scenario.World.Distinguishability);
            Assert.Equal(Estimate.Proportion((int)wars[p].Sum(), runs), cell.War);
        }
    }

    [Fact]
    public void Compute_ThreadCounts_SameCells()
    {
        var scenario = ScenarioLoader.LoadLibrary(FourWorldsGrid.DefaultScenario);
        var one = FourWorldsGrid.Compute(scenario, 2, 5, 3, options: new RunnerOptions(1));
        var two = FourWorldsGrid.Compute(scenario, 2, 5, 3, options: new RunnerOptions(2, 3));
        Assert.Equal(one.Cells, two.Cells);
    }

    [Theory]
    [InlineData(1, 10, "size")]
    [InlineData(13, 10, "size")]
    [InlineData(4, 0, "runsPerCell")]
    public void Sweep_OutOfRange_ThrowsNamingTheArgument(int size, int runs, string name)
    {
        var scenario = ScenarioLoader.LoadLibrary(FourWorldsGrid.DefaultScenario);
        Assert.Equal(name, Assert.Throws<ArgumentOutOfRangeException>(() => FourWorldsGrid.Sweep(scenario, size, runs)).ParamName);
    }

    /// <summary>
    /// The explorer's rows follow the time convention: one run of india-china-lac has rows 2009..2024 and the 2017
    /// incident, a crisis the timeline scripts (history, drawn apart from the model's crises).
    /// </summary>
    [Fact]
    public void EnsembleView_IndiaChinaLac_RowsAreTheScenarioYears()
    {
        var scenario = ScenarioLoader.LoadLibrary("india-china-lac");
        var view = EnsembleView.Compute(new EnsembleExperiment(scenario, 1, 7));
        Assert.Equal(Enumerable.Range(2009, 16), view.Years);
        Assert.Equal(1.0, view.ScriptedCrisisInYear[view.Years.ToList().IndexOf(2017)]);
        Assert.Equal(0.0, view.ScriptedCrisisInYear[view.Years.ToList().IndexOf(2016)]);
    }
}

public class FourWorldsGradientTests(Xunit.Abstractions.ITestOutputHelper output)
{
    /// <summary>
    /// The map's default outcome shows Jervis's gradient on the default scenario: more in the doubly dangerous corner
    /// (offense favoured, postures unreadable) than in the doubly stable one. Measured, not tuned: the figures are printed.
    /// </summary>
    [Fact]
    public void Compute_DefaultOutcome_DoublyDangerousCornerAboveDoublyStable()
    {
        var scenario = ScenarioLoader.LoadLibrary(FourWorldsGrid.DefaultScenario);
        var grid = FourWorldsGrid.Compute(scenario, 3, 100, 1);
        foreach (var o in FourWorldsGrid.MapOutcomes)
        {
            output.WriteLine($"{o.Name}: " + string.Join("  ", grid.Cells.Select(c =>
                $"β{c.OffenseAdvantage}/ω{c.Distinguishability}={c.Of(o).Mean:0.###}")));
        }
        var shown = FourWorldsGrid.MapOutcomes[0];
        var dangerous = grid.Cells.Single(c => c.OffenseAdvantage == 3 && c.Distinguishability == 0).Of(shown);
        var stable = grid.Cells.Single(c => c.OffenseAdvantage < 1 && c.Distinguishability == 1).Of(shown);
        Assert.True(dangerous.Low > stable.High, $"{shown.Name}: doubly dangerous {dangerous} vs doubly stable {stable}");
    }
}
