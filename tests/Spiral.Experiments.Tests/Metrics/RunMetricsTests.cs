using Spiral.Core;
using Spiral.Core.Events;
using Spiral.Core.Recording;
using Spiral.Core.Scenarios;
using Spiral.Experiments.Metrics;
using Spiral.Experiments.Running;
using Spiral.Testing;

namespace Spiral.Experiments.Tests.Metrics;

public class RunMetricsTests
{
    /// <summary>Three hawks over a contested stake: every crisis climbs to war (model v2 wars come only from crises).</summary>
    private static readonly Scenario Tiny = ScenarioBuilder.Stylized(states: 3, offenseAdvantage: 2.5, distinguishability: 0,
        greedProbability: 0.4, steps: 40, rivalry: 0.5, reach: 1.0, policy: "Hawk");

    private static (RunRecord Record, RunSummary Summary) Eventful()
    {
        var reach = EnsembleRunner.InitialReach(Tiny);
        for (long run = 0; run < 200; run++)
        {
            var r = new RunRecord(3, Tiny.Steps);
            Simulation.Run(Tiny, 3, run, r);
            var s = new RunSummary(3);
            RunMetrics.Summarize(r, reach, s);
            if (s.Wars > 0)
            {
                return (r, s);
            }
        }
        throw new InvalidOperationException("no run with a war in 200");
    }

    [Fact]
    public void Summarize_Counts_MatchTheEvents()
    {
        var (r, s) = Eventful();
        int Count(EventKind k) { var n = 0; foreach (var e in r.Events.Items) if (e.Kind == k) n++; return n; }
        var maxRung = 0;
        var firstWar = -1;
        var tragedies = 0;
        foreach (var e in r.Events.Items)
        {
            maxRung = Math.Max(maxRung, e.Rung);
            if (e.Kind == EventKind.WarStarted)
            {
                if (firstWar < 0) firstWar = e.Step;
                if (!r.IsGreedy[e.Actor] && !r.IsGreedy[e.Target]) tragedies++;
            }
        }
        Assert.Equal(Count(EventKind.WarStarted), s.Wars);
        Assert.Equal(Count(EventKind.CrisisOutcome), s.Crises);
        Assert.Equal(0, s.ScriptedWars);
        Assert.Equal(Count(EventKind.SpiralOnset), s.Spirals);
        Assert.Equal(Count(EventKind.CbmSigned), s.CbmsSigned);
        Assert.Equal(Count(EventKind.CbmProposed) + Count(EventKind.CbmSigned), s.CbmsProposed);
        Assert.Equal(Count(EventKind.CbmBlocked), s.CbmsBlocked);
        Assert.Equal(Count(EventKind.HotlineOpened), s.HotlinesOpened);
        Assert.Equal(Count(EventKind.AllianceFormed), s.AlliancesFormed);
        Assert.Equal(Count(EventKind.CrisisDeEscalatedByHotline), s.CrisesEndedByHotline);
        Assert.Equal(maxRung, s.MaxRung);
        Assert.Equal(firstWar, s.FirstWarStep);
        Assert.Equal(tragedies, s.WarsBetweenSecuritySeekers);
        Assert.Equal(r.Seed, s.Seed);
        Assert.Equal(r.RunIndex, s.RunIndex);
        Assert.True(s.HadWar);
    }

    /// <summary>
    /// A record of three states over a few recorded years whose events are replaced by <paramref name="events"/>:
    /// state 0 greedy, states 1 and 2 security-seekers.
    /// </summary>
    private static RunSummary Of(params SimEvent[] events)
    {
        var scenario = ScenarioBuilder.Stylized(states: 3, steps: 5);
        var r = new RunRecord(3, scenario.Steps);
        Simulation.Run(scenario, 1, 0, r);
        r.IsGreedy[0] = true;
        r.IsGreedy[1] = r.IsGreedy[2] = false;
        r.Events.Clear();
        foreach (var e in events)
        {
            r.Events.Add(e);
        }
        var s = new RunSummary(3);
        RunMetrics.Summarize(r, EnsembleRunner.InitialReach(scenario), s);
        return s;
    }

    private static SimEvent War(int step, int actor, int target, WarRoute route, double believedShare = 0.5, bool scripted = false) =>
        new(step, 2000 + step, EventKind.WarStarted, (short)actor, (short)target, 12, believedShare, Concept.None, MidHostility.War, scripted,
            scripted ? WarRoute.Scripted : route);

