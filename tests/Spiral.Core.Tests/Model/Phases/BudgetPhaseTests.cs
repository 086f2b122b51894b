using Spiral.Core.Events;
using Spiral.Core.Model;
using Spiral.Core.Model.Phases;
using Spiral.Core.Scenarios;
using Spiral.Testing;

namespace Spiral.Core.Tests.Model.Phases;

/// <summary>
/// Phase 6, budget and economy: the error-correction budget process (DESIGN.md 3.1.1), wartime mobilisation and
/// demobilisation, the floor and the caps, observed GDP, stocks and internal threat. The dyad of <see cref="TestWorlds.Dyad"/>:
/// A and B, GDP 1000, share 0.02, O 87.5, D 162.5, security 0.93 at the start.
/// </summary>
public class BudgetPhaseTests
{
    private static World Quiet(string a = "DefensiveRealist", string b = "DefensiveRealist", Func<Scenario, Scenario>? change = null) =>
        TestWorlds.Dyad(a, b, change: s => (change is null ? s : change(s)).QuietBudget());

    /// <summary>Two states that cannot reach each other: their security is 1 and never changes.</summary>
    private static Scenario Unreachable(string policy = "DefensiveRealist", int steps = 50) =>
        ScenarioBuilder.Dyad(policy, policy, steps: steps) with { Dyads = [new DyadSpec("A", "B", 0.0)] };

    [Fact]
    public void Run_StocksGdpAndMilex_MatchHandComputation()
    {
        var w = Quiet();
        w.MilitaryShare[0] = 0.05;
        w.DesiredBurden[0] = 0.05;
        w.Posture[0] = 0.3;
        w.InternalThreat[0] = 0.2;
        w.Offense[0] = 100;
        w.Defense[0] = 200;
        BudgetPhase.Run(w);
        // share held at its desired burden; milex 50; internal share 0.5·0.2 = 0.1; investment 45
        Assert.Equal(0.05, w.MilitaryShare[0], 12);
        Assert.Equal(50, w.Milex[0], 12);
        Assert.Equal(50.0 / 20.0 - 1, w.MilexGrowth[0], 12);
        Assert.Equal(0.92 * 100 + 0.3 * 45, w.Offense[0], 12);
        Assert.Equal(0.92 * 200 + 0.7 * 45, w.Defense[0], 12);
        // growth 0.03 - 0.1·0.05 - 0.02·0.2 = 0.021
        Assert.Equal(1021, w.Gdp[0], 9);
        // B unchanged in steady state: O = 0.92·87.5 + 0.35·20 = 87.5
        Assert.Equal(87.5, w.Offense[1], 12);
        Assert.Equal(1000 * (1 + 0.03 - 0.1 * 0.02), w.Gdp[1], 9);
    }

    [Fact]
    public void Run_InternalThreat_DecaysAndSpreadsByReach()
    {
        var w = TestWorlds.Dyad();
        w.InternalThreat[0] = 0.2;
        w.Reach[1 * 2 + 0] = 0.5;
        BudgetPhase.Run(w);
        Assert.Equal(0.2 * 0.9, w.InternalThreat[0], 12);
        Assert.Equal(0.05 * 0.5 * 0.2, w.InternalThreat[1], 12);
    }

    [Fact]
    public void Run_BelowDesiredBurden_ClosesGammaOfTheLogGapInOneYear()
    {
        var w = Quiet();
        w.MilitaryShare[0] = 0.01;
        w.DesiredBurden[0] = 0.02;
        BudgetPhase.Run(w);
        // ln m = ln 0.01 + 0.12 (ln 0.02 − ln 0.01)
        Assert.Equal(0.01 * Math.Pow(2, 0.12), w.MilitaryShare[0], 15);
        Assert.Equal(0.12 * Math.Log(2), w.BurdenChange[0], 15);
        Assert.Equal(0.02, w.MilitaryShare[1], 15);
        Assert.Equal(0, w.BurdenChange[1]);

        var fast = Quiet(change: s => s.WithModel(m => m with { BudgetAdjustment = 0.5 }));
        fast.MilitaryShare[0] = 0.01;
        fast.DesiredBurden[0] = 0.02;
        BudgetPhase.Run(fast);
        Assert.Equal(0.01 * Math.Sqrt(2), fast.MilitaryShare[0], 15);
    }

