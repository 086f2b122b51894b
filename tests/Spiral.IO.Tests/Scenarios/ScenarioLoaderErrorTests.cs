using Spiral.IO.Scenarios;

namespace Spiral.IO.Tests.Scenarios;

/// <summary>Every kind of bad input is rejected with its file, line, column, path and what was expected.</summary>
public class ScenarioLoaderErrorTests
{
    // Line numbers of the valid base document (columns are 1-based):
    // 1 name: t
    // 2 startYear: 2000
    // 3 steps: 10
    // 4 states:
    // 5   - name: A        (value at column 11)
    // 6     gdp: 100       (key at column 5, value at column 10)
    // 7   - name: B
    // 8     gdp: 200
    private const string Base = "name: t\nstartYear: 2000\nsteps: 10\nstates:\n  - name: A\n    gdp: 100\n  - name: B\n    gdp: 200\n";

    private static IReadOnlyList<ScenarioError> Errors(string yaml)
    {
        var ex = Assert.Throws<ScenarioException>(() => ScenarioLoader.LoadText(yaml, "test.yaml"));
        Assert.NotEmpty(ex.Errors);
        return ex.Errors;
    }

    private static ScenarioError Single(string yaml)
    {
        var errors = Errors(yaml);
        Assert.True(errors.Count == 1, string.Join("\n", errors));
        return errors[0];
    }

    private static void AssertAt(ScenarioError e, int line, int column, string path, params string[] messageParts)
    {
        Assert.Equal("test.yaml", e.File);
        Assert.Equal((line, column, path), (e.Line, e.Column, e.Path));
        foreach (var part in messageParts)
        {
            Assert.Contains(part, e.Message);
        }
    }

    [Fact]
    public void LoadText_ValidBase_Loads()
    {
        var s = ScenarioLoader.LoadText(Base, "test.yaml");
        Assert.Equal(["A", "B"], s.States.Select(x => x.Name));
        Assert.Equal(200, s.States[1].Gdp);
    }

    [Fact]
    public void LoadText_UnknownKey_ReportsTheKeyAndTheAllowedKeys()
    {
        var e = Single(Base.Replace("    gdp: 100\n", "    gdp: 100\n    colour: red\n"));
        AssertAt(e, 7, 5, "states[0].colour", "unknown key 'colour'", "expected one of: name, gdp, growth");
    }

    [Fact]
    public void LoadText_UnknownTopLevelKey_ReportsIt()
    {
        var e = Single("nmae: t\n" + Base);
        AssertAt(e, 1, 1, "nmae", "unknown key 'nmae'", "expected one of: name, title");
    }

    [Fact]
    public void LoadText_WrongType_SaysWhatWasExpected()
    {
        var e = Single(Base.Replace("gdp: 100", "gdp: lots"));
        AssertAt(e, 6, 10, "states[0].gdp", "'lots' is a string", "expected a number in (0, 1000000000000]");
    }

    [Fact]
    public void LoadText_StringForList_SaysAListWasExpected()
    {
        var e = Single("name: t\nstates: India\n");
        AssertAt(e, 2, 9, "states", "'India' is a string", "expected a list");
    }

    [Fact]
    public void LoadText_OutOfRange_GivesTheRange()
    {
        var e = Single(Base.Replace("gdp: 200", "gdp: 200\n    militaryShare: 1.5"));
        AssertAt(e, 9, 20, "states[1].militaryShare", "1.5 is out of range", "expected a number in [0, 1]");
    }

    [Fact]
    public void LoadText_NonPositiveGdp_IsOutOfRange()
    {
        var e = Single(Base.Replace("gdp: 100", "gdp: 0"));
        AssertAt(e, 6, 10, "states[0].gdp", "0 is out of range", "expected a number in (0, 1000000000000]");
    }

    [Fact]
    public void LoadText_StepsAboveLimit_GivesTheIntegerRange()
    {
        var e = Single(Base.Replace("steps: 10", "steps: 5000"));
        AssertAt(e, 3, 8, "steps", "5000 is out of range", "expected an integer in [1, 1000]");
    }

    [Fact]
    public void LoadText_Nan_IsRejectedWithItsLocation()
    {
        var e = Single(Base.Replace("gdp: 100", "gdp: .nan"));
        AssertAt(e, 6, 10, "states[0].gdp", "'.nan' is not a finite number", "expected a finite number");
    }