    private static SimEvent CrisisEnd(int mid, bool fatal = false, bool scripted = false) =>
        new(1, 2001, EventKind.CrisisOutcome, 1, 2, (short)(mid * 2), fatal ? 1 : 0, Concept.Escalation, (byte)mid, scripted);

    private static SimEvent Event(EventKind kind, double value = 0, bool scripted = false, int rung = 0) =>
        new(1, 2001, kind, 1, 2, (short)rung, value, Concept.None, 0, scripted);

    [Fact]
    public void Summarize_ScriptedWarBetweenSecuritySeekers_CountedApartNotInWars()
    {
        var s = Of(War(2, 1, 2, WarRoute.None, scripted: true), Event(EventKind.Incident, scripted: true, rung: 20));
        Assert.Equal((0, 0, 1), (s.Wars, s.WarsBetweenSecuritySeekers, s.ScriptedWars));
        Assert.False(s.HadWar);
        Assert.Equal(-1, s.FirstWarStep);
        Assert.Equal(0, s.MaxRung);
        Assert.Equal(0, OutcomeRegistry.HadWarBetweenSecuritySeekers.Of(s));
        Assert.Equal(1, OutcomeRegistry.ScriptedWars.Of(s));
    }

    [Fact]
    public void Summarize_ScriptedAndModelWars_OnlyTheModelsCountAndDateTheFirstWar()
    {
        var s = Of(War(2, 1, 2, WarRoute.None, scripted: true), War(4, 2, 1, WarRoute.Preemption), War(5, 0, 1, WarRoute.PrivateInformation));
        Assert.Equal((2, 1, 1), (s.Wars, s.WarsBetweenSecuritySeekers, s.ScriptedWars));
        Assert.Equal(4, s.FirstWarStep);
        Assert.Equal(12, s.MaxRung);
    }

    [Fact]
    public void Summarize_WarsByRoute_CountedPerRouteAndTheWeakerSideOnlyOutsidePreventionAndPreemption()
    {
        var s = Of(
            War(1, 0, 1, WarRoute.PrivateInformation, believedShare: 0.2),   // weaker side
            War(1, 0, 2, WarRoute.PrivateInformation, believedShare: 0.34),  // not under half the target's strength
            War(2, 1, 0, WarRoute.PrivateInformation, believedShare: 0.6),
            War(2, 1, 2, WarRoute.CommitmentProblem, believedShare: 0.1),    // preventive: not counted as weaker side
            War(3, 2, 1, WarRoute.CommitmentProblem, believedShare: 0.5),
            War(3, 2, 0, WarRoute.Preemption, believedShare: 0.1),           // pre-emptive: not counted as weaker side
            War(4, 0, 2, WarRoute.None, believedShare: 0.3),                 // weaker side, no route recorded
            War(4, 2, 0, WarRoute.None, believedShare: 0.1, scripted: true)); // history: in no model count
        Assert.Equal(7, s.Wars);
        Assert.Equal((3, 2, 1), (s.WarsFromPrivateInformation, s.WarsFromCommitmentProblem, s.WarsFromPreemption));
        Assert.Equal(2, s.WarsStartedByWeakerSide);
        Assert.Equal(1, s.ScriptedWars);
        Assert.Equal(2, s.WarsBetweenSecuritySeekers);
    }

    [Fact]
    public void Summarize_CrisisOutcomes_CountedByHighestMidLevelScriptedLeftOut()
    {
        var s = Of(CrisisEnd(2), CrisisEnd(2), CrisisEnd(3), CrisisEnd(4), CrisisEnd(4, fatal: true), CrisisEnd(4), CrisisEnd(5, fatal: true),
            CrisisEnd(4, scripted: true), CrisisEnd(5, scripted: true), Event(EventKind.Incident), Event(EventKind.Demand));
        Assert.Equal(7, s.Crises);
        Assert.Equal((2, 1, 3, 1), (s.CrisesAtThreat, s.CrisesAtDisplay, s.CrisesAtUseOfForce, s.CrisesAtWar));
        Assert.Equal(10, s.MaxRung);
    }