    [Fact]
    public void Run_InsecurityDoubles_ReactsWithinTheYearByThreatReaction()
    {
        var w = TestWorlds.Dyad(change: s => s.WithModel(m => m with { BudgetNoise = 0 }));
        Assert.Equal(0.93, w.PreviousSecurity[0], 12);
        w.Security[0] = 0.86; // 1 − S from 0.07 to 0.14: Δln(1 − S) = ln 2
        BudgetPhase.Run(w);
        Assert.Equal(0.02 * Math.Pow(2, 0.1), w.MilitaryShare[0], 15);
        Assert.Equal(0.1 * Math.Log(2), w.BurdenChange[0], 15);
    }

    [Fact]
    public void Run_YearlyShock_IsNormalWithSdBudgetNoise()
    {
        const int worlds = 4000;
        var changes = new double[worlds];
        for (var k = 0; k < worlds; k++)
        {
            var w = WorldFactory.Create(ScenarioBuilder.Dyad(), 7, k);
            BudgetPhase.Run(w);
            changes[k] = w.BurdenChange[0];
        }
        var mean = changes.Average();
        var sd = Math.Sqrt(changes.Sum(c => (c - mean) * (c - mean)) / (worlds - 1));
        Assert.InRange(mean, -0.003, 0.003);
        Assert.InRange(sd, 0.064, 0.070);
        // one year at m = m* gives m·e^ε: about 68% within one sd (0.067)
        Assert.InRange(changes.Count(c => Math.Abs(c) < 0.067) / (double)worlds, 0.65, 0.71);
    }

    [Fact]
    public void Run_DefensiveRealistAtUnchangedSecurityNoiseOff_StaysExactlyAtLongRunBurden()
    {
        var w = WorldFactory.Create(Unreachable().QuietBudget().WithState(0, st => st with { LongRunShare = 0.02, MilitaryShare = 0.02 }), 1, 0);
        for (var t = 0; t < 50; t++)
        {
            Kernel.Step(w);
            Assert.Equal(1.0, w.Security[0]);
            Assert.Equal(0.02, w.DesiredBurden[0]);
            Assert.Equal(0.02, w.MilitaryShare[0]);
        }
    }

    [Fact]
    public void Run_DefensiveRealistAtUnchangedSecurity_StaysAroundLongRunBurdenWithStationarySpread()
    {
        const int runs = 2000;
        var s = Unreachable();
        var logs = new double[runs];
        for (var k = 0; k < runs; k++)
        {
            logs[k] = Math.Log(Simulation.RunWorld(s, 11, k).MilitaryShare[0] / 0.02);
        }
        Array.Sort(logs);
        var median = 0.02 * Math.Exp((logs[runs / 2 - 1] + logs[runs / 2]) / 2);
        Assert.InRange(median, 0.02 * 0.98, 0.02 * 1.02);
        // AR(1) in logs with coefficient 1 − γ = 0.88: stationary sd 0.067 / √(1 − 0.7744) = 0.141 (a random walk
        // without error correction would spread to 0.067·√50 = 0.47)
        var sd = Math.Sqrt(logs.Sum(x => x * x) / runs);
        Assert.InRange(sd, 0.132, 0.150);
    }

    [Fact]
    public void Run_OffensiveRealist_ConvergesToGreedyBurdenRatioTimesLongRun()
    {
        const int runs = 1000;
        var s = Unreachable("OffensiveRealist");
        var shares = new double[runs];
        for (var k = 0; k < runs; k++)
        {
            shares[k] = Simulation.RunWorld(s, 5, k).MilitaryShare[0];
        }
        Array.Sort(shares);
        Assert.InRange((shares[runs / 2 - 1] + shares[runs / 2]) / 2, 0.03 * 0.98, 0.03 * 1.02);
    }