    [Fact]
    public void LoadText_Infinity_IsRejectedWithItsLocation()
    {
        var e = Single(Base.Replace("gdp: 200", "gdp: 200\n    growth: -.inf"));
        AssertAt(e, 9, 13, "states[1].growth", "'-.inf' is not a finite number", "expected a finite number");
    }

    [Fact]
    public void LoadText_NumberTooLargeForADouble_IsNotFinite()
    {
        var e = Single(Base.Replace("gdp: 100", "gdp: 1e999"));
        AssertAt(e, 6, 10, "states[0].gdp", "'1e999' is not a finite number");
    }

    [Fact]
    public void LoadText_UnknownStateInDyad_NamesTheKnownStates()
    {
        var e = Single(Base + "dyads:\n  - between: [A, C]\n");
        AssertAt(e, 10, 18, "dyads[0].between[1]", "unknown state 'C'", "expected one of: A, B");
    }

    [Fact]
    public void LoadText_DyadNamingOneStateTwice_IsRejected()
    {
        var e = Single(Base + "dyads:\n  - between: [A, a]\n");
        AssertAt(e, 10, 18, "dyads[0].between[1]", "names 'A' twice", "expected two different states");
    }

    [Fact]
    public void LoadText_DyadWithOneState_NeedsTwoItems()
    {
        var e = Single(Base + "dyads:\n  - between: [A]\n");
        AssertAt(e, 10, 14, "dyads[0].between", "has 1 items", "expected at least 2");
    }

    [Fact]
    public void LoadText_UnknownStateInAlliance_IsRejected()
    {
        var e = Single(Base + "alliances:\n  - name: Pact\n    members: [A, Zed]\n");
        AssertAt(e, 11, 18, "alliances[0].members[1]", "unknown state 'Zed'", "expected one of: A, B");
    }

    [Fact]
    public void LoadText_UnknownStateInEvent_IsRejected()
    {
        var e = Single(Base + "timeline:\n  - year: 2003\n    event: incident\n    actors: [A, Q]\n");
        AssertAt(e, 12, 17, "timeline[0].actors[1]", "unknown state 'Q'", "expected one of: A, B");
    }

    [Fact]
    public void LoadText_DyadEventWithOneActor_NeedsTwo()
    {
        var e = Single(Base + "timeline:\n  - year: 2003\n    event: war\n    actors: [A]\n");
        AssertAt(e, 12, 13, "timeline[0].actors", "'war' has 1 actor", "expected exactly 2 different actors");
    }

    [Fact]
    public void LoadText_StateEventWithTwoActors_NeedsOne()
    {
        var e = Single(Base + "timeline:\n  - year: 2003\n    event: economicShock\n    actors: [A, B]\n    value: -0.1\n");
        AssertAt(e, 12, 13, "timeline[0].actors", "'economicShock' has 2 actors", "expected exactly 1 actor");
    }

    [Fact]
    public void LoadText_EventYearOutsideTheHorizon_GivesTheYears()
    {
        var e = Single(Base + "timeline:\n  - year: 2010\n    event: incident\n    actors: [A, B]\n");
        AssertAt(e, 10, 11, "timeline[0].year", "year 2010 is outside the scenario", "expected a year in [2000, 2009]");
    }

    [Fact]
    public void LoadText_UnknownEventKind_ListsTheKinds()
    {
        var e = Single(Base + "timeline:\n  - year: 2003\n    event: treaty\n    actors: [A, B]\n");
        AssertAt(e, 11, 12, "timeline[0].event", "'treaty' is not allowed", "expected one of: cbmSigned");
    }

    [Fact]
    public void LoadText_UnknownWorldParameterInEvent_ListsTheParameters()
    {
        var e = Single(Base + "timeline:\n  - year: 2003\n    event: worldParameterSet\n    name: gravity\n    value: 1\n");
        AssertAt(e, 12, 11, "timeline[0].name", "unknown world parameter 'gravity'", "expected one of: offenseAdvantage, distinguishability");
    }

    [Fact]
    public void LoadText_WorldParameterEventOutOfRange_GivesTheRange()
    {
        var e = Single(Base + "timeline:\n  - year: 2003\n    event: worldParameterSet\n    name: distinguishability\n    value: 2\n");
        AssertAt(e, 13, 12, "timeline[0].value", "2 is out of range", "distinguishability: 2 is out of range; expected a number in [0, 1]");
    }