    [Fact]
    public void Summarize_FatalClashesAlliesAndSpirals_ModelEventsOnly()
    {
        var s = Of(Event(EventKind.UseOfForce, 1), Event(EventKind.UseOfForce, 0), Event(EventKind.UseOfForce, 1), Event(EventKind.UseOfForce, 1, scripted: true),
            Event(EventKind.AllyIntervened), Event(EventKind.AllyIntervened), Event(EventKind.AllyIntervened, scripted: true), Event(EventKind.AllyAbandoned),
            Event(EventKind.SpiralOnset), Event(EventKind.SpiralOnset, scripted: true), Event(EventKind.HotlineOpened, scripted: true));
        Assert.Equal(2, s.FatalClashes);
        Assert.Equal((2, 1), (s.AllyInterventions, s.AllyAbandonments));
        Assert.Equal(1, s.Spirals);
        Assert.Equal(0, s.HotlinesOpened);
    }

    [Fact]
    public void ForceOrWarGivenCrisis_TwoRuns_RatioOfSumsNotMeanOfRatios()
    {
        // run 1: 7 crises, 3 at use of force and 1 war; run 2: one crisis at a threat. Σ(4 + 0) / Σ(7 + 1) = 0.5, where the
        // mean of the per-run shares would be (4/7 + 0) / 2 ≈ 0.286.
        var one = Of(CrisisEnd(2), CrisisEnd(2), CrisisEnd(3), CrisisEnd(4), CrisisEnd(4), CrisisEnd(4), War(1, 1, 2, WarRoute.Preemption), CrisisEnd(5));
        var two = Of(CrisisEnd(2));
        double Sum(Outcome o) => o.Of(one) + o.Of(two);
        Assert.Equal(0.5, OutcomeRegistry.ForceOrWarGivenCrisis.Of(Sum), 12);
        Assert.Equal(1.0 / 8, OutcomeRegistry.WarGivenCrisis.Of(Sum), 12);
        Assert.Equal(0, OutcomeRegistry.ForceOrWarGivenCrisis.Of(_ => 0));
    }

    [Fact]
    public void Summarize_PerStateNumbers_MatchTheRows()
    {
        var (r, s) = Eventful();
        var t = r.Steps;
        double errorSum = 0, securityChange = 0;
        for (var i = 0; i < 3; i++)
        {
            var growth = Math.Pow(r.Milex[r.Row(t, i)] / r.Milex[r.Row(0, i)], 1.0 / t) - 1;
            Assert.Equal(growth, s.MilexGrowth[i], 12);
            Assert.Equal(r.Security[r.Row(t, i)], s.FinalSecurity[i]);
            securityChange += r.Security[r.Row(t, i)] - r.Security[r.Row(0, i)];
            double beliefs = 0;
            for (var j = 0; j < 3; j++)
            {
                if (i == j) continue;
                var b = r.BeliefAt(t, i, j);
                beliefs += b;
                var err = Math.Abs(b - (r.IsGreedy[j] ? 1 : 0));
                Assert.Equal(err, s.BeliefError[i * 3 + j], 12);
                errorSum += err;
            }
            Assert.Equal(beliefs / 2, s.MeanBeliefAboutOthers[i], 12);
        }
        Assert.Equal(errorSum / 6, s.MeanBeliefError, 12);
        Assert.Equal(securityChange / 3, s.MeanSecurityChange, 12);
        // every dyad is a rival dyad here, so the arms-race index is the mean of the members' growth, each counted twice
        Assert.Equal(s.MilexGrowth.Average(), s.ArmsRaceIndex, 12);
        Assert.True(double.IsFinite(s.RichardsonReaction));
    }

    [Fact]
    public void Summarize_ReusedSummary_IsResetBetweenRuns()
    {
        var reach = EnsembleRunner.InitialReach(Tiny);
        var (r, _) = Eventful();
        var s = new RunSummary(3);
        RunMetrics.Summarize(r, reach, s);
        var wars = s.Wars;
        RunMetrics.Summarize(r, reach, s);
        Assert.Equal(wars, s.Wars);
    }

    [Fact]
    public void ArmsRace_NoRivalDyads_IsZero()
    {
        var (r, _) = Eventful();
        var (index, reaction) = RunMetrics.ArmsRace(r, new double[9]);
        Assert.Equal(0, index);
        Assert.Equal(0, reaction);
    }
}
