using Spiral.Experiments.Calibration;
using Spiral.Experiments.Scenarios;

namespace Spiral.Experiments.Tests.Calibration;

public class CrisisCalibrationTests
{
    private static CrisisCase Case() => new(
        StylizedScenario.Create(states: 3, greedProbability: 0.3, steps: 10, rivalry: 0.5) with { Name = "trio" },
        new ObservedCrisisRecord(new YearRange(2000, 2009), [0, 1, 2, 0], ["a", "b", "c"]));

    [Fact]
    public void Observed_OneCaseOfThreeCrisesInTenYears_RateAndMidShares()
    {
        var (value, se, _, _) = CrisisCalibration.Observed([Case()]);
        Assert.Equal(0.3, value[0], 12);
        Assert.Equal(Math.Sqrt(3) / 10, se[0], 12);
        Assert.Equal(1223.0 / 1726, value[1], 12); // MID 5.0 1946-2014: levels 4 and 5
        Assert.Equal(29.0 / 1726, value[2], 12);
    }

    [Fact]
    public void Simulate_SameSeedDifferentThreads_BitIdenticalMoments()
    {
        double[] values = [0.3, 0.3, 0.05];
        var one = CrisisCalibration.Simulate([Case()], values, runs: 16, seed: 4, threads: 1);
        var two = CrisisCalibration.Simulate([Case()], values, runs: 16, seed: 4, threads: 2);
        Assert.Equal(one, two);
    }

    [Fact]
    public void Simulate_HigherIncidentRate_MoreCrisesPerCaseYear()
    {
        var low = CrisisCalibration.Simulate([Case()], [0.05, 0.3, 0.05], runs: 32, seed: 4);
        var high = CrisisCalibration.Simulate([Case()], [1.0, 0.3, 0.05], runs: 32, seed: 4);
        Assert.True(high[0] > low[0], $"{high[0]} <= {low[0]}");
    }
}
