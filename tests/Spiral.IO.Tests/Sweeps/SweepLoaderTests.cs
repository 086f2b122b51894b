using Spiral.Experiments.Definitions;
using Spiral.IO.Scenarios;
using Spiral.IO.Sweeps;

namespace Spiral.IO.Tests.Sweeps;

/// <summary>Sweep files are validated like scenarios: every error names file:line:column, the path and what was expected.</summary>
public class SweepLoaderTests
{
    // 1 scenario: jervis-doubly-dangerous
    // 2 seed: 3
    // 3 replications: 4
    // 4 axes:
    // 5   - path: world.offenseAdvantage
    // 6     values: [0.5, 1, 3]
    private const string Base = "scenario: jervis-doubly-dangerous\nseed: 3\nreplications: 4\naxes:\n  - path: world.offenseAdvantage\n    values: [0.5, 1, 3]\n";

    private static ScenarioError Single(string yaml)
    {
        var ex = Assert.Throws<ScenarioException>(() => SweepLoader.LoadText(yaml, "s.yaml"));
        Assert.True(ex.Errors.Count == 1, string.Join("\n", ex.Errors));
        Assert.Equal("s.yaml", ex.Errors[0].File);
        return ex.Errors[0];
    }

    private static string RepoFile(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Spiral.slnx")))
        {
            dir = dir.Parent;
        }
        return Path.Combine(dir!.FullName, relative);
    }

    [Fact]
    public void LoadText_ValidGrid_ThreePointsFourReplicationsSeedThree()
    {
        var sweep = SweepLoader.LoadText(Base, "s.yaml", defaultName: "s");
        var experiment = sweep.Experiment();
        Assert.Equal(("s", 3, 4, 3UL), (sweep.Definition.Name, experiment.PointCount, experiment.Replications, experiment.Seed));
        Assert.Equal(["0.5", "1", "3"], sweep.Definition.Axes[0].Values);
        Assert.Equal(3.0, experiment.ScenarioAt(2).World.OffenseAdvantage);
        Assert.Contains("name: jervis-doubly-dangerous", sweep.ScenarioText);
        Assert.Equal(Base, sweep.SweepText);
    }

    [Fact]
    public void LoadFile_ShippedFourWorlds_TenByTenGridOnDoublyDangerous()
    {
        var sweep = SweepLoader.LoadFile(RepoFile("sweeps/four-worlds.yaml"));
        Assert.Equal("four-worlds", sweep.Definition.Name);
        Assert.Equal("jervis-doubly-dangerous", sweep.Definition.BaseScenario.Name);
        Assert.Equal(["world.offenseAdvantage", "world.distinguishability"], sweep.Definition.Axes.Select(a => a.Path));
        Assert.True(sweep.Experiment().PointCount >= 100);
    }

    [Theory]
    [InlineData("sweeps/lac-hotline-rivalry.yaml", 12)]
    [InlineData("sweeps/sensitivity-lhs.yaml", 200)]
    public void LoadFile_ShippedExamples_Load(string file, int points)
    {
        Assert.Equal(points, SweepLoader.LoadFile(RepoFile(file)).Experiment().PointCount);
    }

