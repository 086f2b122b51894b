using Spiral.Core.Parameters;
using Spiral.Core.Scenarios;
using Spiral.Testing;

namespace Spiral.Core.Tests.Parameters;

public sealed class ParameterCatalogTests
{
    private static readonly Scenario Two = ScenarioBuilder.Dyad();

    [Fact]
    public void All_EveryScopeListsItsParameters_WithLiteralCounts()
    {
        Assert.Equal(4, ParameterCatalog.Of(ParameterScope.Scenario).Count);
        Assert.Equal(6, ParameterCatalog.Of(ParameterScope.World).Count);
        Assert.Equal(66, ParameterCatalog.Of(ParameterScope.Model).Count);
        Assert.Equal(15, ParameterCatalog.Of(ParameterScope.State).Count); // 13 numbers + policy + greedyPolicy
        Assert.Equal(9, ParameterCatalog.Of(ParameterScope.Dyad).Count);
        Assert.Equal("commitment", Assert.Single(ParameterCatalog.Of(ParameterScope.Alliance)).Name);
        Assert.Equal(ParameterCatalog.All.Count, ParameterCatalog.All.Select(p => p.Path + p.Policy).Distinct().Count());
    }

    [Fact]
    public void Find_WarRung_IsAnIntegerKahnRungWithDefault12()
    {
        var p = ParameterCatalog.Find(ParameterScope.Model, "warRung")!;
        Assert.Equal(ParameterType.Integer, p.Type);
        Assert.Equal(1, p.Min);
        Assert.Equal(44, p.Max);
        Assert.Equal(12, p.Default);
        Assert.Equal("model.warRung", p.Path);
        Assert.Equal("Kahn 1965", p.Source);
    }

    [Fact]
    public void Find_OffenseAdvantage_HasItsRangeUnitSourceAndDefault()
    {
        var p = ParameterCatalog.Find(ParameterScope.World, "offenseAdvantage")!;
        Assert.Equal("(0, 100]", p.RangeText);
        Assert.Equal(1.0, p.Default);
        Assert.Equal("Jervis 1978", p.Source);
        Assert.Null(p.Check(3));
        Assert.Contains("out of range", p.Check(1e308));
        Assert.Contains("out of range", p.Check(0));
        Assert.Contains("not a finite number", p.Check(double.NaN));
    }

    [Fact]
    public void Defaults_EveryDefaultPassesItsOwnCheck()
    {
        foreach (var p in ParameterCatalog.All.Where(p => p.Default is not null))
        {
            Assert.True(p.Check(p.Default!.Value) is null, $"{p.Path}: default {p.Default} fails {p.Expected}");
        }
    }

    [Fact]
    public void Set_IntegerModelParameter_SetsAnInt()
    {
        var s = ParameterCatalog.Set(Two, "model.warRung", "10");
        Assert.Equal(10, s.Model.WarRung);
        Assert.Equal(12, Two.Model.WarRung);
    }

    [Theory]
    [InlineData("model.warRung", "10.5", "not an integer")]
    [InlineData("model.beliefFloor", "0.6", "out of range; expected a number in (0, 0.5)")]
    [InlineData("world.depreciation", "0", "out of range; expected a number in (0, 1)")]
    [InlineData("world.offenseAdvantage", "1e308", "out of range")]
    [InlineData("world.observationNoise", "NaN", "not a finite number")]
    [InlineData("world.gravity", "1", "unknown world parameter 'gravity'")]
    [InlineData("states[Z].empathy", "0.5", "unknown state 'Z'")]
    [InlineData("states[A].policy", "Pacifist", "'Pacifist' is not allowed")]
    [InlineData("states[A].policy.zeal", "1", "policy DefensiveRealist has no parameter 'zeal'")]
    [InlineData("model.warRung", "ten", "'ten' is not a number")]
    public void Set_BadPathOrValue_ThrowsWithWhatWasExpected(string path, string value, string expected)
    {
        var ex = Assert.Throws<ScenarioPathException>(() => ParameterCatalog.Set(Two, path, value));
        Assert.Contains(expected, ex.Message);
        Assert.StartsWith($"'{path}'", ex.Message);
    }

    [Fact]
    public void Set_AllStates_SetsEveryState()
    {
        var s = ParameterCatalog.Set(Two, "states[*].empathy", 0.9);
        Assert.All(s.States, st => Assert.Equal(0.9, st.Empathy));
    }

    [Fact]
    public void Set_DyadListedTheOtherWay_DirectedFieldFollowsTheNames()
    {
        var s = ParameterCatalog.Set(Two, "dyads[B,A].reachAB", 0.3);
        var d = Assert.Single(s.Dyads);
        Assert.Equal(("A", "B"), (d.A, d.B));
        Assert.Equal(0.3, d.ReachBA);
        Assert.Null(d.ReachAB);
        Assert.Equal(0.3, ParameterCatalog.Get(s, "dyads[B,A].reachAB"));
        Assert.Equal(d.Reach, ParameterCatalog.Get(s, "dyads[A,B].reachAB"));
    }

    [Fact]
    public void Set_BareWorldName_IsShortForWorld()
    {
        Assert.Equal(0.7, ParameterCatalog.Set(Two, "institutions", "0.7").World.Institutions);
    }

    [Fact]
    public void Get_UnsetStock_ReadsTheDerivedSteadyState()
    {
        var st = Two.States[0];
        var expected = st.Posture * st.MilitaryShare * st.Gdp / Two.World.Depreciation;
        Assert.Equal(expected, ParameterCatalog.Get(Two, "states[A].offensiveStock"), 12);
    }

    [Fact]
    public void Set_PolicyParameter_IsStoredInThePolicySpec()
    {
        var s = ParameterCatalog.Set(ParameterCatalog.Set(Two, "states[A].policy", "Richardson"), "states[A].policy.reaction", 0.4);
        Assert.Equal("Richardson", s.States[0].Policy.Name);
        Assert.Equal(0.4, s.States[0].Policy.Parameters["reaction"]);
        Assert.Equal(0.4, ParameterCatalog.Get(s, "states[A].policy.reaction"));
    }

    [Fact]
    public void SetWorld_TimelineChange_ReturnsNewRecord()
    {
        var w = ParameterCatalog.SetWorld(new WorldParameters(), "institutions", 0.4);
        Assert.Equal(0.4, w.Institutions);
        Assert.Throws<ScenarioPathException>(() => ParameterCatalog.SetWorld(new WorldParameters(), "institutions", 2));
    }

    [Fact]
    public void SetAll_Assignments_AppliedInOrder()
    {
        var s = ParameterCatalog.SetAll(Two, ["model.warRung=10", "world.offenseAdvantage=2", "model.warRung=11"]);
        Assert.Equal(11, s.Model.WarRung);
        Assert.Equal(2, s.World.OffenseAdvantage);
        Assert.Throws<ScenarioPathException>(() => ParameterCatalog.SetAll(Two, ["model.warRung"]));
    }
}
