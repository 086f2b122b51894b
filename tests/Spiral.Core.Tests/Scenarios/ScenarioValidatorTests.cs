using Spiral.Core.Parameters;
using Spiral.Core.Scenarios;
using Spiral.Testing;

namespace Spiral.Core.Tests.Scenarios;

public sealed class ScenarioValidatorTests
{
    private static readonly Scenario Two = ScenarioBuilder.Dyad();

    [Fact]
    public void Validate_BuilderScenario_HasNoIssues()
    {
        Assert.Empty(Two.Validate());
        Assert.Same(Two, Two.EnsureValid());
    }

    [Fact]
    public void Validate_ZeroDepreciationBuiltInCode_IsLocated()
    {
        var s = Two with { World = Two.World with { Depreciation = 0 } };
        var issue = Assert.Single(s.Validate());
        Assert.Equal("/world/depreciation", issue.Pointer);
        Assert.Equal("world.depreciation", issue.Location);
        Assert.Contains("expected a number in (0, 1)", issue.Message);
        var ex = Assert.Throws<InvalidScenarioException>(() => s.EnsureValid());
        Assert.Contains("world.depreciation: 0 is out of range", ex.Message);
    }

    [Fact]
    public void Validate_StateAndDyadValues_NamedByStateName()
    {
        var s = Two with
        {
            States = [Two.States[0] with { Empathy = 1.5 }, Two.States[1] with { Gdp = double.PositiveInfinity }],
            Dyads = [Two.Dyads[0] with { Hotline = -1 }],
        };
        var issues = s.Validate();
        Assert.Equal(["/states/0/empathy", "/states/1/gdp", "/dyads/0/hotline"], issues.Select(i => i.Pointer));
        Assert.Equal("states[A].empathy", issues[0].Location);
        Assert.Contains("not a finite number", issues[1].Message);
    }

    [Fact]
    public void Validate_GdpSeriesValues_CheckedAgainstTheRangeOfGdpAtTheirYear()
    {
        var s = Two.WithState(1, st => st with { GdpSeries = new Dictionary<int, double> { [2000] = 1000, [2001] = -3, [2002] = double.NaN } });
        var issues = s.Validate();
        Assert.Equal(["/states/1/gdpSeries/2001", "/states/1/gdpSeries/2002"], issues.Select(i => i.Pointer));
        Assert.Equal("states[B].gdpSeries[2001]", issues[0].Location);
        Assert.Equal("-3 is out of range; expected a number in (0, 1000000000000] (a GDP, in the unit of gdp)", issues[0].Message);
        Assert.Contains("not a finite number", issues[1].Message);
        Assert.Empty(Two.WithState(1, st => st with { GdpSeries = new Dictionary<int, double> { [1990] = 900, [2000] = 1000 } }).Validate());
    }

    [Fact]
    public void Validate_MilitaryShareOrder_IsARule()
    {
        var s = Two with { Model = Two.Model with { MinMilitaryShare = 0.2 } };
        var issue = Assert.Single(s.Validate());
        Assert.Contains("expected minMilitaryShare ≤ developmentMilitaryShare ≤ maxMilitaryShare", issue.Message);
    }

    [Fact]
    public void Validate_UnknownStatesAndDuplicates_AreReported()
    {
        var s = Two with
        {
            States = [.. Two.States, Two.States[0] with { Name = "a" }],
            Dyads = [new DyadSpec("A", "Q")],
            Timeline = [new TimelineEvent(1999, TimelineEventKind.War, ["A"])],
        };
        var messages = s.Validate().Select(i => i.Message).ToList();
        Assert.Contains(messages, m => m.StartsWith("duplicate state name 'a'", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("unknown state 'Q'", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("year 1999 is outside the scenario", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("'war' has 1 actor; expected exactly 2 different actors", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_PolicyParameters_CheckedAgainstThePolicy()
    {
        var s = Two.WithState(0, st => st with { Policy = new PolicySpec("Richardson") { Parameters = new Dictionary<string, double> { ["zeal"] = 1 } } });
        var issue = Assert.Single(s.Validate());
        Assert.Equal("/states/0/policy/parameters/zeal", issue.Pointer);
        Assert.True(issue.AtKey);
        Assert.Contains("unknown parameter 'zeal' of policy Richardson; expected one of: reaction, fatigue, grievance", issue.Message);
    }

    [Fact]
    public void Validate_WorldParameterEvent_UsesTheCatalogRange()
    {
        var s = Two with { Timeline = [new TimelineEvent(2001, TimelineEventKind.WorldParameterSet, [], 2) { Name = "institutions" }] };
        var issue = Assert.Single(s.Validate());
        Assert.Equal("/timeline/0/value", issue.Pointer);
        Assert.Equal("institutions: 2 is out of range; expected a number in [0, 1]", issue.Message);
    }
}