    [Fact]
    public void LoadText_IncidentRungOutOfLadder_IsRejected()
    {
        var e = Single(Base + "timeline:\n  - year: 2003\n    event: incident\n    actors: [A, B]\n    value: 50\n");
        AssertAt(e, 13, 12, "timeline[0].value", "not a valid starting rung", "expected an integer Kahn rung in [1, 44]");
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("2.5")]
    public void LoadText_WarDurationNotWholeYears_IsRejected(string value)
    {
        var e = Single(Base + $"timeline:\n  - year: 2003\n    event: war\n    actors: [A, B]\n    value: {value}\n");
        AssertAt(e, 13, 12, "timeline[0].value", "not a valid war duration", "expected a whole number of years in [1, 1000]");
    }

    [Fact]
    public void LoadText_UnknownPolicy_ListsThePolicies()
    {
        var e = Single(Base.Replace("gdp: 100", "gdp: 100\n    policy: Hawkish"));
        AssertAt(e, 7, 13, "states[0].policy", "unknown policy 'Hawkish'", "expected one of:", "DefensiveRealist", "Hawk");
    }

    [Fact]
    public void LoadText_UnknownPolicyInObjectForm_PointsAtTheName()
    {
        var e = Single(Base.Replace("gdp: 100", "gdp: 100\n    greedyPolicy: {name: Bully}"));
        AssertAt(e, 7, 26, "states[0].greedyPolicy.name", "unknown policy 'Bully'");
    }

    [Fact]
    public void LoadText_UnknownPolicyParameter_ListsTheParameters()
    {
        var e = Single(Base.Replace("gdp: 100", "gdp: 100\n    policy:\n      name: Grit\n      parameters:\n        cut: 0.1\n        patience: 3"));
        AssertAt(e, 11, 9, "states[0].policy.parameters.patience", "unknown parameter 'patience' of policy Grit", "expected one of: cut, tolerance, floorShare");
    }

    [Fact]
    public void LoadText_ParameterOfPolicyWithoutParameters_SaysItTakesNone()
    {
        var e = Single(Base.Replace("gdp: 100", "gdp: 100\n    policy: {name: OffensiveRealist, parameters: {zeal: 1}}"));
        AssertAt(e, 7, 51, "states[0].policy.parameters.zeal", "policy OffensiveRealist takes no parameters");
    }

    [Fact]
    public void LoadText_ScriptedSeries_Loads()
    {
        var s = ScenarioLoader.LoadText(Base.Replace("gdp: 100", "gdp: 100\n    policy:\n      name: Scripted\n      series:\n        militaryShare: {2000: 0.02, 2005: 0.03}"), "test.yaml");
        Assert.Equal(0.03, s.States[0].Policy.Series["militaryShare"][2005]);
    }

    [Fact]
    public void LoadText_SeriesKeyNotAYear_ExpectsAYear()
    {
        var e = Single(Base.Replace("gdp: 100", "gdp: 100\n    policy: {name: Scripted, series: {posture: {soon: 0.5}}}"));
        AssertAt(e, 7, 49, "states[0].policy.series.posture.soon", "'soon' is not a year", "expected a calendar year");
    }

    [Fact]
    public void LoadText_GdpSeries_LoadsByYear()
    {
        var s = ScenarioLoader.LoadText(Base.Replace("gdp: 100", "gdp: 100\n    gdpSeries: {2000: 100, 2001: 104.5, 2003: 110}"), "test.yaml");
        Assert.Equal([(2000, 100.0), (2001, 104.5), (2003, 110.0)], s.States[0].GdpSeries!.Select(kv => (kv.Key, kv.Value)));
        Assert.Null(s.States[1].GdpSeries);
    }

    [Fact]
    public void LoadText_GdpSeriesKeyNotAYear_ExpectsAYear()
    {
        // 7     gdpSeries: {2000: 100, later: 120}   (key 'later' at column 28)
        var e = Single(Base.Replace("gdp: 100", "gdp: 100\n    gdpSeries: {2000: 100, later: 120}"));
        AssertAt(e, 7, 28, "states[0].gdpSeries.later", "'later' is not a year", "expected a calendar year");
    }

