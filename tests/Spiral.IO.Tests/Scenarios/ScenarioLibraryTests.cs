using System.Text.Json.Nodes;
using Spiral.Core.Model;
using Spiral.Core.Parameters;
using Spiral.IO.Scenarios;

namespace Spiral.IO.Tests.Scenarios;

public class ScenarioLibraryTests
{
    public static TheoryData<string> LibraryNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in ScenarioLibrary.Names)
        {
            data.Add(name);
        }
        return data;
    }

    [Fact]
    public void Names_Library_ContainsTheRealCasesAndTheJervisWorlds()
    {
        Assert.Equal(
            ["afghanistan-2021", "anglo-german-naval-race", "cold-war-hotline", "india-china-lac", "jervis-defense-indistinguishable",
             "jervis-doubly-dangerous", "jervis-doubly-stable", "jervis-offense-distinguishable", "russia-ukraine-nato",
             "south-china-sea", "west-asia"],
            ScenarioLibrary.Names);
    }

    [Theory]
    [MemberData(nameof(LibraryNames))]
    public void LoadLibrary_EveryScenario_BuildsAWorldAndRuns(string name)
    {
        var scenario = ScenarioLoader.LoadLibrary(name);
        Assert.Equal(name, scenario.Name);
        var world = WorldFactory.Create(scenario, 1, 0);
        for (var t = 0; t < Math.Min(5, scenario.Steps); t++)
        {
            Kernel.Step(world);
        }
        Assert.All(world.Gdp.Take(scenario.States.Count), g => Assert.True(double.IsFinite(g) && g > 0));
    }

    [Theory]
    [MemberData(nameof(LibraryNames))]
    public void LoadLibrary_EveryScenario_RunsItsWholeHorizon(string name)
    {
        var scenario = ScenarioLoader.LoadLibrary(name);
        var world = WorldFactory.Create(scenario, 7, 3);
        for (var t = 0; t < scenario.Steps; t++)
        {
            Kernel.Step(world);
        }
        Assert.All(world.Belief, b => Assert.False(double.IsNaN(b)));
    }

    [Theory]
    [InlineData("jervis-doubly-dangerous", 3.0, 0.0)]
    [InlineData("jervis-offense-distinguishable", 3.0, 0.9)]
    [InlineData("jervis-defense-indistinguishable", 0.333, 0.0)]
    [InlineData("jervis-doubly-stable", 0.333, 0.9)]
    public void LoadLibrary_JervisWorld_SixSecuritySeekersWithItsQuadrant(string name, double beta, double omega)
    {
        var s = ScenarioLoader.LoadLibrary(name);
        Assert.Equal(beta, s.World.OffenseAdvantage);
        Assert.Equal(omega, s.World.Distinguishability);
        Assert.Equal(6, s.States.Count);
        Assert.All(s.States, st =>
        {
            Assert.Equal(0, st.GreedProbability);
            Assert.Equal("DefensiveRealist", st.Policy.Name);
            Assert.Equal(1000, st.Gdp);
        });
        Assert.Equal(0.2, s.PriorBelief);
        Assert.Equal(0.8, s.DefaultReach);
        Assert.Equal((2000, 50), (s.StartYear, s.Steps));
    }

    [Fact]
    public void LoadLibrary_IndiaChinaLac_UsesSipri2010Figures()
    {
        var s = ScenarioLoader.LoadLibrary("india-china-lac");
        var india = s.States[s.IndexOf("India")];
        var china = s.States[s.IndexOf("China")];
        var pakistan = s.States[s.IndexOf("Pakistan")];
        // GDP = constant_2023_usd_m / (share_of_gdp_pct / 100) / 1000, SIPRI 2025 release, 2010.
        Assert.Equal(55353.4 / 0.02889 / 1000, india.Gdp, 0.1);
        Assert.Equal(133606.7 / 0.01734 / 1000, china.Gdp, 0.1);
        Assert.Equal(6235.0 / 0.03042 / 1000, pakistan.Gdp, 0.1);
        Assert.Equal(0.02889, india.MilitaryShare);
        Assert.Equal((2010, 15), (s.StartYear, s.Steps));
        Assert.Contains(s.Timeline, e => e.Year == 2020 && e.Kind == Spiral.Core.Scenarios.TimelineEventKind.Incident && e.Value == 8);
        Assert.Single(s.Alliances);
    }

    [Fact]
    public void Resolve_LibraryName_LoadsTheLibraryScenario()
    {
        Assert.Equal("jervis-doubly-stable", ScenarioLoader.Resolve("jervis-doubly-stable").Name);
        Assert.Equal("jervis-doubly-stable", ScenarioLoader.Resolve("jervis-doubly-stable.yaml").Name);
    }

    [Fact]
    public void Resolve_ExistingFile_WinsOverTheLibrary()
    {
        var dir = Directory.CreateTempSubdirectory("spiral-io-");
        try
        {
            var path = Path.Combine(dir.FullName, "jervis-doubly-stable");
            File.WriteAllText(path, "name: mine\nstates: [{name: A, gdp: 1}]\n");
            Assert.Equal("mine", ScenarioLoader.Resolve(path).Name);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Resolve_UnknownName_ListsTheLibrary()
    {
        var ex = Assert.Throws<ScenarioException>(() => ScenarioLoader.Resolve("no-such-scenario"));
        var e = Assert.Single(ex.Errors);
        Assert.Equal("no-such-scenario", e.File);
        Assert.Contains("india-china-lac", e.Message);
    }

    [Fact]
    public void Schema_ModelSection_ListsExactlyTheModelParameters()
    {
        var model = ScenarioSchema.Node["$defs"]!["model"]!["properties"]!.AsObject();
        var expected = typeof(ModelParameters).GetProperties()
            .Where(p => p.CanWrite)
            .ToDictionary(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..], p => p.PropertyType == typeof(int) ? "integer" : "number");
        var actual = model.ToDictionary(p => p.Key, p => p.Value!["type"]!.GetValue<string>());
        var missing = expected.Keys.Except(actual.Keys).ToList();
        var extra = actual.Keys.Except(expected.Keys).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"src/Spiral.IO/Schemas/scenario.schema.json $defs.model is out of date: add {string.Join(", ", missing)}; remove {string.Join(", ", extra)}");
        Assert.Equal(expected.OrderBy(p => p.Key), actual.OrderBy(p => p.Key));
    }

    [Fact]
    public void Schema_EveryCatalogParameter_HasTheCatalogTypeAndBounds()
    {
        var defs = ScenarioSchema.Node["$defs"]!;
        var owners = new Dictionary<ParameterScope, JsonNode>
        {
            [ParameterScope.Scenario] = ScenarioSchema.Node, [ParameterScope.World] = defs["world"]!, [ParameterScope.Model] = defs["model"]!,
            [ParameterScope.State] = defs["state"]!, [ParameterScope.Dyad] = defs["dyad"]!, [ParameterScope.Alliance] = defs["alliance"]!,
        };
        var checkedCount = 0;
        foreach (var (scope, owner) in owners)
        {
            foreach (var p in ParameterCatalog.Of(scope).Where(p => p.Type != ParameterType.Name))
            {
                var node = owner["properties"]![p.Name]!;
                Assert.Equal(p.Type == ParameterType.Integer ? "integer" : "number", node["type"]!.GetValue<string>());
                Assert.Equal(p.Min, node[p.MinExclusive ? "exclusiveMinimum" : "minimum"]!.GetValue<double>());
                Assert.Equal(p.Max, node[p.MaxExclusive ? "exclusiveMaximum" : "maximum"]!.GetValue<double>());
                checkedCount++;
            }
        }
        Assert.Equal(99, checkedCount);
        Assert.Equal(100, defs["world"]!["properties"]!["offenseAdvantage"]!["maximum"]!.GetValue<double>());
        // an observed GDP series takes the range of gdp, from the catalog
        var gdp = ParameterCatalog.Find(ParameterScope.State, "gdp")!;
        var year = defs["gdpSeries"]!["patternProperties"]!["^-?[0-9]{1,4}$"]!;
        Assert.Equal((gdp.Min, gdp.Max), (year["exclusiveMinimum"]!.GetValue<double>(), year["maximum"]!.GetValue<double>()));
    }

    [Fact]
    public void LoadText_OffenseAdvantage1e308_IsOutOfRange()
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.LoadText("name: x\nworld: {offenseAdvantage: 1e308}\nstates: [{name: A, gdp: 1}]\n", "x.yaml"));
        Assert.Contains("x.yaml:2:27: world.offenseAdvantage: 1E+308 is out of range; expected a number in (0, 100]", e.Message);
    }

    [Theory]
    [InlineData("startYear: 1990.0\nsteps: 30.0\n", 1990, 30)]
    [InlineData("startYear: 2.0e3\n", 2000, 50)]
    public void LoadText_IntegerWrittenWithZeroFraction_IsThatInteger(string top, int startYear, int steps)
    {
        var s = ScenarioLoader.LoadText("name: x\n" + top + "states: [{name: A, gdp: 1}]\n", "x.yaml");
        Assert.Equal((startYear, steps), (s.StartYear, s.Steps));
    }

    [Fact]
    public void LoadText_EventYearWithZeroFraction_Loads()
    {
        var s = ScenarioLoader.LoadText("name: x\nstartYear: 2010\nsteps: 5\nstates: [{name: A, gdp: 1}]\ntimeline: [{year: 2013.0, event: economicShock, actors: [A], value: -0.1}]\n", "x.yaml");
        Assert.Equal(2013, Assert.Single(s.Timeline).Year);
    }

    [Theory]
    [InlineData("model: {warRung: 5.5}", "x.yaml:3:18: model.warRung: 5.5 is a number; expected an integer in [1, 44]")]
    [InlineData("timeline: [{year: 1e10, event: economicShock, actors: [A], value: -0.1}]", "timeline[0].year")]
    public void LoadText_NonIntegerOrHugeInteger_LocatedError(string line, string expected)
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.LoadText("name: x\nstates: [{name: A, gdp: 1}]\n" + line + "\n", "x.yaml"));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Schema_ModelDefaults_AreInsideTheSchemaRanges()
    {
        // Every default must be a valid override, or the schema's ranges are wrong.
        var model = new JsonObject();
        foreach (var p in ParameterCatalog.Of(ParameterScope.Model))
        {
            model[p.Name] = p.Type == ParameterType.Integer ? JsonValue.Create((int)p.Default!.Value) : JsonValue.Create(p.Default!.Value);
        }
        var yaml = "name: x\nstates: [{name: A, gdp: 1}]\nmodel: " + model.ToJsonString() + "\n";
        var s = ScenarioLoader.LoadText(yaml, "defaults.yaml");
        Assert.Equal(ModelParameters.Default, s.Model);
    }

    [Fact]
    public void LoadText_ModelOverride_SetsTheProperty()
    {
        var s = ScenarioLoader.LoadText("name: x\nstates: [{name: A, gdp: 1}]\nmodel:\n  warRung: 10\n  rivalryBias: 0.2\n", "m.yaml");
        Assert.Equal(10, s.Model.WarRung);
        Assert.Equal(0.2, s.Model.RivalryBias);
        Assert.Equal(ModelParameters.Default.GreedyPosture, s.Model.GreedyPosture);
    }
}

public class ScenarioDocsTests
{
    [Fact]
    public void FormatDoc_Example_Validates()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Spiral.slnx")))
        {
            dir = dir.Parent;
        }
        Assert.NotNull(dir);
        var doc = File.ReadAllText(Path.Combine(dir.FullName, "docs", "reference", "scenario-format.md"));
        var start = doc.IndexOf("## Example", StringComparison.Ordinal);
        var open = doc.IndexOf("```yaml\n", start, StringComparison.Ordinal) + "```yaml\n".Length;
        var close = doc.IndexOf("```", open, StringComparison.Ordinal);
        var scenario = ScenarioLoader.LoadText(doc[open..close], "scenario-format.md#example");
        Assert.Equal("two-rivals", scenario.Name);
    }
}
