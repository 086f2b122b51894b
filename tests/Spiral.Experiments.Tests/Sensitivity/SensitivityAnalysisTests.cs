using Spiral.Core.Parameters;
using Spiral.Experiments.Running;
using Spiral.Experiments.Scenarios;
using Spiral.Experiments.Sensitivity;

namespace Spiral.Experiments.Tests.Sensitivity;

public class SensitivityAnalysisTests
{
    // Six non-nuclear states without alliances: the nuclear war cost and the allies' cost share cannot act.
    private static readonly Spiral.Core.Scenarios.Scenario World = StylizedScenario.Create(states: 6, offenseAdvantage: 2, steps: 30);

    private static IReadOnlyList<SensitivityFactor> Three() =>
        SensitivityAnalysis.Factors(World, ["world.incidentBaseRate=0.05:0.4", "model.nuclearWarCost", "model.allyCostShare"]);

    [Fact]
    public void Run_FactorsThatCannotAct_TotalIndexExactlyZero_TheIncidentRateDrivesCrises()
    {
        var result = SensitivityAnalysis.Run(World, Three(), SensitivityOutput.Of("crises"),
            new SensitivityOptions(SensitivityMethod.Sobol, Samples: 32, RunsPerPoint: 8, Seed: 3, Bootstrap: 200));
        Assert.Equal(32 * 5, result.Points);
        Assert.Equal(32 * 5 * 8, result.Runs);
        var incident = result.Factors[0];
        Assert.True(incident.Total!.Estimate > 0.8, $"incident rate total index {incident.Total}");
        Assert.True(incident.First!.Estimate > 0.5, $"incident rate first-order index {incident.First}");
        Assert.True(incident.Total.Low > 0.5, $"incident rate total index {incident.Total}");
        // Common random numbers: moving an inert constant changes no run, so every A/A_B difference is exactly 0.
        Assert.Equal(0, result.Factors[1].Total!.Estimate);
        Assert.Equal(0, result.Factors[2].Total!.Estimate);
        Assert.Equal("world.incidentBaseRate", result.Ranked.First().Factor.Path);
        Assert.InRange(result.NoiseShare, 0, 0.5);
    }

    [Fact]
    public void Run_Morris_InertFactorsHaveNoEffect()
    {
        var result = SensitivityAnalysis.Run(World, Three(), SensitivityOutput.Of("crises"),
            new SensitivityOptions(SensitivityMethod.Morris, Samples: 10, RunsPerPoint: 8, Seed: 5, Bootstrap: 100));
        Assert.Equal(10 * 4, result.Points);
        Assert.True(result.Factors[0].MuStar!.Estimate > 1, $"μ* of the incident rate {result.Factors[0].MuStar}");
        Assert.Equal(0, result.Factors[1].MuStar!.Estimate);
        Assert.Equal(0, result.Factors[2].Sigma);
    }

    [Fact]
    public void Run_OneOrTwoThreads_IdenticalIndices()
    {
        var options = new SensitivityOptions(SensitivityMethod.Sobol, Samples: 8, RunsPerPoint: 4, Seed: 9, Bootstrap: 50);
        var output = SensitivityOutput.Default;
        var one = SensitivityAnalysis.Run(World, Three(), output, options, new RunnerOptions(Threads: 1));
        var two = SensitivityAnalysis.Run(World, Three(), output, options, new RunnerOptions(Threads: 2, ChunkSize: 7));
        Assert.Equal(one.OutputVariance, two.OutputVariance);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(one.Factors[i].Total, two.Factors[i].Total);
            Assert.Equal(one.Factors[i].First, two.Factors[i].First);
        }
    }

    [Fact]
    public void Factors_NoPattern_EveryRealModelConstantWithinHalfItsValue()
    {
        var factors = SensitivityAnalysis.Factors(World, []);
        var expected = ParameterCatalog.Of(ParameterScope.Model).Count(p => p.Type == ParameterType.Real && p.Default is > 0);
        Assert.Equal(expected, factors.Count);
        var warCost = factors.Single(f => f.Path == "model.warCost");
        Assert.Equal(0.05, warCost.Min, 12);
        Assert.Equal(0.15, warCost.Max, 12);
        // Clipped to the valid range: the greedy burden ratio may not fall below 1.
        var ratio = factors.Single(f => f.Path == "model.greedyBurdenRatio");
        Assert.Equal(1, ratio.Min);
    }

    [Fact]
    public void Factors_GlobAndRange_MatchAndParse()
    {
        var factors = SensitivityAnalysis.Factors(World, ["model.crisis*", "model.warCost=0.01:0.3"]);
        Assert.Equal(["model.crisisFadeProbability", "model.crisisMisreading", "model.crisisEvidenceWeight", "model.warCost"],
            factors.Select(f => f.Path).ToArray());
        Assert.Equal(0.3, factors[^1].Max);
    }

    [Theory]
    [InlineData("model.nothing*", "names no world or model constant")]
    [InlineData("model.warCost=0.3", "expected PATH=MIN:MAX")]
    [InlineData("model.warCost=0.3:0.1", "expected PATH=MIN:MAX")]
    [InlineData("model.warCost=0:9", "upper end")]
    public void Factors_BadPattern_ClearError(string pattern, string expected)
    {
        var ex = Assert.Throws<ArgumentException>(() => SensitivityAnalysis.Factors(World, [pattern]));
        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void Run_AboveTheRunLimit_RefusedBeforeRunning()
    {
        var ex = Assert.Throws<ArgumentException>(() => SensitivityAnalysis.Run(World, Three(), SensitivityOutput.Default,
            new SensitivityOptions(SensitivityMethod.Sobol, Samples: 1_000_000, RunsPerPoint: 100, Seed: 1)));
        Assert.Contains("above the limit", ex.Message);
    }

    [Fact]
    public void Output_UnknownName_ListsExamples()
    {
        var ex = Assert.Throws<ArgumentException>(() => SensitivityOutput.Of("warz"));
        Assert.Contains("forceOrWarGivenCrisis", ex.Message);
    }
}
