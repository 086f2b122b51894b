using Spiral.Experiments.Calibration;
using Spiral.IO.Calibration;
using Spiral.IO.Scenarios;

namespace Spiral.IO.Tests.Calibration;

public class ObservedCrisesTests
{
    /// <summary>
    /// The training-period record of every real case in data/observed_crises.csv, by MID level 2/3/4/5: episodes with
    /// two scenario states overlapping the window, level-1 and summary rows left out (e.g. Turkey-Russia 2015 is not a
    /// russia-ukraine-nato dyad; the US-USSR summary row aggregates the other cold-war rows).
    /// </summary>
    [Theory]
    [InlineData("india-china-lac", 2010, 2019, 0, 1, 5, 0)]
    [InlineData("south-china-sea", 2010, 2019, 0, 0, 4, 0)]
    [InlineData("russia-ukraine-nato", 2010, 2019, 0, 0, 3, 0)]
    [InlineData("west-asia", 2010, 2019, 0, 0, 2, 0)]
    [InlineData("anglo-german-naval-race", 1900, 1909, 0, 0, 1, 0)]
    [InlineData("cold-war-hotline", 1955, 1975, 0, 4, 4, 0)]
    [InlineData("afghanistan-2021", 2010, 2019, 0, 0, 3, 0)]
    public void Record_TrainingYears_CountsEpisodesByHighestLevel(string scenario, int first, int last, int threat, int display, int force, int war)
    {
        var record = ObservedCrises.Record(ScenarioLoader.LoadLibrary(scenario), new YearRange(first, last));
        Assert.Equal([threat, display, force, war], record.CountsByLevel);
        Assert.Equal(record.Total, record.Episodes.Count);
    }

    [Fact]
    public void Record_HeldOutYearsOfIndiaChina_CountsGalwanAndItsSequels()
    {
        var record = ObservedCrises.Record(ScenarioLoader.LoadLibrary("india-china-lac"), new YearRange(2020, 2024));
        Assert.Equal([0, 0, 5, 0], record.CountsByLevel); // india-china-04..07 and india-pakistan-04; -05 (2025) is after the window
        Assert.Contains("india-china-05", record.Episodes);
    }

    [Fact]
    public void Record_ScenarioWithoutCase_Throws()
    {
        var ex = Assert.Throws<ObservedDataException>(() => ObservedCrises.Record(ScenarioLoader.LoadLibrary("jervis-doubly-stable"), new YearRange(2000, 2010)));
        Assert.Contains("no observed crisis record", ex.Message);
    }
}
