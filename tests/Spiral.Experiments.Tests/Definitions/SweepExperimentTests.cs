using Spiral.Experiments.Definitions;
using Spiral.Testing;

namespace Spiral.Experiments.Tests.Definitions;

public class SweepExperimentTests
{
    private static readonly Spiral.Core.Scenarios.Scenario Base = ScenarioBuilder.Stylized(states: 3, steps: 10);

    [Fact]
    public void RangeValues_ZeroToNineTenthsByTenth_TenExactDecimals()
    {
        Assert.Equal(["0", "0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9"], SweepAxis.RangeValues(0, 0.9, 0.1));
    }

    [Fact]
    public void ValuesAt_TwoGridAxes_FirstAxisVariesSlowest()
    {
        var sweep = new SweepExperiment(new SweepDefinition("g", Base,
            [SweepAxis.OfValues("world.offenseAdvantage", 0.5, 2.0), SweepAxis.OfValues("states[s1].policy", "DefensiveRealist", "Grit", "Dove")], 4));
        Assert.Equal(6, sweep.PointCount);
        Assert.Equal(24, sweep.TotalRuns());
        Assert.Equal(["0.5", "DefensiveRealist"], sweep.ValuesAt(0));
        Assert.Equal(["0.5", "Dove"], sweep.ValuesAt(2));
        Assert.Equal(["2", "Grit"], sweep.ValuesAt(4));
        Assert.Equal(2.0, sweep.ScenarioAt(4).World.OffenseAdvantage);
        Assert.Equal("Grit", sweep.ScenarioAt(4).States[0].Policy.Name);
        Assert.Equal(4 * 4 + 3, sweep.RunIndex(4, 3));
        Assert.False(sweep.Axes[1].IsNumeric);
    }

    [Fact]
    public void LatinHypercube_FiftySamples_EachStratumOfEachAxisUsedOnce()
    {
        var sweep = new SweepExperiment(new SweepDefinition("l", Base,
            [SweepAxis.OfLatinHypercube("world.institutions", 0, 1), SweepAxis.OfLatinHypercube("world.observationNoise", 0.1, 0.6)], 1,
            Seed: 3, Samples: 50));
        Assert.Equal(50, sweep.PointCount);
        var inst = Enumerable.Range(0, 50).Select(p => double.Parse(sweep.ValuesAt(p)[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var noise = Enumerable.Range(0, 50).Select(p => double.Parse(sweep.ValuesAt(p)[1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Enumerable.Range(0, 50), inst.Select(v => (int)Math.Floor(v * 50)).Order());
        Assert.Equal(Enumerable.Range(0, 50), noise.Select(v => (int)Math.Floor((v - 0.1) / 0.5 * 50)).Order());
    }

    [Fact]
    public void LatinHypercube_SameSeedTwice_SamePointsAndOtherSeedDiffers()
    {
        SweepDefinition Def(ulong seed) => new("l", Base, [SweepAxis.OfLatinHypercube("world.institutions", 0, 1)], 1, seed, Samples: 10);
        var a = new SweepExperiment(Def(5));
        var b = new SweepExperiment(Def(5));
        var c = new SweepExperiment(Def(6));
        Assert.Equal(Enumerable.Range(0, 10).Select(p => a.ValuesAt(p)[0]), Enumerable.Range(0, 10).Select(p => b.ValuesAt(p)[0]));
        Assert.NotEqual(Enumerable.Range(0, 10).Select(p => a.ValuesAt(p)[0]), Enumerable.Range(0, 10).Select(p => c.ValuesAt(p)[0]));
    }

    [Fact]
    public void ValuesAt_GridCrossedWithLatinHypercube_SamplesVaryFastest()
    {
        var sweep = new SweepExperiment(new SweepDefinition("m", Base,
            [SweepAxis.OfValues("world.offenseAdvantage", 1, 2), SweepAxis.OfLatinHypercube("world.institutions", 0, 1)], 2, Samples: 3));
        Assert.Equal(6, sweep.PointCount);
        Assert.Equal(["1", "1", "1", "2", "2", "2"], Enumerable.Range(0, 6).Select(p => sweep.ValuesAt(p)[0]));
        Assert.Equal(sweep.ValuesAt(0)[1], sweep.ValuesAt(3)[1]);
    }

    [Fact]
    public void DefinitionHash_ReplicationsChanged_Differs()
    {
        SweepDefinition Def(int reps) => new("h", Base, [SweepAxis.OfValues("world.institutions", 0, 0.5)], reps);
        Assert.Equal(new SweepExperiment(Def(3)).DefinitionHash(), new SweepExperiment(Def(3)).DefinitionHash());
        Assert.NotEqual(new SweepExperiment(Def(3)).DefinitionHash(), new SweepExperiment(Def(4)).DefinitionHash());
    }

    [Fact]
    public void RangeValues_ExactlyTheLimit_AcceptedAndOneMoreRefused()
    {
        Assert.Equal(SweepAxis.MaxRangeValues, SweepAxis.RangeCount(0, 999_999, 1));
        Assert.Equal(SweepAxis.MaxRangeValues, SweepAxis.RangeValues(0, 999_999, 1).Count);
        Assert.Equal(SweepAxis.MaxRangeValues + 1, SweepAxis.RangeCount(0, 1_000_000, 1));
        var ex = Assert.Throws<ArgumentException>(() => SweepAxis.RangeValues(0, 1_000_000, 1));
        Assert.Contains("more than 1,000,000 values", ex.Message);
        Assert.Throws<ArgumentException>(() => SweepAxis.RangeValues(0, 1, 1e-300));
    }

    [Fact]
    public void Constructor_FourAxesOf65536Values_RefusedNotWrappedToZeroPoints()
    {
        var axis = Enumerable.Range(0, 65_536).Select(k => k.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var definition = new SweepDefinition("huge", Base,
            [SweepAxis.OfValues("world.institutions", axis), SweepAxis.OfValues("world.observationNoise", axis),
             SweepAxis.OfValues("priorBelief", axis), SweepAxis.OfValues("defaultReach", axis)], 1);
        var ex = Assert.Throws<ArgumentException>(() => new SweepExperiment(definition));
        Assert.Equal("the axes make more than 2,147,483,647 points (65536 × 65536 × 65536 × 65536); expected at most 2,147,483,647 runs in all", ex.Message);
    }

    [Fact]
    public void Constructor_PointsTimesReplicationsOverTheLimit_RefusedWithTheProduct()
    {
        var axis = Enumerable.Range(0, 50_000).Select(k => k.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var definition = new SweepDefinition("many", Base, [SweepAxis.OfValues("world.institutions", axis)], 50_000);
        var ex = Assert.Throws<ArgumentException>(() => new SweepExperiment(definition));
        Assert.Equal("50,000 points × 50,000 replications = 2,500,000,000 runs; expected at most 2,147,483,647 runs", ex.Message);
        Assert.Equal(2_147_450_000L, new SweepExperiment(definition with { Replications = 42_949 }).TotalRuns());
    }
}
