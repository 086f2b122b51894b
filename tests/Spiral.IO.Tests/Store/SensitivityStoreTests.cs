using Spiral.Core.Scenarios;
using Spiral.Experiments.Running;
using Spiral.Experiments.Sensitivity;
using Spiral.IO.Store;
using Spiral.Testing;
using S = Spiral.IO.Store.StoreSchema;

namespace Spiral.IO.Tests.Store;

/// <summary>
/// <c>spiral sensitivity --out</c>: a Morris analysis of two constants (4 trajectories × 3 points, 5 runs a point) written by
/// <see cref="ResultsStoreWriter.WriteSensitivity"/> and read back by <see cref="ResultsReader.Sensitivity"/>.
/// </summary>
public sealed class SensitivityStoreTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("spiral-sensitivity-");
    private readonly Scenario _scenario = ScenarioBuilder.Stylized(states: 3, offenseAdvantage: 2, distinguishability: 0.1, greedProbability: 0.3, steps: 15, rivalry: 0.5);
    private readonly IReadOnlyList<SensitivityFactor> _factors;
    private readonly SensitivityOptions _options = new(SensitivityMethod.Morris, 4, 5, Seed: 7, Bootstrap: 100);
    private readonly SensitivityResult _result;

    public SensitivityStoreTests()
    {
        _factors = SensitivityAnalysis.Factors(_scenario, ["world.incidentBaseRate", "model.crisisFadeProbability"]);
        _result = SensitivityAnalysis.Run(_scenario, _factors, SensitivityOutput.Of("crises"), _options, new RunnerOptions(2));
    }

    public void Dispose() => _dir.Delete(true);

    private string Write(string name)
    {
        var path = Path.Combine(_dir.FullName, name);
        ResultsStoreWriter.WriteSensitivity(path, new SensitivityExperiment(_scenario, _factors, _options),
            new StoreHeader("sensitivity", "name: test", null, DetailSelection.None, "test-1.0", "2026-01-01T00:00:00Z"), _result);
        return path;
    }

    [Fact]
    public void WriteSensitivity_ReadBack_EqualsTheAnalysisFieldForField()
    {
        using var reader = ResultsReader.Open(Write("s.duckdb"));
        var stored = reader.Sensitivity()!;
        Assert.Equal("sensitivity", reader.Experiment().Kind);
        Assert.Equal(12, stored.Points);
        Assert.Equal(60, stored.Runs);
        Assert.Equal(_result.Options, stored.Options);
        Assert.Equal((_result.Output, _result.OutputLabel, _result.OutputMean, _result.OutputVariance, _result.NoiseShare),
            (stored.Output, stored.OutputLabel, stored.OutputMean, stored.OutputVariance, stored.NoiseShare));
        Assert.Equal(_result.Factors, stored.Factors);
        Assert.Equal(_result.PointOutputs, stored.PointOutputs);
        Assert.Equal(_result.PointValues, stored.PointValues);
        Assert.Equal(12, stored.PointOutputs.Count);
        Assert.Equal(24, stored.PointValues.Count);
        Assert.Contains(stored.PointOutputs, y => y > 0);
        Assert.All(_result.Factors, f => Assert.NotNull(f.MuStar));
    }

    [Fact]
    public void WriteSensitivity_FactorsAreAxes_AndEachPointCarriesItsValuesAndScenarioHash()
    {
        using var reader = ResultsReader.Open(Write("s.duckdb"));
        var axes = reader.Axes();
        Assert.Equal(["world.incidentBaseRate", "model.crisisFadeProbability"], axes.Select(a => a.Path));
        Assert.All(axes, a => Assert.Equal("morris", a.Kind));
        var experiment = new SensitivityExperiment(_scenario, _factors, _options);
        for (var p = 0; p < 12; p++)
        {
            var scenario = experiment.ScenarioAt(p);
            Assert.Equal(ScenarioHash.Of(scenario), reader.Scalar<string>($"SELECT {S.Points.ScenarioHash} FROM {S.Points.Table} WHERE {S.Points.Point} = {p}"));
            Assert.Equal(Spiral.Core.Parameters.ParameterCatalog.Get(scenario, "world.incidentBaseRate"), _result.PointValues[p * 2]);
            Assert.Equal(_result.PointValues[p * 2], reader.Scalar<double>(
                $"SELECT {S.PointValues.ValueNum} FROM {S.PointValues.Table} WHERE {S.PointValues.Point} = {p} AND {S.PointValues.Axis} = 0"));
        }
        Assert.Equal(0, reader.RunCount());
    }

    [Fact]
    public void WriteSensitivity_SameAnalysisTwice_SameContentHashes()
    {
        using var a = ResultsReader.Open(Write("a.duckdb"));
        using var b = ResultsReader.Open(Write("b.duckdb"));
        foreach (var table in S.SensitivityTables.Append(S.PointValues.Table))
        {
            Assert.Equal(a.ContentHash(table), b.ContentHash(table));
        }
    }

    [Fact]
    public void WriteSensitivity_ExistingFile_RefusedAndLeftUnchanged()
    {
        var path = Path.Combine(_dir.FullName, "taken.duckdb");
        File.WriteAllText(path, "mine");
        var ex = Assert.Throws<ResultsStoreException>(() => ResultsStoreWriter.WriteSensitivity(path,
            new SensitivityExperiment(_scenario, _factors, _options), new StoreHeader("sensitivity", "", null, DetailSelection.None, "t"), _result));
        Assert.Contains("exists", ex.Message);
        Assert.Equal("mine", File.ReadAllText(path));
        Assert.Single(_dir.GetFiles());
    }

    [Fact]
    public void Sensitivity_OfASweepStore_IsNull()
    {
        var scenario = ScenarioBuilder.Stylized(states: 3, steps: 5);
        var path = Path.Combine(_dir.FullName, "ensemble.duckdb");
        var ensemble = new Spiral.Experiments.Definitions.EnsembleExperiment(scenario, 4, 1);
        using (var writer = ResultsStoreWriter.OpenOrCreate(path, ensemble, new StoreHeader("ensemble", "", null, DetailSelection.None, "t"), resume: false))
        {
            ExperimentRunner.Run(ensemble, new RunnerOptions(1), writer, default, isDone: writer.IsDone);
            writer.Complete();
        }
        using var reader = ResultsReader.Open(path);
        Assert.Null(reader.Sensitivity());
    }
}
