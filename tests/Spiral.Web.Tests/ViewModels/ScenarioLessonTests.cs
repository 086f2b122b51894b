using Spiral.IO.Scenarios;
using Spiral.Web.ViewModels;

namespace Spiral.Web.Tests.ViewModels;

public class ScenarioLessonTests
{
    [Fact]
    public void Of_LibraryScenario_HasHistoryNoticeAndTry_FromItsDocumentationPage()
    {
        var lesson = ScenarioLesson.Of("india-china-lac");
        Assert.Equal(["lesson-history", "lesson-notice", "lesson-try"], lesson.Select(s => s.Id));
        var doc = ScenarioLibrary.Doc("india-china-lac")!;
        var history = string.Join(" ", lesson[0].Blocks.SelectMany(b => b.Lines));
        Assert.Contains("Galwan clash", history);
        Assert.Contains("the first deaths on the LAC since 1975", doc.Replace("\n", " ", StringComparison.Ordinal));
        Assert.Contains(lesson[1].Blocks, b => b.Kind == LessonBlockKind.List && b.Lines.Count >= 4);
        var commands = lesson[2].Blocks.Single(b => b.Kind == LessonBlockKind.Code).Lines;
        Assert.Contains("spiral compare india-china-lac --intervention hotline:India,China --runs 500", commands);
    }

    [Fact]
    public void Of_EveryLibraryScenario_OpensWithItsHistory()
    {
        foreach (var name in ScenarioLibrary.Names)
        {
            var lesson = ScenarioLesson.Of(name);
            Assert.True(lesson.Count > 0 && lesson[0].Id == "lesson-history", $"{name}: no History section");
        }
    }

    [Fact]
    public void Spans_BoldCodeAndLinks_AreSplitIntoRuns()
    {
        var spans = ScenarioLesson.Spans("**Escalation**: see `spiral run` and [the ladder](../x.md).");
        Assert.Equal(new LessonSpan("Escalation", true, false), spans[0]);
        Assert.Equal(new LessonSpan(": see ", false, false), spans[1]);
        Assert.Equal(new LessonSpan("spiral run", false, true), spans[2]);
        Assert.Equal(new LessonSpan(" and the ladder.", false, false), spans[3]);
    }
}