    [Fact]
    public void Run_AtWarWithEnemyNineTimesStronger_MobilisesWithinAYearThenDemobilises()
    {
        var w = Quiet();
        w.Offense[1] = 9 * 87.5;
        w.Defense[1] = 9 * 162.5;
        w.WarUntil[0 * 2 + 1] = w.WarUntil[1 * 2 + 0] = 0; // at war during step 1 only
        Assert.True(w.AtWar(0));
        Assert.Equal(0.9, BudgetPhase.EnemyCapabilityShare(w, 0), 12);
        BudgetPhase.Run(w);
        // m* = max(0.02, 0.35·0.9) = 0.315; the share closes 0.9 of its gap: 0.02 + 0.9·0.295
        Assert.Equal(0.2855, w.MilitaryShare[0], 12);
        Assert.True(w.MilitaryShare[0] >= 0.9 * w.P.WartimeBurden * 0.9);
        // the stronger side mobilises too, in proportion to its weaker enemy: 0.02 + 0.9·(0.035 − 0.02)
        Assert.Equal(0.0335, w.MilitaryShare[1], 12);
        var buildup = Assert.Single(TestWorlds.EventsOf(w, EventKind.ArmsBuildup), e => e.Actor == 0);
        Assert.Equal((1, Concept.Mobilisation), (buildup.Target, buildup.Concept));
        Assert.Equal(0.2655, buildup.Value, 12);

        // after the war: the share falls back by 0.35 of its gap to the peacetime desired burden each year, above the peacetime cap at first
        var excess = 0.2655;
        for (var t = 1; t <= 20; t++)
        {
            w.Step = t;
            Assert.False(w.AtWar(0));
            BudgetPhase.Run(w);
            excess *= 0.65;
            Assert.Equal(0.02 + excess, w.MilitaryShare[0], 12);
            Assert.True(w.Demobilising[0]);
        }
        Assert.Equal(0.192575, 0.02 + 0.2655 * 0.65, 12);
        var cuts = TestWorlds.EventsOf(w, EventKind.ArmsCut).Where(e => e.Actor == 0).ToList();
        Assert.NotEmpty(cuts);
        Assert.All(cuts, e => Assert.Equal(Concept.Mobilisation, e.Concept));
    }

    [Fact]
    public void Run_DemobilisationReachesPeacetimeDesire_ReturnsToErrorCorrection()
    {
        var w = Quiet();
        w.Demobilising[0] = true;
        w.MilitaryShare[0] = 0.015;
        w.DesiredBurden[0] = 0.02; // below its desire: the peacetime process takes over
        BudgetPhase.Run(w);
        Assert.False(w.Demobilising[0]);
        Assert.Equal(0.015 * Math.Pow(0.02 / 0.015, 0.12), w.MilitaryShare[0], 15);
    }

    [Theory]
    [InlineData(0.0, 0.12)]
    [InlineData(0.25, 0.095)]
    [InlineData(0.5, 0.07)]
    [InlineData(1.0, 0.02)]
    public void Run_DevelopmentPriority_CapsTheShare(double kappa, double cap)
    {
        var w = Quiet(change: s => s.WithState(0, st => st with { DevelopmentPriority = kappa }).WithModel(m => m with { BudgetAdjustment = 1 }));
        Assert.Equal(0.12 * (1 - kappa) + 0.02 * kappa, w.MilitaryShareCap(0), 12);
        Assert.Equal(cap, w.MilitaryShareCap(0), 12);
        w.DesiredBurden[0] = 0.5;
        BudgetPhase.Run(w);
        Assert.Equal(cap, w.MilitaryShare[0], 12);
        w.ForcedMilitaryShare[0] = 0.5;
        BudgetPhase.Run(w);
        Assert.Equal(cap, w.MilitaryShare[0], 12);
        w.DesiredBurden[0] = 0;
        BudgetPhase.Run(w);
        Assert.Equal(0.005, w.MilitaryShare[0], 12); // the minimum deterrent floor
    }