    [Fact]
    public void LoadFile_ScenarioPathRelativeToSweepFile_Resolved()
    {
        var dir = Directory.CreateTempSubdirectory("spiral-sweep-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "case.yaml"), "name: mycase\nsteps: 5\nstates:\n  - name: A\n    gdp: 100\n  - name: B\n    gdp: 200\n");
            Directory.CreateDirectory(Path.Combine(dir.FullName, "sub"));
            var file = Path.Combine(dir.FullName, "sub", "sw.yaml");
            File.WriteAllText(file, "scenario: ../case.yaml\nreplications: 2\naxes:\n  - path: states[a].empathy\n    range: {from: 0, to: 1, step: 0.25}\n");
            var sweep = SweepLoader.LoadFile(file);
            Assert.Equal(("mycase", "sw", 5), (sweep.Definition.BaseScenario.Name, sweep.Definition.Name, sweep.Experiment().PointCount));
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void LoadText_UnknownParameterPath_ErrorAtTheValue()
    {
        var e = Single(Base.Replace("world.offenseAdvantage", "world.offenceAdvantage"));
        Assert.Equal((5, 11, "axes[0].path"), (e.Line, e.Column, e.Path));
        Assert.Contains("unknown world parameter 'offenceAdvantage'", e.Message);
    }

    [Fact]
    public void LoadText_ValueOutOfRange_ErrorAtThatValue()
    {
        var e = Single(Base.Replace("path: world.offenseAdvantage\n    values: [0.5, 1, 3]", "path: world.distinguishability\n    values: [0, 0.5, 1.5]"));
        Assert.Equal((6, 22, "axes[0].values[2]"), (e.Line, e.Column, e.Path));
    }

    [Fact]
    public void LoadText_MissingReplications_SaysWhichKey()
    {
        var e = Single(Base.Replace("replications: 4\n", ""));
        Assert.Contains("missing required key 'replications'", e.Message);
    }

    [Fact]
    public void LoadText_UnknownKey_ListsTheExpectedKeys()
    {
        var e = Single(Base + "replicates: 3\n");
        Assert.Equal((7, 1), (e.Line, e.Column));
        Assert.Contains("unknown key 'replicates'", e.Message);
        Assert.Contains("replications", e.Message);
    }

    [Fact]
    public void LoadText_AxisWithValuesAndRange_ExactlyOneExpected()
    {
        var e = Single(Base + "    range: {from: 0, to: 1, step: 0.5}\n");
        Assert.Equal((5, 5, "axes[0]"), (e.Line, e.Column, e.Path));
        Assert.Contains("exactly one of 'values', 'range' or 'latinHypercube'", e.Message);
    }

    [Fact]
    public void LoadText_RangeDownwards_ErrorAtTo()
    {
        var e = Single(Base.Replace("values: [0.5, 1, 3]", "range: {from: 2, to: 1, step: 0.5}"));
        Assert.Equal("axes[0].range.to", e.Path);
        Assert.Contains("expected to ≥ from", e.Message);
    }

    [Fact]
    public void LoadText_ZeroStep_SchemaSaysPositive()
    {
        var e = Single(Base.Replace("values: [0.5, 1, 3]", "range: {from: 1, to: 2, step: 0}"));
        Assert.Equal("axes[0].range.step", e.Path);
        Assert.Contains("out of range", e.Message);
    }

    [Fact]
    public void LoadText_LatinHypercubeWithoutSamples_AsksForSamples()
    {
        var e = Single(Base.Replace("values: [0.5, 1, 3]", "latinHypercube: {from: 0.5, to: 3}"));
        Assert.Contains("samples", e.Message);
    }

    [Fact]
    public void LoadText_LatinHypercubeWithSamples_DrawsThatManyPoints()
    {
        var sweep = SweepLoader.LoadText(Base.Replace("values: [0.5, 1, 3]", "latinHypercube: {from: 0.5, to: 3}") + "samples: 25\n", "s.yaml");
        Assert.Equal(25, sweep.Experiment().PointCount);
        Assert.Equal(AxisKind.LatinHypercube, sweep.Definition.Axes[0].Kind);
    }

    [Fact]
    public void LoadText_UnknownScenario_ErrorAtScenario()
    {
        var e = Single(Base.Replace("jervis-doubly-dangerous", "atlantis"));
        Assert.Equal((1, 11, "scenario"), (e.Line, e.Column, e.Path));
        Assert.Contains("neither a file", e.Message);
    }

    [Fact]
    public void LoadText_UnknownPolicyValue_ErrorNamesThePolicy()
    {
        var e = Single(Base.Replace("path: world.offenseAdvantage\n    values: [0.5, 1, 3]", "path: states[alpha].policy\n    values: [Grit, Pacifist]"));
        Assert.Equal("axes[0].values[1]", e.Path);
        Assert.Contains("Pacifist", e.Message);
    }

    [Fact]
    public void LoadText_SameAxisTwice_Rejected()
    {
        var e = Single(Base + "  - path: world.offenseAdvantage\n    values: [2]\n");
        Assert.Equal((7, 11, "axes[1].path"), (e.Line, e.Column, e.Path));
        Assert.Contains("appears twice", e.Message);
    }

    [Fact]
    public void LoadText_UnterminatedFlowSequence_ReportsALocation()
    {
        var ex = Assert.Throws<ScenarioException>(() => SweepLoader.LoadText(Base.Replace("[0.5, 1, 3]", "[0.5, 1, 3"), "s.yaml"));
        Assert.True(ex.Errors[0].Line > 0);
    }

    [Fact]
    public void LoadText_RangeOfExactlyAMillionSteps_LocatedErrorNotACrash()
    {
        // 0 to 1,000,000 by 1 is 1,000,001 values: one more than an axis may have.
        var e = Single(Base.Replace("values: [0.5, 1, 3]", "range: {from: 0, to: 1000000, step: 1}").Replace("world.offenseAdvantage", "world.institutions"));
        Assert.Equal("axes[0].range.step", e.Path);
        Assert.Equal("1 makes more than 1,000,000 values; expected a larger step", e.Message);
    }

    [Fact]
    public void LoadText_BillionRuns_RefusedAtReplications()
    {
        // 1,000 × 1,000 points × 1,000 replications = 10^9 runs: within 32-bit run ids, far above the large-sweep limit.
        var e = Single(Base.Replace("replications: 4", "replications: 1000").Replace("values: [0.5, 1, 3]", "range: {from: 0.5, to: 3, step: 0.0025}")
            + "  - path: world.institutions\n    range: {from: 0, to: 0.999, step: 0.001}\n");
        Assert.Equal(3, e.Line);
        Assert.Equal("1,001,000 points × 1,000 replications = 1,001,000,000 runs, more than 10,000,000; expected a smaller sweep, or --allow-large to run it anyway", e.Message);
    }

    [Fact]
    public void LoadText_AboveTheLimitWithAllowLarge_AcceptedAndTheLimitItselfWithout()
    {
        // 11 points × 1,000,000 replications = 11,000,000 runs; 10 points = exactly the limit.
        var eleven = Base.Replace("replications: 4", "replications: 1000000").Replace("values: [0.5, 1, 3]", "range: {from: 0.5, to: 3, step: 0.25}");
        Assert.Throws<ScenarioException>(() => SweepLoader.LoadText(eleven, "s.yaml"));
        Assert.Equal(11_000_000, SweepLoader.LoadText(eleven, "s.yaml", allowLarge: true).Experiment().TotalRuns());
        var ten = eleven.Replace("to: 3,", "to: 2.75,");
        Assert.Equal(SweepExperiment.LargeRuns, SweepLoader.LoadText(ten, "s.yaml").Experiment().TotalRuns());
    }

    [Fact]
    public void LoadText_GridThatOverflows64Bits_LocatedErrorNotZeroPoints()
    {
        var step = (1.0 / 65535).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        var axes = string.Concat(new[] { "world.distinguishability", "world.institutions", "priorBelief", "defaultReach" }
            .Select(p => $"  - path: {p}\n    range: {{from: 0, to: 1, step: {step}}}\n"));
        var e = Single("scenario: jervis-doubly-dangerous\nreplications: 1\naxes:\n" + axes);
        Assert.Equal((3, 1, "axes"), (e.Line, e.Column, e.Path));
        Assert.Equal("the axes make more than 2,147,483,647 points (65536 × 65536 × 65536 × 65536); expected at most 2,147,483,647 runs in all", e.Message);
    }
}
