using Spiral.Reporting.Plots;

namespace Spiral.Reporting.Tests.Plots;

public sealed class WarVsParameterPlotTests
{
    [Theory]
    [InlineData("world.offenseAdvantage", "world.offenseAdvantage (ratio, (0, 100])")]
    [InlineData("dyads[India,China].hotline", "dyads[India,China].hotline (share, [0, 1])")]
    [InlineData("model.warRung", "model.warRung (Kahn rung, [1, 44])")]
    [InlineData("states[A].policy", "states[A].policy")]
    public void AxisLabel_CatalogParameter_UnitAndRange(string path, string expected) =>
        Assert.Equal(expected, WarVsParameterPlot.AxisLabel(path));
}