    [Fact]
    public void Run_LargeShocks_FloorAndCapsAlwaysHold()
    {
        var w = TestWorlds.Dyad("Hawk", "Dove", change: s => s.NoIncidents().WithModel(m => m with { BudgetNoise = 1 }));
        int atCap = 0, atFloor = 0;
        for (var t = 0; t < 200; t++)
        {
            Kernel.Step(w);
            Assert.InRange(w.MilitaryShare[0], 0.005, 0.12);
            Assert.InRange(w.MilitaryShare[1], 0.005, 0.12);
            atCap += w.MilitaryShare[0] == 0.12 ? 1 : 0;
            atFloor += w.MilitaryShare[1] == 0.005 ? 1 : 0;
        }
        Assert.True(atCap > 20 && atFloor > 20, $"at cap {atCap}, at floor {atFloor}");

        var war = TestWorlds.Dyad(change: s => s.WithModel(m => m with { BudgetNoise = 1 }));
        war.WarUntil[1] = war.WarUntil[2] = int.MaxValue;
        var atWarCap = 0;
        for (var t = 0; t < 200; t++)
        {
            BudgetPhase.Run(war);
            Assert.InRange(war.MilitaryShare[0], 0.005, 0.35);
            atWarCap += war.MilitaryShare[0] == 0.35 ? 1 : 0;
        }
        Assert.True(atWarCap > 0);
    }

    [Fact]
    public void Run_ForcedShare_BypassesTheBudgetProcess()
    {
        var w = TestWorlds.Dyad();
        w.ForcedMilitaryShare[0] = 0.05;
        BudgetPhase.Run(w);
        Assert.Equal(0.05, w.MilitaryShare[0]);
        Assert.Equal(Math.Log(2.5), w.BurdenChange[0], 15);
        Assert.True(double.IsNaN(w.ForcedMilitaryShare[0]));
        Assert.NotEqual(0.02, w.MilitaryShare[1]); // B keeps its noise
        var buildup = Assert.Single(TestWorlds.EventsOf(w, EventKind.ArmsBuildup), e => e.Actor == 0);
        Assert.Equal(0.03, buildup.Value, 15);
    }

    [Fact]
    public void Step_TimelineShareSet_TakesPrecedenceOverScriptedSeries()
    {
        var s = ScenarioBuilder.Dyad("Scripted", "DefensiveRealist").NoIncidents()
            .WithScript(0, new Dictionary<int, double> { [2000] = 0.03 });
        s = s with { Timeline = [new TimelineEvent(2001, TimelineEventKind.MilitaryShareSet, ["A"], 0.06)] };
        var w = WorldFactory.Create(s, 3, 0);
        var shares = new List<double>();
        for (var t = 0; t < 3; t++)
        {
            Kernel.Step(w);
            shares.Add(w.MilitaryShare[0]);
        }
        Assert.Equal([0.03, 0.06, 0.03], shares);
    }

    [Fact]
    public void Step_GdpSeries_OverridesGrowthInTheYearsItGives()
    {
        var series = new Dictionary<int, double> { [2000] = 1100, [2001] = 1300, [2003] = 1500 };
        var w = WorldFactory.Create(ScenarioBuilder.Dyad().NoIncidents().WithState(0, st => st with { GdpSeries = series }), 2, 0);
        var gdpUsed = new List<double>();
        for (var t = 0; t < 5; t++)
        {
            var grown = w.Gdp[0];
            var gdpB = w.Gdp[1];
            Kernel.Step(w);
            Assert.Equal(gdpB * (1 + 0.03 - 0.1 * w.MilitaryShare[1]), w.Gdp[1], 9); // B, without a series, grows as before
            var used = w.Milex[0] / w.MilitaryShare[0];
            gdpUsed.Add(used);
            if (t == 2 || t == 4)
            {
                Assert.Equal(grown, used, 9); // 2002 and 2004 are not given: last year's GDP, grown
            }
            Assert.Equal(used * (1 + 0.03 - 0.1 * w.MilitaryShare[0]), w.Gdp[0], 9);
        }
        Assert.Equal(1100, gdpUsed[0], 9);
        Assert.Equal(1300, gdpUsed[1], 9);
        Assert.Equal(1500, gdpUsed[3], 9);
    }

