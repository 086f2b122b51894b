using Spiral.Experiments.Definitions;
using Spiral.Experiments.Sensitivity;
using Spiral.IO.Scenarios;
using Spiral.IO.Sweeps;

namespace Spiral.Distributed.Tests;

public sealed class ExperimentSpecTests
{
    public static TheoryData<string> LibraryScenarios() => new(ScenarioLibrary.Names);

    [Theory]
    [MemberData(nameof(LibraryScenarios))]
    public void ToExperiment_SweepOfLibraryScenario_SameDefinitionAndPoints(string name)
    {
        var sweep = SweepLoader.LoadText($"scenario: {name}\nseed: 5\nreplications: 3\naxes:\n  - path: world.offenseAdvantage\n    values: [0.5, 2]\n", "spec.yaml").Experiment();

        var rebuilt = Assert.IsType<SweepExperiment>(ExperimentSpec.Of(sweep).ToExperiment());

        Assert.Equal(sweep.DefinitionHash(), rebuilt.DefinitionHash());
        Assert.Equal(sweep.TotalRuns(), rebuilt.TotalRuns());
        for (var p = 0; p < sweep.PointCount; p++)
        {
            Assert.Equal(Spiral.Experiments.Running.ScenarioHash.Of(sweep.ScenarioAt(p)), Spiral.Experiments.Running.ScenarioHash.Of(rebuilt.ScenarioAt(p)));
        }
    }

    [Fact]
    public void ToExperiment_SensitivityDesign_SamePointsAndRunIndices()
    {
        var scenario = ScenarioLoader.LoadLibrary("india-china-lac");
        var factors = SensitivityAnalysis.Factors(scenario, ["model.warCost", "world.offenseAdvantage"]);
        var design = new SensitivityExperiment(scenario, factors, new SensitivityOptions(SensitivityMethod.Morris, 3, 4, 9));

        var rebuilt = Assert.IsType<SensitivityExperiment>(ExperimentSpec.Of(design).ToExperiment());

        Assert.Equal(design.PointCount, rebuilt.PointCount);
        Assert.Equal(design.Replications, rebuilt.Replications);
        for (var p = 0; p < design.PointCount; p++)
        {
            Assert.Equal(Spiral.Experiments.Running.ScenarioHash.Of(design.ScenarioAt(p)), Spiral.Experiments.Running.ScenarioHash.Of(rebuilt.ScenarioAt(p)));
        }
    }

    [Fact]
    public void ToExperiment_OtherModelBuild_RefusedNamingBothBuilds()
    {
        var sweep = SweepLoader.LoadText("scenario: india-china-lac\nreplications: 2\naxes:\n  - path: world.offenseAdvantage\n    values: [1]\n", "b.yaml").Experiment();
        var spec = ExperimentSpec.Of(sweep);
        var foreign = new ExperimentSpec { Kind = spec.Kind, Definition = spec.Definition, Fingerprint = spec.Fingerprint, ModelBuild = "000000000000-000000000000" };

        var ex = Assert.Throws<InvalidOperationException>(foreign.ToExperiment);

        Assert.Contains(ExperimentSpec.CurrentModelBuild, ex.Message);
        Assert.Contains("000000000000-000000000000", ex.Message);
    }

    [Fact]
    public void ToExperiment_DefinitionAlteredInTransit_RefusedByFingerprint()
    {
        var sweep = SweepLoader.LoadText("scenario: india-china-lac\nseed: 3\nreplications: 2\naxes:\n  - path: world.offenseAdvantage\n    values: [1]\n", "c.yaml").Experiment();
        var spec = ExperimentSpec.Of(sweep);
        var altered = new ExperimentSpec { Kind = spec.Kind, Definition = spec.Definition.Replace("\"Seed\":3", "\"Seed\":4", StringComparison.Ordinal), Fingerprint = spec.Fingerprint, ModelBuild = spec.ModelBuild };
        Assert.NotEqual(spec.Definition, altered.Definition);

        var ex = Assert.Throws<InvalidOperationException>(altered.ToExperiment);

        Assert.Contains("fingerprint", ex.Message);
    }

    [Fact]
    public void Of_EnsembleExperiment_NotSupportedWithReason()
    {
        var ensemble = new EnsembleExperiment(ScenarioLoader.LoadLibrary("india-china-lac"), 10);

        var ex = Assert.Throws<NotSupportedException>(() => ExperimentSpec.Of(ensemble));

        Assert.Contains("sweeps and sensitivity designs", ex.Message);
    }
}
