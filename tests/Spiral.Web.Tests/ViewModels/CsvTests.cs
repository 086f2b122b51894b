using Spiral.IO.Scenarios;
using Spiral.Web.ViewModels;

namespace Spiral.Web.Tests.ViewModels;

public class CsvTests
{
    [Fact]
    public void Of_FourWorldsGrid_OneRowPerCell_EveryMapOutcomeWithItsInterval()
    {
        var grid = FourWorldsGrid.Compute(ScenarioLoader.LoadLibrary(FourWorldsGrid.DefaultScenario), 2, 5, 1);
        var lines = Csv.Of(grid).TrimEnd('\n').Split('\n');
        Assert.Equal("offenseAdvantage,distinguishability,quadrant,crises,crisesLow,crisesHigh,crisesAtUseOfForce,crisesAtUseOfForceLow,crisesAtUseOfForceHigh,spirals,spiralsLow,spiralsHigh,hadWar,hadWarLow,hadWarHigh", lines[0]);
        Assert.Equal(1 + grid.Cells.Count, lines.Length);
        var first = grid.Cells[0];
        Assert.StartsWith("0.33,0,", lines[1]);
        Assert.Contains(first.Crises.Mean.ToString("R", System.Globalization.CultureInfo.InvariantCulture), lines[1]);
        Assert.Contains("\"Security dilemma, but security requirements may be compatible\"", lines[1]);
    }

    [Fact]
    public void DataUri_EscapesTheCsv_ForADownloadLink()
    {
        Assert.Equal("data:text/csv;charset=utf-8,a%2Cb%0A1%2C%222%2C3%22%0A", Csv.DataUri("a,b\n1,\"2,3\"\n"));
    }
}