    [Fact]
    public void Step_GdpSeriesAfterWar_KeepsTheWarLosses()
    {
        var series = new Dictionary<int, double> { [2000] = 1000, [2001] = 1000, [2002] = 1000 };
        var w = WorldFactory.Create(ScenarioBuilder.Dyad().NoIncidents().WithState(0, st => st with { GdpSeries = series }), 4, 0);
        Kernel.Step(w);
        double before0 = w.Gdp[0], before1 = w.Gdp[1];
        Crisis.War(w, 1, 0, Concept.Escalation, WarRoute.PrivateInformation, 0.5, years: 1);
        // every GDP change of the war is in the factor: the cost, 0.1 × √(Y_A·Y_B) (no stake, no spoils)
        Assert.Equal(w.Gdp[0] / before0, w.WarGdpFactor[0], 12);
        Assert.Equal(w.Gdp[1] / before1, w.WarGdpFactor[1], 12);
        Assert.Equal(1 - 0.1 * Math.Sqrt(before0 * before1) / before0, w.WarGdpFactor[0], 12);
        var factor = w.WarGdpFactor[0];
        Kernel.Step(w);
        Assert.Equal(1000 * factor, w.Milex[0] / w.MilitaryShare[0], 9);
        Kernel.Step(w);
        Assert.Equal(1000 * factor, w.Milex[0] / w.MilitaryShare[0], 9);
    }

    [Fact]
    public void Step_GdpSeriesCoveringAScriptedWar_NotChargedTwice()
    {
        // The observed series already holds a real (scripted) war's losses: the factor stays 1 and GDP is the series.
        var series = new Dictionary<int, double> { [2000] = 1000, [2001] = 1000, [2002] = 1000, [2003] = 1000 };
        var w = WorldFactory.Create(ScenarioBuilder.Dyad().NoIncidents().WithState(0, st => st with { GdpSeries = series }), 4, 0);
        Kernel.Step(w);
        Crisis.War(w, 1, 0, Concept.Timeline, WarRoute.Scripted, 0.5, years: 1);
        Assert.Equal(1.0, w.WarGdpFactor[0]);
        Assert.Equal(1.0, w.WarGdpFactor[1]); // B has no series, but a scripted war is never remembered in the factor
        Kernel.Step(w);
        Assert.Equal(1000, w.Milex[0] / w.MilitaryShare[0], 9);
    }

    [Fact]
    public void Step_ScriptedWarAfterTheSeriesEnds_CostsTheSimulatedGdp()
    {
        var series = new Dictionary<int, double> { [2000] = 1000 };
        var w = WorldFactory.Create(ScenarioBuilder.Dyad().NoIncidents().WithState(0, st => st with { GdpSeries = series }), 4, 0);
        Kernel.Step(w);
        Kernel.Step(w);
        var before = w.Gdp[0];
        Crisis.War(w, 1, 0, Concept.Timeline, WarRoute.Scripted, 0.5, years: 1);
        Assert.True(w.Gdp[0] < before);
        Assert.Equal(1.0, w.WarGdpFactor[0]);
    }

    [Fact]
    public void Step_ArmsEvents_RecordedExactlyBeyondTwiceTheBudgetNoise()
    {
        var w = WorldFactory.Create(ScenarioBuilder.Stylized(states: 6, steps: 40), 9, 0);
        int buildups = 0, cuts = 0;
        for (var t = 1; t <= 40; t++)
        {
            var before = (double[])w.MilitaryShare.Clone();
            Kernel.Step(w);
            for (var i = 0; i < 6; i++)
            {
                var events = w.Events.Items.ToArray().Where(e => e.Step == t && e.Actor == i).ToList();
                var up = events.Where(e => e.Kind == EventKind.ArmsBuildup).ToList();
                var down = events.Where(e => e.Kind == EventKind.ArmsCut).ToList();
                Assert.Equal(w.BurdenChange[i] > 2 * 0.067 ? 1 : 0, up.Count);
                Assert.Equal(w.BurdenChange[i] < -2 * 0.067 ? 1 : 0, down.Count);
                foreach (var e in up.Concat(down))
                {
                    Assert.Equal(w.MilitaryShare[i] - before[i], e.Value, 15);
                }
                buildups += up.Count;
                cuts += down.Count;
            }
        }
        Assert.True(buildups > 0 && cuts > 0, $"buildups {buildups}, cuts {cuts}");
    }
}