    [Theory]
    [InlineData("0", "0 is out of range", "expected a number in (0, 1000000000000]")]
    [InlineData("-5", "-5 is out of range", "expected a number in (0, 1000000000000]")]
    [InlineData("lots", "'lots' is a string", "expected a number in (0, 1000000000000]")]
    public void LoadText_GdpSeriesValueNotAGdp_SaysTheRangeOfGdp(string value, string found, string expected)
    {
        // 7     gdpSeries: {2000: 100, 2001: VALUE}   (value at column 34)
        var e = Single(Base.Replace("gdp: 100", $"gdp: 100\n    gdpSeries: {{2000: 100, 2001: {value}}}"));
        AssertAt(e, 7, 34, "states[0].gdpSeries.2001", found, expected);
    }

    [Fact]
    public void LoadText_DuplicateState_PointsAtTheSecondName()
    {
        var e = Single(Base.Replace("name: B", "name: a"));
        AssertAt(e, 7, 11, "states[1].name", "duplicate state name 'a'", "already states[0]", "expected unique names");
    }

    [Fact]
    public void LoadText_DuplicateKey_PointsAtTheSecondKey()
    {
        var e = Single(Base.Replace("    gdp: 200\n", "    gdp: 200\n    gdp: 300\n"));
        AssertAt(e, 9, 5, "states[1].gdp", "duplicate key 'gdp'", "first given at line 8, column 5", "may appear only once");
    }

    [Fact]
    public void LoadText_MissingRequiredKey_NamesIt()
    {
        var e = Single(Base.Replace("    gdp: 200\n", ""));
        AssertAt(e, 7, 5, "states[1]", "missing required key 'gdp'");
    }

    [Fact]
    public void LoadText_SyntaxError_ReportsYamlsPosition()
    {
        var e = Single("name: t\ntitle: a: b\nstates: []\n");
        AssertAt(e, 2, 9, "", "YAML syntax error");
    }

    [Fact]
    public void LoadText_UnclosedQuote_IsASyntaxError()
    {
        var e = Single("name: 't\nstates: []\n");
        AssertAt(e, 1, 7, "", "YAML syntax error", "quoted scalar");
    }

    [Fact]
    public void LoadText_UnterminatedFlowSequenceAtEnd_ReportsTheEndOfTheFile()
    {
        var e = Single("name: t\nstates: [a, b");
        AssertAt(e, 3, 1, "", "YAML syntax error", "expected ',' or ']'");
    }

    [Fact]
    public void LoadText_UnterminatedFlowSequenceBeforeMoreKeys_StillHasALocation()
    {
        // YamlDotNet throws InvalidOperationException without a position here; the loader reports the end of
        // the file and where the sequence was opened.
        var e = Single("name: t\nstates: [a, b\nsteps: 3\n");
        Assert.True(e.Line > 0 && e.Column > 0);
        Assert.Contains("YAML syntax error", e.Message);
    }

    [Fact]
    public void LoadText_EmptyFile_IsRejected()
    {
        var e = Single("");
        AssertAt(e, 1, 1, "", "the file is empty", "expected a scenario mapping with at least 'name' and 'states'");
    }

    [Fact]
    public void LoadText_CommentsOnly_IsEmpty()
    {
        var e = Single("# nothing here\n");
        Assert.Contains("the file is empty", e.Message);
    }

    [Fact]
    public void LoadText_TopLevelList_ExpectsAMapping()
    {
        var e = Single("- a\n- b\n");
        AssertAt(e, 1, 1, "", "found a list; expected a mapping");
    }

    [Fact]
    public void LoadText_SeveralErrors_AreAllReportedInFileOrder()
    {
        var yaml = Base.Replace("gdp: 100", "gdp: -5").Replace("gdp: 200", "gdp: 200\n    empathy: 2\n    colour: red") + "dyads:\n  - between: [A, X]\n";
        var errors = Errors(yaml);
        Assert.Equal([(6, 10), (9, 14), (10, 5), (12, 18)], errors.Select(e => (e.Line, e.Column)));
    }

    [Fact]
    public void ScenarioException_Message_IsFileLineColumnPathMessage()
    {
        var ex = Assert.Throws<ScenarioException>(() => ScenarioLoader.LoadText(Base.Replace("gdp: 100", "gdp: lots"), "dir/bad.yaml"));
        Assert.StartsWith("dir/bad.yaml:6:10: states[0].gdp: 'lots' is a string; expected a number in (0, 1000000000000]", ex.Message);
    }

