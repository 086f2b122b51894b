using Spiral.Core.Parameters;
using Spiral.Core.Events;
using Spiral.Core.Model;
using Spiral.Core.Model.Phases;
using Spiral.Core.Scenarios;

namespace Spiral.Core.Tests.Model;

/// <summary>Phase 1: each kind of dated event fires in its year and does what TimelineEffects says.</summary>
public class TimelineEffectsTests
{
    private static World With(string a, string b, params TimelineEvent[] events) =>
        TestWorlds.Dyad(a, b, change: s => s with { Timeline = events });

    private static World With(params TimelineEvent[] events) => With("DefensiveRealist", "DefensiveRealist", events);

    [Fact]
    public void ApplyTimeline_EventOfLaterYear_FiresOnlyInItsYear()
    {
        var w = With(new TimelineEvent(2001, TimelineEventKind.EconomicShock, ["A"], -0.1));
        TimelinePhase.Run(w);
        Assert.Equal(1000, w.Gdp[0]);
        w.Step = 1;
        TimelinePhase.Run(w);
        Assert.Equal(900, w.Gdp[0], 9);
        w.Step = 2;
        TimelinePhase.Run(w);
        Assert.Equal(900, w.Gdp[0], 9);
    }

    [Fact]
    public void CbmSigned_RaisesTransparencyBothWays()
    {
        var w = With(new TimelineEvent(2000, TimelineEventKind.CbmSigned, ["A", "B"], 0.3));
        TimelinePhase.Run(w);
        Assert.Equal((0.3, 0.3), (w.Transparency[1], w.Transparency[2]));
        Assert.True(w.Cbm[1] && w.Cbm[2]);
        Assert.Single(TestWorlds.EventsOf(w, EventKind.CbmSigned));
    }

    [Fact]
    public void CbmSigned_WithoutValue_UsesModelGain()
    {
        var w = With(new TimelineEvent(2000, TimelineEventKind.CbmSigned, ["A", "B"]));
        TimelinePhase.Run(w);
        Assert.Equal(w.P.CbmTransparencyGain, w.Transparency[1], 12);
    }

    [Fact]
    public void HotlineOpenedThenClosed_SetsAndClearsStrength()
    {
        var w = With(new TimelineEvent(2000, TimelineEventKind.HotlineOpened, ["A", "B"], 0.7),
            new TimelineEvent(2001, TimelineEventKind.HotlineClosed, ["B", "A"]));
        TimelinePhase.Run(w);
        Assert.Equal((0.7, 0.7), (w.Hotline[1], w.Hotline[2]));
        Assert.Single(TestWorlds.EventsOf(w, EventKind.HotlineOpened));
        w.Step = 1;
        TimelinePhase.Run(w);
        Assert.Equal((0.0, 0.0), (w.Hotline[1], w.Hotline[2]));
        Assert.Single(TestWorlds.EventsOf(w, EventKind.HotlineClosed));
    }

    [Theory]
    [InlineData(1.0, true)]
    [InlineData(0.0, false)]
    public void RegimeChange_RedrawsTypeWithNewGreedProbability(double p, bool greedy)
    {
        var w = With(new TimelineEvent(2000, TimelineEventKind.RegimeChange, ["B"], p));
        w.IsGreedy[1] = !greedy;
        TimelinePhase.Run(w);
        Assert.Equal(greedy, w.IsGreedy[1]);
        Assert.Equal(p, w.GreedProbability[1]);
        Assert.Single(TestWorlds.EventsOf(w, EventKind.RegimeChange));
    }

    [Fact]
    public void EconomicShock_MultipliesGdp()
    {
        var w = With(new TimelineEvent(2000, TimelineEventKind.EconomicShock, ["B"], 0.25));
        TimelinePhase.Run(w);
        Assert.Equal(1250, w.Gdp[1], 9);
        Assert.Equal(0.25, Assert.Single(TestWorlds.EventsOf(w, EventKind.EconomicShock)).Value);
    }

    [Fact]
    public void InternalUnrest_RaisesInternalThreatWithinOne()
    {
        var w = With(new TimelineEvent(2000, TimelineEventKind.InternalUnrest, ["A"], 0.3),
            new TimelineEvent(2000, TimelineEventKind.InternalUnrest, ["A"], 0.9));
        TimelinePhase.Run(w);
        Assert.Equal(1.0, w.InternalThreat[0]);
        Assert.Equal(2, TestWorlds.Count(w, EventKind.InternalUnrest));
    }

    [Fact]
    public void War_StartsWarFirstAttackingSecond()
    {
        var w = With(new TimelineEvent(2000, TimelineEventKind.War, ["B", "A"]));
        TimelinePhase.Run(w);
        var war = Assert.Single(TestWorlds.EventsOf(w, EventKind.WarStarted));
        Assert.Equal((1, 0, Concept.Timeline, true, WarRoute.Scripted), ((int)war.Actor, (int)war.Target, war.Concept, war.Scripted, war.Route));
        // each side loses warCost 0.1 × 1000 × 2·1000/2000 = 100; no contested stake, no spoils
        Assert.Equal(2 * 900 + 0.0, w.Gdp[0] + w.Gdp[1], 9);
        Assert.True(w.AtWar(0, 1));
    }

