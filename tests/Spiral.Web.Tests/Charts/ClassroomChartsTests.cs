using Plotly.Blazor.Traces;
using Spiral.Experiments.Classroom;
using Spiral.IO.Scenarios;
using Spiral.Web.Charts;

namespace Spiral.Web.Tests.Charts;

public class ClassroomChartsTests
{
    private static ClassroomGame Played(int years)
    {
        var scenario = ScenarioLoader.LoadLibrary("jervis-doubly-dangerous");
        var game = new ClassroomGame(scenario, 7, [0, 1], years: 4);
        for (var y = 0; y < years; y++)
        {
            game.CloseYear();
        }
        return game;
    }

    [Fact]
    public void Seat_BeforeTheFirstYearCloses_NoCharts()
    {
        Assert.Empty(ClassroomCharts.Seat(Played(0).ViewOf(0)));
    }

    [Fact]
    public void Seat_AfterTwoYears_OneBeliefLinePerOtherState_WithTheSeatsOwnBeliefs()
    {
        var game = Played(2);
        var view = game.ViewOf(0);
        var charts = ClassroomCharts.Seat(view).ToDictionary(c => c.Id, c => c.Spec);
        Assert.Equal(["chart-seat-beliefs", "chart-seat-observed", "chart-seat-own"], charts.Keys);
        var beliefs = charts["chart-seat-beliefs"].Data.Cast<Scatter>().ToList();
        Assert.Equal(view.Others.Select(o => o.State).Order(), beliefs.Select(b => b.Name).Order());
        foreach (var line in beliefs)
        {
            var expected = view.History.Where(h => h.About == line.Name).OrderBy(h => h.Year).Select(h => h.Belief).ToList();
            Assert.Equal(2, expected.Count);
            Assert.Equal(expected, line.Y.Cast<double>());
        }
        // the x axis spans the whole game, one tick per year, so the lines grow year by year
        var axis = charts["chart-seat-beliefs"].Layout.XAxis[0];
        Assert.Equal(1m, Convert.ToDecimal(axis.DTick));
        Assert.Equal("d", axis.TickFormat);
        var own = charts["chart-seat-own"].Data.Cast<Scatter>().Single();
        Assert.Equal(view.OwnHistory.OrderBy(h => h.Year).Select(h => h.MilitaryShare * 100), own.Y.Cast<double>());
    }

    [Fact]
    public void BeliefsAgainstTruth_OneChartPerSeat_LinesNamedWithTheTrueType()
    {
        var debrief = Played(3).Debrief();
        var charts = ClassroomCharts.BeliefsAgainstTruth(debrief);
        Assert.Equal(["Alpha", "Beta"], charts.Select(c => c.Seat));
        var alpha = charts[0].Spec.Data.Cast<Scatter>().ToList();
        Assert.Equal(5, alpha.Count);
        foreach (var line in alpha)
        {
            var about = line.Name[..line.Name.IndexOf(' ')];
            Assert.Equal($"{about} ({debrief.Types[about]})", line.Name);
            Assert.Equal(debrief.Beliefs.Where(b => b.Observer == "Alpha" && b.About == about).OrderBy(b => b.Year).Select(b => b.Belief), line.Y.Cast<double>());
        }
    }
}