    [Fact]
    public void LoadFile_MissingFile_NamesTheFile()
    {
        var ex = Assert.Throws<ScenarioException>(() => ScenarioLoader.LoadFile("/nonexistent/x.yaml"));
        Assert.Equal("/nonexistent/x.yaml: file not found; expected a scenario YAML file", ex.Message);
    }

    [Fact]
    public void LoadText_FullShape_MapsOntoTheRecords()
    {
        const string yaml = """
            name: full
            title: Full
            startYear: 1990
            steps: 20
            defaultReach: 0.3
            priorBelief: 0.1
            sources: [here]
            world: {offenseAdvantage: 1.5, distinguishability: 0.2, institutions: 0.1, observationNoise: 0.4, depreciation: 0.1, incidentBaseRate: 0.2, source: made up}
            states:
              - {name: A, gdp: 10, growth: 0.02, militaryShare: 0.03, offensiveStock: 1, defensiveStock: 2, posture: 0.4, greedProbability: 0.1, internalThreat: 0.2, developmentPriority: 0.3, empathy: 0.6, resolve: 0.7, identity: [x, y], policy: {name: Richardson, parameters: {reaction: 0.2}}, greedyPolicy: Hawk, source: made up}
              - {name: B, gdp: 20}
            dyads:
              - {between: [A, B], reach: 0.9, reachAB: 0.8, reachBA: 0.7, rivalry: 0.5, transparency: 0.2, hotline: 1, beliefAB: 0.3, beliefBA: 0.4, note: n}
            alliances:
              - {name: P, members: [A], commitment: 0.6}
            timeline:
              - {year: 1995, event: hotlineOpened, actors: [A, B], value: 0.5, description: d, source: s}
              - {year: 1996, event: allianceJoined, actors: [B], name: P}
              - {year: 1997, event: worldParameterSet, name: offenseAdvantage, value: 0.9}
            """;
        var s = ScenarioLoader.LoadText(yaml, "full.yaml");
        Assert.Equal((1990, 20, 0.3, 0.1), (s.StartYear, s.Steps, s.DefaultReach, s.PriorBelief!.Value));
        Assert.Equal(new Spiral.Core.Parameters.WorldParameters(1.5, 0.2, 0.1, 0.4, 0.1, 0.2), s.World);
        var a = s.States[0];
        Assert.Equal((10.0, 0.02, 0.03, 1.0, 2.0, 0.4, 0.1, 0.2, 0.3, 0.6, 0.7),
            (a.Gdp, a.Growth, a.MilitaryShare, a.OffensiveStock, a.DefensiveStock, a.Posture, a.GreedProbability, a.InternalThreat, a.DevelopmentPriority, a.Empathy, a.Resolve));
        Assert.Equal(["x", "y"], a.Identity);
        Assert.Equal(("Richardson", 0.2), (a.Policy.Name, a.Policy.Parameters["reaction"]));
        Assert.Equal("Hawk", a.GreedyPolicy.Name);
        Assert.Equal("DefensiveRealist", s.States[1].Policy.Name);
        var d = Assert.Single(s.Dyads);
        Assert.Equal(("A", "B", 0.9, 0.8, 0.7, 0.5, 0.2, 1.0, 0.3, 0.4), (d.A, d.B, d.Reach, d.ReachAB!.Value, d.ReachBA!.Value, d.Rivalry, d.Transparency, d.Hotline, d.BeliefAB!.Value, d.BeliefBA!.Value));
        Assert.Equal(("P", 0.6), (s.Alliances[0].Name, s.Alliances[0].Commitment));
        Assert.Equal(3, s.Timeline.Count);
        Assert.Equal(Spiral.Core.Scenarios.TimelineEventKind.HotlineOpened, s.Timeline[0].Kind);
        Assert.Equal(("d", "s"), (s.Timeline[0].Description, s.Timeline[0].Source));
        Assert.Equal("offenseAdvantage", s.Timeline[2].Name);
        var world = Spiral.Core.Model.WorldFactory.Create(s, 1, 0);
        for (var t = 0; t < s.Steps; t++)
        {
            Spiral.Core.Model.Kernel.Step(world);
        }
    }
}
