using Xunit.Abstractions;
using Spiral.Core.Scenarios;
using Spiral.Experiments.Calibration;

namespace Spiral.Experiments.Tests.Calibration;

public class BacktestTests(ITestOutputHelper output)
{
    /// <summary>Two security-seekers, 2000-2019, each starting away from its long-run burden.</summary>
    private static Scenario Rivals() => new()
    {
        Name = "rivals",
        StartYear = 2000,
        Steps = 20,
        States =
        [
            new StateSpec("A", 1000, Growth: 0.03, MilitaryShare: 0.03) { LongRunShare = 0.05 },
            new StateSpec("B", 600, Growth: 0.03, MilitaryShare: 0.02) { LongRunShare = 0.01 },
        ],
        Dyads = [new DyadSpec("A", "B", Reach: 1, Rivalry: 0.4)],
    };

    private static readonly YearRange Train = new(2000, 2014);
    private static readonly YearRange Test = new(2015, 2019);

    [Fact]
    public void Run_LinearSeries_TrendExactAndPersistenceMaseByHand()
    {
        var observed = new ObservedSpending(new Dictionary<string, IReadOnlyDictionary<int, double>>
        {
            ["A"] = Enumerable.Range(2000, 20).ToDictionary(y => y, y => 100.0 + 5 * (y - 2000)),
        });
        var r = Backtest.Run(Rivals(), observed, Train, Test, new BacktestOptions(Runs: 4, Seed: 1, Threads: 1));
        Assert.Equal(5.0, r.Scale["A"], 12);
        Assert.Equal(0, r.Trend.Pooled.Mase, 9);
        // persistence holds 170 and misses by 5, 10, 15, 20, 25: mean 15 over the naive scale 5 = 3
        Assert.Equal(3.0, r.Persistence.Pooled.Mase, 9);
        Assert.Equal(15.0, r.Persistence.Pooled.Crps, 9);
        Assert.Equal(5, r.Model.Pooled.Points);
        Assert.True(r.VersusTrend.MeanDifference > 0);
    }

    /// <summary>
    /// The truth is known: each observed path is one run of the model (seeds 100-119). Weighting the ensemble (seed 1) by
    /// a path's likelihood up to 2014 must forecast 2015-2019 better, on average over the 20 paths, than the same
    /// ensemble unweighted: lower CRPS and lower MASE.
    /// </summary>
    [Fact]
    public void Run_ModelGeneratedPaths_ConditionedForecastBeatsUnconditioned()
    {
        var scenario = Rivals();
        var all = new YearRange(2000, 2019);
        double conditioned = 0, flat = 0, maseConditioned = 0, maseFlat = 0;
        const int truths = 20;
        for (var k = 0; k < truths; k++)
        {
            var truth = Calibrator.MeanMilex(scenario, all, runs: 1, seed: 100 + (ulong)k, threads: 1);
            var observed = new ObservedSpending(new Dictionary<string, IReadOnlyDictionary<int, double>>
            {
                ["A"] = all.Years.ToDictionary(y => y, y => truth[0][y - 2000]),
                ["B"] = all.Years.ToDictionary(y => y, y => truth[1][y - 2000]),
            });
            var r = Backtest.Run(scenario, observed, Train, Test, new BacktestOptions(Runs: 200, Seed: 1, Threads: 1));
            conditioned += r.Model.Pooled.ScaledCrps / truths;
            flat += r.Unconditioned.Pooled.ScaledCrps / truths;
            maseConditioned += r.Model.Pooled.Mase / truths;
            maseFlat += r.Unconditioned.Pooled.Mase / truths;
        }
        output.WriteLine($"mean scaled CRPS conditioned {conditioned:F4}, unconditioned {flat:F4}; MASE {maseConditioned:F3} vs {maseFlat:F3}");
        Assert.True(conditioned < flat);
        Assert.True(maseConditioned < maseFlat);
    }

    [Fact]
    public void Run_RollingOrigins_EveryOriginForecastsTheTestYearsAfterIt()
    {
        var observed = new ObservedSpending(new Dictionary<string, IReadOnlyDictionary<int, double>>
        {
            ["A"] = Enumerable.Range(2000, 20).ToDictionary(y => y, y => 100.0 + 5 * (y - 2000)),
        });
        var r = Backtest.Run(Rivals(), observed, Train, Test, new BacktestOptions(Runs: 4, Seed: 1, Threads: 1, Rolling: true));
        Assert.Equal([2014, 2015, 2016, 2017, 2018], r.Origins);
        Assert.Equal(5 + 4 + 3 + 2 + 1, r.Model.Pooled.Points);
        Assert.All(r.Model.Points, p => Assert.True(p.Year > p.Origin && Test.Contains(p.Year)));
    }

    [Fact]
    public void Run_ThreadCount_DoesNotChangeTheResult()
    {
        var observed = new ObservedSpending(new Dictionary<string, IReadOnlyDictionary<int, double>>
        {
            ["A"] = Enumerable.Range(2000, 20).ToDictionary(y => y, y => 30.0 + (y % 3)),
        });
        var one = Backtest.Run(Rivals(), observed, Train, Test, new BacktestOptions(Runs: 16, Seed: 2, Threads: 1));
        var two = Backtest.Run(Rivals(), observed, Train, Test, new BacktestOptions(Runs: 16, Seed: 2, Threads: 2));
        Assert.Equal(one.Model.Pooled, two.Model.Pooled);
        Assert.Equal(one.Weights[0].EffectiveSampleSize, two.Weights[0].EffectiveSampleSize);
    }

    [Fact]
    public void KnownAt_DropsLaterEventsAndGdp()
    {
        var scenario = Rivals() with
        {
            States = [Rivals().States[0] with { GdpSeries = new Dictionary<int, double> { [2000] = 1000, [2001] = 1010, [2002] = 1020 } }, Rivals().States[1]],
            Timeline = [new TimelineEvent(2001, TimelineEventKind.Incident, ["A", "B"]), new TimelineEvent(2002, TimelineEventKind.War, ["A", "B"])],
        };
        var known = Backtest.KnownAt(scenario, 2001);
        Assert.Equal([2000, 2001], known.States[0].GdpSeries!.Keys.Order());
        Assert.Single(known.Timeline);
    }
}
