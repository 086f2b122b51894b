using Spiral.IO.Scenarios;
using Spiral.Web.ViewModels;

namespace Spiral.Web.Tests.ViewModels;

public class WatchedRunTests
{
    [Fact]
    public void Setup_SameSeedAndRun_IsTheStoryPagesRun_YearByYear()
    {
        var scenario = ScenarioLoader.LoadLibrary("india-china-lac");
        var watched = WatchedRun.Setup(scenario, 3, 2);
        var story = StoryRun.Tell(scenario, 3, 2);
        Assert.Equal(scenario.Steps, watched.Steps);
        Assert.Equal(scenario.Steps + 1, watched.Years.Count);
        foreach (var year in story.Years)
        {
            var step = watched.Years.ToList().IndexOf(year.Year);
            Assert.True(step >= 0, $"year {year.Year} is not a step");
            Assert.Equal(year.Lines, watched.Narration(step));
        }
        var greedy = watched.Names.Where(n => watched.State(n, 0).Greedy).ToList();
        Assert.Equal(story.Greedy, greedy);
    }

    [Fact]
    public void Series_GrowOneYearPerStep_AndTheStateAgreesWithThem()
    {
        var scenario = ScenarioLoader.LoadLibrary("india-china-lac");
        var watched = WatchedRun.Setup(scenario, 1, 0);
        for (var t = 0; t <= watched.Steps; t++)
        {
            Assert.All(watched.MilitaryShare(t), s => Assert.Equal(t + 1, s.Share.Count));
            Assert.Equal(t + 1, watched.RungByYear(t).Count);
            var india = watched.State("India", t);
            Assert.Equal(watched.MilitaryShare(t).Single(s => s.State == "India").Share[t], india.MilitaryShare);
            var aboutChina = watched.Beliefs("India", t).Single(b => b.About == "China");
            Assert.Equal(aboutChina.Mean[t], india.Beliefs.Single(b => b.Rival == "China").Belief);
            Assert.Equal(t + 1, aboutChina.Mean.Count);
        }
        Assert.Equal(3, watched.Network(watched.Steps).Count);
        Assert.All(Enumerable.Range(0, watched.Steps + 1), t =>
            Assert.Equal(watched.Crises(t).Select(c => c.Rung).DefaultIfEmpty(0).Max(), watched.RungByYear(watched.Steps)[t]));
    }
}
