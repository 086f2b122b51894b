using Spiral.Experiments.Counterfactuals;
using Spiral.Experiments.Definitions;
using Spiral.Experiments.Metrics;
using Spiral.Experiments.Running;
using Spiral.IO.Scenarios;
using Spiral.Web.Charts;

namespace Spiral.Web.Tests.Charts;

public class ChartFactoryTests
{
    [Fact]
    public void Differences_OneChartPerOutcomeUnit_EveryRowOnTheAxisOfItsUnit()
    {
        var scenario = ScenarioLoader.LoadLibrary("india-china-lac");
        var result = PairedComparison.Run(new PairedCounterfactual(scenario, [Intervention.Parse("hotline:India,China")], 20, 1),
            new RunnerOptions(2)).Single();
        var charts = ChartFactory.Differences(result);
        var units = result.Outcomes.Select(o => o.Outcome.Unit).Distinct().Append("ratio (over all runs)").ToList();
        Assert.Equal(units, charts.Select(c => c.Unit));
        Assert.Contains(OutcomeRegistry.Units.Probability, units);
        Assert.Contains(OutcomeRegistry.Units.PerRun, units);
        foreach (var (unit, spec) in charts)
        {
            Assert.Contains(unit, spec.Layout.XAxis[0].Title.Text);
        }
    }

    [Theory]
    [InlineData("crises per run", 26, "crises per run")]
    [InlineData("wars started by the weaker side per run", 20, "wars started by the<br>weaker side per run")]
    public void Wrap_LongLabel_BreaksBetweenWords(string text, int width, string expected) =>
        Assert.Equal(expected, ChartFactory.Wrap(text, width));
}