    [Fact]
    public void War_ValueIsItsDurationInYears()
    {
        var w = With(new TimelineEvent(2000, TimelineEventKind.War, ["B", "A"], 3));
        TimelinePhase.Run(w);
        Assert.Equal(w.Step + 2, w.WarUntil[1]);
        Assert.All(w.Events.Items.ToArray(), e => Assert.True(e.Scripted));
    }

    [Fact]
    public void Incident_OpensCrisisAtGivenRung()
    {
        var w = With("Hawk", "Dove", new TimelineEvent(2000, TimelineEventKind.Incident, ["A", "B"], 4));
        TimelinePhase.Run(w);
        Assert.Equal(4, Assert.Single(TestWorlds.EventsOf(w, EventKind.Incident)).Rung);
        Assert.Equal(4, Assert.Single(TestWorlds.EventsOf(w, EventKind.CrisisBackDown)).Rung);
    }

    [Fact]
    public void AllianceJoinedThenLeft_SetsMembershipAndCommitment()
    {
        var w = With(new TimelineEvent(2000, TimelineEventKind.AllianceJoined, ["A", "B"], 0.7) { Name = "Pact" },
            new TimelineEvent(2001, TimelineEventKind.AllianceLeft, ["B"]));
        TimelinePhase.Run(w);
        Assert.True(w.AreAllies(0, 1));
        Assert.Equal(0.7, w.AllianceCommitment[w.Alliance[0]]);
        Assert.Equal("Pact", w.AllianceNames[w.Alliance[0]]);
        Assert.Equal(2, TestWorlds.Count(w, EventKind.AllianceFormed));
        w.Step = 1;
        TimelinePhase.Run(w);
        Assert.False(w.AreAllies(0, 1));
        Assert.Equal(-1, w.Alliance[1]);
        Assert.Single(TestWorlds.EventsOf(w, EventKind.AllianceLeft));
    }

    [Fact]
    public void RivalryChange_SetsRivalryBothWays()
    {
        var w = With(new TimelineEvent(2000, TimelineEventKind.RivalryChange, ["A", "B"], 0.6));
        TimelinePhase.Run(w);
        Assert.Equal((0.6, 0.6), (w.Rivalry[1], w.Rivalry[2]));
    }

    [Fact]
    public void MilitaryShareSet_OverridesPolicyForTheYear()
    {
        var w = TestWorlds.Dyad("Hawk", "Dove", change: s => (s with { Timeline = [new TimelineEvent(2000, TimelineEventKind.MilitaryShareSet, ["A"], 0.05)] }).QuietBudget());
        TimelinePhase.Run(w);
        Assert.Equal(0.05, w.ForcedMilitaryShare[0]);
        DecidePhase.Run(w);
        BudgetPhase.Run(w);
        Assert.Equal(0.05, w.MilitaryShare[0]); // the hawk alone would have moved toward its cap by the budget process
        Assert.True(double.IsNaN(w.ForcedMilitaryShare[0]));
        DecidePhase.Run(w);
        BudgetPhase.Run(w);
        Assert.Equal(TestWorlds.Budget(0.05, 0.12), w.MilitaryShare[0], 12);
    }

    [Theory]
    [InlineData("offenseAdvantage")]
    [InlineData("distinguishability")]
    [InlineData("institutions")]
    [InlineData("observationNoise")]
    [InlineData("depreciation")]
    [InlineData("incidentBaseRate")]
    public void WorldParameterSet_SetsNamedParameter(string name)
    {
        var w = With(new TimelineEvent(2000, TimelineEventKind.WorldParameterSet, [], 0.42) { Name = name });
        TimelinePhase.Run(w);
        var value = name switch
        {
            "offenseAdvantage" => w.OffenseAdvantage,
            "distinguishability" => w.Distinguishability,
            "institutions" => w.Institutions,
            "observationNoise" => w.ObservationNoise,
            "depreciation" => w.Depreciation,
            _ => w.IncidentBaseRate,
        };
        Assert.Equal(0.42, value);
        Assert.NotNull(ParameterCatalog.Find(ParameterScope.World, name));
    }

    [Fact]
    public void WorldParameterSet_UnknownName_Throws()
    {
        var w = With(new TimelineEvent(2000, TimelineEventKind.WorldParameterSet, [], 1) { Name = "gravity" });
        Assert.Throws<ScenarioPathException>(() => TimelinePhase.Run(w));
    }

    [Fact]
    public void EveryTimelineKind_IsCoveredByATest()
    {
        // guards this file: a new kind must get a test above
        Assert.Equal(13, Enum.GetValues<TimelineEventKind>().Length);
    }
}
