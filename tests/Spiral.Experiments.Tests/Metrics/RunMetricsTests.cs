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
    private static readonly Scenario Tiny = ScenarioBuilder.Stylized(states: 3, offenseAdvantage: 2.5, distinguishability: 0,
        greedProbability: 0.4, steps: 40, rivalry: 0.5, reach: 1.0);

    private static (RunRecord Record, RunSummary Summary) Eventful()
    {
        var reach = EnsembleRunner.InitialReach(Tiny);
        for (long run = 0; run < 200; run++)
        {
            var r = new RunRecord(3, Tiny.Steps);
            Simulation.Run(Tiny, 3, run, r);
            var s = new RunSummary(3);
            RunMetrics.Summarize(r, reach, s);
            if (s.Wars > 0 && s.Crises > 0)
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
        Assert.Equal(Count(EventKind.Incident), s.Crises);
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
